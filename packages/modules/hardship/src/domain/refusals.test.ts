import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { assertBudgetCoversGranted, assertOnFile, assertWithinCap, budgetExhausted, capExceeded } from './aid.js';
import { assertLedgerRowCount, MAX_LEDGER_ROWS } from './ledger.js';
import {
  assertEmploymentStarted,
  assertFollowUpVisit,
  assertHouseholdEditable,
  assertNoticeStart,
  assertReviewable,
  assertStillEligible,
  assertVisitHappened,
} from './workflow.js';

/** The refusal a call makes: its kind, field and reason, and that both languages say something. */
function refusal(run: () => void) {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const err = e as DomainError;
    expect(err.text.zh.length).toBeGreaterThan(0);
    expect(err.text.en.length).toBeGreaterThan(0);
    return { kind: err.kind, field: err.details.field, reason: err.details.reason, text: err.text };
  }
  throw new Error('expected a refusal');
}

const noticed = { status: 'noticed' as const, tier: 'relative', submittedBy: 'ann', createdBy: 'bob', noticeEndsOn: '2026-03-14' };

describe('hardship refusals (no database)', () => {
  it('review: not by the submitter or the creator, not before the notice has run, no approval of an ineligible household', () => {
    expect(refusal(() => assertReviewable(noticed, 'ann', 'approve', '2026-03-20')).kind).toBe('forbidden');
    expect(refusal(() => assertReviewable(noticed, 'bob', 'reject', '2026-03-20')).kind).toBe('forbidden');
    const running = refusal(() => assertReviewable(noticed, 'cat', 'approve', '2026-03-14'));
    expect(running).toMatchObject({ kind: 'conflict', reason: 'notice_running' });
    expect(running.text.zh).toContain('2026-03-15 起可审核');
    expect(refusal(() => assertReviewable({ ...noticed, tier: 'not_eligible' }, 'cat', 'approve', '2026-03-15')).kind).toBe('conflict');
    expect(() => assertReviewable({ ...noticed, tier: 'not_eligible' }, 'cat', 'reject', '2026-03-15')).not.toThrow();
    expect(() => assertReviewable(noticed, 'cat', 'approve', '2026-03-15')).not.toThrow();
  });

  it('dates: no employment, visit or follow-up in the future; a notice from the visit and within 30 days; a follow-up after the exit', () => {
    expect(refusal(() => assertEmploymentStarted('2026-05-02', '2026-05-01'))).toMatchObject({ kind: 'invalid', field: 'worker.employmentStart' });
    expect(() => assertEmploymentStarted(undefined, '2026-05-01')).not.toThrow();
    expect(refusal(() => assertVisitHappened('2026-05-02', '2026-05-01'))).toMatchObject({ kind: 'invalid', field: 'visitedOn' });
    expect(() => assertVisitHappened('2026-05-01', '2026-05-01')).not.toThrow();
    expect(refusal(() => assertNoticeStart({ visitedOn: '2026-05-01' }, '2026-04-30', '2026-05-01'))).toMatchObject({ kind: 'invalid', field: 'startsOn' });
    expect(refusal(() => assertNoticeStart({}, '2026-06-01', '2026-05-01'))).toMatchObject({ kind: 'invalid', field: 'startsOn' });
    expect(() => assertNoticeStart({}, '2026-05-31', '2026-05-01')).not.toThrow();
    expect(refusal(() => assertFollowUpVisit('2026-05-02', '2026-05-01', undefined))).toMatchObject({ field: 'visitedOn' });
    expect(refusal(() => assertFollowUpVisit('2026-04-01', '2026-05-01', '2026-04-02')).text.en).toBe('The visit cannot be before the exit');
  });

  it('household figures change before the notice only; a re-verification that finds no hardship is an exit', () => {
    for (const s of ['draft', 'submitted', 'investigated'] as const) expect(() => assertHouseholdEditable(s)).not.toThrow();
    for (const s of ['noticed', 'approved', 'rejected', 'exited'] as const) expect(refusal(() => assertHouseholdEditable(s)).reason).toBe('workflow_order');
    expect(refusal(() => assertStillEligible('not_eligible')).reason).toBe('no_longer_eligible');
    expect(() => assertStillEligible('deep')).not.toThrow();
  });

  it('aid: households on file only, within the cap and the budget', () => {
    expect(refusal(() => assertOnFile({ status: 'exited' })).reason).toBe('not_on_file');
    expect(() => assertOnFile({ status: 'approved' })).not.toThrow();
    expect(refusal(() => assertWithinCap('festival', 200_001, 200_000))).toMatchObject({ field: 'amountFen', reason: 'cap_exceeded', text: { zh: '超出送温暖每户每年上限 2000 元' } });
    expect(() => assertWithinCap('festival', 200_000, 200_000)).not.toThrow();
    expect(capExceeded('medical', 100).details).toMatchObject({ reason: 'cap_exceeded' });
    expect(budgetExhausted(2026, 5_000).details).toMatchObject({ field: 'fundSource', reason: 'budget_exhausted' });
    expect(refusal(() => assertBudgetCoversGranted(99, 100))).toMatchObject({ kind: 'conflict', field: 'budgetFen' });
    expect(() => assertBudgetCoversGranted(100, 100)).not.toThrow();
  });

  it('a ledger import holds at most MAX_LEDGER_ROWS rows', () => {
    expect(() => assertLedgerRowCount(MAX_LEDGER_ROWS)).not.toThrow();
    expect(refusal(() => assertLedgerRowCount(MAX_LEDGER_ROWS + 1))).toMatchObject({ kind: 'invalid', field: 'file' });
  });
});
