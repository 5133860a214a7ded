import { shanghaiDate } from '@ufp/core/clock';
import { notFound } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import type { WriteCtx } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import { CampaignRepository } from '../campaign-store.js';
import { campaignBoard, checkCampaignContracts, type OfferCampaign } from '../domain/campaign.js';
import { sendOffer } from '../domain/steps.js';
import type { CampaignCreateInput } from '../schemas.js';
import { ContractRepository, workCalendar } from '../store.js';

const contracts = (ctx: WriteCtx) => new ContractRepository(ctx.deps.table, ctx.deps.cursors);
const campaigns = (ctx: WriteCtx) => new CampaignRepository(ctx.deps.table);
const missing = () => notFound({ zh: '集中要约', en: 'Offer campaign' });


/**
 * Sends one offer to every chosen draft on the same day: each contract takes the same step a single offer takes (its
 * own history entry, its own 20-day reply clock), all in one transaction with the campaign and its audit entry.
 */
export async function create(ctx: WriteCtx, input: CampaignCreateInput) {
  const chosen = checkCampaignContracts(input.contractIds, await contracts(ctx).byIds(ctx.scope.tenantId, input.contractIds));
  const campaignId = newId();
  return write(ctx, async (uow, now) => {
    const decideCtx = { now, today: shanghaiDate(now), scope: ctx.scope };
    for (const before of chosen) {
      const { after } = sendOffer(before, { contractId: before.contractId, sentOn: input.sentOn, fromSide: input.fromSide }, decideCtx);
      contracts(ctx).replace(uow, { ...after, version: before.version + 1 }, before.version);
    }
    const campaign: OfferCampaign = {
      campaignId,
      tenantId: ctx.scope.tenantId,
      title: input.title,
      fromSide: input.fromSide,
      sentOn: input.sentOn,
      contractIds: chosen.map((c) => c.contractId),
      createdBy: ctx.scope.actor.sub,
      createdAt: now.toISOString(),
      version: 1,
    };
    campaigns(ctx).add(uow, campaign);
    uow.audit({
      action: 'contracts.campaign.create',
      entityType: 'contractCampaign',
      entityId: campaignId,
      summary: `集中要约「${input.title}」：${input.sentOn} 向 ${chosen.length} 家企业发出协商要约（${chosen.map((c) => c.title).join('、').slice(0, 300)}）`,
    });
    return { campaignId, sent: chosen.length };
  });
}

/** A campaign's board: each enterprise's reply against its clock, and the counts. */
export async function get(ctx: WriteCtx, input: { campaignId: string }) {
  const [campaign, settings, calendar] = await Promise.all([campaigns(ctx).find(ctx.scope.tenantId, input.campaignId), contracts(ctx).settings(ctx.scope.tenantId), workCalendar(ctx.deps.table)]);
  if (!campaign) throw missing();
  const sentTo = await contracts(ctx).byIds(ctx.scope.tenantId, campaign.contractIds);
  return campaignBoard(campaign, sentTo, settings, shanghaiDate(ctx.deps.clock.now()), calendar);
}

/** The tenant's campaigns, newest first, each with its counts (no rows). */
export async function list(ctx: WriteCtx) {
  // Every campaign's contracts together come near the whole partition: one query reads them cheaper than BatchGets.
  const [items, contractList, settings, calendar] = await Promise.all([campaigns(ctx).all(ctx.scope.tenantId), contracts(ctx).all(ctx.scope), contracts(ctx).settings(ctx.scope.tenantId), workCalendar(ctx.deps.table)]);
  const all = new Map(contractList.map((c) => [c.contractId, c]));
  const today = shanghaiDate(ctx.deps.clock.now());
  return {
    items: items.map((c) => {
      const { rows: _rows, ...summary } = campaignBoard(c, all, settings, today, calendar);
      return summary;
    }),
  };
}
