import type { EventDetail, EventEnvelope } from '@ufp/core/events';

/** The shape EventBridge delivers to a Lambda target. */
export interface EventBridgeEvent {
  id: string;
  source: string;
  'detail-type': string;
  time: string;
  detail: EventDetail & { envelopeId?: string };
}

/**
 * EventBridge assigns its own event id, so the Pipe (and the scheduler) carry the outbox
 * envelope id in `detail.envelopeId`. Idempotent consumers key their `processed` marker on
 * the envelope id, so a record the Pipe redelivers is still recognised as a duplicate.
 */
export function toEnvelope(event: EventBridgeEvent): EventEnvelope {
  const { envelopeId, ...detail } = event.detail;
  return {
    id: envelopeId ?? event.id,
    source: event.source,
    'detail-type': event['detail-type'],
    time: event.time,
    detail,
  };
}
