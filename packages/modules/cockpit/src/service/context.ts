import { shanghaiDate } from '@ufp/core/clock';
import { seesModule, type DerivedIndicator, type Indicator, type IndicatorDictionary } from '@ufp/core/rollups/indicators';
import type { RollupScope, Tenant } from '@ufp/core/tenancy/scope';
import type { Claims } from '@ufp/kit/auth';
import type { Context } from '@ufp/kit/trpc';
import { drillScope, type ReaderScope } from '../domain/scope.js';
import { CockpitStore } from '../store.js';

export type RollupCtx = Context & { claims: Claims; rollupScope: RollupScope };

/** What a read runs with: who reads which scope, the modules they may see, and the store. */
export interface Reader {
  scope: ReaderScope;
  /** Modules whose figures the reader sees (staff assigned to modules: theirs and the shared unit figures). */
  modules?: readonly string[];
  deps: Context['deps'];
}

export const readerOf = (ctx: RollupCtx): Reader => ({ scope: { code: ctx.rollupScope.code, tenantId: ctx.rollupScope.tenantId }, modules: ctx.claims.modules, deps: ctx.deps });

export const storeOf = (reader: Reader) => new CockpitStore(reader.deps.table, reader.deps.indicators);

export interface Resolved {
  code: string;
  year: number;
  today: string;
  tenants: Tenant[];
}

/** The scope asked for (checked against the reader's), the year (this year by default) and the tenant list. */
export async function resolve(reader: Reader, input: { scope?: string; year?: number }): Promise<Resolved> {
  const code = drillScope(reader.scope, input.scope);
  const today = shanghaiDate(reader.deps.clock.now());
  return { code, today, year: input.year ?? Number(today.slice(0, 4)), tenants: await reader.deps.tenants.list() };
}

/** Whether the reader sees an indicator's module. */
export function visibleTo(reader: Reader, dictionary: IndicatorDictionary) {
  const sees = seesModule(reader.modules);
  return (key: string) => sees(dictionary.moduleOf(key));
}

/** An indicator as the page needs it: its label, definition and how to show it — never its key alone. */
export interface IndicatorView {
  key: string;
  module: string;
  kind: Indicator['kind'];
  unit: Indicator['unit'];
  format: Indicator['format'];
  label: Indicator['label'];
  definition: Indicator['definition'];
  noun?: Indicator['noun'];
  per?: Indicator['per'];
  better?: Indicator['better'];
  derived: boolean;
}

export function indicatorView(dictionary: IndicatorDictionary, key: string): IndicatorView | undefined {
  const plain = dictionary.indicatorOf(key);
  const entry: Indicator | DerivedIndicator | undefined = plain ?? dictionary.derived.find((d) => d.key === key);
  if (!entry) return undefined;
  const { module, kind, unit, format, label, definition, noun, per, better } = entry;
  return { key, module, kind, unit, format, label, definition, ...(noun && { noun }), ...(per && { per }), ...(better && { better }), derived: !plain };
}

/** The inputs a key is computed from: itself, or a derived indicator's numerator and denominator. */
export function inputsOf(dictionary: IndicatorDictionary, key: string): string[] {
  const derived = dictionary.derived.find((d) => d.key === key);
  return derived ? [derived.numerator, derived.denominator] : [key];
}

/** A key's value among values and their derived ratios (null: no denominator; 0: nothing recorded). */
export function valueOf(dictionary: IndicatorDictionary, values: Record<string, number>, key: string): number | null {
  if (dictionary.indicatorOf(key)) return values[key] ?? 0;
  return dictionary.derivedValues(values)[key] ?? null;
}
