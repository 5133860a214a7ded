import { describe, expect, it } from 'vitest';
import { elapsedShare, itemProgress, milestoneDue, planSummary, targetCompletion } from './status.js';
import { reversalOf, totalsOf, measureOf, filterMatches, type LedgerEntry } from './ledger.js';

// Instants in UTC; the status uses the Asia/Shanghai calendar date.
const at = (date: string) => new Date(`${date}T04:00:00Z`);
const item = (achieved: number[], targets = [{ comparator: 'gte' as const, target: 20 }, { comparator: 'eq' as const, target: 600 }]) => ({ year: 2024, targets, achieved });

describe('completion', () => {
  it('is capped at 100% per target', () => expect(targetCompletion({ comparator: 'gte', target: 20 }, 35)).toBe(1));
  it('a ceiling (≤) is complete while not exceeded', () => {
    expect(targetCompletion({ comparator: 'lte', target: 50 }, 30)).toBe(1);
    expect(targetCompletion({ comparator: 'lte', target: 50 }, 51)).toBe(0);
  });
  it('an item is as complete as its least complete target', () => {
    expect(itemProgress(item([20, 300]), at('2024-06-30')).completion).toBe(0.5);
  });
});

describe('status at fixed clock dates', () => {
  it('elapsed share counts whole Shanghai days of the plan year', () => {
    expect(elapsedShare(2024, '2024-12-31')).toBe(1);
    expect(elapsedShare(2024, '2023-12-31')).toBe(0);
    expect(elapsedShare(2024, '2024-07-01')).toBeCloseTo(183 / 366, 5);
  });
  it('on track when completion keeps pace with the year', () => {
    expect(itemProgress(item([10, 300]), at('2024-06-30')).status).toBe('on_track');
  });
  it('at risk more than 15 points behind the calendar', () => {
    // 2024-07-31: 213/366 = 58.2% elapsed; completion 40% → 18 points behind
    expect(itemProgress(item([8, 600]), at('2024-07-31')).status).toBe('at_risk');
  });
  it('behind more than 30 points behind the calendar', () => {
    expect(itemProgress(item([4, 600]), at('2024-07-31')).status).toBe('behind');
  });
  it('thresholds are settings', () => {
    expect(itemProgress(item([8, 600]), at('2024-07-31'), { atRiskPoints: 20, behindPoints: 40 }).status).toBe('on_track');
  });
  it('done when every target is met, even late', () => {
    expect(itemProgress(item([20, 600]), at('2025-02-01')).status).toBe('done');
  });
  it('overdue once an unmet target passes its deadline (default 12-31 of the plan year)', () => {
    expect(itemProgress(item([19, 600]), at('2024-12-31')).status).not.toBe('overdue');
    expect(itemProgress(item([19, 600]), at('2025-01-01')).status).toBe('overdue');
    const early = [{ comparator: 'gte' as const, target: 20, deadline: '2024-06-30' }];
    expect(itemProgress({ year: 2024, targets: early, achieved: [5] }, at('2024-07-01')).status).toBe('overdue');
  });
  it('uses the Shanghai date: 2024-12-31T16:30Z is already 2025-01-01 in China', () => {
    expect(itemProgress(item([19, 600]), new Date('2024-12-31T16:30:00Z')).status).toBe('overdue');
  });
  it('summarises a plan by status and mean completion', () => {
    const s = planSummary([itemProgress(item([20, 600]), at('2024-06-30')), itemProgress(item([10, 300]), at('2024-06-30'))]);
    expect(s.byStatus).toMatchObject({ done: 1, on_track: 1 });
    expect(s.completion).toBe(0.75);
  });
});

describe('reversals', () => {
  const report: LedgerEntry = { entryId: 'e1', itemId: 'i', planId: 'p', targetIndex: 1, quantity: 120, occurredOn: '2024-03-01', entryType: 'report', reporter: 'u', recordedAt: 'x' };
  const ids = { entryId: 'e2', reporter: 'staff', today: '2024-03-02', now: 'y' };
  it('negates the quantity on the same target and keeps the reason', () => {
    const r = reversalOf(report, ' 重复填报 ', ids);
    expect(r).toMatchObject({ entryType: 'correction', quantity: -120, targetIndex: 1, reverses: 'e1', reason: '重复填报' });
    expect(totalsOf([report, r], 2)).toEqual([0, 0]);
  });
  it('refuses to reverse twice, to reverse a correction, or without a reason', () => {
    expect(() => reversalOf({ ...report, reversedBy: 'e2' }, '重复', ids)).toThrow(/已冲正/);
    expect(() => reversalOf({ ...report, entryType: 'correction' }, '重复', ids)).toThrow(/不能再次冲正/);
    expect(() => reversalOf({ ...report, entryType: 'linked' }, '重复', ids)).toThrow(/事件/);
    expect(() => reversalOf(report, ' ', ids)).toThrow(/原因/);
  });
});

