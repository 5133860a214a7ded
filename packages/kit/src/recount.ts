import { shanghaiYear } from '@ufp/core/clock';
import { IndicatorDictionary, type Indicator, type YearDeltas } from '@ufp/core/rollups/indicators';

/**
 * A recount's answer from the deltas its records imply, each in the year the projector would put it in: read
 * through the module's own indicators exactly as the rollups are (stock: every year up to `year`; flow and period:
 * that year alone), zeros left out.
 */
export function valuesFromDeltas(indicators: readonly Indicator[], year: number, deltas: readonly YearDeltas[]): Record<string, number> {
  const values = new IndicatorDictionary(indicators, []).valuesForYear(year, deltas);
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== 0));
}

/** The year the projector files an event under when it names none: the Asia/Shanghai year of when it happened. */
export const yearOfInstant = (iso: string): number => shanghaiYear(new Date(iso));
