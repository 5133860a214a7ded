import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import { divisionCodes } from '@ufp/core/validation/divisions';
import { keys, tenantPrefix } from '@ufp/db/keys';
import { dailyTick, TICK_SOURCE, TICK_TYPE } from '@ufp/events/consumers/daily-tick';
import { ConsumerEffects } from '@ufp/events/idempotent-consumer';
import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { platformModule } from '@ufp/platform/module';
import { createTenant, operator, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * The daily tick at province size: it fans out one `schedule.tenantTick` per active tenant through the outbox, and
 * a module's daily jobs run once per tenant in that module's own consumer — so one tenant's failure is retried and
 * parked on its own while the others finish.
 */
const TENANTS = divisionCodes.all('county').filter((d) => d.code.startsWith('32')).map((d) => d.code).slice(0, 50);
const FAILING = TENANTS[17]!;
const ATTEMPTS = 3;
let broken = true;
/** Every run of the fixture's job, by tenant (a failed attempt included). */
const runs = new Map<string, number>();
const doneKey = (tenantId: string, day: string) => ({ pk: `${tenantPrefix(tenantId)}FIXTURE`, sk: `TICK#${day}` });

const tickFixture = defineModule({
  name: 'tickFixture',
  label: { zh: '定时任务测试模块', en: 'Tick fixture module' },
  router: router({}),
  ticks: [
    ({ table }) => ({
      name: 'tickFixture',
      async run({ tenant, today, effects }) {
        runs.set(tenant.id, (runs.get(tenant.id) ?? 0) + 1);
        if (broken && tenant.id === FAILING) throw new Error(`fixture job failed for ${tenant.id}`);
        effects.add({ Put: { TableName: table.name, Item: { ...doneKey(tenant.id, today), ran: true } } });
      },
    }),
  ],
});

let p: TestPlatform;
const get = async (key: { pk: string; sk: string }) => (await p.runtime.deps.table.doc.send(new GetCommand({ TableName: p.runtime.deps.table.name, Key: key, ConsistentRead: true }))).Item;
const DAY = '2026-03-02';
const tickEvent = (id: string): EventEnvelope => ({
  id,
  source: TICK_SOURCE,
  'detail-type': TICK_TYPE,
  time: `${DAY}T00:05:00.000Z`,
  detail: { data: { date: DAY }, meta: { tenantId: 'platform', divisionCode: '', actor: 'scheduler', correlationId: id, occurredAt: `${DAY}T00:05:00.000Z`, v: 1 } },
});

beforeAll(async () => {
  p = await startTestPlatform({ modules: [platformModule, tickFixture], retryPolicy: { attempts: ATTEMPTS, baseDelayMs: 1 } });
  p.clock.set(new Date(`${DAY}T02:00:00Z`));
  for (const code of TENANTS) await createTenant(p, code, code);
  await p.settle();
}, 120_000);
afterAll(() => p?.dispose());

describe('the daily tick over 50 tenants, one of whose jobs throws', () => {
  it("runs every other tenant's job once, retries the failing one and parks it as that tenant's dead letter", async () => {
    await p.bus.publish(tickEvent('tick-2026-03-02'));
    await p.settle();

    for (const code of TENANTS.filter((c) => c !== FAILING)) {
      expect(await get(doneKey(code, DAY)), code).toMatchObject({ ran: true });
      expect(runs.get(code), code).toBe(1);
    }
    expect(await get(doneKey(FAILING, DAY))).toBeUndefined();
    expect(runs.get(FAILING)).toBe(ATTEMPTS);

    const letters = await p.runtime.deps.deadLetters.listAll(tenantPrefix(FAILING));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ handler: 'tickFixtureTick', eventType: 'schedule.tenantTick', attempts: ATTEMPTS });
    expect(letters[0]!.error).toContain(`fixture job failed for ${FAILING}`);
    expect(JSON.parse(letters[0]!.envelope).detail.meta).toMatchObject({ tenantId: FAILING, correlationId: 'tick-2026-03-02' });
    for (const code of TENANTS.filter((c) => c !== FAILING).slice(0, 5)) expect(await p.runtime.deps.deadLetters.listAll(tenantPrefix(code))).toEqual([]);
  });

  it("shows the operator each tenant's last run, the failing tenant with its error, and the tick's own run", async () => {
    const res = await p.query(operator, 'platform.tenants.list');
    expect(res.status).toBe(200);
    expect(res.data.lastTick).toMatchObject({ date: DAY, tenants: 50 });
    const byId = new Map((res.data.items as { id: string; ticks: unknown[] }[]).map((t) => [t.id, t.ticks]));
    expect(byId.get(TENANTS[0]!)).toEqual([expect.objectContaining({ module: 'tickFixture', lastDate: DAY, failing: false, failures: 0, behind: false })]);
    expect(byId.get(FAILING)).toEqual([expect.objectContaining({ module: 'tickFixture', failing: true, failures: ATTEMPTS, behind: true, error: expect.stringContaining('fixture job failed') })]);
    expect(byId.get(FAILING)![0]).not.toHaveProperty('lastDate');
  });

  it('changes nothing when the same tick is delivered again', async () => {
    const before = new Map(runs);
    const outcomes = await p.bus.publish(tickEvent('tick-2026-03-02'));
    expect(outcomes).toEqual([{ rule: 'daily-tick', outcome: 'duplicate' }]);
    // The fan-out run again past its marker (a crash after the outbox writes, before the marker): the items exist, nothing new is published.
    await dailyTick(p.runtime.deps.table, [])(tickEvent('tick-2026-03-02'), new ConsumerEffects());
    await p.settle();
    expect(runs).toEqual(before);
    expect(await p.runtime.deps.deadLetters.listAll(tenantPrefix(FAILING))).toHaveLength(1);
  });

  it("finishes the failing tenant's day when its dead letter is replayed after the fault is gone, and its letter is gone", async () => {
    broken = false;
    const view = (await p.query(operator, 'platform.deadLetters.list', { tenantId: FAILING })).data;
    expect(view.letters).toEqual([expect.objectContaining({ tenantId: FAILING, module: 'tickFixture', target: 'tickFixtureTick', eventType: 'schedule.tenantTick' })]);
    const redrive = await p.mutate(operator, 'platform.deadLetters.redrive', { ids: [view.letters[0].id] });
    expect(redrive.status, JSON.stringify(redrive.error)).toBe(200);
    await p.settle();
    expect(await get(doneKey(FAILING, DAY))).toMatchObject({ ran: true });
    expect(await p.runtime.deps.deadLetters.listAll(tenantPrefix(FAILING))).toEqual([]);
    const [run] = (await p.query(operator, 'platform.tenants.list')).data.items.find((t: { id: string }) => t.id === FAILING).ticks;
    expect(run).toMatchObject({ lastDate: DAY, failing: false, failures: 0, behind: false });
    expect(await get(keys.tenantTick(FAILING, 'tickFixture'))).toMatchObject({ failing: false });
  });
});
