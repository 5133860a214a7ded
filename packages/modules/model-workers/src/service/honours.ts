import { invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { platformAuditScope, type Actor } from '@ufp/core/tenancy/scope';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import type { Context } from '@ufp/kit/trpc';
import type { z } from 'zod';
import { defaultLadder, findHonour, sortLadder } from '../domain/ladder.js';
import { assertLadder } from '../domain/ladder-rules.js';
import { awardHonour, revokeHonour } from '../domain/person.js';
import type { awardInput, revokeInput, setLadderInput } from '../schemas/people.js';
import { ModelWorkerStore } from '../store.js';
import { store, type Ctx } from './context.js';
import { changePerson } from './people.js';

type In<S extends z.ZodType> = z.output<S>;

/** The ladder in force, highest first; whether the operator changed it from the shipped one. */
export async function ladder(ctx: Context) {
  const stored = await new ModelWorkerStore(ctx.deps.table, ctx.deps.cursors).ladder();
  return { honours: sortLadder(stored?.honours ?? defaultLadder), version: stored?.version ?? 0, custom: !!stored, updatedAt: stored?.updatedAt ?? null };
}

/** The operator replaces the ladder (versioned); audited in the platform's own log. */
export async function setLadder(ctx: Context & { actor: Actor }, input: In<typeof setLadderInput>) {
  const repo = new ModelWorkerStore(ctx.deps.table, ctx.deps.cursors);
  assertLadder(input.honours);
  const before = await repo.ladder();
  const now = ctx.deps.clock.now();
  const next = { honours: input.honours, version: input.version + 1, updatedAt: now.toISOString(), updatedBy: ctx.actor.sub, updatedByName: ctx.actor.name };
  const uow = new UnitOfWork(ctx.deps.table, { scope: platformAuditScope(ctx.actor), correlationId: ctx.correlationId, now });
  repo.putLadder(uow, next, input.version);
  const codes = (h: { code: string }[] | undefined) => (h ?? defaultLadder).map((x) => x.code).join(',');
  uow.audit({
    action: 'modelWorkers.ladder.set',
    entityType: 'modelWorkers.ladder',
    entityId: 'ladder',
    summary: `更新劳模荣誉体系：${input.honours.length} 项荣誉`,
    changes: { version: { from: before?.version ?? 0, to: next.version }, codes: { from: codes(before?.honours), to: codes(input.honours) } },
  });
  await uow.commit();
  return { version: next.version, honours: sortLadder(next.honours) };
}

/** Records an honour a person received (title, year, conferring body, certificate). */
export async function award(ctx: Ctx, input: In<typeof awardInput>) {
  const type = findHonour(await store(ctx).honourTypes(), input.code);
  if (!type) throw invalid({ zh: `荣誉体系中没有「${input.code}」`, en: 'No such honour in the ladder' }, { field: 'code' });
  return changePerson(ctx, input, (before, i, d) => awardHonour(before, { honourId: newId(), type, year: i.year, conferredBy: i.conferredBy, certificateNo: i.certificateNo, certificateKey: i.certificateKey }, d));
}

/** 撤销 an honour with its date and document: benefits stop from that day, and every list shows it. */
export async function revoke(ctx: Ctx, input: In<typeof revokeInput>) {
  return changePerson(ctx, input, revokeHonour);
}
