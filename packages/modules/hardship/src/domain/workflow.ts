import { conflict, forbidden, invalid } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';
import type { Tier } from './tier.js';
import type { AidKind, FundSource } from './rules.js';

/**
 * The hardship file's life (DOMAIN.md §6): application → unit investigation (5-day clock) →
 * public notice (评议公示) → federation review by someone other than the submitter → approved
 * and 建档 → yearly re-verification → exit (脱困, follow-up monitoring) → re-entry (返困).
 */
export const FileStatus = defineEnum({
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待调查', en: 'Awaiting investigation' },
  investigated: { zh: '待公示', en: 'Awaiting notice' },
  noticed: { zh: '公示中/待审核', en: 'On notice / awaiting review' },
  approved: { zh: '已建档', en: 'On file' },
  rejected: { zh: '未通过', en: 'Rejected' },
  exited: { zh: '已脱困', en: 'Exited' },
});
export type FileStatus = (typeof FileStatus.values)[number];
export const fileStatuses = FileStatus.values;
export const fileStatusLabels = FileStatus.labels;

/** The workflow's steps; the labels complete "cannot …" in a refusal. */
export const FileAction = defineEnum({
  submit: { zh: '提交申请', en: 'submit' },
  investigate: { zh: '登记入户调查', en: 'record the investigation' },
  publishNotice: { zh: '发布公示', en: 'publish the notice' },
  approve: { zh: '审核通过', en: 'approve' },
  reject: { zh: '审核不通过', en: 'reject' },
  reverify: { zh: '年度复核', en: 're-verify' },
  exit: { zh: '脱困退出', en: 'exit' },
  followUp: { zh: '登记脱困回访', en: 'record the follow-up' },
  reenter: { zh: '返困重新建档', en: 're-enter' },
});
export type FileAction = (typeof FileAction.values)[number];
export const fileActions = FileAction.values;
const actionLabels = FileAction.labels;

const transitions: Record<FileAction, { from: readonly FileStatus[]; to: FileStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  investigate: { from: ['submitted'], to: 'investigated' },
  publishNotice: { from: ['investigated'], to: 'noticed' },
  approve: { from: ['noticed'], to: 'approved' },
  reject: { from: ['noticed'], to: 'rejected' },
  reverify: { from: ['approved'], to: 'approved' },
  exit: { from: ['approved'], to: 'exited' },
  followUp: { from: ['exited'], to: 'exited' },
  reenter: { from: ['exited'], to: 'approved' },
};

/** The status after `action`, or a 409 naming the current status when the order is wrong. */
export function nextStatus(current: FileStatus, action: FileAction): FileStatus {
  const t = transitions[action];
  if (!t.from.includes(current)) {
    throw conflict(
      {
        zh: `档案当前状态为「${fileStatusLabels[current].zh}」，不能${actionLabels[action].zh}`,
        en: `The file is "${fileStatusLabels[current].en}"; cannot ${actionLabels[action].en}`,
      },
      { reason: 'workflow_order', status: current, action },
    );
  }
  return t.to;
}

/** Actions open to a file in `status` (for the console's buttons). */
export function allowedActions(status: FileStatus): FileAction[] {
  return fileActions.filter((a) => transitions[a].from.includes(status));
}

/** 评议 must be done by someone other than the person who submitted the application. */
export function assertReviewerIsNotSubmitter(reviewer: string, submitter: string | undefined): void {
  if (submitter && reviewer === submitter) {
    throw forbidden({ zh: '审核人不能是该申请的提交人', en: 'The reviewer must not be the person who submitted the application' });
  }
}

/**
 * 评议 (review) may happen when: the reviewer neither submitted nor created the application, the
 * notice has run its days, and an approval concerns a household that qualifies under the rules.
 */
export function assertReviewable(file: { status: FileStatus; tier: string; submittedBy?: string; createdBy: string; noticeEndsOn?: string }, reviewer: string, decision: 'approve' | 'reject', today: string): void {
  assertReviewerIsNotSubmitter(reviewer, file.submittedBy);
  assertReviewerIsNotSubmitter(reviewer, file.createdBy);
  if (file.status === 'noticed' && file.noticeEndsOn && today < reviewOpensOn(file.noticeEndsOn)) {
    const opens = reviewOpensOn(file.noticeEndsOn);
    throw conflict({ zh: `公示期未满：公示至 ${file.noticeEndsOn} 止，${opens} 起可审核`, en: `The notice runs until ${file.noticeEndsOn}; review may begin on ${opens}` }, { reason: 'notice_running' });
  }
  if (decision === 'approve' && file.tier === 'not_eligible') {
    throw conflict({ zh: '测算结果不符合困难职工条件，不能建档', en: 'The household does not qualify under the rules; it cannot be put on file' });
  }
}

/**
 * The household's income may be checked only with the worker's consent. A file the 劳模 survey opened by itself
 * has none yet: it is submitted only by someone who confirms, on that step, that the worker has agreed.
 */
export function assertConsent(file: { consentGiven: boolean }, confirmedNow: boolean | undefined): void {
  if (!file.consentGiven && !confirmedNow) {
    throw conflict(
      { zh: '尚未取得职工本人同意核对家庭经济状况：请先征得本人同意，勾选“已取得本人同意”后再提交', en: "The worker has not yet consented to the income check: obtain their consent and tick 'consent obtained' before submitting" },
      { field: 'consentConfirmed', reason: 'consent_pending' },
    );
  }
}

/** A worker's employment cannot start after the application day. */
export function assertEmploymentStarted(employmentStart: string | undefined, today: string): void {
  if (employmentStart && employmentStart > today) {
    throw invalid({ zh: '入职日期不能晚于今天', en: 'Employment start cannot be in the future' }, { field: 'worker.employmentStart' });
  }
}

