import { conflict, forbidden, type DomainError } from '@ufp/core/errors';
import { aidKindLabels, type AidKind } from './rules.js';
import type { FileStatus } from './workflow.js';

/**
 * Aid (帮扶资金) rules: only households on file receive assistance, a grant stays within its
 * kind's yearly cap per household and within the fund source's budget of the year. The cap
 * and the budget are also conditions of the grant's transaction (see store.addGrant): these
 * errors are what a failed condition answers.
 */

/** Only households on file can receive assistance. */
export function assertOnFile(file: { status: FileStatus }): void {
  if (file.status !== 'approved') throw conflict({ zh: '仅已建档的困难职工可发放帮扶资金', en: 'Only households on file can receive assistance' }, { reason: 'not_on_file' });
}

export function capExceeded(kind: AidKind, capFen: number): DomainError {
  const label = aidKindLabels[kind];
  return conflict(
    { zh: `超出${label.zh}每户每年上限 ${capFen / 100} 元`, en: `Over the ${label.en} cap of ${capFen / 100} yuan per household per year` },
    { field: 'amountFen', reason: 'cap_exceeded' },
  );
}

/** One grant alone may not exceed the cap (what the household already received is the transaction's condition). */
export function assertWithinCap(kind: AidKind, amountFen: number, capFen: number): void {
  if (amountFen > capFen) throw capExceeded(kind, capFen);
}

export function budgetExhausted(year: number, amountFen: number): DomainError {
  return conflict(
    { zh: `${year} 年该资金来源预算不足（或未设置预算），无法发放 ${amountFen / 100} 元`, en: `The ${year} budget of this fund source is insufficient (or not set) for ${amountFen / 100} yuan` },
    { field: 'fundSource', reason: 'budget_exhausted' },
  );
}

/** A budget cannot be set below what has already been granted from it. */
export function assertBudgetCoversGranted(budgetFen: number, grantedFen: number): void {
  if (budgetFen < grantedFen) {
    throw conflict({ zh: `预算不能低于已发放金额 ${grantedFen / 100} 元`, en: `The budget cannot be below the ${grantedFen / 100} yuan already granted` }, { field: 'budgetFen' });
  }
}

/** Whether a grant of this amount needs a second staff member's approval: above the rule pack's threshold, when one is set. */
export function needsApproval(amountFen: number, pack: { grantApprovalAboveFen?: number }): boolean {
  return pack.grantApprovalAboveFen !== undefined && amountFen > pack.grantApprovalAboveFen;
}

export type GrantRequestStatus = 'pending' | 'approved' | 'declined';

/** A request is decided once, and not by the staff member who made it (双人审批). */
export function assertCanDecide(request: { status: GrantRequestStatus; requestedBy: string }, decider: string): void {
  if (request.status !== 'pending') {
    const state = request.status === 'approved' ? { zh: '已批准', en: 'approved' } : { zh: '已驳回', en: 'declined' };
    throw conflict({ zh: `该发放申请${state.zh}，不能再审批`, en: `The grant request is already ${state.en}` }, { reason: 'already_decided', status: request.status });
  }
  if (request.requestedBy === decider) {
    throw forbidden({ zh: '大额发放须由申请人以外的另一名工作人员审批', en: 'A large grant must be approved by a staff member other than the one who requested it' });
  }
}
