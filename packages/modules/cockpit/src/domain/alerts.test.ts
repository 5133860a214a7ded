import { describe, expect, it } from 'vitest';
import { alertsOf, BUDGET_NEARLY_SPENT_BP, spentBp } from './alerts.js';

const fed = (code: string, values: Record<string, number>) => ({ tenantId: code, name: `${code}总工会`, divisionCode: code, values });

describe('alerts a leader should see', () => {
  it('calls a budget nearly spent at 90% granted, not one fen below', () => {
    expect(BUDGET_NEARLY_SPENT_BP).toBe(9_000);
    expect(spentBp(900_000, 1_000_000)).toBe(9_000);
    expect(spentBp(899_999, 1_000_000)).toBe(0);
    expect(spentBp(1_200_000, 1_000_000)).toBe(12_000);
  });

  it('raises nothing for a budget of 0 (nothing was planned to be spent)', () => expect(spentBp(500, 0)).toBe(0));

  it('lists only federations with a count, largest first, and adds the legal clocks of both modules', () => {
    const alerts = alertsOf([
      fed('a', { 'tenThings.items.overdue': 1, 'contracts.clocks.overdue': 2, 'hardship.clocks.overdue': 1 }),
      fed('b', { 'tenThings.items.overdue': 3 }),
      fed('c', {}),
    ]);
    const overdue = alerts.find((x) => x.kind === 'tenThingsOverdue')!;
    expect(overdue.federations.map((f) => [f.divisionCode, f.count])).toEqual([
      ['b', 3],
      ['a', 1],
    ]);
    expect(overdue.total).toBe(4);
    expect(alerts.find((x) => x.kind === 'clocksOverdue')!.federations).toEqual([{ tenantId: 'a', name: 'a总工会', divisionCode: 'a', count: 3 }]);
  });

  it('keeps a rule that lists no federation (a leader reads “none”), and counts federations for the budget', () => {
    const alerts = alertsOf([fed('a', { 'hardship.aid.amountFen': 95, 'hardship.budgetFen': 100 }), fed('b', { 'hardship.aid.amountFen': 10, 'hardship.budgetFen': 100 })]);
    expect(alerts.find((x) => x.kind === 'tenThingsBehind')).toMatchObject({ federations: [], total: 0 });
    expect(alerts.find((x) => x.kind === 'budgetNearlySpent')).toMatchObject({ total: 1, federations: [{ divisionCode: 'a', count: 9_500 }] });
  });
});
