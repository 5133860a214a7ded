import { conflict, DomainError } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { keys } from '@ufp/db/keys';
import { tableManifest } from '@ufp/db/manifest';
import { getItem } from '@ufp/db/query';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import type { Context } from './trpc.js';

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

class Replayed extends DomainError {
  constructor() {
    super('conflict', { zh: '重复请求', en: 'Duplicate request' });
  }
}

/**
 * Runs a use case's writes as one unit of work bound to the caller's tenant scope. With an
 * `Idempotency-Key` header, the response is stored in the same transaction, and a retry with
 * the same key gets that response back instead of applying the change twice.
 */
export async function write<T>(ctx: Context & { scope: TenantScope }, build: (uow: UnitOfWork, now: Date) => Promise<T> | T): Promise<T> {
  const key = ctx.idempotencyKey;
  if (key) {
    const earlier = await storedResponse<T>(ctx, key);
    if (earlier.found) return earlier.response;
  }
  const now = ctx.deps.clock.now();
  const uow = new UnitOfWork(ctx.deps.table, { scope: ctx.scope, correlationId: ctx.correlationId, now });
  const result = await build(uow, now);
  if (key) {
    uow.create(
      {
        ...keys.idempotency(ctx.scope.tenantId, key),
        kind: 'idempotency',
        path: ctx.path,
        actor: ctx.scope.actor.sub,
        response: JSON.stringify(result ?? null),
        [tableManifest.ttlAttribute]: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      },
      new Replayed(),
    );
  }
  try {
    await uow.commit();
  } catch (err) {
    if (!(err instanceof Replayed) || !key) throw err;
    const earlier = await storedResponse<T>(ctx, key); // a concurrent twin committed first
    if (earlier.found) return earlier.response;
    throw err;
  }
  return result;
}

async function storedResponse<T>(ctx: Context & { scope: TenantScope }, key: string): Promise<{ found: true; response: T } | { found: false }> {
  const item = await getItem<{ path: string; actor: string; response: string }>(ctx.deps.table, keys.idempotency(ctx.scope.tenantId, key));
  if (!item) return { found: false };
  if (item.path !== ctx.path || item.actor !== ctx.scope.actor.sub) {
    throw conflict({ zh: '该幂等键已用于其他请求', en: 'This idempotency key was used for a different request' });
  }
  return { found: true, response: JSON.parse(item.response) as T };
}

