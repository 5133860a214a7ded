import type { MetricDeltas } from '@ufp/core/events';
import type { IndicatorDictionary } from '@ufp/core/rollups/indicators';
import { keys } from '../keys.js';
import { getItem, queryAll } from '../query.js';
import type { Table } from '../table.js';

export const TOTAL_ROW = 'TOTAL';
export const tenantRow = (tenantId: string) => `T#${tenantId}`;

export interface RollupRow {
  row: string;
  metrics: Record<string, number>;
}

const METRIC_PREFIX = 'm:';

/** An update expression that ADDs each delta to its metric attribute. */
export function addMetricsUpdate(deltas: MetricDeltas) {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts = Object.entries(deltas).map(([metric, delta], i) => {
    names[`#m${i}`] = METRIC_PREFIX + metric;
    values[`:d${i}`] = delta;
    return `#m${i} :d${i}`;
  });
  return { UpdateExpression: `ADD ${parts.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

/** An update that records that a scope has deltas in `year` (a number set; adding a year twice changes nothing). */
export function addYearUpdate(table: Table, code: string, year: number) {
  return { Update: { TableName: table.name, Key: keys.rollupYears(code), UpdateExpression: 'ADD #y :y', ExpressionAttributeNames: { '#y': 'years' }, ExpressionAttributeValues: { ':y': new Set([year]) } } };
}

/** The years a scope has delta partitions for, ascending. */
export async function readRollupYears(table: Table, code: string): Promise<number[]> {
  const item = await getItem<{ years?: Set<number> }>(table, keys.rollupYears(code));
  return [...(item?.years ?? [])].map(Number).sort((a, b) => a - b);
}

/** Reads one year's delta partition: a TOTAL row and a row per tenant. Cost grows with tenants, never with records. */
export async function readRollupPartition(table: Table, code: string, year: number): Promise<RollupRow[]> {
  const items = await queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.rollupPartition(code, year) } });
  return items.map((item) => {
    const metrics: Record<string, number> = {};
    for (const [k, v] of Object.entries(item)) if (k.startsWith(METRIC_PREFIX)) metrics[k.slice(METRIC_PREFIX.length)] = Number(v);
    return { row: String(item.sk), metrics };
  });
}

/**
 * A scope's rows for a year through the indicator dictionary: stock indicators as at the end of the year
 * (the deltas of every year up to it), flow and period indicators of that year alone. Reads the partitions of
 * the years up to `year` in parallel: the cost grows with years of data and tenants, never with records.
 * A row appears when it has a value for the year.
 */
export async function readRollupsForYear(table: Table, dictionary: IndicatorDictionary, code: string, year: number): Promise<RollupRow[]> {
  // The asked year is always read, so a partition written before the set of years existed still shows its own year.
  const years = [...new Set([...(await readRollupYears(table, code)).filter((y) => y <= year), year])];
  const partitions = await Promise.all(years.map(async (y) => ({ year: y, rows: await readRollupPartition(table, code, y) })));
  const byRow = new Map<string, { year: number; metrics: Record<string, number> }[]>();
  for (const p of partitions) for (const r of p.rows) byRow.set(r.row, [...(byRow.get(r.row) ?? []), { year: p.year, metrics: r.metrics }]);
  return [...byRow]
    .map(([row, deltas]) => ({ row, metrics: dictionary.valuesForYear(year, deltas) }))
    .filter((r) => Object.keys(r.metrics).length > 0);
}
