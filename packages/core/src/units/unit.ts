import type { MetricDeltas } from '../events.js';

export const unitTypes = ['enterprise', 'industry', 'regional', 'new_employment_form'] as const;
export type UnitType = (typeof unitTypes)[number];

export const unitTypeLabels: Record<UnitType, { zh: string; en: string }> = {
  enterprise: { zh: '企业工会', en: 'Enterprise union' },
  industry: { zh: '行业工会联合会', en: 'Industry union federation' },
  regional: { zh: '区域性工会联合会', en: 'Regional union federation' },
  new_employment_form: { zh: '新就业形态工会', en: 'New-employment-form union' },
};

/** A grassroots union (基层工会) as stored; the chair's phone is kept encrypted. */
export interface Unit {
  unitId: string;
  tenantId: string;
  name: string;
  type: UnitType;
  uscc?: string;
  memberCount: number;
  /** The phone is stored encrypted, with its masked form beside it for lists. */
  chair: { name: string; phoneEncrypted?: string; phoneMasked?: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a unit contributes to the rollups: counts only, never names or contacts. */
export function unitMetrics(unit: Pick<Unit, 'type' | 'memberCount'>): MetricDeltas {
  return { 'units.count': 1, 'units.members': unit.memberCount, [`units.byType.${unit.type}`]: 1 };
}

/** The change in rollup metrics when a unit goes from `before` to `after` (either may be absent). */
export function unitMetricDeltas(
  before: Pick<Unit, 'type' | 'memberCount'> | undefined,
  after: Pick<Unit, 'type' | 'memberCount'> | undefined,
): MetricDeltas {
  const deltas: MetricDeltas = {};
  const add = (m: MetricDeltas, sign: 1 | -1) => {
    for (const [k, v] of Object.entries(m)) deltas[k] = (deltas[k] ?? 0) + sign * v;
  };
  if (before) add(unitMetrics(before), -1);
  if (after) add(unitMetrics(after), 1);
  for (const k of Object.keys(deltas)) if (deltas[k] === 0) delete deltas[k];
  return deltas;
}
