import { describe, expect, it } from 'vitest';
import { AdjustableClock } from '@ufp/core/clock';
import type { EventEnvelope } from '@ufp/core/events';
import { LocalScheduler } from './scheduler.js';

describe('the local scheduler', () => {
  it('tries a day’s tick again, with the same id, when publishing it failed (the store was down)', async () => {
    const clock = new AdjustableClock();
    const attempts: EventEnvelope[] = [];
    const scheduler = new LocalScheduler(
      clock,
      async (envelope) => {
        attempts.push(envelope);
        if (attempts.length === 1) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
      },
      10,
    );
    scheduler.start();
    try {
      clock.set(new Date(clock.now().getTime() + 24 * 3600_000));
      const deadline = Date.now() + 5_000;
      while (attempts.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      scheduler.stop();
    }
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.id).toBe(attempts[0]!.id);
    expect(scheduler.lastTickAt).toBeDefined();
  });
});
