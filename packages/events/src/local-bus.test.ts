import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import type { ConsumerRunner, DeliveryOutcome } from './consumer-runner.js';
import { LocalBus } from './local-bus.js';
import type { RuleDefinition } from './rules.js';

const envelope = (id: string, tenantId: string): EventEnvelope => ({
  id,
  source: 'federation.units',
  'detail-type': 'units.unit.created',
  time: '2026-03-02T02:00:00.000Z',
  detail: { data: {}, meta: { tenantId, divisionCode: tenantId, actor: 'a', correlationId: 'c', occurredAt: '2026-03-02T02:00:00.000Z', v: 1 } },
});

const pattern = { source: ['federation.units'] };
const rules: RuleDefinition[] = [
  { name: 'ordered', description: 'keeps order', pattern, handler: 'ordered' },
  { name: 'free', description: 'order does not matter', pattern, handler: 'free', order: 'any' },
];

/** A runner at the bus's boundary: records when each delivery starts and ends, and fails the events it is told to. */
function recordingRunner(failing = new Set<string>()) {
  const log: string[] = [];
  const inFlight = new Map<string, number>();
  const most = new Map<string, number>();
  const runner = {
    deliver: async (handler: string, e: EventEnvelope): Promise<DeliveryOutcome> => {
      const lane = `${handler}/${e.detail.meta.tenantId}`;
      inFlight.set(lane, (inFlight.get(lane) ?? 0) + 1);
      most.set(lane, Math.max(most.get(lane) ?? 0, inFlight.get(lane)!));
      log.push(`${handler}:${e.id}`);
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 10));
      inFlight.set(lane, inFlight.get(lane)! - 1);
      if (failing.has(e.id)) throw new Error(`store unavailable for ${e.id}`);
      return 'processed';
    },
  };
  return { runner: runner as unknown as ConsumerRunner, log, most };
}

describe('the local bus, with events published side by side', () => {
  it("hands a consumer one tenant's events one at a time in publish order, other tenants' beside them", async () => {
    const { runner, log, most } = recordingRunner();
    const bus = new LocalBus(rules, runner);
    const events = ['a1', 'b1', 'a2', 'a3', 'b2', 'a4'].map((id) => envelope(id, id.startsWith('a') ? '321281' : '321282'));
    await Promise.all(events.map((e) => bus.publish(e)));
    expect(log.filter((l) => l.startsWith('ordered:a'))).toEqual(['ordered:a1', 'ordered:a2', 'ordered:a3', 'ordered:a4']);
    expect(log.filter((l) => l.startsWith('ordered:b'))).toEqual(['ordered:b1', 'ordered:b2']);
    expect(most.get('ordered/321281')).toBe(1);
    expect(most.get('ordered/321282')).toBe(1);
  });

  it('hands a consumer whose rule says order does not matter every event at once', async () => {
    const { runner, most } = recordingRunner();
    const bus = new LocalBus(rules, runner);
    await Promise.all(['a1', 'a2', 'a3', 'a4'].map((id) => bus.publish(envelope(id, '321281'))));
    expect(most.get('free/321281')).toBe(4);
  });

  it('fails the events queued behind a failed delivery of their lane undelivered, and starts afresh on the next publish', async () => {
    const { runner, log } = recordingRunner(new Set(['a2']));
    const bus = new LocalBus(rules, runner);
    const outcomes = await Promise.allSettled(['a1', 'a2', 'a3'].map((id) => bus.publish(envelope(id, '321281'))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(log.filter((l) => l.startsWith('ordered:'))).toEqual(['ordered:a1', 'ordered:a2']);
    // The relay reads the batch again: the lane is free once its deliveries settled.
    await expect(bus.publish(envelope('a3', '321281'))).resolves.toHaveLength(2);
  });

  it('runs at most its concurrency of deliveries at once over all consumers and tenants, and every one in the end', async () => {
    let now = 0;
    let most = 0;
    const runner = {
      deliver: async (): Promise<DeliveryOutcome> => {
        most = Math.max(most, ++now);
        await new Promise((r) => setTimeout(r, 2));
        now--;
        return 'processed';
      },
    } as unknown as ConsumerRunner;
    const bus = new LocalBus(rules, runner, 4);
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => bus.publish(envelope(`e${i}`, `32128${i % 10}`))));
    expect(outcomes.flat()).toHaveLength(60);
    expect(most).toBe(4);
  });
});
