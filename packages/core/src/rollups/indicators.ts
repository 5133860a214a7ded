/**
 * The indicator dictionary: every metric key an event can carry in `data.metrics`, what it means and how a
 * year's value is read from the per-year delta partitions (see `valuesForYear`).
 *
 * - `stock`: how many there are (units, members, households on file, contracts in force). A delta lands in the
 *   year the change happened; the value for year Y is the sum of the deltas of every year up to Y — the state
 *   at the end of Y, or now for the current year. It carries across the year boundary by construction.
 * - `flow`: how many happened in the year (grants, approvals, exits, contracts signed). The value for Y is the
 *   deltas of Y alone.
 * - `period`: the state of, or activity on, one year's own plan (十件实事: adopted items by status, their
 *   completion, the reports and ratings on them). Each delta carries the plan's year (`data.year`) whenever it
 *   happens, and the value for Y is the deltas of Y alone: 2026's plan is not 2027's, so nothing carries over.
 */
export type IndicatorKind = 'stock' | 'flow' | 'period';
export type IndicatorUnit = 'count' | 'people' | 'fen' | 'basisPoints' | 'days' | 'points';
/** How to show a value: an integer, fen as yuan, basis points as a percentage, or a number with one decimal (sums of basis points are integers: they are inputs of an average, not a rate). */
export type IndicatorFormat = 'integer' | 'yuan' | 'percent' | 'decimal1';
/** The module an indicator belongs to (`units` are the platform's): staff assigned to modules see theirs. */
export type IndicatorModule = string;

export interface Text {
  zh: string;
  en: string;
}

/**
 * The fairer comparison between federations of different size, when the dictionary says there is one: per
 * 万名职工 (`members`: ×10,000 ÷ units.members) or per 100 基层工会 (`units`: ×100 ÷ units.count).
 */
export type Normalisation = 'members' | 'units';

export interface Indicator {
  key: string;
  /** The family a key with an enum suffix belongs to, e.g. `hardship.aid.amountFen.<kind>`. */
  family?: string;
  module: IndicatorModule;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  format: IndicatorFormat;
  label: Text;
  definition: Text;
  /** The counter word a count is read with (家, 份, 项, 户, 笔, 次); people read 人 and money 元 without one. */
  noun?: Text;
  /** How federations are compared fairly on it (see Normalisation); absent: raw values (rates, averages). */
  per?: Normalisation;
  /** Which way is good, for rankings and alerts; absent: neither (a count of things that simply exist). */
  better?: 'higher' | 'lower';
}

/** An indicator computed from two others: numerator × scale ÷ denominator (no value when the denominator is 0). */
export interface DerivedIndicator extends Omit<Indicator, 'family'> {
  numerator: string;
  denominator: string;
  scale: number;
  /** Decimal places kept (0 for basis points). */
  decimals: number;
}

export type Base = Omit<Indicator, 'key' | 'family' | 'label' | 'definition' | 'format'> & { format?: IndicatorFormat };

const formatOf = (unit: IndicatorUnit): IndicatorFormat => (unit === 'fen' ? 'yuan' : unit === 'basisPoints' ? 'percent' : unit === 'days' || unit === 'points' ? 'decimal1' : 'integer');

export function indicator(key: string, base: Base, label: Text, definition: Text): Indicator {
  const { module, kind, unit, noun, per, better } = base;
  return { key, module, kind, unit, format: base.format ?? formatOf(unit), label, definition, ...(noun && { noun }), ...(per && { per }), ...(better && { better }) };
}

/** A family: one indicator per value of the suffix's enum, labelled from that enum's own labels. */
export function indicatorFamily<S extends string>(pattern: `${string}.<${string}>`, suffixes: readonly S[], labels: Record<S, Text>, base: Base, label: (l: Text) => Text, definition: (l: Text) => Text): Indicator[] {
  const prefix = pattern.slice(0, pattern.lastIndexOf('.<'));
  return suffixes.map((s) => ({ ...indicator(`${prefix}.${s}`, base, label(labels[s]), definition(labels[s])), family: pattern }));
}

export const atYearEnd = { zh: '（期末时点数：当年为截至目前）', en: ' (at the end of the year; this year: as of now)' };
export const inYear = { zh: '（当年累计）', en: ' (during the year)' };
export const ofPlan = { zh: '（当年度十件实事计划）', en: " (the year's ten-things plan)" };

/** An indicator computed from two others: numerator × scale ÷ denominator. */
export function derivedIndicator(key: string, numerator: Indicator, denominator: string, unit: IndicatorUnit, label: Text, definition: Text, better?: 'higher' | 'lower'): DerivedIndicator {
  return { key, module: numerator.module, kind: numerator.kind, unit, format: formatOf(unit), label, definition, numerator: numerator.key, denominator, scale: unit === 'basisPoints' && numerator.unit !== 'basisPoints' ? 10_000 : 1, decimals: unit === 'basisPoints' ? 0 : 1, ...(better && { better }) };
}

/** Whether staff assigned to `modules` see a module's figures: their modules' and the shared unit figures (no assignment: every module). */
export function seesModule(modules: readonly string[] | undefined): (module: IndicatorModule | undefined) => boolean {
  const allowed = modules ? new Set<string>(['units', ...modules]) : undefined;
  return (module) => module !== undefined && (!allowed || allowed.has(module));
}

export interface YearDeltas {
  year: number;
  metrics: Record<string, number>;
}

/**
 * The dictionary of every registered module's indicators (assembled from the module list): what a key means
 * and how a year's value is read from the per-year delta partitions.
 */
export class IndicatorDictionary {
  private readonly byKey: ReadonlyMap<string, Indicator>;
  constructor(
    readonly indicators: readonly Indicator[],
    readonly derived: readonly DerivedIndicator[],
  ) {
    this.byKey = new Map(indicators.map((i) => [i.key, i]));
  }

  /** The dictionary entry of a metric key; undefined for a key no emitter produces. */
  indicatorOf(key: string): Indicator | undefined {
    return this.byKey.get(key);
  }

  /** The module of a key or of a derived indicator. */
  moduleOf(key: string): string | undefined {
    return this.byKey.get(key)?.module ?? this.derived.find((d) => d.key === key)?.module;
  }

  /** How a key's deltas are read: a key outside the dictionary reads as a flow (its own year only). */
  kindOf(key: string): IndicatorKind {
    return this.byKey.get(key)?.kind ?? 'flow';
  }

  /**
   * A year's values from per-year delta partitions: a stock sums the deltas of every year up to and including
   * `year` (the state at the end of the year), a flow or a period indicator takes that year's deltas alone.
   * Partitions of later years are ignored. Exact under at-least-once, unordered delivery: every delta lands in
   * the partition of the year it belongs to, whenever it is processed, and addition commutes.
   */
  valuesForYear(year: number, partitions: readonly YearDeltas[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const p of partitions) {
      if (p.year > year) continue;
      for (const [key, delta] of Object.entries(p.metrics)) {
        if (p.year === year || this.kindOf(key) === 'stock') out[key] = (out[key] ?? 0) + delta;
      }
    }
    return out;
  }

  /** The derived indicators of a set of values; null where the denominator is 0 or absent. */
  derivedValues(values: Record<string, number>): Record<string, number | null> {
    const out: Record<string, number | null> = {};
    for (const d of this.derived) {
      const denominator = values[d.denominator] ?? 0;
      const factor = 10 ** d.decimals;
      out[d.key] = denominator > 0 ? Math.round(((values[d.numerator] ?? 0) * d.scale * factor) / denominator) / factor : null;
    }
    return out;
  }
}
