import { newId } from '@ufp/core/ids';
import { sourceOf, type DomainEvent, type EventEnvelope, type EventMeta } from '@ufp/core/events';
import { keys, tenantPrefix } from './keys.js';
import { tableManifest } from './manifest.js';

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

/**
 * The outbox item that publishes `envelope` (the stream relay locally, the Pipe in AWS, put INSERTs of these on
 * the bus), in the partition of the tenant it is about.
 */
export function outboxPut(tableName: string, envelope: EventEnvelope, now: Date) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.outbox(tenantPrefix(envelope.detail.meta.tenantId), envelope.id),
        kind: tableManifest.outboxKind,
        eventType: envelope['detail-type'],
        envelope: JSON.stringify(envelope),
        [tableManifest.ttlAttribute]: Math.floor(now.getTime() / 1000) + tableManifest.outboxTtlSeconds,
      },
    },
  };
}
