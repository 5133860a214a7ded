import type { EventEnvelope } from '@ufp/core/events';
import { compilePattern } from './pattern/index.js';
import type { ConsumerRunner, DeliveryOutcome } from './consumer-runner.js';
import type { RuleDefinition } from './rules.js';

/**
 * The in-process stand-in for an EventBridge bus: the same rule table and pattern semantics,
 * each matching rule delivering to its consumer through the runner (retries, dead letters).
 * `publish` resolves once every matching consumer has finished, so a caller that
 * checkpoints after it never loses an event. Events may be published side by side: a consumer still receives one
 * tenant's events in the order they were published, one at a time, unless its rule's `order` is `any`.
 */
export class LocalBus {
  private readonly rules: { rule: RuleDefinition; matches: (e: unknown) => boolean }[];
  published = 0;
  redelivered = 0;
  /** The last delivery queued per consumer and tenant: the next one of that lane starts when it has settled. */
  private readonly lanes = new Map<string, Promise<DeliveryOutcome>>();

  /** Deliveries running now, and those waiting for one of the `concurrency` places (first come, first served). */
  private running = 0;
  private readonly queued: (() => void)[] = [];

  constructor(
    rules: readonly RuleDefinition[],
    private readonly runner: ConsumerRunner,
    /** Deliveries at once, over all consumers and tenants (a province's fan-out must not open hundreds at the store). */
    private readonly concurrency = 16,
  ) {
    this.rules = rules.map((rule) => ({ rule, matches: compilePattern(rule.pattern) }));
  }

  matchingRules(envelope: EventEnvelope): RuleDefinition[] {
    return this.rules.filter((r) => r.matches(envelope)).map((r) => r.rule);
  }

  /**
   * A dead-letter redrive: one event back to one consumer, through that consumer's rule (which
   * must still match it), once — the consumer's processed marker makes a repeat a no-op.
   */
  async redeliver(handler: string, envelope: EventEnvelope): Promise<'processed' | 'duplicate'> {
    if (!this.matchingRules(envelope).some((r) => r.handler === handler)) {
      throw new Error(`no rule routes ${envelope['detail-type']} to ${handler} any more`);
    }
    this.redelivered++;
    return this.runner.consume(handler, envelope);
  }

  private async inPlace<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else await new Promise<void>((resolve) => this.queued.push(resolve));
    try {
      return await work();
    } finally {
      // The place goes to the longest waiting delivery, else it is freed.
      const next = this.queued.shift();
      if (next) next();
      else this.running--;
    }
  }

  async publish(envelope: EventEnvelope): Promise<{ rule: string; outcome: DeliveryOutcome }[]> {
    this.published++;
    return Promise.all(
      this.matchingRules(envelope).map(async (rule) => ({ rule: rule.name, outcome: await this.inLane(rule, envelope) })),
    );
  }

  /**
   * The delivery, after the one before it in its lane (the consumer's, for the event's tenant). A delivery that
   * failed fails the ones queued behind it undelivered: they come again with the batch the relay reads again.
   */
  private inLane(rule: RuleDefinition, envelope: EventEnvelope): Promise<DeliveryOutcome> {
    const deliver = () => this.inPlace(() => this.runner.deliver(rule.handler, envelope));
    if (rule.order === 'any') return deliver();
    const lane = `${rule.handler}\u0000${envelope.detail?.meta?.tenantId ?? ''}`;
    const before = this.lanes.get(lane);
    const delivery = before ? before.then(deliver) : deliver();
    this.lanes.set(lane, delivery);
    const settled = () => {
      if (this.lanes.get(lane) === delivery) this.lanes.delete(lane);
    };
    delivery.then(settled, settled);
    return delivery;
  }
}