/** The investigation visit is recorded after it happened. */
export function assertVisitHappened(visitedOn: string, today: string): void {
  if (visitedOn > today) throw invalid({ zh: '入户调查日期不能晚于今天', en: 'The visit date cannot be in the future' }, { field: 'visitedOn' });
}

/** The notice starts no earlier than the investigation visit and within 30 days. */
export function assertNoticeStart(file: { visitedOn?: string }, startsOn: string, today: string): void {
  if (file.visitedOn && startsOn < file.visitedOn) throw invalid({ zh: '公示不能早于入户调查', en: 'The notice cannot start before the investigation visit' }, { field: 'startsOn' });
  if (daysBetween(today, startsOn) > 30) throw invalid({ zh: '公示开始日期不能晚于30天后', en: 'The notice must start within 30 days' }, { field: 'startsOn' });
}

/** The follow-up visit is recorded after it happened, and after the exit. */
export function assertFollowUpVisit(visitedOn: string, today: string, exitedOn: string | undefined): void {
  if (visitedOn > today) throw invalid({ zh: '回访日期不能晚于今天', en: 'The visit date cannot be in the future' }, { field: 'visitedOn' });
  if (exitedOn && visitedOn < exitedOn) throw invalid({ zh: '回访日期不能早于脱困日期', en: 'The visit cannot be before the exit' }, { field: 'visitedOn' });
}

/** Household figures change only before the notice; afterwards at the yearly re-verification. */
export function assertHouseholdEditable(status: FileStatus): void {
  if (!(['draft', 'submitted', 'investigated'] as FileStatus[]).includes(status)) {
    throw conflict({ zh: '公示后不能再修改家庭情况，请在年度复核时更新', en: 'Household figures cannot change after the notice; update them at re-verification' }, { reason: 'workflow_order' });
  }
}

/** A re-verification that finds the household no longer eligible is an exit, not a new tier. */
export function assertStillEligible(tier: string): void {
  if (tier === 'not_eligible') {
    throw conflict({ zh: '复核测算已不符合困难条件，请办理脱困退出', en: 'No longer eligible on re-verification; record an exit instead' }, { reason: 'no_longer_eligible' });
  }
}

/** ISO date arithmetic in calendar days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (08-31 + 6 → 02-28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/**
 * The unit's investigation due day: `investigationDays` natural days after submission (see
 * clocks.ts for why natural days). Fixed on the file at submission.
 */
export function investigationDueOn(submittedOn: string, investigationDays: number): string {
  return addDays(submittedOn, investigationDays);
}

/**
 * The last day of a public notice of `noticeDays` days that starts on `startsOn` (its first day counts:
 * a 5-day notice from 03-10 runs 03-10 to 03-14, as the notice itself says). Review may begin the day after.
 */
export function noticeEndsOn(startsOn: string, noticeDays: number): string {
  return addDays(startsOn, noticeDays - 1);
}

/** The first day on which a file whose notice ends on `endsOn` may be reviewed. */
export const reviewOpensOn = (endsOn: string): string => addDays(endsOn, 1);

/** A file left unchanged for a year is stale (the ACFTU "一年未改的档案" query). */
export function isStale(updatedOn: string, today: string): boolean {
  return daysBetween(updatedOn, today) >= 365;
}

/** Rollup deltas for a change of (status, tier): households on file by tier, exits, re-entries. */
export function fileMetricDeltas(before: { status: FileStatus; tier?: Tier | 'not_eligible' } | undefined, after: { status: FileStatus; tier?: Tier | 'not_eligible' }): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (k: string, d: number) => {
    out[k] = (out[k] ?? 0) + d;
    if (out[k] === 0) delete out[k];
  };
  const onFile = (s?: { status: FileStatus; tier?: string }) => !!s && s.status === 'approved' && !!s.tier && s.tier !== 'not_eligible';
  if (onFile(before)) {
    add('hardship.households', -1);
    add(`hardship.households.${before!.tier}`, -1);
  }
  if (onFile(after)) {
    add('hardship.households', 1);
    add(`hardship.households.${after.tier}`, 1);
  }
  if (before?.status === 'approved' && after.status === 'exited') add('hardship.exits', 1);
  if (before?.status === 'exited' && after.status === 'approved') add('hardship.reentries', 1);
  return out;
}

/** Rollup deltas of an approval: one more file approved this year, and its days from application (for the average). */
export function approvalMetrics(daysToApproval: number): Record<string, number> {
  return { 'hardship.approvals': 1, 'hardship.daysToApproval': daysToApproval };
}

/** Rollup deltas of a grant: counts and fen only, by kind and by fund source (flows of the grant's year). */
export function grantMetrics(grant: { kind: AidKind; fundSource: FundSource; amountFen: number }): Record<string, number> {
  return {
    'hardship.aid.grants': 1,
    'hardship.aid.amountFen': grant.amountFen,
    [`hardship.aid.amountFen.${grant.kind}`]: grant.amountFen,
    [`hardship.aid.amountFen.source.${grant.fundSource}`]: grant.amountFen,
  };
}

/**
 * Rollup deltas of a fund budget set for a year: the change (new − old) in total and by source, flows of the
 * budget's year (the event carries it as `year`), the same year the grants drawn on that budget land in.
 */
export function budgetMetrics(source: FundSource, beforeFen: number, afterFen: number): Record<string, number> {
  const delta = afterFen - beforeFen;
  return delta === 0 ? {} : { 'hardship.budgetFen': delta, [`hardship.budgetFen.source.${source}`]: delta };
}
