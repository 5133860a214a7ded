import { newId } from '@ufp/core/ids';
import { sourceOf, type DomainEvent, type EventEnvelope, type EventMeta } from '@ufp/core/events';

export function wrapEvent(event: DomainEvent, meta: Omit<EventMeta, 'v'>, id = newId()): EventEnvelope {
  return {
    id,
    source: sourceOf(event.type),
    'detail-type': event.type,
    time: meta.occurredAt,
    detail: { data: event.data, meta: { ...meta, v: 1 } },
  };
}

export function parseEnvelope(json: string): EventEnvelope {
  const env = JSON.parse(json) as EventEnvelope;
  if (!env?.id || !env.source || !env['detail-type'] || !env.detail?.meta) {
    throw new Error('malformed event envelope');
  }
  return env;
}
