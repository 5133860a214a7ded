import { shanghaiDate, shanghaiYear } from '@ufp/core/clock';
import type { EventEnvelope, MetricDeltas } from '@ufp/core/events';
import { rollupScopes } from '@ufp/core/rollups/scopes';
import { keys } from '@ufp/db/keys';
import { getItem } from '@ufp/db/query';
import { addMetricsUpdate, addYearUpdate, tenantRow, TOTAL_ROW, updatedStamps } from '@ufp/db/repositories/rollups';
import type { Table } from '@ufp/db/table';
import { batchConsumer, type ConsumerHandler } from '../idempotent-consumer.js';

/** A rollup item's share of one or more events: summed deltas, and for a year row the events counted and the latest time. */
interface RowDeltas {
  key: { pk: string; sk: string };
  metrics: MetricDeltas;
  stamp?: { at: string; events: number };
}

/**
 * Turns an event's metric deltas into aggregates: for the province, the city and the
 * tenant's own code, a TOTAL row and a row for the tenant, in the partition of the year the
 * deltas belong to — `data.year` when the event names it (a plan's year, the day a contract took
 * effect), else the Asia/Shanghai year of `occurredAt`, never the time it is processed — and the
 * year added to the scope's set of years, which the reader needs to carry stock indicators across
 * years (indicators.ts), plus the scope's month row (the trend line) and, on each row, the time of the latest event
 * per metric group (数据截至), which never moves back when events arrive out of order. Every other effect is an ADD, so
 * events may be projected in any order, side by side, or several in one transaction (their deltas summed per item:
 * a province's TOTAL row is then written once for all of them). Effects commit with the processed markers, so a
 * redelivered event leaves every aggregate unchanged.
 */
export function rollupProjector(table: Table): ConsumerHandler {
  return batchConsumer(async (envelopes, effects) => {
    const years = new Map<string, { code: string; year: number }>();
    const rows = new Map<string, RowDeltas>();
    const addTo = (key: RowDeltas['key'], metrics: MetricDeltas, at?: string) => {
      const id = `${key.pk}\u0000${key.sk}`;
      const row = rows.get(id) ?? { key, metrics: {}, ...(at ? { stamp: { at, events: 0 } } : {}) };
      for (const [metric, delta] of Object.entries(metrics)) row.metrics[metric] = (row.metrics[metric] ?? 0) + delta;
      if (row.stamp && at) row.stamp = { at: at > row.stamp.at ? at : row.stamp.at, events: row.stamp.events + 1 };
      rows.set(id, row);
    };
    for (const envelope of envelopes) {
      const projected = projection(envelope);
      if (!projected) continue;
      const { metrics, year, month, occurredAt, tenantId } = projected;
      for (const code of rollupScopes(envelope.detail.meta.divisionCode)) {
        years.set(`${code}\u0000${year}`, { code, year });
        for (const row of [TOTAL_ROW, tenantRow(tenantId)]) addTo(keys.rollup(code, year, row), metrics, occurredAt);
        addTo(keys.rollupMonth(code, year, month), metrics);
      }
    }
    for (const { code, year } of years.values()) effects.add(addYearUpdate(table, code, year));
    for (const { key, metrics, stamp } of rows.values()) {
      const update = (stamped?: Record<string, string>) => ({ Update: { TableName: table.name, Key: key, ...addMetricsUpdate(metrics, stamp?.at, stamped, stamp?.events) } });
      if (!stamp) effects.add(update());
      else effects.add(update(), async () => update(updatedStamps((await getItem<Record<string, unknown>>(table, key)) ?? {})));
    }
  });
}

/** What an event adds to the rollups: its metric deltas, the year and month they are drawn in; none without deltas. */
function projection(envelope: EventEnvelope) {
  const { data, meta } = envelope.detail;
  const metrics = sanitize(data.metrics);
  if (Object.keys(metrics).length === 0) return undefined;
  const occurred = new Date(meta.occurredAt);
  const year = typeof data.year === 'number' ? data.year : shanghaiYear(occurred);
  return { metrics, year, month: monthWithin(year, occurred), occurredAt: meta.occurredAt, tenantId: meta.tenantId };
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
