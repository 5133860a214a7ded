import { newId } from '@ufp/core/ids';
import { transition } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { highestHonourLevel, type Person } from '../domain/person.js';
import { assertStudioFields, createStudioAudit, latestReview, leaderFlag, reviewStudio, sevenHasCount, updateStudio, type Studio, type StudioFields } from '../domain/studio.js';
import type { createStudioInput, listStudiosInput, reviewStudioInput, studioIdInput, updateStudioInput } from '../schemas/visits.js';
import { personMissing } from '../store.js';
import { studioMissing, VisitStore } from '../visits-store.js';
import { store, today, userNames, type Ctx } from './context.js';

type In<S extends z.ZodType> = z.output<S>;
const studios = (ctx: Ctx) => new VisitStore(ctx.deps.table);

/** A studio as answers show it: the 七有 count, the leader with their flag, the latest review. */
function studioView(s: Studio, leader: Person | undefined, on: string, names?: Map<string, string>) {
  const count = sevenHasCount(s.sevenHas);
  return {
    ...s,
    unitId: s.unitId ?? null,
    sevenHasCount: count,
    complete: count === 7,
    leader: leader
      ? { personId: leader.personId, name: leader.name, nameMasked: leader.nameMasked, idMasked: leader.idMasked, status: leader.status, highestLevel: highestHonourLevel(leader, on) ?? null, flag: leaderFlag(leader, on) }
      : { personId: s.leaderId, name: null, nameMasked: '—', idMasked: null, status: null, highestLevel: null, flag: null },
    latestReview: latestReview(s),
    reviews: s.reviews.map((r) => ({ ...r, note: r.note ?? null, byName: names?.get(r.by) ?? null })),
    achievementsValueFen: s.achievements.reduce((sum, a) => sum + (a.valueFen ?? 0), 0),
  };
}

async function leaderOf(ctx: Ctx, personId: string): Promise<Person> {
  const leader = await store(ctx).findPerson({ ...ctx.scope, unitId: undefined }, personId);
  if (!leader) throw personMissing();
  return leader;
}

async function assertUnit(ctx: Ctx, unitId: string | undefined) {
  if (unitId) await ctx.deps.units.get(ctx.scope, unitId);
}

const fieldsOf = (input: In<typeof createStudioInput>): StudioFields => ({
  name: input.name,
  level: input.level,
  leaderId: input.leaderId,
  members: input.members,
  foundedOn: input.foundedOn,
  unitId: input.unitId,
  sevenHas: input.sevenHas,
  achievements: input.achievements,
});

/** Registers a studio (one name per federation); its leader must be a living, unrevoked person record. */
export async function create(ctx: Ctx, input: In<typeof createStudioInput>) {
  const [leader] = await Promise.all([leaderOf(ctx, input.leaderId), assertUnit(ctx, input.unitId)]);
  const on = today(ctx);
  const fields = fieldsOf(input);
  assertStudioFields(fields, leader, on, true);
  const now = ctx.deps.clock.now().toISOString();
  const studio: Studio = { ...fields, studioId: newId(), tenantId: ctx.scope.tenantId, reviews: [], createdBy: ctx.scope.actor.sub, version: 1, createdAt: now, updatedAt: now };
  return write(ctx, (uow) => {
    studios(ctx).addStudio(uow, studio);
    uow.audit(createStudioAudit(studio));
    return studioView(studio, leader, on);
  });
}

export async function update(ctx: Ctx, input: In<typeof updateStudioInput>) {
  const [leader] = await Promise.all([leaderOf(ctx, input.leaderId), assertUnit(ctx, input.unitId)]);
  return transition(
    ctx,
    {
      load: () => studios(ctx).studio(ctx.scope, input.studioId),
      missing: studioMissing,
      expectedVersion: input.version,
      decide: (before, i, dctx) => updateStudio(before, fieldsOf(i), leader, dctx),
      save: (uow, after, before) => studios(ctx).saveStudio(uow, after, before),
      view: (after, dctx) => studioView(after, leader, dctx.today),
    },
    input,
  );
}

export async function review(ctx: Ctx, input: In<typeof reviewStudioInput>) {
  return transition(
    ctx,
    {
      load: () => studios(ctx).studio(ctx.scope, input.studioId),
      missing: studioMissing,
      expectedVersion: input.version,
      decide: (before, i, dctx) => reviewStudio(before, { year: i.year, outcome: i.outcome, note: i.note }, dctx),
      save: (uow, after, before) => studios(ctx).saveStudio(uow, after, before),
      view: (after, dctx) => ({ studioId: after.studioId, version: after.version, latestReview: latestReview(after), today: dctx.today }),
    },
    input,
  );
}

export async function get(ctx: Ctx, input: In<typeof studioIdInput>) {
  const studio = await studios(ctx).studio(ctx.scope, input.studioId);
  if (!studio) throw studioMissing();
  const [leader, names] = await Promise.all([store(ctx).findPerson({ ...ctx.scope, unitId: undefined }, studio.leaderId), userNames(ctx)]);
  return studioView(studio, leader, today(ctx), names);
}

/** The registry, filtered by level, leader, 七有 complete or not, a flagged leader, or a part of the name. */
export async function list(ctx: Ctx, input: In<typeof listStudiosInput>) {
  const [all, people] = await Promise.all([studios(ctx).studios(ctx.scope), store(ctx).allPeople({ ...ctx.scope, unitId: undefined })]);
  const byId = new Map(people.map((p) => [p.personId, p]));
  const on = today(ctx);
  return all
    .map((s) => studioView(s, byId.get(s.leaderId), on))
    .filter(
      (s) =>
        (!input?.level || s.level === input.level) &&
        (!input?.leaderId || s.leaderId === input.leaderId) &&
        (input?.complete === undefined || s.complete === input.complete) &&
        (input?.flagged === undefined || (s.leader.flag !== null) === input.flagged) &&
        (!input?.q || s.name.includes(input.q)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

