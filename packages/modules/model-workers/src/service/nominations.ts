import { shanghaiDate } from '@ufp/core/clock';
import { conflict } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { transition, type TransitionSpec } from '@ufp/kit/transition';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { nominationMissing, rosterEntry } from '../campaign-store.js';
import { assertNominating } from '../domain/campaign.js';
import { findHonour } from '../domain/ladder.js';
import { approve as approveNomination, assertApprovable, attachMinutes as attachMinutesDecision, assertEligible, assertNominator, close, nominationApprovalMetrics, review as reviewDecision, vet as vetDecision, type Nomination } from '../domain/nomination.js';
import { checkModelWorkerEvidence } from '../domain/evidence.js';
import { awardHonour } from '../domain/person.js';
import { ModelWorkerEvidenceStore } from '../evidence-store.js';
import { quotaState, whatIf, type RuleState } from '../domain/quota.js';
import { campaignQuotaRecorded, nominationApproved, nominationStepped } from '../events.js';
import { nominationStepMetrics, quotaComplianceMetrics } from '../metrics-deltas.js';
import type { Campaign } from '../domain/campaign.js';
import type { attachMinutesInput, approveInput, campaignIdInput, closeNominationInput, nominateInput, nominationIdInput, reviewInput, vetInput } from '../schemas/campaigns.js';
import { personMissing } from '../store.js';
import { province, store, today, userNames, type Ctx } from './context.js';
import { campaigns, quotaEntry } from './campaigns.js';

type In<S extends z.ZodType> = z.output<S>;

function nominationView(n: Nomination, names?: Map<string, string>) {
  const who = (s?: { by: string }) => (s ? (names?.get(s.by) ?? null) : null);
  return { ...n, nominatedByName: who(n.nominated), reviewedByName: who(n.reviewed), approvedByName: who(n.approved) };
}

const quotaRefusal = (breaks: RuleState[], warnings: { zh: string; en: string }[]) =>
  conflict(
    { zh: `${warnings.map((w) => w.zh).join('；')}。如确需推荐，请确认突破名额结构要求后再保存`, en: `${warnings.map((w) => w.en).join('; ')}. Confirm the quota breach to add the nominee anyway` },
    { field: 'personId', reason: 'quota', rules: breaks.map((b) => b.rule) },
  );

/**
 * 基层推荐: a unit reporter for a person of their own union, or staff for anyone of the tenant.
 *
 * Quota: an addition that breaks a rule is refused with 409 naming the rule unless the nominator sends
 * `acknowledgeQuota: true`. Refusing outright would make a list impossible to build one person at a time
 * (the first nominee, whoever it is, leaves the "≥ 55% 一线" or the "≤ 22% 企业负责人" rule broken until
 * others join), and the quota binds the list the federation finally reports, not each intermediate
 * state; the acknowledgement is stored on the nomination and the board shows the rules that still fail.
 * The places are different: a list longer than the places allotted is refused outright.
 *
 * The campaign's roster (the list as the quota reads it) is written with every addition under its version, so
 * two additions racing on the same list cannot both pass the quota and places check (the second gets 409).
 */
