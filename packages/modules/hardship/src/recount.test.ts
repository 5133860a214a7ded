import { describe, expect, it } from 'vitest';
import { valuesFromDeltas } from '@ufp/kit/recount';
import { hardshipIndicators } from './metrics.js';
import { budgetDeltas, fileDeltas, grantDeltas, overdueDeltas } from './recount.js';

const step = (action: string, on: string, at = `${on}T02:00:00.000Z`) => ({ at, action, actor: 'u', on });
const walked = ['create', 'submit', 'investigate', 'publishNotice'].map((a) => step(a, '2026-03-01'));
const values = (year: number, deltas: ReturnType<typeof fileDeltas>) => valuesFromDeltas(hardshipIndicators, year, deltas);

describe('hardship recount', () => {
  it('replays a file through its timeline: on file from its approval, with the days from submission', () => {
    const file = { tier: 'relative' as const, submittedOn: '2026-03-01', timeline: [...walked, step('approve', '2026-03-21')] };
    expect(values(2026, fileDeltas(file))).toEqual({ 'hardship.households': 1, 'hardship.households.relative': 1, 'hardship.approvals': 1, 'hardship.daysToApproval': 20 });
    expect(values(2027, fileDeltas(file))).toEqual({ 'hardship.households': 1, 'hardship.households.relative': 1 });
  });

  it('an exit and a re-entry move the household in the year each was recorded (Asia/Shanghai)', () => {
    const file = { tier: 'deep' as const, submittedOn: '2026-03-01', timeline: [...walked, step('approve', '2026-03-21'), step('exit', '2026-12-31', '2026-12-31T16:30:00.000Z'), step('reenter', '2027-05-01')] };
    expect(values(2026, fileDeltas(file))).toMatchObject({ 'hardship.households': 1, 'hardship.approvals': 1 });
    expect(values(2027, fileDeltas(file))).toEqual({ 'hardship.households': 1, 'hardship.households.deep': 1, 'hardship.exits': 1, 'hardship.reentries': 1 });
  });

  it('a rejected or not-eligible file is never on file, and a step out of order is skipped rather than failing the recount', () => {
    expect(values(2026, fileDeltas({ tier: 'relative', submittedOn: '2026-03-01', timeline: [...walked, step('reject', '2026-03-21')] }))).toEqual({});
    expect(values(2026, fileDeltas({ tier: 'not_eligible', submittedOn: '2026-03-01', timeline: [...walked, step('approve', '2026-03-21')] }))).toEqual({ 'hardship.approvals': 1, 'hardship.daysToApproval': 20 });
    expect(fileDeltas({ tier: 'relative', timeline: [step('exit', '2026-01-01')] })).toEqual([]);
  });

  it('grants count in their own year, by kind and fund source', () => {
    const deltas = grantDeltas([{ year: 2026, kind: 'festival', fundSource: 'union', amountFen: 50_000 }, { year: 2027, kind: 'medical', fundSource: 'union', amountFen: 1 }]);
    expect(values(2026, deltas)).toEqual({ 'hardship.aid.grants': 1, 'hardship.aid.amountFen': 50_000, 'hardship.aid.amountFen.festival': 50_000, 'hardship.aid.amountFen.source.union': 50_000 });
  });

  it('the year’s budgets count by source, and overdue clocks as the files are marked', () => {
    expect(values(2026, budgetDeltas([{ year: 2026, source: 'union', budgetFen: 500 }, { year: 2027, source: 'union', budgetFen: 9 }]))).toEqual({ 'hardship.budgetFen': 500, 'hardship.budgetFen.source.union': 500 });
    expect(values(2026, overdueDeltas([{ overdueClocks: ['investigation', 'followUp'] }, {}], 2026))).toEqual({ 'hardship.clocks.overdue': 2 });
  });
});
