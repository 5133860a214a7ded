import { conflict, forbidden } from '../errors.js';
import type { Tier } from './tier.js';
import type { AidKind, FundSource } from './rules.js';

/**
 * The hardship file's life (DOMAIN.md §6): application → unit investigation (5-day clock) →
 * public notice (评议公示) → federation review by someone other than the submitter → approved
 * and 建档 → yearly re-verification → exit (脱困, follow-up monitoring) → re-entry (返困).
 */
export const fileStatuses = ['draft', 'submitted', 'investigated', 'noticed', 'approved', 'rejected', 'exited'] as const;
export type FileStatus = (typeof fileStatuses)[number];

export const fileStatusLabels: Record<FileStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待调查', en: 'Awaiting investigation' },
  investigated: { zh: '待公示', en: 'Awaiting notice' },
  noticed: { zh: '公示中/待审核', en: 'On notice / awaiting review' },
  approved: { zh: '已建档', en: 'On file' },
  rejected: { zh: '未通过', en: 'Rejected' },
  exited: { zh: '已脱困', en: 'Exited' },
};

export const fileActions = ['submit', 'investigate', 'publishNotice', 'approve', 'reject', 'reverify', 'exit', 'followUp', 'reenter'] as const;
export type FileAction = (typeof fileActions)[number];

const actionLabels: Record<FileAction, { zh: string; en: string }> = {
  submit: { zh: '提交申请', en: 'submit' },
  investigate: { zh: '登记入户调查', en: 'record the investigation' },
  publishNotice: { zh: '发布公示', en: 'publish the notice' },
  approve: { zh: '审核通过', en: 'approve' },
  reject: { zh: '审核不通过', en: 'reject' },
  reverify: { zh: '年度复核', en: 're-verify' },
  exit: { zh: '脱困退出', en: 'exit' },
  followUp: { zh: '登记脱困回访', en: 'record the follow-up' },
  reenter: { zh: '返困重新建档', en: 're-enter' },
};

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
