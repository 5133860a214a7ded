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

const UPDATED_PREFIX = 'u:';
/**
 * How many events a row has taken in (ADDed with every event's deltas): a scope's TOTAL rows of the years up to Y
 * summed are a version of everything its federations' rows hold for Y, so a reader can keep what it computed
 * from those rows until the version moves.
 */
const EVENTS_ATTRIBUTE = 'events';

/** The group a metric's freshness is kept for: its first segment (`hardship.aid.amountFen` → `hardship`). */
export const freshnessGroup = (metric: string): string => metric.slice(0, metric.indexOf('.') >= 0 ? metric.indexOf('.') : undefined);

/**
 * An update expression that ADDs each delta to its metric attribute and, with `at`, counts the events (one, or the
 * `events` whose deltas were summed) and stamps each metric group it touches with the time of the latest of them
 * (`u:<group>`): what 数据截至 reads.
 *
 * A stamp only moves forward, whatever order events arrive in (EventBridge promises none): the update's condition
 * holds each group's stamp at or before `at`. When it fails (a later event got there first), `stampedAfter` says
 * what the row holds: the update is rebuilt to stamp only the groups still behind `at`, on condition the stamps are
 * still what was read — a writer in between fails it again and it is rebuilt from the newer read.
 */
export function addMetricsUpdate(deltas: MetricDeltas, at?: string, stampedAfter?: Record<string, string>, events = 1) {
  const names: Record<string, string> = {};
  const values: Record<string, number | string> = {};
  const parts = Object.entries(deltas).map(([metric, delta], i) => {
    names[`#m${i}`] = METRIC_PREFIX + metric;
    values[`:d${i}`] = delta;
    return `#m${i} :d${i}`;
  });
  const groups = at ? [...new Set(Object.keys(deltas).map(freshnessGroup))] : [];
  groups.forEach((g, i) => (names[`#u${i}`] = UPDATED_PREFIX + g));
  const sets: string[] = [];
  const conditions: string[] = [];
  if (at) {
    values[':events'] = events;
    names['#n'] = EVENTS_ATTRIBUTE;
    parts.push('#n :events');
    groups.forEach((g, i) => {
      const held = stampedAfter?.[g];
      if (!stampedAfter) {
        conditions.push(`(attribute_not_exists(#u${i}) OR #u${i} <= :at)`);
        sets.push(`#u${i} = :at`);
        return;
      }
      if (held === undefined) conditions.push(`attribute_not_exists(#u${i})`);
      else {
        values[`:h${i}`] = held;
        conditions.push(`#u${i} = :h${i}`);
      }
      if (held === undefined || held <= at) sets.push(`#u${i} = :at`);
    });
  }
  if (at && (sets.length > 0 || !stampedAfter)) values[':at'] = at;
  const set = sets.length > 0 ? ` SET ${sets.join(', ')}` : '';
  return {
    UpdateExpression: `ADD ${parts.join(', ')}${set}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
  };
}

/** The freshness stamps of a stored rollup item: metric group → the time of the latest event projected into it. */
export function updatedStamps(item: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(item)) if (k.startsWith(UPDATED_PREFIX)) out[k.slice(UPDATED_PREFIX.length)] = String(v);
  return out;
}

const metricsOf = (item: Record<string, unknown>): Record<string, number> => {
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(item)) if (k.startsWith(METRIC_PREFIX)) metrics[k.slice(METRIC_PREFIX.length)] = Number(v);
  return metrics;
};

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
  return items.map((item) => ({ row: String(item.sk), metrics: metricsOf(item) }));
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

/** One row of one year's partition (the TOTAL row, or a tenant's) with its freshness stamps; empty when absent. */
export async function readRollupRow(table: Table, code: string, year: number, row: string): Promise<RollupRow & { updated: Record<string, string>; events: number }> {
  const item = await getItem<Record<string, unknown>>(table, keys.rollup(code, year, row));
  return { row, metrics: item ? metricsOf(item) : {}, updated: item ? updatedStamps(item) : {}, events: Number(item?.[EVENTS_ATTRIBUTE] ?? 0) };
}

/** A scope's month rows of one year (month 1–12 → that month's deltas): the within-year trend of its TOTAL. */
export async function readRollupMonths(table: Table, code: string, year: number): Promise<Map<number, Record<string, number>>> {
  const items = await queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.rollupMonths(code, year) } });
  return new Map(items.map((item) => [Number(item.sk), metricsOf(item)]));
}

/**
 * Only the named metrics of every row of a partition (a ranking reads two or three of ~100 attributes): the
 * items read are the same, the bytes moved and parsed a fraction.
 */
export async function readRollupPartitionMetrics(table: Table, code: string, year: number, metrics: readonly string[]): Promise<RollupRow[]> {
  const names: Record<string, string> = { '#sk': 'sk' };
  metrics.forEach((m, i) => (names[`#m${i}`] = METRIC_PREFIX + m));
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.rollupPartition(code, year) },
    ProjectionExpression: ['#sk', ...metrics.map((_, i) => `#m${i}`)].join(', '),
    ExpressionAttributeNames: names,
  });
  return items.map((item) => ({ row: String(item.sk), metrics: metricsOf(item) }));
}
