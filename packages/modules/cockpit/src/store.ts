import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IndicatorDictionary } from '@ufp/core/rollups/indicators';
import { getItem, queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import { readRollupMonths, readRollupPartitionMetrics, readRollupRow, readRollupYears, TOTAL_ROW } from '@ufp/db/repositories/rollups';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { z } from 'zod';
import type { ShareLink } from './domain/share.js';

/** Share links live in their scope's rollup space, one item each, found by the token's hash. */
const shareKey = (code: string, tokenHash: string) => ({ pk: `R#${code}#SHARES`, sk: `H#${tokenHash}` });

const shareSchema = z.object({
  id: z.string(),
  code: z.string(),
  tokenHash: z.string(),
  label: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
});

export interface ScopeTotals {
  year: number;
  metrics: Record<string, number>;
  /** Metric group → the time of the latest event in it. */
  updated: Record<string, string>;
  /** Events the year's TOTAL row has taken in. */
  events: number;
}

/** Everything the scope's federation rows hold for a year, as one number: the events of its TOTAL rows up to it. */
export const versionOf = (totals: readonly ScopeTotals[], year: number): number => totals.filter((t) => t.year <= year).reduce((n, t) => n + t.events, 0);

/** Computed federation values kept per scope, year and metric set, with the version they were computed at. */
const cacheKey = (code: string, year: number, metrics: readonly string[]) => ({ pk: `R#${code}#CACHE`, sk: `FV#${year}#${[...metrics].sort().join(',')}` });

/**
 * The cockpit's reads: aggregates only. A scope's TOTAL rows are one item per year; a ranking or an alert reads
 * every federation's row but only the metrics it needs.
 */
export class CockpitStore {
  constructor(
    private readonly table: Table,
    private readonly dictionary: IndicatorDictionary,
  ) {}

  years(code: string): Promise<number[]> {
    return readRollupYears(this.table, code);
  }

  /** The TOTAL row of every year with data up to `upTo` (and `upTo` itself). */
  async totals(code: string, years: readonly number[], upTo: number): Promise<ScopeTotals[]> {
    const wanted = [...new Set([...years.filter((y) => y <= upTo), upTo])].sort((a, b) => a - b);
    return Promise.all(wanted.map(async (year) => ({ year, ...(await readRollupRow(this.table, code, year, TOTAL_ROW)) })));
  }

  /** The values of `year` from TOTAL rows: stocks carried across years, flows of the year. */
  valuesAt(totals: readonly ScopeTotals[], year: number): Record<string, number> {
    return this.dictionary.valuesForYear(year, totals);
  }

  months(code: string, year: number): Promise<Map<number, Record<string, number>>> {
    return readRollupMonths(this.table, code, year);
  }

  /**
   * Each federation's values of `metrics` for `year`. Reading them means reading every federation's row of every
   * year up to it — the one read whose cost follows the number of federations — so the result is kept in the
   * scope's cache item with the scope's version (`versionOf`) and read back while the version stands: a province
   * of 150 federations then costs what one of 15 does. A stale entry is recomputed; a lost race to store it is
   * harmless (the same version computes the same values).
   */
  async federationValues(code: string, years: readonly number[], year: number, metrics: readonly string[], version: number): Promise<Map<string, Record<string, number>>> {
    const key = cacheKey(code, year, metrics);
    const cached = await getItem<{ version?: number; values?: string }>(this.table, key);
    if (cached?.version === version && cached.values) return new Map(Object.entries(JSON.parse(cached.values) as Record<string, Record<string, number>>));
    const values = await this.readFederationValues(code, years, year, metrics);
    await this.table.doc
      .send(new PutCommand({ TableName: this.table.name, Item: { ...key, version, values: JSON.stringify(Object.fromEntries(values)) }, ConditionExpression: 'attribute_not_exists(pk) OR version < :v', ExpressionAttributeValues: { ':v': version } }))
      .catch((err: unknown) => {
        if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
      });
    return values;
  }

  /** The federations' rows of every year up to `year`, restricted to `metrics` (stocks carried across years). */
  private async readFederationValues(code: string, years: readonly number[], year: number, metrics: readonly string[]): Promise<Map<string, Record<string, number>>> {
    const wanted = [...new Set([...years.filter((y) => y <= year), year])];
    const stockOnly = metrics.filter((m) => this.dictionary.kindOf(m) === 'stock');
    const partitions = await Promise.all(wanted.filter((y) => y === year || stockOnly.length > 0).map(async (y) => ({ year: y, rows: await readRollupPartitionMetrics(this.table, code, y, y === year ? metrics : stockOnly) })));
    const byTenant = new Map<string, { year: number; metrics: Record<string, number> }[]>();
    for (const p of partitions) {
      for (const r of p.rows) if (r.row.startsWith('T#')) byTenant.set(r.row.slice(2), [...(byTenant.get(r.row.slice(2)) ?? []), { year: p.year, metrics: r.metrics }]);
    }
    return new Map([...byTenant].map(([tenantId, deltas]) => [tenantId, this.dictionary.valuesForYear(year, deltas)]));
  }

  addShare(uow: UnitOfWork, link: ShareLink): void {
    uow.raw({ Put: { TableName: this.table.name, Item: { ...shareKey(link.code, link.tokenHash), ...link }, ConditionExpression: 'attribute_not_exists(pk)' } });
  }

  async shareByHash(code: string, tokenHash: string): Promise<ShareLink | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, shareKey(code, tokenHash));
    return item ? parseStored(shareSchema, item, 'share link') : undefined;
  }

  async shares(code: string): Promise<ShareLink[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)', ExpressionAttributeValues: { ':pk': shareKey(code, '').pk, ':h': 'H#' } });
    return items.map((i) => parseStored(shareSchema, i, 'share link')).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  revokeShare(uow: UnitOfWork, link: ShareLink, at: string): void {
    uow.raw({
      Update: {
        TableName: this.table.name,
        Key: shareKey(link.code, link.tokenHash),
        UpdateExpression: 'SET revokedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':at': at },
      },
    });
  }
}
