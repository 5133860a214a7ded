import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EventEnvelope } from '@ufp/core/events';
import { mapLimit } from '@ufp/core/map-limit';
import { outboxPut } from '@ufp/db/envelope';
import type { Table } from '@ufp/db/table';

/** How many outbox items a fan-out writes at once (a province is 100–150 tenants). */
const FAN_OUT_CONCURRENCY = 16;

/**
 * Publishes one event per tenant through the outbox (the relay or the Pipe puts each on the bus, where each reaches
 * its consumers in an invocation of its own). Each item is written only if absent and the ids are derived from the
 * event being fanned out, so a fan-out that runs again — a redelivery, a crash before its marker — publishes nothing new.
 * Outside the consumer's transaction on purpose: a province's events exceed one transaction's 100 items.
 */
export async function fanOut(table: Table, envelopes: readonly EventEnvelope[], now: Date): Promise<void> {
  await mapLimit(envelopes, FAN_OUT_CONCURRENCY, async (envelope) => {
    const { Put } = outboxPut(table.name, envelope, now);
    try {
      await table.doc.send(new PutCommand({ ...Put, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (err) {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    }
  });
}

/** The id of a tenant's share of a fanned-out event: stable for the source event, distinct per tenant. */
export const fannedOutId = (sourceId: string, tenantId: string): string => `${sourceId}~${tenantId}`;
