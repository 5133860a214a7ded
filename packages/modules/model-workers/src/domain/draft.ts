import { createHash } from 'node:crypto';
import { z } from 'zod';
import { conflict } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import { Gender, HonourLevel, SkillGrade } from './enums.js';

/**
 * 竞赛推荐草稿: a skills competition's final results name a winner for an honour of the ladder
 * (`competitions.results.finalized`), and 劳模 opens a pre-filled nomination draft for each (赛项, contestant,
 * honour) — exactly once, whatever the number of deliveries. Staff adopt it (the person's record when the
 * registry lacks it, then a nomination into a campaign of that honour, under every rule of a nomination) or
 * dismiss it with a reason. The result travels with it as evidence: the public verification page of the 赛项.
 */

export const DraftStatus = defineEnum({
  open: { zh: '待处理', en: 'Open' },
  adopted: { zh: '已采用', en: 'Adopted' },
  dismissed: { zh: '不采用', en: 'Dismissed' },
});
export type DraftStatus = (typeof DraftStatus.values)[number];

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const draftSchema = z.object({
  draftId: z.string(),
  tenantId: z.string(),
  /** Where the recommendation comes from (public facts of the 赛项; the event id that delivered it first). */
  source: z.object({
    competitionId: z.string(),
    eventId: z.string(),
    contestantId: z.string(),
    competitionName: bilingual,
    eventName: bilingual,
    tradeCode: z.string(),
    competitionClass: z.string(),
    stage: z.string(),
    rank: z.number().int(),
    resultsHash: z.string(),
    finalizedAt: z.string(),
    deliveryId: z.string(),
  }),
  honourCode: z.string(),
  /** The ladder's name of the honour when the draft was opened (absent when the ladder has no such code). */
  honourName: bilingual.optional(),
  level: z.enum(HonourLevel.values),
  /** The winner: the ID number encrypted under the 劳模 ID-number field, masked beside; `personId` when the registry has them. */
  person: z.object({
    name: z.string(),
    nameMasked: z.string(),
    idCipher: z.string(),
    idMasked: z.string(),
    gender: z.enum(Gender.values),
    birthDate: z.string(),
    unitId: z.string().optional(),
    skillGrade: z.enum(SkillGrade.values).optional(),
    personId: z.string().optional(),
  }),
  /** The result as evidence: the 赛项's public verification page recomputes the results' hash. */
  evidence: z.object({
    kind: z.literal('competitionResult'),
    competitionId: z.string(),
    eventId: z.string(),
    rank: z.number().int(),
    resultsHash: z.string(),
    verifyPath: z.string(),
  }),
  status: z.enum(DraftStatus.values),
  adopted: z.object({ by: z.string(), on: z.string(), campaignId: z.string(), nominationId: z.string(), personId: z.string(), personCreated: z.boolean() }).optional(),
  dismissed: z.object({ by: z.string(), on: z.string(), reason: z.string() }).optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

/**
 * One draft per (赛项, contestant, honour): the id is derived from them, so a second delivery of the same results —
 * under the same event id or a new one — names the same draft and its conditional create cannot make a twin.
 */
export function draftIdOf(eventId: string, contestantId: string, honourCode: string): string {
  const digest = createHash('sha256').update(JSON.stringify([eventId, contestantId, honourCode])).digest('base64url');
  return `crd-${digest.slice(0, 32)}`;
}

/** The public verification page of a 赛项's final results (served by the 技能竞赛 console). */
export const verifyPathOf = (tenantId: string, eventId: string) => `/verify/competitions/${encodeURIComponent(tenantId)}/${encodeURIComponent(eventId)}`;

/** The pre-filled 事迹 line: "在<竞赛><赛项>中获得第N名". */
export function deedsShortOf(d: Pick<Draft, 'source'>): string {
  return `在${d.source.competitionName.zh}${d.source.eventName.zh}中获得第${d.source.rank}名`;
}

/** The pre-filled long 事迹: the line, with the verifiable result. */
export function deedsLongOf(d: Pick<Draft, 'source' | 'evidence'>): string {
  return `${deedsShortOf(d)}。成绩已于 ${d.source.finalizedAt.slice(0, 10)} 确定并公开，可通过成绩验证页核验（${d.evidence.verifyPath}，成绩摘要 ${d.source.resultsHash.slice(0, 16)}）。`;
}

const notOpen = (d: Draft) =>
  conflict(
    d.status === 'adopted'
      ? { zh: '该推荐草稿已采用，不能再次处理', en: 'This draft has already been adopted' }
      : { zh: '该推荐草稿已标记为不采用，不能再次处理', en: 'This draft has already been dismissed' },
    { field: 'draftId', reason: `draft_${d.status}` },
  );

/** Only an open draft is adopted or dismissed (once). */
export function assertOpen(d: Draft): void {
  if (d.status !== 'open') throw notOpen(d);
}

/** A draft recommends one honour: it is adopted into a campaign of that honour only. */
export function assertCampaignFits(d: Pick<Draft, 'honourCode' | 'honourName'>, campaign: { code: string; honour: { zh: string; en: string } }): void {
  if (campaign.code !== d.honourCode) {
    const want = d.honourName ?? { zh: d.honourCode, en: d.honourCode };
    throw conflict(
      { zh: `该草稿推荐的是「${want.zh}」，所选评选为「${campaign.honour.zh}」`, en: `This draft recommends ${want.en}; the campaign chosen is for ${campaign.honour.en}` },
      { field: 'campaignId', reason: 'honour_mismatch' },
    );
  }
}

export interface Adoption {
  campaignId: string;
  nominationId: string;
  personId: string;
  personCreated: boolean;
}

export function adopt(before: Draft, input: Adoption, ctx: DecideContext): Decision<Draft> {
  assertOpen(before);
  const after: Draft = {
    ...before,
    status: 'adopted',
    person: { ...before.person, personId: input.personId },
    adopted: { by: ctx.scope.actor.sub, on: ctx.today, ...input },
    updatedAt: ctx.now.toISOString(),
  };
  return {
    after,
    audit: {
      action: 'modelWorkers.drafts.adopt',
      entityType: 'modelWorkers.draft',
      entityId: before.draftId,
      summary: `采用竞赛推荐草稿：${before.person.nameMasked}（${before.source.eventName.zh} 第 ${before.source.rank} 名）推荐参评，推荐编号 ${input.nominationId}${input.personCreated ? '，并新建劳模档案' : ''}`,
    },
  };
}

export function dismiss(before: Draft, input: { reason: string }, ctx: DecideContext): Decision<Draft> {
  assertOpen(before);
  const after: Draft = { ...before, status: 'dismissed', dismissed: { by: ctx.scope.actor.sub, on: ctx.today, reason: input.reason }, updatedAt: ctx.now.toISOString() };
  return {
    after,
    audit: {
      action: 'modelWorkers.drafts.dismiss',
      entityType: 'modelWorkers.draft',
      entityId: before.draftId,
      summary: `竞赛推荐草稿不采用：${before.person.nameMasked}（${before.source.eventName.zh} 第 ${before.source.rank} 名），原因：${input.reason}`,
    },
  };
}
