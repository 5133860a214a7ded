import { batchConsumer, type ConsumerHandler } from '@ufp/events/idempotent-consumer';
import type { EventEnvelope } from '@ufp/core/events';

/**
 * Local only: makes a consumer fail on purpose (every delivery of a matching event, until cleared),
 * so that parking, the dead-letter page and its redrive can be exercised end to end. Driven by
 * `POST /dev/faults` and `DELETE /dev/faults`; absent from the Lambda build.
 */
export class ConsumerFaults {
  private readonly armed = new Map<string, { eventType?: string }>();

  arm(handler: string, eventType?: string): void {
    this.armed.set(handler, { eventType });
  }

  clear(): void {
    this.armed.clear();
  }

  list(): { handler: string; eventType?: string }[] {
    return [...this.armed].map(([handler, f]) => ({ handler, ...f }));
  }

  /** The consumer, failing while armed for it (a batch consumer fails the batch, whose events are then retried one by one). */
  wrap = (name: string, handler: ConsumerHandler): ConsumerHandler => {
    const check = (envelope: EventEnvelope) => {
      const fault = this.armed.get(name);
      if (fault && (!fault.eventType || fault.eventType === envelope['detail-type'])) {
        throw new Error(`fault injected locally into ${name} (POST /dev/faults)`);
      }
    };
    const { batch } = handler;
    if (batch) {
      return batchConsumer(async (envelopes, effects) => {
        envelopes.forEach(check);
        return batch(envelopes, effects);
      });
    }
    return async (envelope, effects) => {
      check(envelope);
      return handler(envelope, effects);
    };
  };
}
