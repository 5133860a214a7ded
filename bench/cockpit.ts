import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rollupScopes } from '@ufp/core/rollups/scopes';
import { divisionCodes } from '@ufp/core/validation/divisions';
import { keys } from '@ufp/db/keys';
import { addMetricsUpdate, tenantRow, TOTAL_ROW } from '@ufp/db/repositories/rollups';
import type { Claims } from '@ufp/kit/auth';
import { load, ms, type LoadResult } from './load.js';
import { benchOperator, withBenchPlatform } from './platform.js';

const CONNECTIONS = 4;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const YEARS = [2024, 2025, 2026];

/**
 * 领导驾驶舱 at province scale: the overview and a ranking of a province of 150 federations beside the same of a
 * province of 15, same run, same data per federation (every indicator of the dictionary with a value, three years
 * of partitions and month rows, as the projector writes them). The issue's target: the 150 figure within 1.5× of
 * the 15 one — the cockpit reads aggregates, so its cost must not follow the federations' records, and only
 * mildly their number.
 */
export async function benchCockpit(): Promise<Record<string, LoadResult>> {
  return withBenchPlatform(async ({ platform, call, token }) => {
    const big = federationsOf('51', 150);
    const small = federationsOf('13', 15);
    for (const code of [...big, ...small]) await call(benchOperator, 'platform.tenants.create', { id: code, name: `${divisionCodes.get(code)!.name}总工会`, level: code.endsWith('00') ? 'city' : 'county', divisionCode: code });
    const keysOf = platform.runtime.deps.indicators.indicators.map((i) => i.key);
    const table = platform.runtime.deps.table;
    const started = performance.now();
    let writes = 0;
    for (const code of [...big, ...small]) writes += await seedAggregates(table, code, keysOf);
    console.log(`\nCockpit — seeded ${keysOf.length} indicators × ${YEARS.length} years for ${big.length + small.length} federations (${writes} rollup writes) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const results: Record<string, LoadResult> = {};
    const year = encodeURIComponent(JSON.stringify({ year: 2026 }));
    const rank = encodeURIComponent(JSON.stringify({ year: 2026, indicator: 'hardship.households', measure: 'members' }));
    for (const [label, scope] of [['150 federations (51)', '51'], ['15 federations (13)', '13']] as const) {
      const leader: Claims = { sub: `bench-leader-${scope}`, roles: ['leadership_viewer'], scope };
      const headers = { authorization: `Bearer ${await token(leader)}` };
      results[`overview, ${label}`] = await load(`${platform.url}/trpc/cockpit.overview?input=${year}`, { connections: CONNECTIONS, seconds: SECONDS, headers });
      results[`ranking per 万名职工, ${label}`] = await load(`${platform.url}/trpc/cockpit.ranking?input=${rank}`, { connections: CONNECTIONS, seconds: SECONDS, headers });
    }
    console.log(`${CONNECTIONS} concurrent connections, ${SECONDS} s each, in-process server and load`);
    console.log('| target | requests | errors | req/s | p50 | p99 |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} |`);
    for (const what of ['overview', 'ranking per 万名职工']) {
      const a = results[`${what}, 150 federations (51)`]!;
      const b = results[`${what}, 15 federations (13)`]!;
      const ratio = a.p50 / b.p50;
      console.log(`${what}: 150 / 15 federations p50 ×${ratio.toFixed(2)}, p99 ×${(a.p99 / b.p99).toFixed(2)} (target p50 ≤ ×1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
    }
    return results;
  });
}

/** The first `n` federations of a province: its cities first, then counties. */
export function federationsOf(province: string, n: number): string[] {
  const inProvince = (level: 'city' | 'county') => divisionCodes.all(level).filter((d) => d.code.startsWith(province)).map((d) => d.code);
  return [...inProvince('city'), ...inProvince('county')].slice(0, n).sort();
}

/** What the projector would have written for a federation with a value for every indicator in each year. */
export async function seedAggregates(table: import('@ufp/db/table').Table, code: string, keyList: readonly string[]): Promise<number> {
  let writes = 0;
  const seed = Number(code.slice(-4));
  for (const year of YEARS) {
    const metrics = Object.fromEntries(keyList.map((k, i) => [k, ((seed * 31 + i * 17 + year) % 97) + 1]));
    const at = `${year}-06-01T00:00:00.000Z`;
    for (const scope of rollupScopes(code)) {
      const updates = [
        { Key: keys.rollup(scope, year, TOTAL_ROW), ...addMetricsUpdate(metrics, at) },
        { Key: keys.rollup(scope, year, tenantRow(code)), ...addMetricsUpdate(metrics, at) },
        { Key: keys.rollupMonth(scope, year, 6), ...addMetricsUpdate(metrics) },
        { Key: keys.rollupYears(scope), UpdateExpression: 'ADD #y :y', ExpressionAttributeNames: { '#y': 'years' }, ExpressionAttributeValues: { ':y': new Set([year]) } },
      ];
      await Promise.all(updates.map((u) => table.doc.send(new UpdateCommand({ TableName: table.name, ...u }))));
      writes += updates.length;
    }
  }
  return writes;
}
