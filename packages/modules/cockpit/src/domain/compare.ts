import { normalised, PER_DENOMINATOR } from '@ufp/core/rollups/format';
import type { IndicatorFormat, Normalisation } from '@ufp/core/rollups/indicators';

/** How a ranking measures: raw values, or per 万名职工 / per 100 基层工会 where the dictionary offers it. */
export type Measure = 'raw' | Normalisation;

export interface FederationValues {
  tenantId: string;
  name: string;
  divisionCode: string;
  /** The indicator's value for the year (a derived indicator: null when its denominator is 0). */
  value: number | null;
  /** The federation's members and grassroots unions at the end of the year (the normalisations' sizes). */
  size: Record<Normalisation, number>;
}

export interface RankedFederation extends FederationValues {
  /** What is ranked: the value, or the value normalised. */
  measure: number | null;
  /** 1 for the best; equal measures share a rank (1, 2, 2, 4); null without a measure. */
  rank: number | null;
}

export interface IndicatorForRanking {
  format: IndicatorFormat;
  better?: 'higher' | 'lower';
}

/**
 * Ranks federations on one indicator: best first by the indicator's `better` direction (highest first when it
 * names none), federations without a measure last and unranked, ties sharing a rank, then by division code so
 * the order is stable. The median is of the measures present (the province median the table marks).
 */
export function rankFederations(rows: readonly FederationValues[], indicator: IndicatorForRanking, measure: Measure): { rows: RankedFederation[]; median: number | null } {
  const measured = rows.map((r) => ({ ...r, measure: measureOf(r, indicator.format, measure), rank: null as number | null }));
  const direction = indicator.better === 'lower' ? 1 : -1;
  measured.sort((a, b) => {
    if (a.measure === null || b.measure === null) return a.measure === null ? (b.measure === null ? a.divisionCode.localeCompare(b.divisionCode) : 1) : -1;
    return (a.measure - b.measure) * direction || a.divisionCode.localeCompare(b.divisionCode);
  });
  measured.forEach((r, i) => {
    if (r.measure === null) return;
    const previous = measured[i - 1];
    r.rank = previous && previous.measure === r.measure ? previous.rank : i + 1;
  });
  return { rows: measured, median: median(measured.flatMap((r) => (r.measure === null ? [] : [r.measure]))) };
}

function measureOf(row: FederationValues, format: IndicatorFormat, measure: Measure): number | null {
  if (row.value === null) return null;
  return measure === 'raw' ? row.value : normalised(row.value, row.size[measure], measure, format);
}

/** The middle value (the mean of the two middle ones for an even count, to two decimals); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 100) / 100;
}

/** The metrics a ranking reads for one indicator: its own (or a derived one's inputs) and the sizes. */
export function metricsForRanking(inputs: readonly string[]): string[] {
  return [...new Set([...inputs, ...Object.values(PER_DENOMINATOR)])];
}