export async function nominate(ctx: Ctx, input: In<typeof nominateInput>) {
  const repo = campaigns(ctx);
  const c = await repo.getCampaign(ctx.scope.tenantId, input.campaignId);
  const on = today(ctx);
  assertNominating(c, on);
  const [person, ladder, roster] = await Promise.all([store(ctx).findPerson(ctx.scope, input.personId), store(ctx).honourTypes(), repo.roster(ctx.scope.tenantId, c.campaignId)]);
  if (!person) throw personMissing();
  assertNominator(person, ctx.scope);
  const type = findHonour(ladder, c.code);
  if (!type) throw conflict({ zh: `荣誉体系中已没有「${c.honour.zh}」`, en: `${c.honour.en} is no longer in the ladder` }, { field: 'campaignId' });
  assertEligible(person, type, c.year, on);
  if (roster.entries.some((n) => n.personId === person.personId)) throw conflict({ zh: '此人已在本次评选的推荐名单中（每次评选只推荐一次）', en: 'This person is already on this campaign’s list (once per campaign)' }, { field: 'personId', reason: 'already_nominated' });
  const check = whatIf(roster.entries.map(quotaEntry), { add: quotaEntry(person) }, c.rules, c.places);
  if (check.overPlaces) throw conflict({ zh: `本次评选名额 ${c.places} 个，推荐名单已满`, en: `All ${c.places} places of this campaign are taken` }, { field: 'personId', reason: 'places' });
  if (check.breaks.length && !input.acknowledgeQuota) throw quotaRefusal(check.breaks, check.warnings);
  return write(ctx, (uow, now) => {
    const n: Nomination = {
      nominationId: newId(),
      tenantId: ctx.scope.tenantId,
      campaignId: c.campaignId,
      personId: person.personId,
      nameMasked: person.nameMasked,
      name: person.name,
      unitId: person.unitId,
      occupation: person.occupation,
      gender: person.gender,
      migrantWorker: person.migrantWorker,
      minutesRef: input.minutesRef,
      deedsShort: input.deedsShort,
      deedsLong: input.deedsLong,
      status: 'nominated',
      quotaAcknowledged: check.breaks.map((b) => b.rule),
      nominated: { by: ctx.scope.actor.sub, on: shanghaiDate(now) },
      vetting: {},
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    repo.addNomination(uow, n);
    repo.putRoster(uow, roster, [...roster.entries, rosterEntry(n)]);
    uow.emit(stepped(c, n, 'nominated'));
    const ack = check.warnings.length ? `（已确认：${check.warnings.map((w) => w.zh).join('；')}）` : '';
    uow.audit({ action: 'modelWorkers.nominations.create', entityType: 'modelWorkers.nomination', entityId: n.nominationId, summary: `推荐 ${n.nameMasked} 参加评选「${c.title}」${ack}` });
    return { ...nominationView(n), quota: check.after };
  });
}

/** The campaign's list; a unit reporter sees their own union's nominees only. */
export async function list(ctx: Ctx, input: In<typeof campaignIdInput>) {
  const c = await campaigns(ctx).getCampaign(ctx.scope.tenantId, input.campaignId);
  const [all, names] = await Promise.all([campaigns(ctx).nominations(ctx.scope.tenantId, c.campaignId), userNames(ctx)]);
  return all.filter((n) => !ctx.scope.unitId || n.unitId === ctx.scope.unitId).map((n) => nominationView(n, names));
}

/** The nomination, if the caller may see it (a unit reporter: their own union's nominees only). */
export async function findMine(ctx: Ctx, campaignId: string, nominationId: string) {
  const n = await campaigns(ctx).findNomination(ctx.scope.tenantId, campaignId, nominationId);
  return n && (!ctx.scope.unitId || n.unitId === ctx.scope.unitId) ? n : undefined;
}

export async function get(ctx: Ctx, input: In<typeof nominationIdInput>) {
  const [n, names] = await Promise.all([findMine(ctx, input.campaignId, input.nominationId), userNames(ctx)]);
  if (!n) throw nominationMissing();
  return nominationView(n, names);
}

type NominationView = ReturnType<typeof nominationView>;

/** The step's event: ids, the step and the campaign's honour level, with the rollup deltas (no person). */
export const stepped = (c: Pick<Campaign, 'campaignId' | 'level'>, n: Pick<Nomination, 'nominationId'>, status: 'nominated' | 'reviewed' | 'rejected' | 'withdrawn') =>
  nominationStepped.create({ campaignId: c.campaignId, nominationId: n.nominationId, status, level: c.level, metrics: nominationStepMetrics(status, c.level) });

/** A step's decision with its event added. */
const withStepEvent =
  <I>(c: Campaign, decide: TransitionSpec<Nomination, I>['decide'], status: 'reviewed' | 'rejected' | 'withdrawn'): TransitionSpec<Nomination, I>['decide'] =>
  (before, input, d) => {
    const decision = decide(before, input, d);
    return { ...decision, events: [...(decision.events ?? []), stepped(c, before, status)] };
  };

function step<I>(ctx: Ctx, input: { campaignId: string; nominationId: string; version?: number }, decide: TransitionSpec<Nomination, I>['decide']): TransitionSpec<Nomination, I, NominationView> {
  return {
    load: () => findMine(ctx, input.campaignId, input.nominationId),
    missing: nominationMissing,
    expectedVersion: input.version,
    decide,
    save: (uow, after, before) => campaigns(ctx).saveNomination(uow, after, before.version),
    view: (after) => nominationView(after),
  };
}

/** 县审核 (federation staff, not the nominator). */
export async function review(ctx: Ctx, input: In<typeof reviewInput>) {
  const c = await campaigns(ctx).getCampaign(ctx.scope.tenantId, input.campaignId);
  return transition(ctx, step(ctx, input, withStepEvent(c, reviewDecision, 'reviewed')), input);
}

/** Records the checked minutes file (see service/evidence.ts for the upload). */
export async function attachMinutes(ctx: Ctx, input: In<typeof attachMinutesInput>) {
  const evidence = checkModelWorkerEvidence(await new ModelWorkerEvidenceStore(ctx.deps.table).byId(ctx.scope.tenantId, input.evidenceId));
  return transition(ctx, step(ctx, input, (before, _i, d) => attachMinutesDecision(before, { evidence }, d)), input);
}

/** 联审: an agency's check (date and document) against the campaign's agencies. */
export async function vet(ctx: Ctx, input: In<typeof vetInput>) {
  const c = await campaigns(ctx).getCampaign(ctx.scope.tenantId, input.campaignId);
  return transition(ctx, step(ctx, input, vetDecision), { ...input, agencies: c.agencies });
}

/** Off the list: the nomination closes and leaves the roster in the same transaction. */
async function closeNomination(ctx: Ctx, input: In<typeof closeNominationInput>, to: 'withdrawn' | 'rejected') {
  const [c, roster] = await Promise.all([campaigns(ctx).getCampaign(ctx.scope.tenantId, input.campaignId), campaigns(ctx).roster(ctx.scope.tenantId, input.campaignId)]);
  const spec = step(ctx, input, withStepEvent(c, close, to));
  return transition(
    ctx,
    {
      ...spec,
      save: (uow, after, before) => {
        spec.save(uow, after, before);
        campaigns(ctx).putRoster(uow, roster, roster.entries.filter((e) => e.nominationId !== after.nominationId));
      },
    },
    { ...input, to },
  );
}

export const withdraw = (ctx: Ctx, input: In<typeof closeNominationInput>) => closeNomination(ctx, input, 'withdrawn');
export const reject = (ctx: Ctx, input: In<typeof closeNominationInput>) => closeNomination(ctx, input, 'rejected');

/**
 * 审批 (federation admin, not the reviewer): after the 公示, with no undecided objection and every agency's
 * vetting. Records the honour on the person (the ladder's entry, the campaign's year, this nomination) and
 * emits `nominationApproved`, in one transaction with the nomination's step and both audit entries.
 */
export async function approve(ctx: Ctx, input: In<typeof approveInput>) {
  const repo = campaigns(ctx);
  const [c, n, objections, ladder] = await Promise.all([
    repo.getCampaign(ctx.scope.tenantId, input.campaignId),
    repo.findNomination(ctx.scope.tenantId, input.campaignId, input.nominationId),
    repo.objections(ctx.scope.tenantId, input.campaignId),
    store(ctx).honourTypes(),
  ]);
  if (!n) throw nominationMissing();
  if (input.version !== undefined && input.version !== n.version) throw conflict({ zh: '该人选已被他人修改，请刷新后重试', en: 'This nomination was changed by someone else: reload and try again' }, { reason: 'stale_version' });
  const person = await store(ctx).findPerson(ctx.scope, n.personId);
  if (!person) throw personMissing();
  const type = findHonour(ladder, c.code);
  if (!type) throw conflict({ zh: `荣誉体系中已没有「${c.honour.zh}」`, en: `${c.honour.en} is no longer in the ladder` }, { field: 'campaignId' });
  const roster = c.quotaAtApproval ? undefined : await repo.roster(ctx.scope.tenantId, c.campaignId);
  return write(ctx, (uow, now) => {
    const d = { now, today: shanghaiDate(now), scope: ctx.scope };
    assertApprovable(n, c, objections.filter((o) => o.nominationId === n.nominationId && !o.decision).length, d);
    const honourId = newId();
    const honour = awardHonour(person, { honourId, type, year: c.year, conferredBy: input.conferredBy, certificateNo: input.certificateNo, nominationId: n.nominationId }, d);
    const after = { ...approveNomination(n, { honourId }, d), version: n.version + 1 };
    store(ctx).savePerson(uow, { ...honour.after, version: person.version + 1 }, person.version, province(ctx.scope), d.today);
    repo.saveNomination(uow, after, n.version);
    for (const e of honour.events ?? []) uow.emit(e);
    uow.emit(nominationApproved.create({ campaignId: c.campaignId, nominationId: n.nominationId, personId: n.personId, code: type.code, level: type.level, metrics: nominationApprovalMetrics(type.level) }));
    if (roster) recordQuotaAtApproval(ctx, uow, c, roster.entries.map(quotaEntry), d.today, now);
    uow.audit(honour.audit);
    uow.audit({ action: 'modelWorkers.nominations.approve', entityType: 'modelWorkers.nomination', entityId: n.nominationId, summary: `审批通过 ${n.nameMasked}：${c.year} 年「${type.name.zh}」`, changes: { status: { from: n.status, to: 'approved' } } });
    return nominationView(after);
  });
}

/**
 * A campaign's first approval records its list's quota state on the campaign (under the campaign's version: two
 * first approvals racing cannot both record it) and emits the compliance counts for the rollups, once per campaign.
 */
function recordQuotaAtApproval(ctx: Ctx, uow: UnitOfWork, c: Campaign, entries: ReturnType<typeof quotaEntry>[], on: string, now: Date) {
  const state = quotaState(entries, c.rules, c.places);
  const broken = state.rules.filter((r) => !r.holds).map((r) => r.rule);
  const quotaAtApproval = { on, holds: state.holds, count: state.count, places: state.places, placesHold: state.placesHold, rules: state.rules.map((r) => ({ rule: r.rule, percent: r.percent, limit: r.limit, holds: r.holds })) };
  campaigns(ctx).saveCampaign(uow, { ...c, quotaAtApproval, version: c.version + 1, updatedAt: now.toISOString() }, c.version);
  uow.emit(campaignQuotaRecorded.create({ campaignId: c.campaignId, level: c.level, holds: state.holds, broken, metrics: quotaComplianceMetrics(state) }));
}
