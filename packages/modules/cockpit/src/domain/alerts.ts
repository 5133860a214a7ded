import type { Text } from '@ufp/core/rollups/indicators';

/**
 * What a leader should see and act on, as counts per federation (no record, no person). A federation is listed
 * under an alert when its count is above zero; the budget alert when the year's grants reach 90% of the year's
 * budget (a budget of 0 raises no alert: nothing was planned to be spent).
 */
export type AlertKind = 'tenThingsBehind' | 'tenThingsOverdue' | 'clocksOverdue' | 'budgetNearlySpent';

export const BUDGET_NEARLY_SPENT_BP = 9_000;

export interface AlertRule {
  kind: AlertKind;
  label: Text;
  /** The metrics the rule reads (a federation's values for the year). */
  metrics: readonly string[];
  /** The count shown for a federation (0: not listed); for the budget, the share spent in basis points. */
  count(values: Record<string, number>): number;
}

export const ALERT_RULES: readonly AlertRule[] = [
  {
    kind: 'tenThingsOverdue',
    label: { zh: '十件实事逾期项目', en: 'Ten-things items overdue' },
    metrics: ['tenThings.items.overdue'],
    count: (v) => v['tenThings.items.overdue'] ?? 0,
  },
  {
    kind: 'tenThingsBehind',
    label: { zh: '十件实事进度落后项目', en: 'Ten-things items behind schedule' },
    metrics: ['tenThings.items.behind'],
    count: (v) => v['tenThings.items.behind'] ?? 0,
  },
  {
    kind: 'clocksOverdue',
    label: { zh: '超过法定时限未办结事项', en: 'Legal clocks overdue' },
    metrics: ['contracts.clocks.overdue', 'hardship.clocks.overdue'],
    count: (v) => (v['contracts.clocks.overdue'] ?? 0) + (v['hardship.clocks.overdue'] ?? 0),
  },
  {
    kind: 'budgetNearlySpent',
    label: { zh: '帮扶资金预算即将用完（≥90%）', en: 'Assistance budget nearly spent (≥90%)' },
    metrics: ['hardship.aid.amountFen', 'hardship.budgetFen'],
    count: (v) => spentBp(v['hardship.aid.amountFen'] ?? 0, v['hardship.budgetFen'] ?? 0),
  },
];

/** The share of the budget granted, in basis points, when it reaches the alert line; else 0. */
export function spentBp(grantedFen: number, budgetFen: number): number {
  if (budgetFen <= 0) return 0;
  const bp = Math.floor((grantedFen * 10_000) / budgetFen);
  return bp >= BUDGET_NEARLY_SPENT_BP ? bp : 0;
}

export interface AlertFederation {
  tenantId: string;
  name: string;
  divisionCode: string;
  values: Record<string, number>;
}

/** Every rule with the federations it lists, largest count first; rules listing none are kept (a leader sees "none"). */
export function alertsOf(federations: readonly AlertFederation[], rules: readonly AlertRule[] = ALERT_RULES) {
  return rules.map((rule) => {
    const listed = federations
      .map((f) => ({ tenantId: f.tenantId, name: f.name, divisionCode: f.divisionCode, count: rule.count(f.values) }))
      .filter((f) => f.count > 0)
      .sort((a, b) => b.count - a.count || a.divisionCode.localeCompare(b.divisionCode));
    return { kind: rule.kind, label: rule.label, federations: listed, total: rule.kind === 'budgetNearlySpent' ? listed.length : listed.reduce((s, f) => s + f.count, 0) };
  });
}
