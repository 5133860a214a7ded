import { conflict, forbidden, invalid, type DomainError } from '@ufp/core/errors';
import { APPLICANT_RELATION, memberIdIndexesByPlace } from './household-identity.js';
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

/**
 * The student of a 金秋助学 grant as recorded on it: the member's place in the household list when granted, the school
 * level, and the blind index of the student's ID number — who the once-a-year guard is kept for (grants recorded before
 * the guard was keyed by identity have none).
 */
export interface GrantStudent {
  memberIndex: number;
  level: SchoolLevel;
  idIndex?: string;
}

/** A student known by their ID number (the once-a-year guard's key). */
export type IdentifiedStudent = GrantStudent & { idIndex: string };

/** A student's ID number as the grant form may give it: its tenant-scoped blind index and its masked form. */
export interface TypedStudentId {
  idIndex: string;
  idMasked: string;
}

type Member = { relation: string; idMasked?: string };
const field = 'student.memberIndex';

/** The student must be one of the file's household members, and not the worker themself. */
export function assertStudentOfHousehold(members: readonly { relation: string }[], student: Pick<GrantStudent, 'memberIndex'>): void {
  const member = members[student.memberIndex];
  if (!member) {
    throw invalid(
      { zh: `受助学生须是档案中的家庭成员（共 ${members.length} 人，没有第 ${student.memberIndex + 1} 位）`, en: `The student must be one of the file's ${members.length} household members (there is no member ${student.memberIndex + 1})` },
      { field, reason: 'no_such_member' },
    );
  }
  if (member.relation === APPLICANT_RELATION) throw studentIsWorker(field);
}

const studentIsWorker = (at: string) =>
  invalid({ zh: '金秋助学资助的是职工子女，受助学生不能是职工本人', en: "A Golden Autumn grant is for the worker's child: the student cannot be the worker themself" }, { field: at, reason: 'student_is_worker' });

/**
 * Who a new 金秋助学 grant is for, as the blind index of the student's ID number (the once-a-year guard's key, so that
 * reordering or removing household members never points it at someone else): the number on file for the member
 * (`places`, see memberIdIndexesByPlace), or the one the grant form gives (`typed`) for a member whose number is not on
 * file or cannot be told from the file. A typed number must be the one on file when there is one (its index, or its
 * masked form when only that is known), and not the worker's own.
 */
export function studentIdentity(places: readonly (string | undefined)[] | undefined, members: readonly Member[], workerIdIndex: string, memberIndex: number, typed?: TypedStudentId): string {
  const onFile = places?.[memberIndex];
  if (typed) {
    const mismatch = onFile ? typed.idIndex !== onFile : !!members[memberIndex]?.idMasked && typed.idMasked !== members[memberIndex]!.idMasked;
    if (mismatch) {
      throw invalid(
        { zh: '填写的学生身份证号与档案中该家庭成员登记的不一致', en: "The student's ID number given differs from the one on file for this household member" },
        { field: 'student.idNumber', reason: 'student_id_mismatch' },
      );
    }
    if (typed.idIndex === workerIdIndex) throw studentIsWorker('student.idNumber');
    return typed.idIndex;
  }
  if (onFile) return onFile;
  throw invalid(
    { zh: '金秋助学按学生身份证号每人每年资助一次：档案中没有该家庭成员可核对的身份证号，请填写受助学生的身份证号', en: "Golden Autumn grants are once per student per year by ID number: the file has no usable ID number for this member, so give the student's ID number" },
    { field: 'student.idNumber', reason: 'student_id_missing' },
  );
}

/**
 * Where a recorded student is in the household now: the place of their ID number on file, or — for a student whose
 * number was given on the grant form — the recorded place while it still holds a member with no number on file.
 * Undefined when the household no longer lists them (a member left, or the list changed under a typed number). A
 * student recorded without an identity, or on a file whose numbers cannot be told apart, has only the recorded place.
 */
export function studentPlace(places: readonly (string | undefined)[] | undefined, members: readonly Member[], student: Pick<GrantStudent, 'memberIndex' | 'idIndex'>): number | undefined {
  const there = members[student.memberIndex];
  if (!student.idIndex || !places) return there ? student.memberIndex : undefined;
  const found = places.indexOf(student.idIndex);
  if (found >= 0) return found;
  return there && !there.idMasked ? student.memberIndex : undefined;
}

/**
 * The student of a 金秋助学 grant with who they are: a new grant's student by the place chosen (and the number typed,
 * if any), or a request's recorded student at their place in the household now (refused when it no longer lists them:
 * the request is then declined and made again). Never the worker themself.
 */
export function identifiedStudent(
  file: { idIndex: string; worker: { idMasked: string }; memberIdIndexes?: readonly string[] },
  members: readonly Member[],
  student: GrantStudent,
  typed?: TypedStudentId,
): IdentifiedStudent {
  const places = memberIdIndexesByPlace(file, members);
  const memberIndex = student.idIndex ? studentPlace(places, members, student) : student.memberIndex;
  if (memberIndex === undefined) {
    throw conflict(
      { zh: '申请发放时的受助学生已不在该户家庭成员中（家庭成员已变更），请驳回后重新申请', en: 'The student this request named is no longer among the household members (the household changed): decline it and request again' },
      { field, reason: 'student_not_in_household' },
    );
  }
  assertStudentOfHousehold(members, { memberIndex });
  return { ...student, memberIndex, idIndex: student.idIndex ?? studentIdentity(places, members, file.idIndex, memberIndex, typed) };
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
    { field, reason: 'student_already_aided' },
  );
}
