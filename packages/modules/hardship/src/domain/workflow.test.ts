import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { addMonths, allowedActions, budgetMetrics, assertConsent, assertReviewerIsNotSubmitter, fileMetricDeltas, investigationDueOn, isStale, nextStatus } from './workflow.js';

describe('hardship file workflow', () => {
  it('walks submit → investigate → notice → approve → exit → reenter', () => {
    let s = nextStatus('draft', 'submit');
    s = nextStatus(s, 'investigate');
    s = nextStatus(s, 'publishNotice');
    s = nextStatus(s, 'approve');
    expect(s).toBe('approved');
    expect(nextStatus(s, 'reverify')).toBe('approved');
    s = nextStatus(s, 'exit');
    expect(s).toBe('exited');
    expect(nextStatus(s, 'reenter')).toBe('approved');
  });

  it('refuses steps out of order with a 409 naming the current status', () => {
    try {
      nextStatus('submitted', 'publishNotice');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).text.zh).toBe('档案当前状态为「待调查」，不能发布公示');
    }
    expect(() => nextStatus('investigated', 'approve')).toThrow(DomainError);
    expect(() => nextStatus('approved', 'reenter')).toThrow(DomainError);
  });

  it('lists the actions a status allows', () => {
    expect(allowedActions('noticed')).toEqual(['approve', 'reject']);
    expect(allowedActions('approved')).toEqual(['reverify', 'exit']);
  });

  it('refuses a reviewer who submitted the application', () => {
    expect(() => assertReviewerIsNotSubmitter('staff-a', 'staff-a')).toThrow(/审核人不能是该申请的提交人/);
    expect(() => assertReviewerIsNotSubmitter('staff-b', 'staff-a')).not.toThrow();
  });

  it('dates the 5-day investigation in natural days, across a holiday', () => {
    expect(investigationDueOn('2026-03-02', 5)).toBe('2026-03-07');
    expect(investigationDueOn('2025-09-30', 5)).toBe('2025-10-05'); // 国庆 does not extend it
  });

  it('dates the 6-month follow-up, clamping to the month end', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
  });

  it('flags files unchanged for a year', () => {
    expect(isStale('2025-03-01', '2026-02-28')).toBe(false);
    expect(isStale('2025-03-01', '2026-03-01')).toBe(true);
  });

  it('moves households by tier on approval, exit and re-entry', () => {
    expect(fileMetricDeltas({ status: 'noticed', tier: 'deep' }, { status: 'approved', tier: 'deep' })).toEqual({ 'hardship.households': 1, 'hardship.households.deep': 1 });
    expect(fileMetricDeltas({ status: 'approved', tier: 'deep' }, { status: 'exited', tier: 'deep' })).toEqual({ 'hardship.households': -1, 'hardship.households.deep': -1, 'hardship.exits': 1 });
    expect(fileMetricDeltas({ status: 'exited', tier: 'relative' }, { status: 'approved', tier: 'relative' })).toEqual({ 'hardship.households': 1, 'hardship.households.relative': 1, 'hardship.reentries': 1 });
    expect(fileMetricDeltas({ status: 'approved', tier: 'deep' }, { status: 'approved', tier: 'relative' })).toEqual({ 'hardship.households.deep': -1, 'hardship.households.relative': 1 });
  });

  it('a draft without the worker’s consent is submitted only with the consent confirmed on that step', () => {
    expect(() => assertConsent({ consentGiven: false }, undefined)).toThrow(/尚未取得职工本人同意/);
    try {
      assertConsent({ consentGiven: false }, false);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('conflict');
    }
    expect(() => assertConsent({ consentGiven: false }, true)).not.toThrow();
    expect(() => assertConsent({ consentGiven: true }, undefined)).not.toThrow();
  });
});

describe('budget rollup deltas', () => {
  it('counts a budget set by its change, in total and by source; an unchanged budget moves nothing', () => {
    expect(budgetMetrics('union', 0, 500_000)).toEqual({ 'hardship.budgetFen': 500_000, 'hardship.budgetFen.source.union': 500_000 });
    expect(budgetMetrics('union', 500_000, 300_000)).toEqual({ 'hardship.budgetFen': -200_000, 'hardship.budgetFen.source.union': -200_000 });
    expect(budgetMetrics('union', 300_000, 300_000)).toEqual({});
  });
});
