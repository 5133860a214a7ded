import { invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { transition } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { assertCanJoin, excludedByGap, lastWentOn, rotationOrder, type Batch } from '../domain/recuperation.js';
import { batchMissing, RecuperationStore } from '../recuperation-store.js';
import { personMissing } from '../store.js';
import type { createBatchInput, joinBatchInput, leaveBatchInput, recuperationSettingsInput } from '../schemas/extras.js';
import { store, today, userNames, type Ctx } from './context.js';
import { recuperationChanged } from '../events.js';
import { recuperationMetrics } from '../metrics-deltas.js';

type In<S extends z.ZodType> = z.output<S>;
const batches = (ctx: Ctx) => new RecuperationStore(ctx.deps.table);

/** Places offered or taken, counted in the year the batch starts (no person). */
const placesEvent = (batch: Pick<Batch, 'batchId' | 'startsOn'>, change: { capacity?: number; used?: number }) =>
  recuperationChanged.create({ batchId: batch.batchId, year: Number(batch.startsOn.slice(0, 4)), metrics: recuperationMetrics(change) });

export async function settings(ctx: Ctx) {
  return batches(ctx).settings(ctx.scope);
}

export async function setSettings(ctx: Ctx, input: In<typeof recuperationSettingsInput>) {
  const before = await batches(ctx).settings(ctx.scope);
  return write(ctx, (uow) => {
    batches(ctx).putSettings(uow, ctx.scope, { gapYears: input.gapYears }, input.version);
    uow.audit({ action: 'modelWorkers.recuperation.settings', entityType: 'modelWorkers.settings', entityId: 'recuperation', summary: `疗休养轮换间隔：${before.gapYears} 年 → ${input.gapYears} 年`, changes: { gapYears: { from: before.gapYears, to: input.gapYears } } });
    return { gapYears: input.gapYears, version: input.version + 1 };
  });
}

export async function create(ctx: Ctx, input: In<typeof createBatchInput>) {
  if (input.endsOn < input.startsOn) throw invalid({ zh: '结束日期早于开始日期', en: 'The batch ends before it starts' }, { field: 'endsOn' });
  const now = ctx.deps.clock.now().toISOString();
  const batch: Batch = { ...input, batchId: newId(), tenantId: ctx.scope.tenantId, participants: [], version: 1, createdAt: now, updatedAt: now };
  return write(ctx, (uow) => {
    batches(ctx).addBatch(uow, batch);
    uow.emit(placesEvent(batch, { capacity: batch.capacity }));
    uow.audit({ action: 'modelWorkers.recuperation.create', entityType: 'modelWorkers.batch', entityId: batch.batchId, summary: `新建疗休养批次「${batch.title}」（${batch.startsOn}～${batch.endsOn}，${batch.capacity} 人）` });
    return batch;
  });
}

export async function list(ctx: Ctx) {
  return (await batches(ctx).batches(ctx.scope)).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
}

/** A batch with the rotation order of who should go next (longest waited first), and the reasons; those left out for the gap. */
export async function get(ctx: Ctx, input: { batchId: string }) {
  const [batch, all, people, s, names] = await Promise.all([batches(ctx).batch(ctx.scope, input.batchId), batches(ctx).batches(ctx.scope), store(ctx).allPeople(ctx.scope), batches(ctx).settings(ctx.scope), userNames(ctx)]);
  if (!batch) throw batchMissing();
  const last = lastWentOn(all.filter((b) => b.batchId !== batch.batchId));
  const order = rotationOrder(people, batch, last, s);
  return { ...batch, participants: batch.participants.map((p) => ({ ...p, addedByName: names.get(p.addedBy) ?? null })), next: order, excluded: excludedByGap(people, batch, last, s), gapYears: s.gapYears };
}

export async function join(ctx: Ctx, input: In<typeof joinBatchInput>) {
  const [all, people, s] = await Promise.all([batches(ctx).batches(ctx.scope), store(ctx).allPeople(ctx.scope), batches(ctx).settings(ctx.scope)]);
  const add = input.personIds.map((id) => people.find((p) => p.personId === id));
  if (add.some((p) => !p)) throw personMissing();
  const on = today(ctx);
  return transition(
    ctx,
    {
      load: () => batches(ctx).batch(ctx.scope, input.batchId),
      missing: batchMissing,
      expectedVersion: input.version,
      decide: (before, _i, { now }) => {
        const chosen = add.map((p) => p!);
        assertCanJoin(before, chosen, rotationOrder(people, before, lastWentOn(all.filter((b) => b.batchId !== before.batchId)), s));
        const after: Batch = { ...before, participants: [...before.participants, ...chosen.map((p) => ({ personId: p.personId, nameMasked: p.nameMasked, addedOn: on, addedBy: ctx.scope.actor.sub }))], updatedAt: now.toISOString() };
        return { after, events: [placesEvent(before, { used: chosen.length })], audit: { action: 'modelWorkers.recuperation.join', entityType: 'modelWorkers.batch', entityId: before.batchId, summary: `疗休养批次「${before.title}」安排：${chosen.map((p) => p.nameMasked).join('、')}` } };
      },
      save: (uow, after, before) => batches(ctx).saveBatch(uow, after, before.version),
    },
    input,
  );
}

export async function leave(ctx: Ctx, input: In<typeof leaveBatchInput>) {
  return transition(
    ctx,
    {
      load: () => batches(ctx).batch(ctx.scope, input.batchId),
      missing: batchMissing,
      expectedVersion: input.version,
      decide: (before, i, { now }) => {
        const gone = before.participants.find((p) => p.personId === i.personId);
        if (!gone) throw invalid({ zh: '此人不在本批次中', en: 'This person is not in the batch' }, { field: 'personId' });
        const after: Batch = { ...before, participants: before.participants.filter((p) => p.personId !== i.personId), updatedAt: now.toISOString() };
        return { after, events: [placesEvent(before, { used: -1 })], audit: { action: 'modelWorkers.recuperation.leave', entityType: 'modelWorkers.batch', entityId: before.batchId, summary: `疗休养批次「${before.title}」取消安排：${gone.nameMasked}` } };
      },
      save: (uow, after, before) => batches(ctx).saveBatch(uow, after, before.version),
    },
    input,
  );
}
