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

/**
 * The inverse of `toEnvelope`: the `detail` the Pipe's input template puts on the bus
 * (`{data, meta, envelopeId}`, infra/src/platform/events.ts `pipeInputTemplate`), so an event put
 * back by a redrive reaches its consumers exactly as the Pipe first delivered it.
 */
export function eventBridgeDetail(envelope: EventEnvelope): EventBridgeEvent['detail'] {
  return { data: envelope.detail.data, meta: envelope.detail.meta, envelopeId: envelope.id };
}
