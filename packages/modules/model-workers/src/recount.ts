import type { YearDeltas } from '@ufp/core/rollups/indicators';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import { queryAll } from '@ufp/db/query';
import type { ConsumerDeps, NotRecountable } from '@ufp/kit/module';
import { valuesFromDeltas, yearOfInstant } from '@ufp/kit/recount';
import { CampaignStore } from './campaign-store.js';
import type { Campaign } from './domain/campaign.js';
import { nominationApprovalMetrics, type Nomination } from './domain/nomination.js';
import { honourMetrics, type Person } from './domain/person.js';
import type { Batch } from './domain/recuperation.js';
import { visitMetrics, type Visit } from './domain/visits.js';
import { campaignIndicators } from './metrics-campaigns.js';
import { benefitGrantMetrics, nominationStepMetrics, quotaComplianceMetrics, recuperationMetrics } from './metrics-deltas.js';
import { serviceIndicators } from './metrics-services.js';
import { visitIndicators } from './metrics-visits.js';
import { modelWorkerIndicators } from './metrics.js';
import { RecuperationStore } from './recuperation-store.js';
import { ModelWorkerStore } from './store.js';
import { BenefitStore, serviceKeys } from './survey-store.js';
import { VisitStore } from './visits-store.js';

const indicators = [...modelWorkerIndicators, ...campaignIndicators, ...serviceIndicators, ...visitIndicators];

/**
 * A person as they stood at the end of `year` (today, for the current year): on file once created, holding the
 * honours of that year or earlier not revoked by then, with the status their history gives for that day.
 */
export function personAtYearEnd(p: Pick<Person, 'honours' | 'status' | 'statusHistory' | 'createdAt'>, year: number, today: string): { person: Pick<Person, 'honours' | 'status'>; on: string } | undefined {
  if (yearOfInstant(p.createdAt) > year) return undefined;
  const on = today.slice(0, 4) === String(year) ? today : `${year}-12-31`;
  if (on >= today) return { person: p, on: today };
  const status = [...p.statusHistory].reverse().find((s) => s.on <= on)?.status ?? p.statusHistory[0]?.status ?? p.status;
  return { person: { honours: p.honours.filter((h) => h.year <= year), status }, on };
}

/**
 * The honoured people (stock) at the end of the year, by highest level in force and by status. The rollup moves a
 * person between buckets as honours are recorded (in the honour's year), revoked or their status changes; the
 * people figures are therefore the state at the year's end, which is what those moves add up to.
 */
export function peopleFigures(people: readonly Pick<Person, 'honours' | 'status' | 'statusHistory' | 'createdAt'>[], year: number, today: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of people) {
    const at = personAtYearEnd(p, year, today);
    if (!at) continue;
    for (const [k, v] of Object.entries(honourMetrics(undefined, at.person, at.on))) out[k] = (out[k] ?? 0) + v;
  }
  return out;
}

/** 疗休养 places offered and used, in the year each batch starts. */
export const batchDeltas = (batches: readonly Pick<Batch, 'startsOn' | 'capacity' | 'participants'>[]): YearDeltas[] =>
  batches.map((b) => ({ year: Number(b.startsOn.slice(0, 4)), metrics: recuperationMetrics({ capacity: b.capacity, used: b.participants.length }) }));

/** Quota compliance, once per campaign, in the year its first nominee was approved (when it was recorded). */
export const quotaDeltas = (campaigns: readonly Pick<Campaign, 'quotaAtApproval'>[]): YearDeltas[] =>
  campaigns.flatMap((c) => (c.quotaAtApproval ? [{ year: Number(c.quotaAtApproval.on.slice(0, 4)), metrics: quotaComplianceMetrics(c.quotaAtApproval) }] : []));

export const visitDeltas = (visits: readonly Pick<Visit, 'visitedOn' | 'personIds' | 'problemsSolved' | 'peopleTrained'>[]): YearDeltas[] =>
  visits.map((v) => ({ year: Number(v.visitedOn.slice(0, 4)), metrics: visitMetrics(v) }));

/**
 * Nominations through the campaigns, one delta per step in the year the step was taken (its day is kept on the
 * nomination: 基层推荐, 县审核, 审批, and 退回 or 撤回), by the campaign's honour level.
 */
export function nominationDeltas(level: Campaign['level'], nominations: readonly Pick<Nomination, 'status' | 'nominated' | 'reviewed' | 'approved' | 'closed'>[]): YearDeltas[] {
  const year = (on: string) => Number(on.slice(0, 4));
  return nominations.flatMap((n) => [
    { year: year(n.nominated.on), metrics: nominationStepMetrics('nominated', level) },
    ...(n.reviewed ? [{ year: year(n.reviewed.on), metrics: nominationStepMetrics('reviewed', level) }] : []),
    ...(n.approved ? [{ year: year(n.approved.on), metrics: nominationApprovalMetrics(level) }] : []),
    ...(n.closed && (n.status === 'rejected' || n.status === 'withdrawn') ? [{ year: year(n.closed.on), metrics: nominationStepMetrics(n.status, level) }] : []),
  ]);
}

/** What the 劳模 records cannot recount. */
export const notRecountable: readonly NotRecountable[] = [
  {
    key: 'modelWorkers.surveys.belowThreshold',
    reason: { zh: '低于困难标准的核算结果由困难帮扶模块得出（已有档案时不另建记录），劳模记录中不保存', en: "The hardship module decides it (and opens no record when a file is already open); the 劳模 records do not keep it" },
  },
];

export async function recount(deps: ConsumerDeps, tenant: Tenant, year: number): Promise<Record<string, number>> {
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: { sub: 'recount', roles: [] } };
  const [people, batches, campaigns, visits, grants, surveys] = await Promise.all([
    new ModelWorkerStore(deps.table, deps.cursors).allPeople(scope),
    new RecuperationStore(deps.table).batches(scope),
    new CampaignStore(deps.table).campaigns(scope),
    new VisitStore(deps.table).visitsOfYear(tenant.id, year),
    new BenefitStore(deps.table).grants(tenant.id, year),
    queryAll<{ year: number }>(deps.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': serviceKeys.surveyPartition(tenant.id) } }),
  ]);
  const campaignStore = new CampaignStore(deps.table);
  const nominations = await Promise.all(campaigns.map(async (c) => nominationDeltas(c.level, await campaignStore.nominations(tenant.id, c.campaignId))));
  const today = deps.clock.now().toISOString().slice(0, 10);
  const deltas: YearDeltas[] = [
    ...batchDeltas(batches),
    ...quotaDeltas(campaigns),
    ...nominations.flat(),
    ...visitDeltas(visits),
    ...grants.map((g) => ({ year, metrics: benefitGrantMetrics(g.benefit, g.amountFen) })),
    { year, metrics: { 'modelWorkers.surveys.submitted': surveys.filter((s) => Number(s.year) === year).length } },
  ];
  const skipped = new Set(notRecountable.map((n) => n.key));
  const flows = Object.fromEntries(Object.entries(valuesFromDeltas(indicators, year, deltas)).filter(([k]) => !skipped.has(k)));
  return { ...flows, ...peopleFigures(people, year, today) };
}

export const recounting = { recount, notRecountable };
