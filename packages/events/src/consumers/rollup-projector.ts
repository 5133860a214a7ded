import { shanghaiDate, shanghaiYear } from '@ufp/core/clock';
import type { MetricDeltas } from '@ufp/core/events';
import { rollupScopes } from '@ufp/core/rollups/scopes';
import { keys } from '@ufp/db/keys';
import { addMetricsUpdate, addYearUpdate, tenantRow, TOTAL_ROW } from '@ufp/db/repositories/rollups';
import type { Table } from '@ufp/db/table';
import type { ConsumerHandler } from '../idempotent-consumer.js';

/**
 * Turns an event's metric deltas into aggregates: for the province, the city and the
 * tenant's own code, a TOTAL row and a row for the tenant, in the partition of the year the
 * deltas belong to — `data.year` when the event names it (a plan's year, the day a contract took
 * effect), else the Asia/Shanghai year of `occurredAt`, never the time it is processed — and the
 * year added to the scope's set of years, which the reader needs to carry stock indicators across
 * years (indicators.ts), plus the scope's month row (the trend line) and, on each row, the time of the latest event
 * per metric group (数据截至). Effects commit with the processed marker, so a redelivered event leaves
 * every aggregate unchanged.
 */
export function rollupProjector(table: Table): ConsumerHandler {
  return async (envelope, effects) => {
    const { data, meta } = envelope.detail;
    const metrics = sanitize(data.metrics);
    if (Object.keys(metrics).length === 0) return;
    const occurred = new Date(meta.occurredAt);
    const year = typeof data.year === 'number' ? data.year : shanghaiYear(occurred);
    const month = monthWithin(year, occurred);
    for (const code of rollupScopes(meta.divisionCode)) {
      effects.add(addYearUpdate(table, code, year));
      for (const row of [TOTAL_ROW, tenantRow(meta.tenantId)]) {
        effects.add({ Update: { TableName: table.name, Key: keys.rollup(code, year, row), ...addMetricsUpdate(metrics, meta.occurredAt) } });
      }
      effects.add({ Update: { TableName: table.name, Key: keys.rollupMonth(code, year, month), ...addMetricsUpdate(metrics) } });
    }
  };
}

/**
 * The month of `year` a delta is drawn in on the trend line: the Asia/Shanghai month it happened, or — for a delta
 * that belongs to another year than it happened in (a 2026 plan rated in January 2027) — the nearest end of `year`.
 */
export function monthWithin(year: number, occurred: Date): number {
  const [y, m] = shanghaiDate(occurred).split('-').map(Number) as [number, number];
  return y === year ? m : y > year ? 12 : 1;
}

function sanitize(raw: unknown): MetricDeltas {
  const out: MetricDeltas = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'number' && Number.isFinite(v) && v !== 0) out[k] = v;
  return out;
}
