import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EventEnvelope } from '@ufp/core/events';
import { keys, platformPrefix, tenantPrefix } from '@ufp/db/keys';
import { tableManifest } from '@ufp/db/manifest';
import { isTransactionConflict } from '@ufp/db/store-errors';
import type { Table } from '@ufp/db/table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Rebuilds an effect whose condition failed from what the store holds now (the transaction is then sent again). */
export type RebuildEffect = () => Promise<TransactItem>;

/** The writes a consumer makes for one event; committed together with its processed marker. */
export class ConsumerEffects {
  readonly items: TransactItem[] = [];
  readonly rebuilds: (RebuildEffect | undefined)[] = [];
  readonly afterwards: (() => Promise<void>)[] = [];
  add(item: TransactItem, onConditionFailed?: RebuildEffect): this {
    this.items.push(item);
    this.rebuilds.push(onConditionFailed);
    return this;
  }
  /**
   * Work outside the store, once the effects have committed (an import workbook deleted when its job finished).
   * Best effort: a failure is reported and not retried — the event is processed — so it must be work something
   * else also covers (the bucket's lifecycle rule).
   */
  afterCommit(work: () => Promise<void>): this {
    this.afterwards.push(work);
    return this;
  }
  async runAfterCommit(handlerName: string): Promise<void> {
    for (const work of this.afterwards) {
      try {
        await work();
      } catch (err) {
        console.warn(`${handlerName}: work after commit failed: ${(err as Error).message}`);
      }
    }
  }
}

/** What a consumer does with one event: the writes it adds to `effects` commit with the event's processed marker. */
export type SingleHandler = (envelope: EventEnvelope, effects: ConsumerEffects) => Promise<void>;
/** The same for several events at once, in one set of effects (a consumer whose effects add up: sums, forward-only stamps). */
export type BatchHandler = (envelopes: readonly EventEnvelope[], effects: ConsumerEffects) => Promise<void>;
/** A consumer; one with `batch` may have events that arrive together committed in one transaction. */
export type ConsumerHandler = SingleHandler & { batch?: BatchHandler };

/** A consumer whose events may be committed together: `batch` does the work, one event is a batch of one. */
export const batchConsumer = (batch: BatchHandler): ConsumerHandler => Object.assign<SingleHandler, { batch: BatchHandler }>((envelope, effects) => batch([envelope], effects), { batch });

export const ownerPrefixOf = (envelope: EventEnvelope): string => {
  const tenantId = envelope.detail?.meta?.tenantId;
  return tenantId && tenantId !== 'platform' ? tenantPrefix(tenantId) : platformPrefix;
};

/** The processed marker of an event for a consumer: put only if absent, so a repeat cancels its transaction. */
function processedMarker(table: Table, handlerName: string, envelope: EventEnvelope): TransactItem {
  return {
    Put: {
      TableName: table.name,
      Item: {
        ...keys.consumed(ownerPrefixOf(envelope), handlerName, envelope.id),
        kind: 'marker',
        eventType: envelope['detail-type'],
        [tableManifest.ttlAttribute]: Math.floor(Date.now() / 1000) + tableManifest.processedMarkerTtlSeconds,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

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
  // No pre-read of the marker: its conditional put rejects a repeat in the same
  // transaction as the effects, which saves a round trip on every first delivery.
  const effects = new ConsumerEffects();
  await handler(envelope, effects);
  const duplicates = await commit(table, [processedMarker(table, handlerName, envelope)], effects);
  if (duplicates.length > 0) return 'duplicate';
  await effects.runAfterCommit(handlerName);
  return 'processed';
}

/** DynamoDB's limit on the items of one transaction. */
export const TRANSACTION_ITEMS = 100;

/**
 * Several events for a batch consumer in as few transactions as fit: every event's marker and the effects of them all.
 * An event already processed is answered `duplicate` and the others are committed without it; a batch whose
 * transaction would hold too many items is halved.
 */
export async function consumeBatch(
  table: Table,
  handlerName: string,
  envelopes: readonly EventEnvelope[],
  batch: BatchHandler,
): Promise<Map<string, 'processed' | 'duplicate'>> {
  const outcomes = new Map<string, 'processed' | 'duplicate'>();
  let pending = [...envelopes];
  while (pending.length > 0) {
    const effects = new ConsumerEffects();
    await batch(pending, effects);
    if (pending.length > 1 && pending.length + effects.items.length > TRANSACTION_ITEMS) {
      const half = Math.ceil(pending.length / 2);
      for (const part of [pending.slice(0, half), pending.slice(half)]) for (const [id, outcome] of await consumeBatch(table, handlerName, part, batch)) outcomes.set(id, outcome);
      return outcomes;
    }
    const duplicates = new Set(await commit(table, pending.map((e) => processedMarker(table, handlerName, e)), effects));
    if (duplicates.size === 0) await effects.runAfterCommit(handlerName);
    for (const [i, e] of pending.entries()) if (duplicates.size === 0 || duplicates.has(i)) outcomes.set(e.id, duplicates.has(i) ? 'duplicate' : 'processed');
    pending = duplicates.size === 0 ? [] : pending.filter((_, i) => !duplicates.has(i));
  }
  return outcomes;
}

/**
 * Sends the markers and effects as one transaction. Answers the indexes of the markers that were already there (and
 * then nothing was written), else nothing once it committed. An effect that lost its condition to a newer write is
 * rebuilt from what is stored now; a transaction that met another on a shared item is sent again a moment later.
 */
async function commit(table: Table, markers: TransactItem[], effects: ConsumerEffects): Promise<number[]> {
  const items = [...markers, ...effects.items];
  const rebuilds = [...markers.map(() => undefined), ...effects.rebuilds];
  for (let attempt = 1, rebuilt = 0; ; attempt++) {
    try {
      await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return [];
    } catch (err) {
      if (err instanceof TransactionCanceledException) {
        const failed = (err.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
        const duplicates = failed.filter((i) => i < markers.length);
        if (duplicates.length > 0) return duplicates;
        if (failed.length > 0 && failed.every((i) => rebuilds[i]) && rebuilt++ < REBUILD_ATTEMPTS) {
          for (const i of failed) items[i] = await rebuilds[i]!();
          attempt--;
          continue;
        }
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
/** Rebuilds of conditional effects in one delivery (each follows a concurrent write to the same item). */
const REBUILD_ATTEMPTS = 8;