describe('linked measures', () => {
  it('counts or sums a field, with exact-match filters', () => {
    expect(measureOf('count', {})).toBe(1);
    expect(measureOf('sum:persons', { persons: 3 })).toBe(3);
    expect(measureOf('sum:persons', { persons: 'x' })).toBeUndefined();
    expect(filterMatches({ kind: 'education' }, { kind: 'education', amountFen: 1 })).toBe(true);
    expect(filterMatches({ kind: 'education' }, { kind: 'medical' })).toBe(false);
  });
});

describe('the 责任状 milestones', () => {
  const milestones = [
    { quarter: 1 as const, share: 20 },
    { quarter: 2 as const, share: 60 },
    { quarter: 3 as const, share: 80 },
  ];
  const withMilestones = (achieved: number) => ({ year: 2024, targets: [{ comparator: 'gte' as const, target: 100 }], achieved: [achieved], assignment: { milestones } });

  it('count from the day after their quarter ends (Asia/Shanghai), the latest ended one in force', () => {
    expect(milestoneDue(2024, milestones, '2024-03-31')).toBeUndefined();
    expect(milestoneDue(2024, milestones, '2024-04-01')).toEqual({ quarter: 1, share: 20 });
    expect(milestoneDue(2024, milestones, '2024-06-30')).toEqual({ quarter: 1, share: 20 });
    expect(milestoneDue(2024, milestones, '2024-07-01')).toEqual({ quarter: 2, share: 60 });
    expect(milestoneDue(2024, milestones, '2024-12-31')).toEqual({ quarter: 3, share: 80 });
    expect(milestoneDue(2024, [...milestones, { quarter: 4, share: 100 }], '2025-01-01')).toEqual({ quarter: 4, share: 100 });
    expect(milestoneDue(2024, undefined, '2024-12-31')).toBeUndefined();
    // Shanghai's 07-01 begins at 16:00 UTC on 06-30.
    expect(itemProgress(withMilestones(59), new Date('2024-06-30T15:59:00Z')).milestone?.quarter).toBe(1);
    expect(itemProgress(withMilestones(59), new Date('2024-06-30T16:00:00Z')).milestone?.quarter).toBe(2);
  });

  it('make an item short of its Q2 milestone behind, although the year-linear line says on track', () => {
    // 2024-07-02: 50.3% of the year elapsed; 59% done is 8.7 points ahead of the line, but short of Q2's 60%.
    const short = itemProgress(withMilestones(59), at('2024-07-02'));
    expect(short.gapPoints).toBeGreaterThan(0);
    expect(short).toMatchObject({ status: 'behind', milestone: { quarter: 2, share: 60, met: false } });
    expect(itemProgress(withMilestones(60), at('2024-07-02'))).toMatchObject({ status: 'on_track', milestone: { quarter: 2, share: 60, met: true } });
    // The day before Q2 ends, only Q1's 20% is due.
    expect(itemProgress(withMilestones(59), at('2024-06-30'))).toMatchObject({ status: 'on_track', milestone: { quarter: 1, met: true } });
  });

  it('leave done and overdue as they are, and the linear checks apply once the milestone is met', () => {
    expect(itemProgress(withMilestones(100), at('2024-07-02')).status).toBe('done');
    expect(itemProgress({ ...withMilestones(10), targets: [{ comparator: 'gte' as const, target: 100, deadline: '2024-06-30' }] }, at('2024-07-02')).status).toBe('overdue');
    // Q1's 20% met on 2024-06-01 (41.8% elapsed) with 21% done: 20.8 points behind the line → at risk.
    expect(itemProgress(withMilestones(21), at('2024-06-01'))).toMatchObject({ status: 'at_risk', milestone: { quarter: 1, met: true } });
  });

  it('are absent from the progress of an item without a 责任状', () => {
    expect(itemProgress(item([10, 300]), at('2024-07-02')).milestone).toBeUndefined();
  });
});
