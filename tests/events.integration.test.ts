import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import { getItem } from '@ufp/db/query';
import { MemoryCheckpointStore } from '@ufp/events/checkpoint';
import { rollupProjector } from '@ufp/events/consumers/rollup-projector';
import { StreamRelay } from '@ufp/events/stream-relay';
import { adminOf, createTenant, createUnit, leaderOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

const year = new Date().getUTCFullYear();

async function outboxEnvelopes(p: TestPlatform): Promise<EventEnvelope[]> {
  const out: EventEnvelope[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await p.runtime.deps.table.doc.send(
      new ScanCommand({ TableName: p.runtime.deps.table.name, FilterExpression: 'kind = :k', ExpressionAttributeValues: { ':k': 'event' }, ExclusiveStartKey: start }),
    );
    for (const i of res.Items ?? []) out.push(JSON.parse(String(i.envelope)));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

describe('rollups from events', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
    await createTenant(p, '3212', '321200', 'city', '泰州市总工会');
    await createTenant(p, '321281', '321281', 'county', '兴化市总工会');
    await createTenant(p, '321282', '321282', 'county', '靖江市总工会');
    await createUnit(p, '3212', { memberCount: 10 });
    await createUnit(p, '321281', { memberCount: 100 });
    await createUnit(p, '321281', { memberCount: 50, type: 'regional', uscc: undefined });
    await createUnit(p, '321282', { memberCount: 7, type: 'industry', uscc: undefined });
    await p.settle();
  });
  afterAll(() => p?.dispose());

  it('a province leader sees every tenant of the province side by side, and the total', async () => {
    const res = await p.query(leaderOf('32'), 'rollups.overview', { year });
    expect(res.status).toBe(200);
    expect(res.data.scope).toMatchObject({ code: '32', level: 'province', name: '江苏省' });
    expect(res.data.totals).toMatchObject({ 'units.count': 4, 'units.members': 167 });
    expect(res.data.rows.map((r: { tenantId: string }) => r.tenantId)).toEqual(['3212', '321281', '321282']);
    expect(res.data.rows[1].metrics).toMatchObject({ 'units.count': 2, 'units.members': 150, 'units.byType.enterprise': 1, 'units.byType.regional': 1 });
  });

  it('a city federation admin sees the city and its counties; a county admin only their own', async () => {
    const city = await p.query(adminOf('3212'), 'rollups.overview', { year });
    expect(city.data.rows.map((r: { tenantId: string }) => r.tenantId)).toEqual(['3212', '321281', '321282']);
    const county = await p.query(staffOf('321281'), 'rollups.overview', { year });
    expect(county.data.rows.map((r: { tenantId: string }) => r.tenantId)).toEqual(['321281']);
    expect(county.data.totals).toMatchObject({ 'units.count': 2, 'units.members': 150 });
  });

  it('leadership data carries no names, phones or record ids', async () => {
    const res = await p.query(leaderOf('32'), 'rollups.overview', { year });
    const text = JSON.stringify(res.data);
    expect(text).not.toMatch(/王五|1380000|unitId|测试工会/);
  });

  it('a member-count update moves the aggregate by the difference', async () => {
    const unit = await createUnit(p, '321282', { memberCount: 20, type: 'regional', uscc: undefined });
    await p.mutate(adminOf('321282'), 'units.update', { unitId: unit.unitId, version: 1, memberCount: 25 });
    await p.settle();
    const res = await p.query(adminOf('321282'), 'rollups.overview', { year });
    expect(res.data.totals).toMatchObject({ 'units.count': 2, 'units.members': 32 });
  });

  it('the overview reads rollup rows only: its cost does not grow with the records behind them', async () => {
    const itemsRead = async () => {
      let read = 0;
      const doc = p.runtime.deps.table.doc;
      const counter = (next: any) => async (args: any) => {
        const out = await next(args);
        // Rollup items only: the tenant list (names of the rows) is cached for a few seconds and read or not by timing.
        const items: { pk?: unknown }[] = out.output?.Items ?? (out.output?.Item ? [out.output.Item] : []);
        read += items.filter((i) => String(i.pk).startsWith('R#')).length;
        return out;
      };
      doc.middlewareStack.add(counter, { step: 'initialize', name: 'countItems' });
      try {
        await p.query(leaderOf('32'), 'rollups.overview', { year });
      } finally {
        doc.middlewareStack.remove('countItems');
      }
      return read;
    };
    const before = await itemsRead();
    for (let i = 0; i < 25; i++) await createUnit(p, '321281', { memberCount: 1, type: 'regional', uscc: undefined });
    await p.settle();
    expect(await itemsRead()).toBe(before);
  });

  it('every event delivered three more times leaves every aggregate unchanged', async () => {
    await p.settle();
    const before = await p.query(leaderOf('32'), 'rollups.overview', { year });
    const envelopes = await outboxEnvelopes(p);
    expect(envelopes.length).toBeGreaterThan(5);
    for (let round = 0; round < 3; round++) await Promise.all(envelopes.map((e) => p.bus.publish(e)));
    const after = await p.query(leaderOf('32'), 'rollups.overview', { year });
    expect(after.data).toEqual(before.data);
  });
});

