import { mapLimit } from '@ufp/core/map-limit';
import type { Indicator } from '@ufp/core/rollups/indicators';
import { forbidden, invalid } from '@ufp/core/errors';
import { readableScope, scopeLevel, tenantsInScope } from '@ufp/core/rollups/scopes';
import { platformAuditScope, type Actor, type TenantScope } from '@ufp/core/tenancy/scope';
import { readRollupsForYear, tenantRow, TOTAL_ROW } from '@ufp/db/repositories/rollups';
import type { NotRecountable } from '@ufp/kit/module';
import type { Context, RollupAdmin } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';

export interface RecountDifference {
  tenantId: string;
  name: string;
  key: string;
  projected: number;
  recounted: number;
}

export interface RecountReport {
  code: string;
  year: number;
  checkedAt: string;
  /** Tenants whose records were recounted. */
  tenants: number;
  /** Indicator keys compared for each tenant (every recountable key of every module). */
  keysChecked: number;
  /** Per tenant: where its projected row differs from its records. */
  differences: RecountDifference[];
  /** Where the scope's TOTAL row differs from the sum of the tenants' recounted figures (absent for a one-tenant scope). */
  totalDifferences: { key: string; projected: number; recounted: number }[];
  /** Keys no module can recount from its records, with why: reported, never compared. */
  notRecountable: NotRecountable[];
  /** How to show each key the answer names (label, format, unit, counter word): a page never shows a key. */
  indicators: Record<string, { label: { zh: string; en: string }; format: Indicator['format']; unit: Indicator['unit']; noun?: Indicator['noun'] }>;
}

type RecountCtx = Pick<Context, 'deps'>;

/** A scope code as the rollups store it: `321200` (a city's division) is the city scope `3212`, `320000` the province `32`. */
export function normaliseScope(code: string): string {
  let c = code;
  while (c.length > 2 && c.endsWith('00')) c = c.slice(0, -2);
  return c;
}

/** Adds module results (each module's keys are its own; a sum keeps any overlap honest). */
function merged(parts: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/**
 * 重新核算: for each tenant under the scope, every module recounts from the tenant's records what its rollup row
 * should hold for the year, and each figure is compared with the projected row (read through the indicator
 * dictionary, as the cockpit reads it); the TOTAL row is compared with the sum of the tenants' recounted figures.
 * Keys a module cannot recount are listed, not compared; derived indicators follow from their inputs. Reads only:
 * nothing is written to the rollups. `tenantId` narrows to one tenant's row (a county federation's own scope).
 */
export async function recountScope(ctx: RecountCtx, input: { code: string; year: number; tenantId?: string }): Promise<RecountReport> {
  const { deps } = ctx;
  const { code, year } = input;
  const [allTenants, rows] = await Promise.all([deps.tenants.list(), readRollupsForYear(deps.table, deps.indicators, code, year)]);
  const tenants = tenantsInScope(allTenants, code).filter((t) => !input.tenantId || t.id === input.tenantId);
  const recounts = await deps.recounts();
  const notRecountable = recounts.flatMap((r) => r.notRecountable);
  const skipped = new Set(notRecountable.map((n) => n.key));
  const keys = [...new Set(recounts.flatMap((r) => r.keys))].filter((k) => !skipped.has(k));
  const recounted = await mapLimit(tenants, 4, async (t) => merged(await Promise.all(recounts.map((r) => r.recount(deps, t, year)))));
  const projectedOf = (row: string) => rows.find((r) => r.row === row)?.metrics ?? {};
  const differences: RecountDifference[] = [];
  const sums: Record<string, number> = {};
  tenants.forEach((t, i) => {
    const projected = projectedOf(tenantRow(t.id));
    for (const key of keys) {
      const p = projected[key] ?? 0;
      const r = recounted[i]![key] ?? 0;
      sums[key] = (sums[key] ?? 0) + r;
      if (p !== r) differences.push({ tenantId: t.id, name: t.name, key, projected: p, recounted: r });
    }
  });
  // A row of a tenant the list no longer has: its records cannot be read, so every figure it holds is a difference.
  const known = new Set(tenants.map((t) => tenantRow(t.id)));
  for (const row of input.tenantId ? [] : rows.filter((r) => r.row.startsWith('T#') && !known.has(r.row))) {
    for (const key of keys) if ((row.metrics[key] ?? 0) !== 0) differences.push({ tenantId: row.row.slice(2), name: row.row.slice(2), key, projected: row.metrics[key]!, recounted: 0 });
  }
  const total = projectedOf(TOTAL_ROW);
  const totalDifferences = input.tenantId ? [] : keys.filter((k) => (total[k] ?? 0) !== (sums[k] ?? 0)).map((key) => ({ key, projected: total[key] ?? 0, recounted: sums[key] ?? 0 }));
  const named = new Set([...differences, ...totalDifferences, ...notRecountable].map((d) => d.key));
  const indicators = Object.fromEntries(
    [...named].flatMap((key) => {
      const i = deps.indicators.indicatorOf(key);
      return i ? [[key, { label: i.label, format: i.format, unit: i.unit, ...(i.noun && { noun: i.noun }) }]] : [];
    }),
  );
  return { code, year, checkedAt: deps.clock.now().toISOString(), tenants: tenants.length, keysChecked: keys.length, differences, totalDifferences, notRecountable, indicators };
}

/**
 * The scope a rollup administrator may recount: the operator any scope it names (it has none of its own); a
 * federation admin its own scope by default, or a scope inside it (a city federation one of its counties), and a
 * county federation only its own row.
 */
export function recountTarget(admin: RollupAdmin, requested: string | undefined): { code: string; tenantId?: string } {
  const code = requested === undefined ? undefined : normaliseScope(requested);
  if (admin.kind === 'operator') {
    if (!code) throw invalid({ zh: '请指定要核算的行政区划代码', en: 'Name the division code to recount' }, { field: 'scope' });
    return { code };
  }
  const own = admin.scope;
  const target = code ?? own.code;
  if (!readableScope(own, target)) {
    throw forbidden({ zh: `无权核算 ${target} 的汇总数据：仅限本级范围 ${own.code}`, en: `Not permitted to recount ${target}: your scope is ${own.code}` });
  }
  return { code: target, tenantId: own.tenantId };
}

/** The procedure: the target scope, the recount, and one audit entry of the read (the tenant's log, or the platform's). */
export async function recount(ctx: Context & { actor: Actor; rollupAdmin: RollupAdmin }, input: { year: number; scope?: string }): Promise<RecountReport> {
  const target = recountTarget(ctx.rollupAdmin, input.scope);
  const report = await recountScope(ctx, { ...target, year: input.year });
  const admin = ctx.rollupAdmin;
  const scope: TenantScope = admin.kind === 'operator' ? platformAuditScope(ctx.actor) : { kind: 'tenant', tenantId: admin.tenant.id, divisionCode: admin.tenant.divisionCode, actor: admin.scope.actor };
  const found = report.differences.length + report.totalDifferences.length;
  await write({ ...ctx, scope }, (uow) => {
    uow.audit({
      action: 'rollups.recount',
      entityType: 'rollups',
      entityId: `${target.code}#${input.year}`,
      summary: `重新核算 ${target.code}（${scopeLevel(target.code) === 'province' ? '省' : scopeLevel(target.code) === 'city' ? '市' : '县'}级）${input.year} 年汇总：${report.tenants} 个总工会，${found ? `差异 ${found} 项` : '无差异'}`,
    });
  });
  return report;
}
