import type { TenantScope } from '@ufp/core/tenancy/scope';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { storeInUnitOfWork } from './idempotency.js';
import type { Context } from './trpc.js';

/**
 * Runs a use case's writes as one unit of work bound to the caller's tenant scope. For a mutation sent
 * with an `Idempotency-Key` (see `idempotency.ts`), the response is stored in the same transaction, so
 * the change and its replayable response commit together; a concurrent twin that committed first makes
 * this commit fail, and the procedure tier answers with the twin's response.
 */
export async function write<T>(ctx: Context & { scope: TenantScope }, build: (uow: UnitOfWork, now: Date) => Promise<T> | T): Promise<T> {
  const now = ctx.deps.clock.now();
  const uow = new UnitOfWork(ctx.deps.table, { scope: ctx.scope, correlationId: ctx.correlationId, now });
  const result = await build(uow, now);
  const call = ctx.idempotency;
  if (call && !call.stored && call.tenantId === ctx.scope.tenantId) storeInUnitOfWork(uow, call, result, now);
  await uow.commit();
  return result;
}
