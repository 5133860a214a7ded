import { scopeRef } from '../domain/scope.js';
import { monthValues } from '../domain/trend.js';
import { resolve, storeOf, valueOf, type Reader } from './context.js';
import { rankedIndicator } from './ranking.js';

/**
 * An indicator of a scope over time: by month within the year (a flow's monthly amount, a stock's level at each
 * month's end; months not yet reached have no value) and by year (a stock at each year's end, a flow's year
 * total). The page shows months for flows and years for stocks. Reads the scope's TOTAL rows and twelve month rows.
 */
export async function trend(reader: Reader, input: { scope?: string; year?: number; indicator: string }) {
  const { code, year, tenants, today } = await resolve(reader, input);
  const indicator = rankedIndicator(reader, input.indicator);
  const dictionary = reader.deps.indicators;
  const store = storeOf(reader);
  const years = await store.years(code);
  const [totals, months] = await Promise.all([store.totals(code, years, year), store.months(code, year)]);
  const thisYear = Number(today.slice(0, 4));
  const lastMonth = year < thisYear ? 12 : year > thisYear ? 0 : Number(today.slice(5, 7));
  const byMonth = monthValues(dictionary, store.valuesAt(totals, year - 1), months, lastMonth);
  const first = Math.min(...totals.map((t) => t.year));
  return {
    scope: scopeRef(code, tenants),
    year,
    indicator,
    months: byMonth.map((v, i) => ({ month: i + 1, value: v ? (v[indicator.key] ?? (dictionary.indicatorOf(indicator.key) ? 0 : null)) : null })),
    years: Array.from({ length: year - first + 1 }, (_, i) => first + i).map((y) => ({ year: y, value: valueOf(dictionary, store.valuesAt(totals, y), indicator.key) })),
  };
}
