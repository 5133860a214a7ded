import { z } from 'zod';
import { scopeLevel } from '@ufp/core/rollups/scopes';
import { provinceName } from '@ufp/core/validation/division';
import { readRollupPartition, TOTAL_ROW } from '@ufp/db/repositories/rollups';
import { rollupProcedure, router } from '../trpc.js';

export const rollupsRouter = router({
  /**
   * Aggregates for the caller's scope, read from rollup partitions only: one TOTAL row and a
   * row per tenant. No record-level data and no PII can appear here.
   */
  overview: rollupProcedure.input(z.object({ year: z.number().int().min(2000).max(2100) })).query(async ({ ctx, input }) => {
    const scope = ctx.rollupScope;
    const [rows, tenants] = await Promise.all([readRollupPartition(ctx.deps.table, scope.code, input.year), ctx.deps.tenants.list()]);
    const byId = new Map(tenants.map((t) => [t.id, t]));
    const tenantRows = rows
      .filter((r) => r.row.startsWith('T#'))
      .map((r) => ({ tenantId: r.row.slice(2), metrics: r.metrics }))
      .filter((r) => !scope.tenantId || r.tenantId === scope.tenantId)
      .map((r) => ({ ...r, name: byId.get(r.tenantId)?.name ?? r.tenantId, divisionCode: byId.get(r.tenantId)?.divisionCode ?? '' }))
      .sort((a, b) => a.divisionCode.localeCompare(b.divisionCode));
    const totals = scope.tenantId ? (tenantRows[0]?.metrics ?? {}) : (rows.find((r) => r.row === TOTAL_ROW)?.metrics ?? {});
    const level = scopeLevel(scope.code);
    const owner = tenants.find((t) => t.divisionCode.startsWith(scope.code) && (level === 'county' ? t.divisionCode === scope.code : t.level === 'city'));
    const name = level === 'province' ? provinceName(scope.code)?.zhFull ?? scope.code : (owner?.name ?? scope.code);
    return { year: input.year, scope: { code: scope.code, name, level }, totals, rows: tenantRows };
  }),
});
