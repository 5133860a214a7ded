import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventEnvelope } from '@ufp/core/events';
import { DomainError } from '@ufp/core/errors';
import type { CursorCodec } from '../cursor.js';
import { keys } from '../keys.js';
import { queryAll, queryPage, stripKeys, type Page } from '../query.js';
import type { Table } from '../table.js';

export interface DeadLetter {
  id: string;
  handler: string;
  eventId: string;
  eventType: string;
  error: string;
  attempts: number;
  failedAt: string;
  envelope: string;
}

/**
 * One letter per consumer and event: a consumer Lambda that Lambda retries after it parked an
 * event (or a redrive that fails again) updates that letter — the latest error, the attempts
 * added up — instead of parking a second copy.
 */
export const deadLetterId = (handler: string, eventId: string): string => `${eventId}.${handler}`;

export const deadLetterMissing = (): DomainError =>
  new DomainError('not_found', { zh: '死信不存在（可能已被重新投递）', en: 'Dead letter not found (it may have been redriven already)' }, { entity: 'deadLetter' });

/** Events a consumer could not handle after its retries, parked per owner (tenant or platform). */
export class DeadLetterRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
  ) {}

  /** Parks (or updates) the letter of `handler` for this event; returns its id. */
  async park(owner: string, letter: Omit<DeadLetter, 'id'>): Promise<string> {
    const id = deadLetterId(letter.handler, letter.eventId);
    const fields = { kind: 'deadLetter', id, handler: letter.handler, eventId: letter.eventId, eventType: letter.eventType, error: letter.error, failedAt: letter.failedAt, envelope: letter.envelope };
    const names = Object.keys(fields);
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.deadLetter(owner, id),
        // Every name through a placeholder: several (handler, error, …) are DynamoDB reserved words.
        UpdateExpression: `SET ${names.map((n) => `#${n} = :${n}`).join(', ')} ADD #attempts :attempts`,
        ExpressionAttributeNames: Object.fromEntries([...names, 'attempts'].map((n) => [`#${n}`, n])),
        ExpressionAttributeValues: { ...Object.fromEntries(Object.entries(fields).map(([n, v]) => [`:${n}`, v])), ':attempts': letter.attempts },
      }),
    );
    return id;
  }

  /** A redelivery of a parked letter failed again: keep it, with the new reason and one more attempt. */
  async recordFailure(owner: string, id: string, failure: { error: string; failedAt: string }): Promise<void> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.deadLetter(owner, id),
          UpdateExpression: 'SET #error = :error, #failedAt = :failedAt ADD #attempts :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#error': 'error', '#failedAt': 'failedAt', '#attempts': 'attempts' },
          ExpressionAttributeValues: { ':error': failure.error, ':failedAt': failure.failedAt, ':one': 1 },
        }),
      );
    } catch (err) {
      // Removed meanwhile (a concurrent redrive succeeded): nothing left to update.
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    }
  }

  list(owner: string, page: { cursor?: string; limit?: number }): Promise<Page<Omit<DeadLetter, 'envelope'>>> {
    return queryPage(
      this.table,
      this.cursors,
      owner,
      { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.deadLetterPartition(owner) }, ScanIndexForward: false },
      {
        ...page,
        map: (i) => {
          const { envelope: _e, ...rest } = stripKeys<DeadLetter>(i);
          return rest;
        },
      },
    );
  }

  /** Every letter an owner has parked, with its envelope (the operator's cross-tenant view). */
  async listAll(owner: string): Promise<DeadLetter[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.deadLetterPartition(owner) },
      ScanIndexForward: false,
    });
    return items.map((i) => stripKeys<DeadLetter>(i));
  }

  async take(owner: string, id: string): Promise<{ letter: DeadLetter; envelope: EventEnvelope }> {
    const res = await this.table.doc.send(new GetCommand({ TableName: this.table.name, Key: keys.deadLetter(owner, id), ConsistentRead: true }));
    if (!res.Item) throw deadLetterMissing();
    const letter = stripKeys<DeadLetter>(res.Item);
    return { letter, envelope: JSON.parse(letter.envelope) as EventEnvelope };
  }

  async remove(owner: string, id: string): Promise<void> {
    await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: keys.deadLetter(owner, id) }));
  }

  /** How many letters an owner has parked (for /health); bounded by the page size. */
  async count(owner: string): Promise<number> {
    const page = await this.list(owner, { limit: 200 });
    return page.items.length;
  }
}
