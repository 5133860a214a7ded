import { conflict, forbidden, invalid, type DomainError } from '@ufp/core/errors';
import { APPLICANT_RELATION } from './household-identity.js';
import { aidKindLabels, SchoolLevel, type AidKind, type HardshipRulePack } from './rules.js';
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

// ── 金秋助学: per student ───────────────────────────────────────────────────────────────
/*
 * 金秋助学 is granted per student, not per household: each grant names one of the household's members (not the
 * worker themself) and the school level; the level's amount of the year's rule pack (`educationPerStudent`) limits
 * the grant, and a student gets one grant a year (a guard item created in the grant's transaction, see
 * store.addGrant). The household-wide `caps.education` does not apply: a household with two students gets both
 * students' amounts.
 */

/** The student of a 金秋助学 grant as recorded on it: the member's place in the household list and the school level. */
export interface GrantStudent {
  memberIndex: number;
  level: SchoolLevel;
}

/** The student must be one of the file's household members, and not the worker themself. */
export function assertStudentOfHousehold(members: readonly { relation: string }[], student: GrantStudent): void {
  const member = members[student.memberIndex];
  if (!member) {
    throw invalid(
      { zh: `受助学生须是档案中的家庭成员（共 ${members.length} 人，没有第 ${student.memberIndex + 1} 位）`, en: `The student must be one of the file's ${members.length} household members (there is no member ${student.memberIndex + 1})` },
      { field: 'student.memberIndex', reason: 'no_such_member' },
    );
  }
  if (member.relation === APPLICANT_RELATION) {
    throw invalid({ zh: '金秋助学资助的是职工子女，受助学生不能是职工本人', en: "A Golden Autumn grant is for the worker's child: the student cannot be the worker themself" }, { field: 'student.memberIndex', reason: 'student_is_worker' });
  }
}

/** One grant alone may not exceed the student's amount for the school level. */
export function assertWithinStudentAmount(student: GrantStudent, amountFen: number, pack: Pick<HardshipRulePack, 'educationPerStudent'>): void {
  const limitFen = pack.educationPerStudent[student.level];
  if (amountFen > limitFen) {
    const level = SchoolLevel.labels[student.level];
    throw conflict(
      { zh: `超出金秋助学${level.zh}学生每人每年 ${limitFen / 100} 元的标准`, en: `Over the Golden Autumn amount of ${limitFen / 100} yuan per ${level.en.toLowerCase()} student per year` },
      { field: 'amountFen', reason: 'student_amount_exceeded', limitFen },
    );
  }
}

/** What the once-a-year guard of a student answers when the student already has the year's grant. */
export function studentAlreadyAided(year: number): DomainError {
  return conflict(
    { zh: `该学生 ${year} 年已获金秋助学资助（每名学生每年一次）`, en: `The student already received a Golden Autumn grant in ${year} (once per student per year)` },
    { field: 'student.memberIndex', reason: 'student_already_aided' },
  );
}