describe('stream relay', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
    await createTenant(p, '321281', '321281');
  });
  afterAll(() => p?.dispose());

  it('killed mid-batch and restarted, it loses no event and consumers apply each once', async () => {
    await p.relay.stop(); // the platform's own relay stops: events pile up in the stream
    const units = 12;
    for (let i = 0; i < units; i++) await createUnit(p, '321281', { memberCount: 1, type: 'regional', uscc: undefined });
    const committed = new Set((await outboxEnvelopes(p)).map((e) => e.id));

    const streamArn = (await p.runtime.deps.table.doc.send(new DescribeTableCommand({ TableName: p.runtime.deps.table.name }))).Table!.LatestStreamArn!;
    const streams = new DynamoDBStreamsClient({ endpoint: process.env.DDB_ENDPOINT, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    const checkpoints = new MemoryCheckpointStore();
    const seen: string[] = [];
    const first: StreamRelay = new StreamRelay({
      streams,
      streamArn,
      checkpoints,
      publish: async (e) => {
        seen.push(e.id);
        // Dies in the middle of its first batch: the fifth event on are never delivered.
        if (seen.length >= 5) return void first.stop();
        await p.bus.publish(e);
      },
    });
    await first.start();
    await waitUntil(() => seen.length >= 5);
    await first.stop();
    expect(checkpoints.state).toEqual({}); // the batch never completed, so nothing was checkpointed

    const again: string[] = [];
    const second = new StreamRelay({ streams, streamArn, checkpoints, publish: async (e) => { again.push(e.id); await p.bus.publish(e); } });
    await second.start();
    await waitUntil(() => [...committed].every((id) => again.includes(id)));
    await second.stop();
    streams.destroy();

    expect(seen.slice(0, 4).every((id) => again.includes(id))).toBe(true); // the first four were delivered twice …
    const res = await p.query(adminOf('321281'), 'rollups.overview', { year });
    expect(res.data.totals['units.count']).toBe(units); // … and applied once
  });

  it('publishes a batch side by side, started in stream order, each once', async () => {
    // The platform's relay is still stopped (the test above): these pile up in the stream.
    await createTenant(p, '321282', '321282');
    for (let i = 0; i < 4; i++) for (const tenant of ['321281', '321282']) await createUnit(p, tenant, { memberCount: 1, type: 'regional', uscc: undefined });
    const streamArn = (await p.runtime.deps.table.doc.send(new DescribeTableCommand({ TableName: p.runtime.deps.table.name }))).Table!.LatestStreamArn!;
    const streams = new DynamoDBStreamsClient({ endpoint: process.env.DDB_ENDPOINT, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    let inFlight = 0;
    let most = 0;
    const started: EventEnvelope[] = [];
    const published: string[] = [];
    const relay = new StreamRelay({
      streams,
      streamArn,
      checkpoints: new MemoryCheckpointStore(),
      publish: async (e) => {
        started.push(e);
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        published.push(e.id);
      },
    });
    const committed = (await outboxEnvelopes(p)).sort((x, y) => x.detail.meta.occurredAt.localeCompare(y.detail.meta.occurredAt) || x.id.localeCompare(y.id));
    await relay.start();
    await waitUntil(() => committed.every((e) => published.includes(e.id)));
    await relay.stop();
    streams.destroy();
    expect(most).toBeGreaterThan(2);
    expect(new Set(published).size).toBe(published.length);
    // The bus keeps one tenant's order for the consumers that need it: the relay starts each tenant's events in the
    // order they were committed.
    for (const tenant of ['321281', '321282']) {
      const ofTenant = (list: EventEnvelope[]) => list.filter((e) => e.detail.meta.tenantId === tenant && committed.some((c) => c.id === e.id)).map((e) => e.id);
      expect(ofTenant(started)).toEqual(ofTenant(committed));
    }
  });
  it('reads on while earlier events are delivered, checkpoints only what is delivered, and after a failed delivery reads again from the checkpoint', async () => {
    for (let i = 0; i < 6; i++) await createUnit(p, '321281', { memberCount: 1, type: 'regional', uscc: undefined });
    const streamArn = (await p.runtime.deps.table.doc.send(new DescribeTableCommand({ TableName: p.runtime.deps.table.name }))).Table!.LatestStreamArn!;
    const streams = new DynamoDBStreamsClient({ endpoint: process.env.DDB_ENDPOINT, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    const checkpoints = new MemoryCheckpointStore();
    const committed = (await outboxEnvelopes(p)).map((e) => e.id);
    const held = committed[2]!;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let failOnce = true;
    const delivered: string[] = [];
    const relay = new StreamRelay({
      streams,
      streamArn,
      checkpoints,
      publish: async (e) => {
        if (e.id === held) {
          await gate;
          if (failOnce) {
            failOnce = false;
            throw new Error('store unavailable');
          }
        }
        delivered.push(e.id);
      },
    });
    await relay.start();
    // Everything but the held event is delivered while it waits; nothing is checkpointed past it.
    await waitUntil(() => committed.filter((id) => id !== held).every((id) => delivered.includes(id)));
    expect(checkpoints.state).toEqual({});
    release();
    // Its delivery fails: the relay goes back to its checkpoint and delivers from there again, the held event included.
    await waitUntil(() => delivered.includes(held));
    await waitUntil(() => Object.values(checkpoints.state).some((c) => c.seq !== undefined));
    await relay.stop();
    streams.destroy();
    expect(delivered.filter((id) => id === committed[3]).length).toBeGreaterThanOrEqual(2); // read again after the failure
  });
  it('stops while it waits for deliveries to make room, and started again reads from its checkpoint', async () => {
    for (let i = 0; i < 3; i++) await createUnit(p, '321281', { memberCount: 1, type: 'regional', uscc: undefined });
    const streamArn = (await p.runtime.deps.table.doc.send(new DescribeTableCommand({ TableName: p.runtime.deps.table.name }))).Table!.LatestStreamArn!;
    const streams = new DynamoDBStreamsClient({ endpoint: process.env.DDB_ENDPOINT, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    let published = 0;
    let calls = 0;
    const relay = new StreamRelay({
      streams,
      streamArn,
      checkpoints: new MemoryCheckpointStore(),
      maxEventsInFlight: 0,
      // The first delivery is quick, the rest slow: the relay is stopped while it waits for them.
      publish: async () => {
        await new Promise((r) => setTimeout(r, calls++ === 0 ? 20 : 400));
        published++;
      },
    });
    await relay.start();
    await waitUntil(() => published >= 1);
    const stopped = await Promise.race([relay.stop().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('hung'), 5_000))]);
    expect(stopped).toBe('stopped');
    // Started again (the same relay), it reads from its checkpoint: what was in flight at the stop comes again.
    const before = published;
    await relay.start();
    await waitUntil(() => published > before);
    await relay.stop();
    streams.destroy();
  });
});

describe('stream relay robustness', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
    await createTenant(p, '321281', '321281');
  });
  afterAll(() => p?.dispose());

  it('items of any shape (empty maps, sets) and an unreadable outbox item never stall delivery', async () => {
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { table } = p.runtime.deps;
    await table.doc.send(new PutCommand({ TableName: table.name, Item: { pk: 'T#321281#ODD', sk: '1', empty: {}, tags: new Set(['a']) } }));
    await table.doc.send(new PutCommand({ TableName: table.name, Item: { pk: 'T#321281#OUTBOX#bad', sk: 'EVENT', kind: 'x-not-an-event', envelope: '{' } }));
    await createUnit(p, '321281', { memberCount: 9, type: 'regional', uscc: undefined });
    await p.settle();
    expect((await p.query(adminOf('321281'), 'rollups.overview', { year })).data.totals['units.members']).toBe(9);
  });
});

describe('dead letters', () => {
  let p: TestPlatform;
  let broken = true;
  beforeAll(async () => {
    p = await startTestPlatform({
      retryPolicy: { attempts: 3, baseDelayMs: 5 },
      consumerOverrides: {
        rollupProjector: async (envelope, effects) => {
          if (broken && envelope['detail-type'] === 'units.unit.created') throw new Error('projector unavailable');
          return rollupProjector(p.runtime.deps.table)(envelope, effects);
        },
      },
    });
    await createTenant(p, '321281', '321281');
  });
  afterAll(() => p?.dispose());

  it('a failing consumer is retried, parked where the tenant admin sees it, and replayed once fixed', async () => {
    await createUnit(p, '321281', { memberCount: 42 });
    await p.settle();
    const list = await p.query(adminOf('321281'), 'deadLetters.list', {});
    expect(list.data.items).toHaveLength(1);
    expect(list.data.items[0]).toMatchObject({ handler: 'rollupProjector', eventType: 'units.unit.created', attempts: 3 });
    expect(list.data.items[0].error).toContain('projector unavailable');
    const health = (await (await p.runtime.app.request('/health')).json()) as any;
    expect(health.bus.deadLetters).toBe(1);

    broken = false;
    const replay = await p.mutate(adminOf('321281'), 'deadLetters.replay', { id: list.data.items[0].id });
    expect(replay.data).toMatchObject({ ok: true, outcome: 'processed' });
    expect((await p.query(adminOf('321281'), 'deadLetters.list', {})).data.items).toHaveLength(0);
    expect((await p.query(adminOf('321281'), 'rollups.overview', { year })).data.totals['units.members']).toBe(42);
    const audit = await p.query(adminOf('321281'), 'audit.list', { action: 'deadLetters.replay' });
    expect(audit.data.items).toHaveLength(1);
  });
});

describe('local runtime routes', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p?.dispose());

  it('GET /health reports store, relay lag and dead-letter count', async () => {
    await p.settle();
    const res = await p.runtime.app.request('/health');
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: true, store: { ok: true }, relay: { lagMs: expect.any(Number) }, bus: { deadLetters: 0 } });
  });

  it('POST /dev/tick runs the daily tick at the moved platform clock', async () => {
    const moved = await p.runtime.app.request('/dev/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2027-03-01T02:00:00Z' }) });
    expect(await moved.json()).toEqual({ now: expect.stringMatching(/^2027-03-01T02:00:0/) });
    const tick = (await (await p.runtime.app.request('/dev/tick', { method: 'POST' })).json()) as any;
    expect(tick.date).toBe('2027-03-01');
    const last = await getItem<{ date: string }>(p.runtime.deps.table, { pk: 'PLATFORM', sk: 'TICK#LAST' });
    expect(last?.date).toBe('2027-03-01');
  });

  it('rejects a dev clock that is not a time, and a dev login without roles', async () => {
    const clock = await p.runtime.app.request('/dev/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"now":"tomorrow-ish"}' });
    expect(clock.status).toBe(400);
    const login = await p.runtime.app.request('/auth/dev-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sub":"x","roles":[]}' });
    expect(login.status).toBe(400);
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
