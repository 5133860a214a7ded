import { shanghaiDate, shanghaiYear } from '@ufp/core/clock';
import { provinceOf } from '@ufp/core/rollups/scopes';
import type { RollupScope } from '@ufp/core/tenancy/scope';
import { readRollupsForYear, tenantRow, TOTAL_ROW } from '@ufp/db/repositories/rollups';
import type { Context } from '@ufp/kit/trpc';
import { provinceSummary } from '../domain/province.js';
import { ModelWorkerStore } from '../store.js';

type RollupCtx = Context & { rollupScope: RollupScope };

/**
 * 劳模 across the federations of the caller's rollup scope, each person counted once (province blind
 * index), honours merged; a city scope narrows to its counties' rows, a county admin to their own.
 * `indicators` adds this year's 劳模 rollup figures of the scope (nominations by step and level, quota
 * compliance, benefits, surveys, 疗休养): counts and fen from the rollup partitions, no person.
 */
export async function summary(ctx: RollupCtx) {
  const scope = ctx.rollupScope;
  const [rows, tenantList, indicators] = await Promise.all([
    new ModelWorkerStore(ctx.deps.table, ctx.deps.cursors).provinceRows(provinceOf(scope.code)),
    ctx.deps.tenants.list(),
    yearIndicators(ctx, shanghaiYear(ctx.deps.clock.now())),
  ]);
  const tenants = new Map(tenantList.map((t) => [t.id, t.divisionCode]));
  const inScope = rows.filter((r) => (scope.tenantId ? r.tenantId === scope.tenantId : (tenants.get(r.tenantId) ?? '').startsWith(scope.code)));
  return { scope: scope.code, ...provinceSummary(inScope, shanghaiDate(ctx.deps.clock.now())), indicators };
}

/** The year's `modelWorkers.*` values of the scope (its TOTAL row, or a county admin's own row) and their ratios. */
async function yearIndicators(ctx: RollupCtx, year: number) {
  const dictionary = ctx.deps.indicators;
  const scope = ctx.rollupScope;
  const rows = await readRollupsForYear(ctx.deps.table, dictionary, scope.code, year);
  const all = rows.find((r) => r.row === (scope.tenantId ? tenantRow(scope.tenantId) : TOTAL_ROW))?.metrics ?? {};
  const mine = <T>(m: Record<string, T>) => Object.fromEntries(Object.entries(m).filter(([k]) => dictionary.moduleOf(k) === 'modelWorkers'));
  const values = mine(all);
  const derived = mine(dictionary.derivedValues(values));
  // What a leader reads: the year's headline work (no per-level or per-kind breakdown), in the dictionary's order.
  // Stocks stay out: summed over federations they count a person honoured by two twice; the summary's own count is per person.
  const figures = [
    ...dictionary.indicators.filter((i) => !i.family && i.kind !== 'stock' && values[i.key] !== undefined).map((i) => ({ key: i.key, label: i.label, format: i.format, value: values[i.key]! })),
    ...dictionary.derived.filter((d) => typeof derived[d.key] === 'number').map((d) => ({ key: d.key, label: d.label, format: d.format, value: derived[d.key]! })),
  ];
  return { year, values, derived, figures };
}
