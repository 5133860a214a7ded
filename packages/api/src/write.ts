import type { TenantScope } from '@ufp/core/tenancy/scope';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import type { Context } from './trpc.js';

/** Runs a use case's writes as one unit of work bound to the caller's tenant scope. */
export async function write<T>(ctx: Context & { scope: TenantScope }, build: (uow: UnitOfWork, now: Date) => Promise<T> | T): Promise<T> {
  const now = ctx.deps.clock.now();
  const uow = new UnitOfWork(ctx.deps.table, { scope: ctx.scope, correlationId: ctx.correlationId, now });
  const result = await build(uow, now);
  await uow.commit();
  return result;
}
