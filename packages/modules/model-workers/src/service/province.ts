import { shanghaiDate } from '@ufp/core/clock';
import type { RollupScope } from '@ufp/core/tenancy/scope';
import type { Context } from '@ufp/kit/trpc';
import { provinceSummary } from '../domain/province.js';
import { ModelWorkerStore } from '../store.js';

/**
 * 劳模 across the federations of the caller's rollup scope, each person counted once (province blind
 * index), honours merged; a city scope narrows to its counties' rows, a county admin to their own.
 */
export async function summary(ctx: Context & { rollupScope: RollupScope }) {
  const scope = ctx.rollupScope;
  const rows = await new ModelWorkerStore(ctx.deps.table, ctx.deps.cursors).provinceRows(scope.code.slice(0, 2));
  const tenants = new Map((await ctx.deps.tenants.list()).map((t) => [t.id, t.divisionCode]));
  const inScope = rows.filter((r) => (scope.tenantId ? r.tenantId === scope.tenantId : (tenants.get(r.tenantId) ?? '').startsWith(scope.code)));
  return { scope: scope.code, ...provinceSummary(inScope, shanghaiDate(ctx.deps.clock.now())) };
}
