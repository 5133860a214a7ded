import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import { ConsumerEffects } from '../idempotent-consumer.js';
import { dailyTick } from './daily-tick.js';

const tick = (data: Record<string, unknown>, time: string): EventEnvelope => ({
  id: 't1',
  source: 'federation.scheduler',
  'detail-type': 'schedule.tick',
  time,
  detail: { data, meta: { tenantId: 'platform', divisionCode: '', actor: 'scheduler', correlationId: 't1', occurredAt: time, v: 1 } },
});

describe('daily tick', () => {
  it('takes the Shanghai calendar day of a scheduled tick at 00:05 +08:00, which is the previous UTC day', async () => {
    const days: string[] = [];
    const handler = dailyTick({ name: "t", doc: {} as never }, [], [{ name: 'probe', run: async (today) => void days.push(today) }]);
    await handler(tick({ scheduledTime: '2026-10-08T16:05:00Z' }, '2026-10-08T16:05:01Z'), new ConsumerEffects());
    expect(days).toEqual(['2026-10-09']);
  });
  it('uses an explicit date when the local scheduler gives one', async () => {
    const days: string[] = [];
    const handler = dailyTick({ name: "t", doc: {} as never }, [], [{ name: 'probe', run: async (today) => void days.push(today) }]);
    await handler(tick({ date: '2027-03-01' }, '2027-02-28T18:00:00Z'), new ConsumerEffects());
    expect(days).toEqual(['2027-03-01']);
  });
});
