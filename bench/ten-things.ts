import type { Claims } from '@ufp/kit/auth';
import { benchAdmin, withBenchPlatform } from './platform.js';
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tenThingsKeys } from '@ufp/ten-things/store';

const REPORTS = Number(process.env.BENCH_TT_REPORTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_TT_CONCURRENCY ?? 4);

/**
 * 十件实事 through the real API: (1) 10,000 progress reports over 100 adopted items (10 plans × 10 items), reports/s;
 * (2) `tenThings.plans.get` latency on a plan whose items carry 100 ledger entries and on one with 10,000 — the
 * running totals live in the items, so the ratio must stay ≤ 1.5.
 */
export async function benchTenThings(): Promise<{ reportsPerSecond: number; latencyRatio: number }> {
  return withBenchPlatform(async ({ platform, call }) => {
    const admin = benchAdmin;
    const staff: Claims = { sub: 'staff', roles: ['federation_staff'], tenantId: '321281' };

    const makePlan = async (year: number, items: number) => {
      const plan = await call(admin, 'tenThings.plans.create', { year, title: `${year}年十件实事` });
      const ids: string[] = [];
      for (let i = 0; i < items; i++) {
        const c = await call(admin, 'tenThings.candidates.propose', { planId: plan.planId, title: `项目${i}`, category: 'other', leadDept: '办公室', targetsText: `开展活动不少于100000场，服务职工${1000 + i}人次` });
        ids.push(c.itemId);
      }
      await call(admin, 'tenThings.plans.recordVote', { planId: plan.planId, representativesTotal: 30, present: 30, ballots: ids.map((candidateId, i) => ({ candidateId, for: 30 - i, against: 0, abstain: 0 })) });
      return { planId: String(plan.planId), year, ids };
    };
    const report = (year: number, itemId: string, n: number) =>
      call(staff, 'tenThings.progress.report', { itemId, targetIndex: n % 2, quantity: 1, occurredOn: `${year}-0${(n % 9) + 1}-15` });
    /** Runs `count` reports over `items` with a fixed number in flight. */
    const flood = async (items: { year: number; itemId: string }[], count: number) => {
      let next = 0;
      const worker = async () => {
        for (let n = next++; n < count; n = next++) {
          const it = items[n % items.length]!;
          await report(it.year, it.itemId, n);
        }
      };
      const t0 = performance.now();
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.ceil(items.length / 4)) }, worker));
      return (performance.now() - t0) / 1000;
    };
    const latency = async (planId: string) => {
      for (let i = 0; i < 20; i++) await call(staff, 'tenThings.plans.get', { planId }, 'query'); // warm up
      const samples: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        await call(staff, 'tenThings.plans.get', { planId }, 'query');
        samples.push(performance.now() - t0);
      }
      samples.sort((a, b) => a - b);
      return { p50: samples[100]!, p95: samples[190]! };
    };

    // (1) throughput: 100 items over 10 plans (a plan adopts at most 10 by default)
    const plans = [];
    for (let y = 2016; y < 2026; y++) plans.push(await makePlan(y, 10));
    const items = plans.flatMap((p) => p.ids.map((itemId) => ({ year: p.year, itemId })));
    const seconds = await flood(items, REPORTS);
    const reportsPerSecond = Math.round(REPORTS / seconds);
    console.log(`\n十件实事 progress reports — ${REPORTS} over ${items.length} items, ${Math.min(CONCURRENCY, items.length / 4)} in flight: ${seconds.toFixed(1)} s, ${reportsPerSecond} reports/s`);

    // (1b) what one report costs in store calls (the relay stopped, so only the request's own calls are counted), and
    // the store's own rate for transactions of that size at the same concurrency, same run.
    const table = platform.runtime.deps.table;
    await platform.relay.stop();
    const calls = new Map<string, number>();
    let transactItems = 0;
    const send = table.doc.send.bind(table.doc);
    table.doc.send = (async (command: { constructor: { name: string }; input: { TransactItems?: unknown[] } }, ...rest: unknown[]) => {
      calls.set(command.constructor.name, (calls.get(command.constructor.name) ?? 0) + 1);
      transactItems += command.input.TransactItems?.length ?? 0;
      return (send as (...a: unknown[]) => Promise<unknown>)(command, ...rest);
    }) as typeof table.doc.send;
    const sampled = 50;
    for (let n = 0; n < sampled; n++) await report(items[n]!.year, items[n]!.itemId, REPORTS + n);
    table.doc.send = send;
    await platform.relay.start();
    const perReport = [...calls].map(([name, n]) => `${name.replace(/Command$/, '')} ${(n / sampled).toFixed(2)}`).join(', ');
    const itemsPerTransaction = Math.round(transactItems / (calls.get('TransactWriteCommand') ?? 1));
    const baselineCount = Math.min(2_000, REPORTS);
    let nextTx = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let n = nextTx++; n < baselineCount; n = nextTx++) {
          const TransactItems = Array.from({ length: itemsPerTransaction }, (_, i) => ({ Put: { TableName: table.name, Item: { pk: `BENCH#TX#${n}`, sk: String(i), payload: 'x'.repeat(400) } } }));
          await table.doc.send(new TransactWriteCommand({ TransactItems }));
        }
      }),
    );
    const transactionsPerSecond = Math.round(baselineCount / ((performance.now() - t1) / 1000));
    console.log(`one report's store calls: ${perReport} (${itemsPerTransaction} items per transaction)`);
    console.log(
      `raw TransactWriteItems of ${itemsPerTransaction} items, ${CONCURRENCY} in flight: ${transactionsPerSecond}/s — reports at ${(reportsPerSecond / transactionsPerSecond).toFixed(2)}× of it (target ≥ 0.5: ${reportsPerSecond / transactionsPerSecond >= 0.5 ? 'met' : 'NOT met'})`,
    );

    // (2) plans.get latency: two plans of the same shape (10 items, 100 reports through the API each); the second's
    // ledger is then filled to 10,000 entries by writing entries straight to the table (the read path is what is measured).
    const small = await makePlan(2014, 10);
    const big = await makePlan(2013, 10);
    for (const p of [small, big]) await flood(p.ids.map((itemId) => ({ year: p.year, itemId })), 100);
    const rows = Array.from({ length: 9_900 }, (_, n) => {
      const itemId = big.ids[n % big.ids.length]!;
      const entryId = `01BENCH${String(n).padStart(19, '0')}`;
      return {
        PutRequest: {
          Item: {
            ...tenThingsKeys.entry('321281', itemId, entryId),
            kind: 'tenThings.entry',
            entryId,
            itemId,
            planId: big.planId,
            targetIndex: 0,
            quantity: 0,
            occurredOn: `${big.year}-06-01`,
            entryType: 'report',
            reporter: 'bench',
            recordedAt: new Date().toISOString(),
          },
        },
      };
    });
    for (let i = 0; i < rows.length; i += 25) {
      let batch: Record<string, any[]> | undefined = { [table.name]: rows.slice(i, i + 25) };
      while (batch && Object.keys(batch).length) batch = (await table.doc.send(new BatchWriteCommand({ RequestItems: batch }))).UnprocessedItems as never;
    }
    const a = await latency(small.planId);
    const b = await latency(big.planId);
    const latencyRatio = Math.round((b.p50 / a.p50) * 100) / 100;
    console.log(
      `tenThings.plans.get p50/p95 — 100 entries: ${a.p50.toFixed(1)}/${a.p95.toFixed(1)} ms; 10,000 entries: ${b.p50.toFixed(1)}/${b.p95.toFixed(1)} ms; ratio ${latencyRatio} (target ≤ 1.5: ${latencyRatio <= 1.5 ? 'met' : 'NOT met'})`,
    );
    return { reportsPerSecond, latencyRatio };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTenThings();
