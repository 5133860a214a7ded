import { seesModule, type Indicator, type IndicatorDictionary } from '@ufp/core/rollups/indicators';
import { scopeLevel, scopeName } from '@ufp/core/rollups/scopes';
import type { RollupScope } from '@ufp/core/tenancy/scope';
import { readRollupsForYear, TOTAL_ROW } from '@ufp/db/repositories/rollups';
import type { Claims } from '@ufp/kit/auth';
import type { Context } from '@ufp/kit/trpc';

type RollupCtx = Context & { claims: Claims; rollupScope: RollupScope };
type IndicatorView = Omit<Indicator, 'family'> & { family?: string; inputs?: { numerator: string; denominator: string } };

/** Staff assigned to modules see those modules' indicators and the shared unit figures; everyone else all of them. */
function moduleFilter(dictionary: IndicatorDictionary, modules: readonly string[] | undefined) {
  const sees = seesModule(modules);
  return {
    metrics: <T>(m: Record<string, T>) => (modules ? Object.fromEntries(Object.entries(m).filter(([k]) => sees(dictionary.moduleOf(k)))) : m),
    module: sees,
  };
}

/**
 * Aggregates for the caller's scope, read from rollup partitions only: one TOTAL row and a
 * row per tenant. Values come through the indicator dictionary: stock indicators as at the end
 * of the year (now, for the current year), flow and period indicators for the year alone;
 * `derived` holds the ratios (建制率 …) and `indicators` the labels, units and kinds of every key
 * in the answer. No record-level data and no PII can appear here.
 */
export async function overview(ctx: RollupCtx, year: number) {
  const scope = ctx.rollupScope;
  const dictionary = ctx.deps.indicators;
  const visible = moduleFilter(dictionary, ctx.claims.modules);
  const [rows, tenants] = await Promise.all([readRollupsForYear(ctx.deps.table, dictionary, scope.code, year), ctx.deps.tenants.list()]);
  const byId = new Map(tenants.map((t) => [t.id, t]));
  // A suspended tenant's history stays in the rollups (and in the totals), its row marked `suspended`.
  const tenantRows = rows
    .filter((r) => r.row.startsWith('T#'))
    .map((r) => ({ tenantId: r.row.slice(2), metrics: visible.metrics(r.metrics) }))
    .filter((r) => !scope.tenantId || r.tenantId === scope.tenantId)
    .map((r) => {
      const tenant = byId.get(r.tenantId);
      return { ...r, derived: visible.metrics(dictionary.derivedValues(r.metrics)), name: tenant?.name ?? r.tenantId, divisionCode: tenant?.divisionCode ?? '', status: tenant?.status ?? 'active' };
    })
    .sort((a, b) => a.divisionCode.localeCompare(b.divisionCode));
  const totals = scope.tenantId ? (tenantRows[0]?.metrics ?? {}) : visible.metrics(rows.find((r) => r.row === TOTAL_ROW)?.metrics ?? {});
  const keys = new Set([...Object.keys(totals), ...tenantRows.flatMap((r) => Object.keys(r.metrics))]);
  const indicators: IndicatorView[] = [
    ...dictionary.indicators.filter((i) => keys.has(i.key)),
    ...dictionary.derived.filter((d) => visible.module(d.module)).map(({ numerator, denominator, scale: _scale, decimals: _decimals, ...d }) => ({ ...d, inputs: { numerator, denominator } })),
  ];
  return { year, scope: { code: scope.code, name: scopeName(scope.code, tenants), level: scopeLevel(scope.code) }, totals, derived: visible.metrics(dictionary.derivedValues(totals)), rows: tenantRows, indicators };
}
