import { conflict, invalid, staleVersion } from '@ufp/core/errors';
import { transition } from '@ufp/kit/transition';
import type { z } from 'zod';
import { assertNominating } from '../domain/campaign.js';
import { adopt as adoptDecision, assertCampaignFits, assertOpen, deedsLongOf, deedsShortOf, dismiss as dismissDecision, type Adoption, type Draft } from '../domain/draft.js';
import { findHonour } from '../domain/ladder.js';
import { assertEligible } from '../domain/nomination.js';
import { whatIf } from '../domain/quota.js';
import { draftMissing, DraftStore } from '../drafts-store.js';
import type { adoptDraftInput, dismissDraftInput, draftIdInput, listDraftsInput } from '../schemas/drafts.js';
import { campaigns, quotaEntry } from './campaigns.js';
import { cipherField, decrypt, personIndexes, store, today, type Ctx } from './context.js';
import { nominate } from './nominations.js';
import { create as createPerson } from './people.js';

type In<S extends z.ZodType> = z.output<S>;

const drafts = (ctx: Pick<Ctx, 'deps'>) => new DraftStore(ctx.deps.table);

/** What staff see of a draft: masked; the ID's ciphertext never leaves the server. */
export function draftView(d: Draft) {
  const { idCipher: _cipher, name: _name, ...person } = d.person;
  return { ...d, person, deedsShort: deedsShortOf(d), deedsLong: deedsLongOf(d) };
}

async function load(ctx: Ctx, draftId: string): Promise<Draft> {
  const d = await drafts(ctx).find(ctx.scope.tenantId, draftId);
  if (!d) throw draftMissing();
  return d;
}

export async function list(ctx: Ctx, input: In<typeof listDraftsInput>) {
  const all = await drafts(ctx).list(ctx.scope.tenantId);
  return all.filter((d) => !input?.status || d.status === input.status).map(draftView);
}

export async function get(ctx: Ctx, input: In<typeof draftIdInput>) {
  return draftView(await load(ctx, input.draftId));
}

export async function dismiss(ctx: Ctx, input: In<typeof dismissDraftInput>) {
  return transition(
    ctx,
    {
      load: () => drafts(ctx).find(ctx.scope.tenantId, input.draftId),
      missing: draftMissing,
      expectedVersion: input.version,
      decide: dismissDecision,
      save: (uow, after, before) => drafts(ctx).save(uow, after, before.version),
      view: draftView,
    },
    input,
  );
}

/** The trade of the record (at most 50 characters): the 赛项's name (e.g. 焊工) when staff give none. */
const tradeOf = (d: Draft, given?: string) => given ?? Array.from(d.source.eventName.zh.replace(/\s+/g, ' ').trim()).slice(0, 50).join('');

/**
 * The person's record for a winner the registry lacks, through the people service (the same checks, audit and
 * event as a record typed by staff). Before writing it, what would refuse the nomination anyway for a newcomer
 * (the campaign not taking nominations today, a prerequisite honour, the places, an unacknowledged quota breach —
 * the nominations service's own checks, with its texts) refuses here, so a refused adoption leaves no record behind.
 */
