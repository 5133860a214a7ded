import { z } from 'zod';
import { changesBetween } from '@ufp/core/audit/changes';
import { conflict, invalid } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import { HonourLevel, type HonourType } from './ladder.js';
import { defaultQuotaRules, QuotaRule } from './quota.js';

/**
 * A 评选推荐 campaign (DOMAIN §4): the honour of the ladder it nominates for, the nomination window, the
 * places the tenant was allotted, the quota rules, the vetting agencies and the 公示 length. Every one of
 * these is a campaign setting with a default, never a constant.
 */

export const CampaignStatus = defineEnum({
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '推荐中', en: 'Open for nominations' },
  publicity: { zh: '公示中', en: 'Public notice' },
  closed: { zh: '已结束', en: 'Closed' },
});
export type CampaignStatus = (typeof CampaignStatus.values)[number];

/** 联审 agencies a nominee is vetted by (default list; each campaign keeps its own). */
export const defaultAgencies: readonly string[] = ['工商', '税务', '纪检', '人社', '安监'];
export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

export const quotaRulesSchema = z.object({
  managerMax: z.number().min(0).max(100),
  frontlineTechnicalMin: z.number().min(0).max(100),
  womenMin: z.number().min(0).max(100),
  migrantMin: z.number().min(0).max(100),
});

export const campaignSchema = z.object({
  campaignId: z.string(),
  tenantId: z.string(),
  code: z.string(),
  /** Snapshot of the ladder entry (the ladder may change later). */
  honour: z.object({ zh: z.string(), en: z.string() }),
  level: z.enum(HonourLevel.values),
  title: z.string(),
  year: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  places: z.number().int(),
  rules: quotaRulesSchema,
  agencies: z.array(z.string()),
  publicityDays: z.number().int(),
  status: z.enum(CampaignStatus.values),
  publicity: z.object({ startsOn: z.string(), endsOn: z.string(), by: z.string() }).optional(),
  /** The list's quota state when the first nominee was approved (recorded once; the rollups count it). */
  quotaAtApproval: z
    .object({
      on: z.string(),
      holds: z.boolean(),
      count: z.number().int(),
      places: z.number().int(),
      placesHold: z.boolean(),
      rules: z.array(z.object({ rule: z.enum(QuotaRule.values), percent: z.number(), limit: z.number(), holds: z.boolean() })),
    })
    .optional(),
  createdBy: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export interface CampaignFields {
  title: string;
  year: number;
  opensOn: string;
  closesOn: string;
  places: number;
  rules?: Partial<Campaign['rules']>;
  agencies?: string[];
  publicityDays?: number;
}

/** The settings with their defaults filled in, checked. */
export function campaignSettings(fields: CampaignFields) {
  if (fields.closesOn < fields.opensOn) throw invalid({ zh: `推荐截止日 ${fields.closesOn} 早于开始日 ${fields.opensOn}`, en: `The nomination window closes (${fields.closesOn}) before it opens (${fields.opensOn})` }, { field: 'closesOn' });
  const agencies = fields.agencies ?? [...defaultAgencies];
  if (new Set(agencies).size !== agencies.length) throw invalid({ zh: '联审部门重复', en: 'A vetting agency is listed twice' }, { field: 'agencies' });
  return {
    title: fields.title,
    year: fields.year,
    opensOn: fields.opensOn,
    closesOn: fields.closesOn,
    places: fields.places,
    rules: { ...defaultQuotaRules, ...fields.rules },
    agencies,
    publicityDays: fields.publicityDays ?? DEFAULT_PUBLICITY_WORKING_DAYS,
  };
}

export function newCampaign(type: HonourType, fields: CampaignFields, ids: { campaignId: string; tenantId: string }, ctx: DecideContext): Campaign {
  if (type.retired) throw invalid({ zh: `「${type.name.zh}」已停止评选`, en: `${type.name.en} is no longer awarded` }, { field: 'code' });
  const now = ctx.now.toISOString();
  return {
    ...ids,
    code: type.code,
    honour: type.name,
    level: type.level,
    ...campaignSettings(fields),
    status: 'draft',
    createdBy: ctx.scope.actor.sub,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

const campaignAudit = (before: Campaign, after: Campaign, action: string, summary: string) => ({
  action,
  entityType: 'modelWorkers.campaign',
  entityId: before.campaignId,
  summary,
  changes: changesBetween(
    { ...before, rules: JSON.stringify(before.rules), agencies: before.agencies.join('、') },
    { ...after, rules: JSON.stringify(after.rules), agencies: after.agencies.join('、') },
    ['title', 'year', 'opensOn', 'closesOn', 'places', 'rules', 'agencies', 'publicityDays', 'status'],
  ),
});

/** Settings change while the campaign is a draft or open; once the list is in 公示 it is fixed. */
export function updateCampaign(before: Campaign, fields: CampaignFields, ctx: DecideContext): Decision<Campaign> {
  if (before.status !== 'draft' && before.status !== 'open') throw conflict({ zh: `评选「${before.title}」${CampaignStatus.labels[before.status].zh}，不能再修改`, en: `The campaign is ${CampaignStatus.labels[before.status].en}: it can no longer be changed` }, { field: 'status' });
  const after: Campaign = { ...before, ...campaignSettings(fields), updatedAt: ctx.now.toISOString() };
  return { after, audit: campaignAudit(before, after, 'modelWorkers.campaigns.update', `修改评选「${after.title}」`) };
}

/** 发布: the campaign opens for nominations. */
export function publishCampaign(before: Campaign, _input: unknown, ctx: DecideContext): Decision<Campaign> {
  if (before.status !== 'draft') throw conflict({ zh: '评选已发布', en: 'The campaign is already published' }, { field: 'status' });
  const after: Campaign = { ...before, status: 'open', updatedAt: ctx.now.toISOString() };
  return { after, audit: campaignAudit(before, after, 'modelWorkers.campaigns.publish', `发布评选「${before.title}」，推荐期 ${before.opensOn} 至 ${before.closesOn}`) };
}

/** Whether nominations are taken today: the campaign is open and today is in its window. */
export function assertNominating(c: Campaign, today: string): void {
  if (c.status !== 'open') throw conflict({ zh: `评选「${c.title}」${CampaignStatus.labels[c.status].zh}，不接受推荐`, en: `The campaign is ${CampaignStatus.labels[c.status].en}: no nominations` }, { field: 'campaignId' });
  if (today < c.opensOn || today > c.closesOn) throw conflict({ zh: `推荐期为 ${c.opensOn} 至 ${c.closesOn}，今天不在推荐期内`, en: `Nominations are taken from ${c.opensOn} to ${c.closesOn}` }, { field: 'campaignId' });
}
