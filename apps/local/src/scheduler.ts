import { shanghaiDate, type Clock } from '@ufp/core/clock';
import type { EventEnvelope } from '@ufp/core/events';
import { newId } from '@ufp/core/ids';
import { TICK_SOURCE, TICK_TYPE } from '@ufp/events/consumers/daily-tick';

/**
 * The local stand-in for EventBridge Scheduler: once per Asia/Shanghai calendar day (of the
 * platform clock, which /dev/clock can move) it puts a `schedule.tick` event on the bus.
 */
export class LocalScheduler {
  private timer?: NodeJS.Timeout;
  private lastDate?: string;
  lastTickAt?: string;

  constructor(
    private readonly clock: Clock,
    private readonly publish: (envelope: EventEnvelope) => Promise<unknown>,
    private readonly checkEveryMs = 30_000,
  ) {}

  start(): void {
    this.lastDate = shanghaiDate(this.clock.now());
    this.timer = setInterval(() => void this.maybeTick(), this.checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async maybeTick(): Promise<void> {
    const today = shanghaiDate(this.clock.now());
    if (today === this.lastDate) return;
    const previous = this.lastDate;
    this.lastDate = today;
    try {
      await this.tick(`tick-${today}`);
    } catch {
      // Not delivered (the store was unavailable): the next check tries again, with the same id.
      this.lastDate = previous;
    }
  }

  /** Runs the daily tick now (POST /dev/tick); a manual tick gets a fresh id so it always runs. */
  async tick(id = newId()): Promise<{ date: string; id: string }> {
    const now = this.clock.now();
    const date = shanghaiDate(now);
    await this.publish({
      id,
      source: TICK_SOURCE,
      'detail-type': TICK_TYPE,
      time: now.toISOString(),
      detail: {
        data: { date },
        meta: { tenantId: 'platform', divisionCode: '', actor: 'scheduler', correlationId: id, occurredAt: now.toISOString(), v: 1 },
      },
    });
    this.lastTickAt = now.toISOString();
    return { date, id };
  }
}
