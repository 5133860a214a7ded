import type { EventEnvelope } from '@ufp/core/events';
import type { DeadLetterRepository } from '@ufp/db/repositories/dead-letters';
import { isStoreUnavailable } from '@ufp/db/store-errors';
import type { Table } from '@ufp/db/table';
import { GroupCommit } from './group-commit.js';
import { consumeOnce, ownerPrefixOf, type ConsumerHandler } from './idempotent-consumer.js';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 100 };

export type DeliveryOutcome = 'processed' | 'duplicate' | 'dead';

/** What a second delivery of a parked event did: handled (the letter is removed) or failed again (kept). */
export type ReplayOutcome = { outcome: 'processed' | 'duplicate' } | { outcome: 'failed'; reason: string };

/** Delivers one event to one consumer once, without retries (the runner itself, or the local bus in front of it). */
export type Redeliver = (handler: string, envelope: EventEnvelope) => Promise<'processed' | 'duplicate'>;

/**
 * Delivers an event to one consumer: idempotently, retried with exponential backoff, and
 * parked as a dead letter (which an admin can see and replay) when the retries run out — unless what
 * failed was the store itself, which is thrown for the caller to deliver again later.
 */
export class ConsumerRunner {
  deadLettered = 0;

  private loaded: Promise<Readonly<Record<string, ConsumerHandler>>> | undefined;
  /** One group commit per batch consumer: the events delivered to it while a transaction of it is in flight go together. */
  readonly groups = new Map<string, GroupCommit>();

  constructor(
    private readonly table: Table,
    private readonly handlers: Readonly<Record<string, ConsumerHandler>>,
    private readonly deadLetters: DeadLetterRepository,
    private readonly policy: RetryPolicy = defaultRetryPolicy,
    /** The consumers of modules not loaded yet (the API function's), loaded once on the first delivery to one. */
    private readonly loadHandlers?: () => Promise<Readonly<Record<string, ConsumerHandler>>>,
  ) {}

  private async handler(handlerName: string): Promise<ConsumerHandler> {
    let handler = this.handlers[handlerName];
    if (!handler && this.loadHandlers) {
      this.loaded ??= this.loadHandlers().catch((err: unknown) => {
        this.loaded = undefined;
        throw err;
      });
      handler = (await this.loaded)[handlerName];
    }
    if (!handler) throw new Error(`no consumer registered for handler ${handlerName}`);
    return handler;
  }

  async deliver(handlerName: string, envelope: EventEnvelope): Promise<DeliveryOutcome> {
    const handler = await this.handler(handlerName);
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.policy.attempts; attempt++) {
      try {
        return await this.consumeOne(handlerName, envelope, handler);
      } catch (err) {
        lastError = err;
        if (attempt < this.policy.attempts) {
          const delay = this.policy.baseDelayMs * 2 ** (attempt - 1);
          await new Promise((r) => setTimeout(r, delay * (0.75 + Math.random() / 2)));
        }
      }
    }
    // The store itself was unavailable (restarting, unreachable): not the consumer's failure, so no dead
    // letter. The error goes back to the caller — the relay keeps its checkpoint and delivers again.
    if (isStoreUnavailable(lastError)) throw lastError;
    await this.deadLetters.park(ownerPrefixOf(envelope), {
      handler: handlerName,
      eventId: envelope.id,
      eventType: envelope['detail-type'],
      error: failureReason(lastError),
      attempts: this.policy.attempts,
      failedAt: new Date().toISOString(),
      envelope: JSON.stringify(envelope),
    });
    this.deadLettered++;
    return 'dead';
  }

  private consumeOne(handlerName: string, envelope: EventEnvelope, handler: ConsumerHandler): Promise<'processed' | 'duplicate'> {
    if (!handler.batch) return consumeOnce(this.table, handlerName, envelope, handler);
    let group = this.groups.get(handlerName);
    if (!group) this.groups.set(handlerName, (group = new GroupCommit(this.table, handlerName, handler.batch)));
    return group.submit(envelope);
  }

  /** One delivery attempt, no retries, no parking: what a redrive of a parked event runs. */
  consume: Redeliver = async (handlerName, envelope) => consumeOnce(this.table, handlerName, envelope, await this.handler(handlerName));

  /**
   * Delivers a parked event to its consumer once more (through `redeliver`: the runner itself,
   * or the local bus). Handled — processed now, or a duplicate because it was handled meanwhile —
   * removes the letter; a consumer that fails again keeps it, with the new reason.
   */
  async replay(owner: string, id: string, redeliver: Redeliver = this.consume): Promise<ReplayOutcome> {
    const { letter, envelope } = await this.deadLetters.take(owner, id);
    let outcome: 'processed' | 'duplicate';
    try {
      outcome = await redeliver(letter.handler, envelope);
    } catch (err) {
      const reason = failureReason(err);
      await this.deadLetters.recordFailure(owner, id, { error: reason, failedAt: new Date().toISOString() });
      return { outcome: 'failed', reason };
    }
    await this.deadLetters.remove(owner, id);
    return { outcome };
  }
}

/** An error as a one-line reason (no stack): events carry ids and numbers only, so do their failures. */
export function failureReason(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 1000);
  return String(err).slice(0, 1000);
}
