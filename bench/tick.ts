import { divisionCodes } from '@ufp/core/validation/divisions';
import type { Claims } from '@ufp/kit/auth';
import type { EventEnvelope } from '@ufp/core/events';
import { TenantRepository } from '@ufp/db/repositories/tenants';
import { TICK_SOURCE, TICK_TYPE } from '@ufp/events/consumers/daily-tick';
import { tenantTickModule } from '@ufp/events/rules';
import { mapLimit } from '@ufp/core/map-limit';
import { federationsOf } from './cockpit.js';
import { ms } from './load.js';
import { benchOperator, withBenchPlatform } from './platform.js';

const TENANTS = 150;
const CONTRACTS_PER_TENANT = Number(process.env.BENCH_TICK_CONTRACTS ?? 10);
const DAY = '2026-06-15';

/**
 * The daily tick at province size: 150 tenants, each with contracts for its 集体合同 clocks to read, one tick. The tick
 * fans out one `schedule.tenantTick` per tenant and each module's tenant-tick consumer runs per tenant; this prints the
 * wall time from the tick until every tenant's every module has stamped the day, and the longest single tenant job
 * (one module, one tenant: what must fit one consumer invocation in AWS). Locally the relay delivers the tenants'
 * events one after another, so the wall time here is the sum of the jobs; in AWS they run in parallel invocations.
 */
export async function benchTick(): Promise<void> {
  await withBenchPlatform(async ({ platform, call }) => {
    const codes = federationsOf('51', TENANTS);
    const started = performance.now();
    for (const code of codes) await call(benchOperator, 'platform.tenants.create', { id: code, name: `${divisionCodes.get(code)!.name}总工会`, level: code.endsWith('00') ? 'city' : 'county', divisionCode: code });
    await mapLimit(codes, 8, async (code) => {
      const admin: Claims = { sub: `admin-${code}`, roles: ['federation_admin'], tenantId: code };
      for (let i = 0; i < CONTRACTS_PER_TENANT; i++) {
        await call(admin, 'contracts.create', { type: 'industry', scope: { industry: 'express' }, employerParties: [{ name: `快递行业协会${i}` }], coveredEnterprises: 3, coveredEmployees: 90, term: { start: '2026-01-01', end: '2028-12-31' } });
      }
    });
    console.log(`\nDaily tick — ${TENANTS} tenants × ${CONTRACTS_PER_TENANT} contracts set up in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Time every tenant-tick delivery (instrumentation of the bench only).
    const jobs: { handler: string; tenantId: string; ms: number }[] = [];
    const runner = platform.runtime.runner;
    const deliver = runner.deliver.bind(runner);
    runner.deliver = async (handler, envelope) => {
      const t0 = performance.now();
      try {
        return await deliver(handler, envelope);
      } finally {
        if (tenantTickModule(handler)) jobs.push({ handler, tenantId: envelope.detail.meta.tenantId, ms: performance.now() - t0 });
      }
    };

    platform.clock.set(new Date(`${DAY}T02:00:00Z`));
    const tick: EventEnvelope = {
      id: `bench-tick-${DAY}`,
      source: TICK_SOURCE,
      'detail-type': TICK_TYPE,
      time: `${DAY}T00:05:00.000Z`,
      detail: { data: { date: DAY }, meta: { tenantId: 'platform', divisionCode: '', actor: 'scheduler', correlationId: 'bench', occurredAt: `${DAY}T00:05:00.000Z`, v: 1 } },
    };
    const modules = platform.runtime.composition.ruleTable.filter((r) => tenantTickModule(r.handler)).length;
    const expected = (TENANTS + 1) * modules; // the bench platform's own 兴化 tenant is active too
    const tenants = new TenantRepository(platform.runtime.deps.table, 0);
    const t0 = performance.now();
    const fanOut = await platform.bus.publish(tick);
    const fannedOutAt = performance.now();
    for (;;) {
      const done = (await tenants.tickRuns()).filter((r) => r.lastDate === DAY).length;
      if (done >= expected) break;
      if (performance.now() - t0 > 600_000) throw new Error(`tick: ${done} of ${expected} tenant jobs after 10 min`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const wall = performance.now() - t0;
    const sorted = [...jobs].sort((a, b) => a.ms - b.ms);
    const longest = sorted.at(-1)!;
    const p50 = sorted[Math.floor(sorted.length / 2)]!.ms;
    console.log(`| figure | result |\n|---|---|`);
    console.log(`| fan-out (daily-tick consumer: ${TENANTS + 1} outbox items, audit seal) | ${ms(fannedOutAt - t0)} (${fanOut.map((f) => f.outcome).join(', ')}) |`);
    console.log(`| tick → every tenant's ${modules} module jobs stamped, locally | ${(wall / 1000).toFixed(2)} s for ${jobs.length} tenant jobs |`);
    console.log(`| one tenant job (module × tenant) | p50 ${ms(p50)}, longest ${ms(longest.ms)} (${longest.handler}, ${longest.tenantId}) |`);
  });
}
