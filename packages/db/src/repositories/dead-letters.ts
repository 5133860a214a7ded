import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EventEnvelope } from '@ufp/core/events';
import { notFound } from '@ufp/core/errors';
import type { CursorCodec } from '../cursor.js';
import { keys } from '../keys.js';
import { queryPage, stripKeys, type Page } from '../query.js';
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

/** Events a consumer could not handle after its retries, parked per owner (tenant or platform). */
export class DeadLetterRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
  ) {}

  async park(owner: string, letter: DeadLetter): Promise<void> {
    await this.table.doc.send(
      new PutCommand({ TableName: this.table.name, Item: { ...keys.deadLetter(owner, letter.id), kind: 'deadLetter', ...letter } }),
    );
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

  async take(owner: string, id: string): Promise<{ letter: DeadLetter; envelope: EventEnvelope }> {
    const res = await this.table.doc.send(new GetCommand({ TableName: this.table.name, Key: keys.deadLetter(owner, id), ConsistentRead: true }));
    if (!res.Item) throw notFound('死信');
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
