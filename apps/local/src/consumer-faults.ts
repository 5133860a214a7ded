import type { ConsumerHandler } from '@ufp/events/idempotent-consumer';

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

  wrap = (name: string, handler: ConsumerHandler): ConsumerHandler => async (envelope, effects) => {
    const fault = this.armed.get(name);
    if (fault && (!fault.eventType || fault.eventType === envelope['detail-type'])) {
      throw new Error(`fault injected locally into ${name} (POST /dev/faults)`);
    }
    return handler(envelope, effects);
  };
}
