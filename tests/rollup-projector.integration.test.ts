import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import { getItem } from '@ufp/db/query';
import { keys } from '@ufp/db/keys';
import { readRollupRow, tenantRow, TOTAL_ROW } from '@ufp/db/repositories/rollups';
import { batchConsumer } from '@ufp/events/idempotent-consumer';
import { consumeQueued } from '@ufp/functions/consumer';
import { eventBridgeDetail } from '@ufp/functions/event-mapping';
import { rollupProjector } from '@ufp/events/consumers/rollup-projector';
import { adminOf, createTenant, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let seq = 0;
const event = (occurredAt: string, metrics: Record<string, number>, tenantId = '321281'): EventEnvelope => ({
  id: `proj-${++seq}-${Math.random().toString(36).slice(2, 8)}`,
  source: 'federation.units',
  'detail-type': 'units.unit.created',
  time: occurredAt,
  detail: { data: { metrics }, meta: { tenantId, divisionCode: tenantId, actor: 'a', correlationId: 'c', occurredAt, v: 1 } },
});

describe('the rollup projector', () => {
  let p: TestPlatform;
  const poisoned = new Set<string>();
  beforeAll(async () => {
    p = await startTestPlatform({
      retryPolicy: { attempts: 2, baseDelayMs: 5 },
      consumerOverrides: {
        // The real projector, failing for the events a test poisons.
        rollupProjector: batchConsumer(async (envelopes, effects) => {
          if (envelopes.some((e) => poisoned.has(e.id))) throw new Error('poisoned event');
          return rollupProjector(p.runtime.deps.table).batch!(envelopes, effects);
        }),
      },
    });
    await createTenant(p, '321281', '321281');
    await createTenant(p, '321282', '321282');
    await p.settle();
  });
  afterAll(() => p?.dispose());

  const deliver = (e: EventEnvelope) => p.runtime.runner.deliver('rollupProjector', e);
  const row = (code: string, year: number, r: string) => readRollupRow(p.runtime.deps.table, code, year, r);

  it('keeps 数据截至 at the latest event when an earlier one is projected after it', async () => {
    expect(await deliver(event('2030-05-02T02:00:00.000Z', { 'units.count': 1 }))).toBe('processed');
    expect(await deliver(event('2030-05-01T02:00:00.000Z', { 'units.count': 2 }))).toBe('processed');
    const total = await row('321281', 2030, TOTAL_ROW);
    expect(total.metrics['units.count']).toBe(3);
    expect(total.updated.units).toBe('2030-05-02T02:00:00.000Z');
    expect(total.events).toBe(2);
    // A later one moves it on; a group with only other metric groups leaves it alone.
    await deliver(event('2030-05-03T02:00:00.000Z', { 'units.count': 1, 'hardship.aid.grants': 1 }));
    await deliver(event('2030-04-01T02:00:00.000Z', { 'hardship.aid.grants': 1 }));
    const after = await row('32', 2030, tenantRow('321281'));
    expect(after.updated).toEqual({ units: '2030-05-03T02:00:00.000Z', hardship: '2030-05-03T02:00:00.000Z' });
    expect(after.metrics).toMatchObject({ 'units.count': 4, 'hardship.aid.grants': 2 });
  });

  it('commits events delivered together in fewer transactions, each counted once, and a repeat changes nothing', async () => {
    const events = Array.from({ length: 40 }, (_, i) => event(`2031-0${1 + (i % 9)}-10T02:00:00.000Z`, { 'units.count': 1, 'units.members': i }, i % 2 ? '321281' : '321282'));
    const group = p.runtime.runner.groups.get('rollupProjector')!;
    const before = group.groups;
    expect(await Promise.all(events.map(deliver))).toEqual(events.map(() => 'processed'));
    expect(group.groups - before).toBeLessThan(events.length);
    const total = await row('32', 2031, TOTAL_ROW);
    expect(total.metrics).toMatchObject({ 'units.count': 40, 'units.members': (39 * 40) / 2 });
    expect(total.events).toBe(40);
    expect(total.updated.units).toBe('2031-09-10T02:00:00.000Z');
    expect((await row('321282', 2031, TOTAL_ROW)).metrics['units.count']).toBe(20);
    const september = await getItem<Record<string, number>>(p.runtime.deps.table, keys.rollupMonth('32', 2031, 9));
    expect(september?.['m:units.count']).toBe(4);

    // Delivered again (all at once, and one event twice in the same group): all duplicates, nothing added.
    expect(await Promise.all([...events, events[0]!].map(deliver))).toEqual([...events, events[0]].map(() => 'duplicate'));
    expect((await row('32', 2031, TOTAL_ROW)).metrics['units.count']).toBe(40);
  });

  it('commits the others of a group when some are repeats, and parks only the event that fails', async () => {
    const done = event('2032-03-01T02:00:00.000Z', { 'units.count': 1 });
    await deliver(done);
    const bad = event('2032-03-02T02:00:00.000Z', { 'units.count': 100 });
    poisoned.add(bad.id);
    const fresh = Array.from({ length: 6 }, () => event('2032-03-03T02:00:00.000Z', { 'units.count': 1 }));
    const outcomes = await Promise.all([done, bad, ...fresh].map(deliver));
    expect(outcomes).toEqual(['duplicate', 'dead', ...fresh.map(() => 'processed')]);
    expect((await row('32', 2032, TOTAL_ROW)).metrics['units.count']).toBe(7);
    const letters = await p.query(adminOf('321281'), 'deadLetters.list', {});
    expect(letters.data.items.map((l: { eventId: string }) => l.eventId)).toContain(bad.id);
  });

  it('takes a batch from its intake queue (as AWS delivers it) in group commits, answering as failed only the message whose event failed or is no event', async () => {
    // The message body is the event as the rule sends it to the queue: EventBridge's shape, the envelope id in detail.
    const message = (e: EventEnvelope, i: number) => ({ messageId: `m-${i}`, body: JSON.stringify({ version: '0', id: `eb-${i}`, source: e.source, 'detail-type': e['detail-type'], time: e.time, detail: eventBridgeDetail(e) }) });
    const events = Array.from({ length: 9 }, () => event('2033-06-01T02:00:00.000Z', { 'units.count': 1 }));
    const bad = event('2033-06-02T02:00:00.000Z', { 'units.count': 100 });
    poisoned.add(bad.id);
    const consume = (e: EventEnvelope) => p.runtime.runner.deliver('rollupProjector', e);
    const group = p.runtime.runner.groups.get('rollupProjector')!;
    const before = group.groups;
    expect(await consumeQueued(consume, { Records: events.map(message) })).toEqual({ batchItemFailures: [] });
    // Nine events handed over together, one transaction.
    expect(group.groups - before).toBe(1);
    expect((await row('32', 2033, TOTAL_ROW)).metrics['units.count']).toBe(9);

    const batch = { Records: [...events, bad].map(message) };
    batch.Records.push({ messageId: 'm-garbled', body: '{"not":"an event"' });
    expect(await consumeQueued(consume, batch)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-9' }, { itemIdentifier: 'm-garbled' }] });
    expect((await row('32', 2033, TOTAL_ROW)).metrics['units.count']).toBe(9);
    // SQS hands the failed message back: received again, the batch changes nothing more once the event is fixed.
    poisoned.delete(bad.id);
    expect(await consumeQueued(consume, { Records: [...events, bad].map(message) })).toEqual({ batchItemFailures: [] });
    expect((await row('32', 2033, TOTAL_ROW)).metrics['units.count']).toBe(109);
  });
});
