import { BatchGetCommand, GetCommand, QueryCommand, type BatchGetCommandInput, type BatchGetCommandOutput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
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
 * The items at these keys (absent ones left out, in no particular order): BatchGetItem 100 keys at a time, following
 * unprocessed keys until every key is answered. Strongly consistent unless told otherwise.
 */
export async function batchGetAll<T = Record<string, unknown>>(
  table: Table,
  keys: readonly { pk: string; sk: string }[],
  opts: { consistent?: boolean; projection?: readonly string[] } = {},
): Promise<T[]> {
  const out: T[] = [];
  const names = opts.projection && Object.fromEntries(opts.projection.map((a, i) => [`#a${i}`, a]));
  for (let i = 0; i < keys.length; i += 100) {
    let request: BatchGetCommandInput['RequestItems'] = {
      [table.name]: { Keys: keys.slice(i, i + 100), ConsistentRead: opts.consistent ?? true, ...(names ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } : {}) },
    };
    while (request && Object.keys(request).length) {
      const res: BatchGetCommandOutput = await table.doc.send(new BatchGetCommand({ RequestItems: request }));
      out.push(...((res.Responses?.[table.name] ?? []) as T[]));
      request = res.UnprocessedKeys;
    }
  }
  return out;
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
  // Bound to the tenant and to this very list (index + partition), so a cursor from another
  // tenant, or from another list of the same tenant, is rejected as 400 instead of reaching DynamoDB.
  const binding = `${owner}|${input.IndexName ?? ''}|${String(input.ExpressionAttributeValues?.[':pk'] ?? '')}`;
  let startKey = cursors.decode(binding, page.cursor);
  // A filter can leave a page short: keep reading until the page is full or the partition ends.
  do {
    const res = await table.doc.send(
      new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: startKey, Limit: limit - items.length }),
    );
    for (const item of res.Items ?? []) items.push(page.map ? page.map(item) : (item as T));
    startKey = res.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return { items, nextCursor: cursors.encode(binding, startKey) };
}

/** Strips storage attributes before an item leaves the repository. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, lookupPk: _lp, lookupSk: _ls, kind: _k, ...rest } = item;
  return rest as T;
}

/** Every item of a partition (or an index partition), following pagination to the end. */
export async function queryAll<T = Record<string, unknown>>(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<T[]> {
  const out: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const res = await table.doc.send(new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: startKey }));
    out.push(...((res.Items ?? []) as T[]));
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return out;
}

/** A filter expression from optional conditions: `equals` fields and raw clauses with their values. */
export function filterExpression(
  equals: Record<string, unknown>,
  clauses: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> }[] = [],
): Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames'> & { values: Record<string, unknown> } {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(equals)) {
    if (value === undefined || value === '') continue;
    parts.push(`#f_${field} = :f_${field}`);
    names[`#f_${field}`] = field;
    values[`:f_${field}`] = value;
  }
  for (const c of clauses) {
    parts.push(c.expression);
    Object.assign(names, c.names);
    Object.assign(values, c.values);
  }
  return {
    FilterExpression: parts.length ? parts.join(' AND ') : undefined,
    ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
    values,
  };
}
