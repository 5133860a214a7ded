import type { EventEnvelope } from '@ufp/core/events';
import { compilePattern } from './pattern/index.js';
import type { ConsumerRunner, DeliveryOutcome } from './consumer-runner.js';
import type { RuleDefinition } from './rules.js';

/**
 * The in-process stand-in for an EventBridge bus: the same rule table and pattern semantics,
 * each matching rule delivering to its consumer through the runner (retries, dead letters).
 * `publish` resolves once every matching consumer has finished, so a caller that
 * checkpoints after it never loses an event.
 */
export class LocalBus {
  private readonly rules: { rule: RuleDefinition; matches: (e: unknown) => boolean }[];
  published = 0;
  redelivered = 0;

  constructor(
    rules: readonly RuleDefinition[],
    private readonly runner: ConsumerRunner,
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

  async publish(envelope: EventEnvelope): Promise<{ rule: string; outcome: DeliveryOutcome }[]> {
    this.published++;
    return Promise.all(
      this.matchingRules(envelope).map(async (rule) => ({ rule: rule.name, outcome: await this.runner.deliver(rule.handler, envelope) })),
    );
  }
}
