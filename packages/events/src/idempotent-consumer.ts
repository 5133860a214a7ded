import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EventEnvelope } from '@ufp/core/events';
import { keys, platformPrefix, tenantPrefix } from '@ufp/db/keys';
import { tableManifest } from '@ufp/db/manifest';
import { isTransactionConflict } from '@ufp/db/store-errors';
import type { Table } from '@ufp/db/table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The writes a consumer makes for one event; committed together with its processed marker. */
export class ConsumerEffects {
  readonly items: TransactItem[] = [];
  add(item: TransactItem): this {
    this.items.push(item);
    return this;
  }
}

export type ConsumerHandler = (envelope: EventEnvelope, effects: ConsumerEffects) => Promise<void>;

export const ownerPrefixOf = (envelope: EventEnvelope): string => {
  const tenantId = envelope.detail?.meta?.tenantId;
  return tenantId && tenantId !== 'platform' ? tenantPrefix(tenantId) : platformPrefix;
};

/**
 * Runs a handler at most once per event: the `processed` marker is written in the same
 * transaction as the handler's effects, so a redelivered event changes nothing.
 */
export async function consumeOnce(
  table: Table,
  handlerName: string,
  envelope: EventEnvelope,
  handler: ConsumerHandler,
): Promise<'processed' | 'duplicate'> {
  const markerKey = keys.consumed(ownerPrefixOf(envelope), handlerName, envelope.id);
  // No pre-read of the marker: its conditional put below rejects a repeat in the same
  // transaction as the effects, which saves a round trip on every first delivery.
  const effects = new ConsumerEffects();
  await handler(envelope, effects);
  const marker: TransactItem = {
    Put: {
      TableName: table.name,
      Item: {
        ...markerKey,
        kind: 'marker',
        eventType: envelope['detail-type'],
        [tableManifest.ttlAttribute]: Math.floor(Date.now() / 1000) + tableManifest.processedMarkerTtlSeconds,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await table.doc.send(new TransactWriteCommand({ TransactItems: [marker, ...effects.items] }));
      return 'processed';
    } catch (err) {
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        return 'duplicate';
      }
      // Another event's transaction held a shared item (a scope's TOTAL row): the same effects, a moment later.
      if (isTransactionConflict(err) && attempt < CONFLICT_ATTEMPTS) {
        await new Promise((r) => setTimeout(r, 10 * 2 ** attempt + Math.random() * 40));
        continue;
      }
      throw err;
    }
  }
}

/** Sends of one consumer transaction that lost to concurrent writers before the runner's own retry takes over. */
const CONFLICT_ATTEMPTS = 6;
