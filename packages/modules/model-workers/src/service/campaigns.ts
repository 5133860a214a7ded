import { invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { shanghaiDate } from '@ufp/core/clock';
import { workCalendar } from '@ufp/kit/calendar';
import { transition } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { CampaignStore, campaignMissing, nominationMissing } from '../campaign-store.js';
import { newCampaign, publishCampaign, updateCampaign, type Campaign } from '../domain/campaign.js';
import { findHonour } from '../domain/ladder.js';
import type { Nomination } from '../domain/nomination.js';
import { publicityEndsOn, publicityPhase, startPublicity as startPublicityDecision } from '../domain/publicity.js';
import { quotaState, whatIf as whatIfState, type QuotaEntry } from '../domain/quota.js';
import type { campaignIdInput, createCampaignInput, publishCampaignInput, startPublicityInput, updateCampaignInput, whatIfInput } from '../schemas/campaigns.js';
import { personMissing } from '../store.js';
import { store, today, type Ctx } from './context.js';

type In<S extends z.ZodType> = z.output<S>;

export const campaigns = (ctx: Pick<Ctx, 'deps'>) => new CampaignStore(ctx.deps.table);

export function campaignView(c: Campaign, on: string) {
  return { ...c, phase: publicityPhase(c, on) };
}

export const quotaEntry = (n: Pick<Nomination, 'occupation' | 'gender' | 'migrantWorker'>): QuotaEntry => ({ occupation: n.occupation, gender: n.gender, migrantWorker: n.migrantWorker });

/** A new campaign (draft) for an honour of the ladder, with the quota, agencies and 公示 settings or their defaults. */
export async function create(ctx: Ctx, input: In<typeof createCampaignInput>) {
  const type = findHonour(await store(ctx).honourTypes(), input.code);
  if (!type) throw invalid({ zh: `荣誉体系中没有「${input.code}」`, en: 'No such honour in the ladder' }, { field: 'code' });
  const { code: _code, ...fields } = input;
  return write(ctx, (uow, now) => {
    const c = newCampaign(type, fields, { campaignId: newId(), tenantId: ctx.scope.tenantId }, { now, today: shanghaiDate(now), scope: ctx.scope });
    campaigns(ctx).addCampaign(uow, c);
    uow.audit({ action: 'modelWorkers.campaigns.create', entityType: 'modelWorkers.campaign', entityId: c.campaignId, summary: `新建评选「${c.title}」（${type.name.zh}，名额 ${c.places}）` });
    return campaignView(c, shanghaiDate(now));
  });
}

export async function list(ctx: Ctx) {
  const on = today(ctx);
  return (await campaigns(ctx).campaigns(ctx.scope)).map((c) => campaignView(c, on));
}

export async function get(ctx: Ctx, input: In<typeof campaignIdInput>) {
  const c = await campaigns(ctx).getCampaign(ctx.scope.tenantId, input.campaignId);
  return campaignView(c, today(ctx));
}

const load = (ctx: Ctx, campaignId: string) => () => campaigns(ctx).findCampaign(ctx.scope.tenantId, campaignId);

export async function update(ctx: Ctx, input: In<typeof updateCampaignInput>) {
  const { campaignId, version, ...fields } = input;
  return transition(
    ctx,
    { load: load(ctx, campaignId), missing: campaignMissing, expectedVersion: version, decide: (before, i, d) => updateCampaign(before, i, d), save: (uow, after, before) => campaigns(ctx).saveCampaign(uow, after, before.version), view: (after, d) => campaignView(after, d.today) },
    fields,
  );
}

export async function publish(ctx: Ctx, input: In<typeof publishCampaignInput>) {
  return transition(
    ctx,
    { load: load(ctx, input.campaignId), missing: campaignMissing, expectedVersion: input.version, decide: publishCampaign, save: (uow, after, before) => campaigns(ctx).saveCampaign(uow, after, before.version), view: (after, d) => campaignView(after, d.today) },
    input,
  );
}

/** 公示 of the reviewed list for the campaign's number of working days, on the legal-clock calendar. */
export async function startPublicity(ctx: Ctx, input: In<typeof startPublicityInput>) {
  const [c, list, calendar] = await Promise.all([
    campaigns(ctx).getCampaign(ctx.scope.tenantId, input.campaignId),
    campaigns(ctx).nominations(ctx.scope.tenantId, input.campaignId),
    workCalendar(ctx.deps.table),
  ]);
  const facts = {
    startsOn: input.startsOn,
    endsOn: publicityEndsOn(calendar, input.startsOn, c.publicityDays),
    reviewed: list.filter((n) => n.status === 'reviewed').length,
    awaitingReview: list.filter((n) => n.status === 'nominated').length,
  };
  return transition(
    ctx,
    { load: async () => c, missing: campaignMissing, expectedVersion: input.version, decide: startPublicityDecision, save: (uow, after, before) => campaigns(ctx).saveCampaign(uow, after, before.version), view: (after, d) => campaignView(after, d.today) },
    facts,
  );
}

/** The live quota state of the campaign's list: each rule's share, limit and whether it holds; the count against the places. */
export async function quota(ctx: Ctx, input: In<typeof campaignIdInput>) {
  const { settings, roster } = await campaigns(ctx).quotaView(ctx.scope.tenantId, input.campaignId);
  if (!settings) throw campaignMissing();
  return quotaState(roster.entries.map(quotaEntry), settings.rules, settings.places);
}

/**
 * The state the list would be in after adding a person and/or removing a nomination, and which rules
 * the change would break — asked BEFORE the change is saved (the console's what-if warning).
 */
export async function whatIf(ctx: Ctx, input: In<typeof whatIfInput>) {
  const { settings: c, roster, person: found } = await campaigns(ctx).quotaView(ctx.scope.tenantId, input.campaignId, input.add);
  if (!c) throw campaignMissing();
  // A unit reporter sees their own union's people only (as `getPerson`).
  const person = found && (!ctx.scope.unitId || found.unitId === ctx.scope.unitId) ? found : undefined;
  if (input.add && !person) throw personMissing();
  const removeIndex = input.remove ? roster.entries.findIndex((n) => n.nominationId === input.remove) : undefined;
  if (removeIndex === -1) throw nominationMissing();
  const answer = whatIfState(roster.entries.map(quotaEntry), { add: person && quotaEntry(person), removeIndex }, c.rules, c.places);
  return { ...answer, alreadyListed: !!person && roster.entries.some((n) => n.personId === person.personId) };
}
