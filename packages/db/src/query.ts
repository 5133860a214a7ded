import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CursorCodec } from './cursor.js';
import type { Table } from './table.js';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export async function getItem<T>(table: Table, key: { pk: string; sk: string }): Promise<T | undefined> {
  const res = await table.doc.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }));
  return res.Item as T | undefined;
}

/**
 * One page of a partition. The cursor is bound to `owner` (the tenant or scope), so a cursor
 * minted in one tenant is rejected in another.
 */
export async function queryPage<T>(
  table: Table,
  cursors: CursorCodec,
  owner: string,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>,
  page: { cursor?: string; limit?: number; map?: (item: Record<string, unknown>) => T },
): Promise<Page<T>> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
  const items: T[] = [];
  let startKey = cursors.decode(owner, page.cursor);
  // A filter can leave a page short: keep reading until the page is full or the partition ends.
  do {
    const res = await table.doc.send(
      new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: startKey, Limit: limit - items.length }),
    );
    for (const item of res.Items ?? []) items.push(page.map ? page.map(item) : (item as T));
    startKey = res.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return { items, nextCursor: cursors.encode(owner, startKey) };
}

/** Strips storage attributes before an item leaves the repository. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, lookupPk: _lp, lookupSk: _ls, kind: _k, ...rest } = item;
  return rest as T;
}
