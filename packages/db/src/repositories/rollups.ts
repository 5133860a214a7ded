import type { MetricDeltas } from '@ufp/core/events';
import { keys } from '../keys.js';
import { queryAll } from '../query.js';
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

/** Reads one rollup partition: a TOTAL row and a row per tenant. Cost grows with tenants, never with records. */
export async function readRollupPartition(table: Table, code: string, year: number): Promise<RollupRow[]> {
  const items = await queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.rollupPartition(code, year) } });
  return items.map((item) => {
    const metrics: Record<string, number> = {};
    for (const [k, v] of Object.entries(item)) if (k.startsWith(METRIC_PREFIX)) metrics[k.slice(METRIC_PREFIX.length)] = Number(v);
    return { row: String(item.sk), metrics };
  });
}
