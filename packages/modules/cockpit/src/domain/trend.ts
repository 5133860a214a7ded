import type { IndicatorDictionary } from '@ufp/core/rollups/indicators';

/**
 * A scope's values month by month within a year, from the values at the end of the year before (stocks carry)
 * and the month rows' deltas: a stock as at the end of each month, a flow or period indicator for the month
 * alone. Months after `lastMonth` (the current month of the current year) have no value yet.
 */
export function monthValues(dictionary: IndicatorDictionary, before: Record<string, number>, months: ReadonlyMap<number, Record<string, number>>, lastMonth = 12): (Record<string, number | null> | null)[] {
  const level: Record<string, number> = {};
  for (const [k, v] of Object.entries(before)) if (dictionary.kindOf(k) === 'stock') level[k] = v;
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    if (month > lastMonth) return null;
    const deltas = months.get(month) ?? {};
    const values: Record<string, number> = {};
    for (const [k, d] of Object.entries(deltas)) if (dictionary.kindOf(k) === 'stock') level[k] = (level[k] ?? 0) + d;
    Object.assign(values, level);
    for (const [k, d] of Object.entries(deltas)) if (dictionary.kindOf(k) !== 'stock') values[k] = d;
    return { ...values, ...dictionary.derivedValues(values) };
  });
}
