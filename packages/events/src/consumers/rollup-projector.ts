import { shanghaiYear } from '@ufp/core/clock';
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
 * years (indicators.ts). Effects commit with the processed marker, so a redelivered event leaves
 * every aggregate unchanged.
 */
export function rollupProjector(table: Table): ConsumerHandler {
  return async (envelope, effects) => {
    const { data, meta } = envelope.detail;
    const metrics = sanitize(data.metrics);
    if (Object.keys(metrics).length === 0) return;
    const year = typeof data.year === 'number' ? data.year : shanghaiYear(new Date(meta.occurredAt));
    for (const code of rollupScopes(meta.divisionCode)) {
      effects.add(addYearUpdate(table, code, year));
      for (const row of [TOTAL_ROW, tenantRow(meta.tenantId)]) {
        effects.add({ Update: { TableName: table.name, Key: keys.rollup(code, year, row), ...addMetricsUpdate(metrics) } });
      }
    }
  };
}

function sanitize(raw: unknown): MetricDeltas {
  const out: MetricDeltas = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'number' && Number.isFinite(v) && v !== 0) out[k] = v;
  return out;
}
