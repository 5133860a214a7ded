import { ms, pct } from './load.js';
import { benchAdmin, withBenchPlatform } from './platform.js';

const WRITES = Number(process.env.BENCH_WRITES ?? 300);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 200);

/**
 * Commit → consumer effect: the time from a mutation's response (its transaction committed)
 * to the rollup projector having committed the event's aggregates, through the real stream,
 * relay and bus. `writers` clients of one tenant write at once (each pausing 5 ms between writes): one is the
 * figure the issue quotes; four is a burst one tenant's consumers must keep up with.
 */
export async function benchCommitLatency(writers = Number(process.env.BENCH_WRITERS ?? 1)): Promise<{ p50: number; p99: number }> {
  const WRITERS = writers;
  return withBenchPlatform(async ({ platform, call }) => {

    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    // Where the time goes: commit → the projector's delivery starting (stream, relay poll, the tenant's earlier
    // events ahead of it), and the delivery itself (its one transaction).
    const waits: number[] = [];
    const deliveries: number[] = [];
    const runner = platform.runtime.runner;
    const deliver = runner.deliver.bind(runner);
    runner.deliver = async (handler, envelope) => {
      const started = performance.now();
      const outcome = await deliver(handler, envelope);
      const unitId = String(envelope.detail.data.unitId ?? '');
      const t0 = committedAt.get(unitId);
      if (handler === 'rollupProjector' && t0 !== undefined && outcome === 'processed') {
        latencies.push(performance.now() - t0);
        waits.push(started - t0);
        deliveries.push(performance.now() - started);
      }
      return outcome;
    };
    // Warm-up, not measured: the JVM compiles DynamoDB Local's hot paths in its first seconds.
    for (let i = 0; i < WARM_UP; i++) await call(benchAdmin, 'units.create', { name: `预热工会${i}`, type: 'regional', memberCount: 10, chair: { name: '测' } });
    await new Promise((r) => setTimeout(r, 500));
    let next = 0;
    const writer = async () => {
      while (next < WRITES) {
        const i = next++;
        const unit = await call(benchAdmin, 'units.create', { name: `基准测试工会${i}`, type: 'regional', memberCount: 10, chair: { name: '测' } });
        committedAt.set(String(unit.unitId), performance.now());
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: WRITERS }, writer));
    const writeSeconds = (performance.now() - startedAt) / 1000;
    const deadline = Date.now() + 30_000;
    while (latencies.length < WRITES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const list of [latencies, waits, deliveries]) list.sort((a, b) => a - b);
    const result = { p50: pct(latencies, 50), p99: pct(latencies, 99) };
    console.log(`\nCommit → rollup projector effect — ${latencies.length}/${WRITES} writes (${WRITERS} writer${WRITERS > 1 ? 's' : ''}, ${(WRITES / writeSeconds).toFixed(0)} writes/s) through stream, relay and bus, after ${WARM_UP} unmeasured`);
    console.log(`p50 ${ms(result.p50)}, p99 ${ms(result.p99)}; target p99 ≤ 150 ms: ${result.p99 <= 150 ? 'met' : 'NOT met'}`);
    const groups = runner.groups.get('rollupProjector')?.groups;
    if (groups) console.log(`  the projector committed them in ${groups} transactions (group commit: events arriving while one is in flight go together)`);
    console.log(`  of which commit → delivery starts: p50 ${ms(pct(waits, 50))}, p99 ${ms(pct(waits, 99))}; the projector's delivery: p50 ${ms(pct(deliveries, 50))}, p99 ${ms(pct(deliveries, 99))}`);
    return result;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCommitLatency();