async function personFor(ctx: Ctx, d: Draft, input: In<typeof adoptDraftInput>, campaign: Awaited<ReturnType<ReturnType<typeof campaigns>['getCampaign']>>) {
  const idNumber = await decrypt(ctx, d.person.idCipher, cipherField.idNumber);
  const known = d.person.personId ?? (await store(ctx).personIdByIndex(ctx.scope.tenantId, personIndexes(ctx, idNumber).idIndex));
  if (known) return { personId: known, personCreated: false };
  if (!input.education) {
    throw invalid({ zh: '劳模档案中还没有此人，请填写学历以建立档案', en: 'This person has no record yet: give their education to create it' }, { field: 'education' });
  }
  const on = today(ctx);
  assertNominating(campaign, on);
  const type = findHonour(await store(ctx).honourTypes(), campaign.code);
  if (type) assertEligible({ honours: [], status: 'active', nameMasked: d.person.nameMasked }, type, campaign.year, on);
  const roster = await campaigns(ctx).roster(ctx.scope.tenantId, campaign.campaignId);
  const check = whatIf(roster.entries.map(quotaEntry), { add: { occupation: input.occupation ?? 'frontline', gender: d.person.gender, migrantWorker: input.migrantWorker ?? false } }, campaign.rules, campaign.places);
  if (check.overPlaces) throw conflict({ zh: `本次评选名额 ${campaign.places} 个，推荐名单已满`, en: `All ${campaign.places} places of this campaign are taken` }, { field: 'campaignId', reason: 'places' });
  if (check.breaks.length && !input.acknowledgeQuota) {
    throw conflict(
      { zh: `${check.warnings.map((w) => w.zh).join('；')}。如确需推荐，请确认突破名额结构要求后再保存`, en: `${check.warnings.map((w) => w.en).join('; ')}. Confirm the quota breach to add the nominee anyway` },
      { field: 'acknowledgeQuota', reason: 'quota', rules: check.breaks.map((b) => b.rule) },
    );
  }
  const person = await createPerson(inner(ctx), {
    idNumber,
    name: d.person.name,
    ethnicity: input.ethnicity ?? '汉族',
    politicalStatus: input.politicalStatus ?? 'masses',
    education: input.education,
    occupation: input.occupation ?? 'frontline',
    migrantWorker: input.migrantWorker ?? false,
    skillGrade: d.person.skillGrade ?? 'none',
    trade: tradeOf(d, input.trade),
    unitId: d.person.unitId,
    employers: [],
    deputies: [],
  });
  return { personId: person.personId, personCreated: true };
}

/** The steps' own writes carry no Idempotency-Key answer: the adoption's last write stores the call's. */
const inner = (ctx: Ctx): Ctx => ({ ...ctx, idempotency: undefined });

/**
 * 采用: the person's record when the registry lacks the winner (people service), the nomination into a campaign of
 * the draft's honour (nominations service: the campaign's window, eligibility, places and quota — a quota breach
 * needs `acknowledgeQuota` as for any nomination), then the draft marked adopted with the nomination, under its
 * version: a second adoption is refused with 409 (the draft is no longer open). A person already on the campaign's list
 * (an adoption interrupted after its nomination, or nominated by hand) is linked to that nomination, not listed twice.
 */
export async function adopt(ctx: Ctx, input: In<typeof adoptDraftInput>) {
  const d = await load(ctx, input.draftId);
  if (d.version !== input.version) throw staleVersion();
  assertOpen(d);
  const campaign = await campaigns(ctx).getCampaign(ctx.scope.tenantId, input.campaignId);
  assertCampaignFits(d, campaign);
  const who = await personFor(ctx, d, input, campaign);
  // The steps are separate writes: a call cut off after the nomination leaves the person listed and the draft open. A
  // retry (or a winner staff had already put on this list) links the nomination there rather than refusing with 409.
  const listed = (await campaigns(ctx).roster(ctx.scope.tenantId, campaign.campaignId)).entries.find((e) => e.personId === who.personId);
  const nominationId =
    listed?.nominationId ??
    (
      await nominate(inner(ctx), {
        campaignId: campaign.campaignId,
        personId: who.personId,
        minutesRef: input.minutesRef,
        deedsShort: input.deedsShort ?? deedsShortOf(d),
        deedsLong: input.deedsLong ?? deedsLongOf(d),
        acknowledgeQuota: input.acknowledgeQuota,
      })
    ).nominationId;
  const adoption: Adoption = { campaignId: campaign.campaignId, nominationId, ...who };
  return transition(
    ctx,
    {
      load: () => drafts(ctx).find(ctx.scope.tenantId, input.draftId),
      missing: draftMissing,
      expectedVersion: input.version,
      decide: (before, _input, decide) => adoptDecision(before, adoption, decide),
      save: (uow, after, before) => drafts(ctx).save(uow, after, before.version),
      view: draftView,
    },
    input,
  );
}
