import { z } from 'zod';
import { conflict, forbidden, invalid } from '@ufp/core/errors';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import { evidenceRef } from '@ufp/core/evidence/model';
import type { Campaign } from './campaign.js';
import { checkReady, type ModelWorkerEvidence } from './evidence.js';
import { Gender, Occupation } from './enums.js';
import { HonourLevel, levelRank, type HonourType } from './ladder.js';
import { honoursInForce, type Person } from './person.js';
import { publicityPhase } from './publicity.js';

/**
 * A nomination (推荐人选) on a campaign's list: 基层推荐 with the 职代会/民主推荐 minutes and the 事迹材料,
 * then 县审核 (federation staff, not the nominator), 公示, 联审 by every agency of the campaign, and the
 * final 审批 (federation admin, not the reviewer). Each step by a different person and role.
 */

export { NominationStatus } from './enums.js';
import { NominationStatus } from './enums.js';

/** Entries that count on the list (quota, places, 公示). */
export const onList = (n: Pick<Nomination, 'status'>) => n.status === 'nominated' || n.status === 'reviewed' || n.status === 'approved';

const step = z.object({ by: z.string(), on: z.string(), note: z.string().optional() });

export const nominationSchema = z.object({
  nominationId: z.string(),
  tenantId: z.string(),
  campaignId: z.string(),
  personId: z.string(),
  /** Masked (the public 公示 list shows this), and the union the person belongs to. */
  nameMasked: z.string(),
  name: z.string(),
  unitId: z.string().optional(),
  /** The quota's view of the person, read from the person record when nominated (the list is checked against what was nominated). */
  occupation: z.enum(Occupation.values),
  gender: z.enum(Gender.values),
  migrantWorker: z.boolean(),
  /** The 职代会 / 民主推荐 minutes: their document number, and the file (uploaded after the nomination is created). */
  minutesRef: z.string(),
  minutes: z.object({ evidenceId: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }).optional(),
  deedsShort: z.string(),
  deedsLong: z.string(),
  status: z.enum(NominationStatus.values),
  /** The nominator accepted that this entry breaks a quota rule (see the service). */
  quotaAcknowledged: z.array(z.string()).default([]),
  nominated: step,
  reviewed: step.optional(),
  vetting: z.record(z.string(), z.object({ on: z.string(), document: z.string(), by: z.string() })).default({}),
  approved: step.extend({ honourId: z.string() }).optional(),
  closed: step.extend({ reason: z.string() }).optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Nomination = z.infer<typeof nominationSchema>;

/**
 * The ladder's prerequisite: a nominee for an honour with `prerequisiteLevel` must hold, in force, an honour
 * of at least that level. And the exclusion: someone holding this honour (not revoked) from within its
 * `periodYears` cannot be nominated for it again.
 */
export function assertEligible(person: Pick<Person, 'honours' | 'status' | 'nameMasked'>, type: HonourType, campaignYear: number, today: string): void {
  if (person.status === 'deceased' || person.status === 'revoked') {
    throw conflict({ zh: `${person.nameMasked} 的状态不能被推荐`, en: 'This person cannot be nominated (deceased or title revoked)' }, { field: 'personId' });
  }
  if (type.prerequisiteLevel) {
    const need = type.prerequisiteLevel;
    if (!honoursInForce(person, today).some((h) => levelRank[h.level] >= levelRank[need])) {
      throw conflict(
        { zh: `「${type.name.zh}」须已获得${HonourLevel.labels[need].zh}及以上荣誉`, en: `${type.name.en} requires an honour of ${HonourLevel.labels[need].en} level or above` },
        { field: 'personId', reason: 'prerequisite' },
      );
    }
  }
  const held = person.honours.find((h) => h.code === type.code && !h.revoked && h.year > campaignYear - type.periodYears);
  if (held) {
    throw conflict(
      { zh: `${person.nameMasked} 已于 ${held.year} 年获得「${type.name.zh}」，${type.periodYears} 年内不再推荐`, en: `This person received ${type.name.en} in ${held.year}: not again within ${type.periodYears} year(s)` },
      { field: 'personId', reason: 'already_honoured' },
    );
  }
}

/** Only the people of the reporter's own union; staff nominate anyone of the tenant. */
export function assertNominator(person: Pick<Person, 'unitId'>, scope: DecideContext['scope']): void {
  if (scope.unitId && person.unitId !== scope.unitId) throw forbidden({ zh: '只能推荐本单位的人员', en: 'You can only nominate people of your own union' });
}

const nominationAudit = (before: Nomination, after: Nomination, action: string, summary: string) => ({
  action,
  entityType: 'modelWorkers.nomination',
  entityId: before.nominationId,
  summary,
  changes: { status: { from: before.status, to: after.status } },
});

const hasRole = (ctx: DecideContext, role: string) => (ctx.scope.actor.roles as readonly string[]).includes(role);

/** 县审核: federation staff, not the person who nominated. Re-reads the person for the quota fields. */
export function review(before: Nomination, input: { note?: string }, ctx: DecideContext): Decision<Nomination> {
  if (before.status !== 'nominated') throw conflict({ zh: `该人选${NominationStatus.labels[before.status].zh}，不能再审核`, en: `This nomination is ${NominationStatus.labels[before.status].en}: it cannot be reviewed` }, { field: 'status' });
  if (!hasRole(ctx, 'federation_staff')) throw forbidden({ zh: '县级审核由工会工作人员办理', en: 'The county review is done by federation staff' });
  if (before.nominated.by === ctx.scope.actor.sub) throw forbidden({ zh: '推荐人不能审核自己推荐的人选', en: 'The nominator cannot review their own nomination' });
  if (!before.minutes) {
    throw conflict({ zh: '尚未上传职代会/民主推荐会议纪要，不能审核', en: 'The minutes of the democratic recommendation have not been uploaded: the nomination cannot be reviewed' }, { field: 'minutes', reason: 'minutes_missing' });
  }
  const after: Nomination = { ...before, status: 'reviewed', reviewed: { by: ctx.scope.actor.sub, on: ctx.today, note: input.note }, updatedAt: ctx.now.toISOString() };
  return { after, audit: nominationAudit(before, after, 'modelWorkers.nominations.review', `县级审核通过 ${before.nameMasked}`) };
}

/** Minutes are uploaded and replaced until the county review (which reads them). */
export function checkMinutesReplaceable(n: Pick<Nomination, 'status'>): void {
  if (n.status !== 'nominated') throw conflict({ zh: `该人选${NominationStatus.labels[n.status].zh}，不能再更换会议纪要`, en: `This nomination is ${NominationStatus.labels[n.status].en}: its minutes can no longer be replaced` }, { field: 'status' });
}

/**
 * The 职代会 / 民主推荐 minutes file of a nomination, by the nominator's side or staff, until the county review (a
 * later file replaces an earlier one; the audit keeps both names). A file uploaded for another nomination, or not
 * yet checked, is a 400.
 */
export function attachMinutes(before: Nomination, input: { evidence: ModelWorkerEvidence }, ctx: DecideContext): Decision<Nomination> {
  const { evidence } = input;
  checkMinutesReplaceable(before);
  if (evidence.purpose !== 'minutes' || evidence.subjectId !== before.nominationId) throw invalid({ zh: '该文件不是为这条推荐上传的会议纪要', en: 'This file was not uploaded as the minutes of this nomination' }, { field: 'evidenceId' });
  checkReady(evidence);
  const minutes = evidenceRef(evidence);
  const after: Nomination = { ...before, minutes, updatedAt: ctx.now.toISOString() };
  return {
    after,
    audit: { action: 'modelWorkers.nominations.attachMinutes', entityType: 'modelWorkers.nomination', entityId: before.nominationId, summary: `${before.nameMasked}：上传推荐会议纪要 ${minutes.fileName}`, changes: { minutes: { from: before.minutes?.fileName ?? '', to: minutes.fileName } } },
  };
}

/** 联审: one agency's check recorded with its date and document. */
export function vet(before: Nomination, input: { agency: string; on: string; document: string; agencies: readonly string[] }, ctx: DecideContext): Decision<Nomination> {
  if (before.status !== 'nominated' && before.status !== 'reviewed') throw conflict({ zh: `该人选${NominationStatus.labels[before.status].zh}，不能再联审`, en: `This nomination is ${NominationStatus.labels[before.status].en}` }, { field: 'status' });
  if (!input.agencies.includes(input.agency)) throw invalid({ zh: `「${input.agency}」不在本次评选的联审部门中（${input.agencies.join('、')}）`, en: `${input.agency} is not a vetting agency of this campaign` }, { field: 'agency' });
  if (input.on > ctx.today) throw invalid({ zh: `联审日期 ${input.on} 晚于今天`, en: `The vetting date ${input.on} is after today` }, { field: 'on' });
  const after: Nomination = { ...before, vetting: { ...before.vetting, [input.agency]: { on: input.on, document: input.document, by: ctx.scope.actor.sub } }, updatedAt: ctx.now.toISOString() };
  return {
    after,
    audit: { action: 'modelWorkers.nominations.vet', entityType: 'modelWorkers.nomination', entityId: before.nominationId, summary: `${before.nameMasked}：${input.agency} 联审意见（${input.document}，${input.on}）`, changes: { [`vetting.${input.agency}`]: { from: before.vetting[input.agency]?.document ?? null, to: input.document } } },
  };
}

export const missingAgencies = (n: Pick<Nomination, 'vetting'>, agencies: readonly string[]) => agencies.filter((a) => !n.vetting[a]);

/**
 * 审批: federation admin, not the reviewer; after the 公示 ended with every objection decided, and with every
 * agency's vetting recorded. The honour is recorded on the person by the service in the same transaction.
 */
export function assertApprovable(n: Nomination, c: Campaign, undecidedObjections: number, ctx: DecideContext): void {
  if (n.status !== 'reviewed') throw conflict({ zh: `该人选${NominationStatus.labels[n.status].zh}，只能审批县级审核通过的人选`, en: 'Only a nomination that passed the county review can be approved' }, { field: 'status' });
  if (!hasRole(ctx, 'federation_admin')) throw forbidden({ zh: '最终审批由工会负责人办理', en: 'The final approval is given by the federation admin' });
  if (n.reviewed?.by === ctx.scope.actor.sub || n.nominated.by === ctx.scope.actor.sub) throw forbidden({ zh: '审批人不能是该人选的推荐人或审核人', en: 'The approver cannot be the nominator or the reviewer' });
  const phase = publicityPhase(c, ctx.today);
  if (phase !== 'ended') {
    throw conflict(
      phase === 'none' ? { zh: '名单尚未公示，不能审批', en: 'The list has not been on public notice' } : { zh: `公示期至 ${c.publicity!.endsOn}，公示结束后方可审批`, en: `The public notice runs until ${c.publicity!.endsOn}: approve after it ends` },
      { field: 'nominationId', reason: 'publicity' },
    );
  }
  if (undecidedObjections > 0) throw conflict({ zh: `该人选有 ${undecidedObjections} 条公示异议尚未处理`, en: `${undecidedObjections} objection(s) to this nominee are undecided` }, { field: 'nominationId', reason: 'objections' });
  const missing = missingAgencies(n, c.agencies);
  if (missing.length) throw conflict({ zh: `尚缺联审意见：${missing.join('、')}`, en: `Vetting missing from: ${missing.join(', ')}` }, { field: 'nominationId', reason: 'vetting' });
}

/** Rollup deltas of an approval (flow): in all and by the honour's level (src/metrics-campaigns.ts declares them). */
export const nominationApprovalMetrics = (level: HonourLevel): Record<string, number> => ({ 'modelWorkers.nominations.approved': 1, [`modelWorkers.nominations.approved.${level}`]: 1 });

export function approve(before: Nomination, input: { honourId: string }, ctx: DecideContext): Nomination {
  return { ...before, status: 'approved', approved: { by: ctx.scope.actor.sub, on: ctx.today, honourId: input.honourId }, updatedAt: ctx.now.toISOString() };
}

/** 撤回 (by the nominator's side) or 退回/不通过 (by staff), with a reason. */
export function close(before: Nomination, input: { to: 'withdrawn' | 'rejected'; reason: string }, ctx: DecideContext): Decision<Nomination> {
  if (before.status !== 'nominated' && before.status !== 'reviewed') throw conflict({ zh: `该人选${NominationStatus.labels[before.status].zh}`, en: `This nomination is ${NominationStatus.labels[before.status].en}` }, { field: 'status' });
  const after: Nomination = { ...before, status: input.to, closed: { by: ctx.scope.actor.sub, on: ctx.today, reason: input.reason }, updatedAt: ctx.now.toISOString() };
  const verb = input.to === 'withdrawn' ? '撤回' : '退回';
  return { after, audit: nominationAudit(before, after, `modelWorkers.nominations.${input.to === 'withdrawn' ? 'withdraw' : 'reject'}`, `${verb}推荐人选 ${before.nameMasked}：${input.reason}`) };
}
