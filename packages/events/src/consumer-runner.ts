import type { EventEnvelope } from '@ufp/core/events';
import { newId } from '@ufp/core/ids';
import type { DeadLetterRepository } from '@ufp/db/repositories/dead-letters';
import type { Table } from '@ufp/db/table';
import { consumeOnce, ownerPrefixOf, type ConsumerHandler } from './idempotent-consumer.js';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 100 };

export type DeliveryOutcome = 'processed' | 'duplicate' | 'dead';

/**
 * Delivers an event to one consumer: idempotently, retried with exponential backoff, and
 * parked as a dead letter (which an admin can see and replay) when the retries run out.
 */
export class ConsumerRunner {
  deadLettered = 0;

  constructor(
    private readonly table: Table,
    private readonly handlers: Readonly<Record<string, ConsumerHandler>>,
    private readonly deadLetters: DeadLetterRepository,
    private readonly policy: RetryPolicy = defaultRetryPolicy,
  ) {}

  async deliver(handlerName: string, envelope: EventEnvelope): Promise<DeliveryOutcome> {
    const handler = this.handlers[handlerName];
    if (!handler) throw new Error(`no consumer registered for handler ${handlerName}`);
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.policy.attempts; attempt++) {
      try {
        return await consumeOnce(this.table, handlerName, envelope, handler);
      } catch (err) {
        lastError = err;
        if (attempt < this.policy.attempts) {
          const delay = this.policy.baseDelayMs * 2 ** (attempt - 1);
          await new Promise((r) => setTimeout(r, delay * (0.75 + Math.random() / 2)));
        }
      }
    }
    await this.deadLetters.park(ownerPrefixOf(envelope), {
      id: newId(),
      handler: handlerName,
      eventId: envelope.id,
      eventType: envelope['detail-type'],
      error: describe(lastError),
      attempts: this.policy.attempts,
      failedAt: new Date().toISOString(),
      envelope: JSON.stringify(envelope),
    });
    this.deadLettered++;
    return 'dead';
  }

  /** Runs a parked event through its consumer once more; the letter is removed only on success. */
  async replay(owner: string, id: string): Promise<DeliveryOutcome> {
    const { letter, envelope } = await this.deadLetters.take(owner, id);
    const handler = this.handlers[letter.handler];
    if (!handler) throw new Error(`no consumer registered for handler ${letter.handler}`);
    const outcome = await consumeOnce(this.table, letter.handler, envelope, handler);
    await this.deadLetters.remove(owner, id);
    return outcome;
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 1000);
  return String(err).slice(0, 1000);
}
