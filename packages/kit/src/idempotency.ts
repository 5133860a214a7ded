import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conflict, DomainError, invalid } from '@ufp/core/errors';
import { keys } from '@ufp/db/keys';
import { tableManifest } from '@ufp/db/manifest';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';

/**
 * Idempotency keys as Stripe and Powertools define them: the stored entry binds the tenant (its
 * partition), the actor, the procedure and a hash of the input. A retry of the same request gets the
 * first response back — before any of the procedure's own checks run, so a retried versioned update or
 * workflow step is not refused as stale. The same key with another input (or actor, or procedure) is
 * refused and applies nothing. Reads of personal data are never stored or replayed.
 */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
/** Responses above this are not kept (a DynamoDB item holds 400 KB); a replay then says the request was applied. */
const MAX_STORED_RESPONSE_BYTES = 300 * 1024;

export interface IdempotentCall {
  tenantId: string;
  key: string;
  actor: string;
  procedure: string;
  inputHash: string;
  /** Set once the response is stored in a unit of work, so a second `write()` in the same call does not store again. */
  stored?: boolean;
}

interface StoredEntry {
  actor: string;
  procedure: string;
  inputHash: string;
  response?: string;
  responseTooLarge?: boolean;
}

export const malformedKey = () =>
  invalid(
    { zh: 'Idempotency-Key 格式无效：应为 8–100 位英文字母、数字、下划线或短横线', en: 'Malformed Idempotency-Key: use 8–100 letters, digits, _ or -' },
    { field: 'Idempotency-Key', reason: 'idempotency_key_malformed' },
  );

export const keyReused = () =>
  conflict(
    { zh: '该幂等键已用于另一个请求（内容、操作人或功能不同），本次未执行', en: 'This Idempotency-Key was used for a different request (input, caller or procedure); nothing was applied' },
    { reason: 'idempotency_key_reused' },
  );

const replayUnavailable = () =>
  conflict(
    { zh: '该请求已处理过，但结果过大未保留；请刷新查看结果', en: 'This request was already applied, but its response was too large to keep; reload to see the result' },
    { reason: 'idempotent_replay_unavailable' },
  );

/** A hash of the input as sent: JSON with sorted keys, and the bytes of any uploaded file. */
export async function inputHash(raw: unknown): Promise<string> {
  const hash = createHash('sha256');
  await feed(hash, raw);
  return hash.digest('base64url');
}

async function feed(hash: ReturnType<typeof createHash>, value: unknown): Promise<void> {
  if (value instanceof Blob) {
    hash.update(`blob:${value.size}:`);
    hash.update(new Uint8Array(await value.arrayBuffer()));
  } else if (value instanceof FormData) {
    const entries = [...value.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    hash.update('form{');
    for (const [name, v] of entries) {
      hash.update(`${JSON.stringify(name)}:`);
      await feed(hash, v);
      hash.update(',');
    }
    hash.update('}');
  } else if (Array.isArray(value)) {
    hash.update('[');
    for (const v of value) {
      await feed(hash, v);
      hash.update(',');
    }
    hash.update(']');
  } else if (value && typeof value === 'object') {
    hash.update('{');
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      hash.update(`${JSON.stringify(k)}:`);
      await feed(hash, v);
      hash.update(',');
    }
    hash.update('}');
  } else {
    hash.update(JSON.stringify(value ?? null));
  }
}

/** What the first call of this key answered, if it has finished: a replay, or a refusal when the key was used differently. */
export async function replayOf(table: Table, call: IdempotentCall): Promise<{ found: false } | { found: true; response: unknown }> {
  const res = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.idempotency(call.tenantId, call.key), ConsistentRead: true }));
  const entry = res.Item as StoredEntry | undefined;
  if (!entry) return { found: false };
  if (entry.actor !== call.actor || entry.procedure !== call.procedure || entry.inputHash !== call.inputHash) throw keyReused();
  if (entry.responseTooLarge || entry.response === undefined) throw replayUnavailable();
  return { found: true, response: JSON.parse(entry.response) };
}

function entryItem(call: IdempotentCall, response: unknown, now: Date): Record<string, unknown> {
  const json = JSON.stringify(response ?? null);
  const tooLarge = Buffer.byteLength(json) > MAX_STORED_RESPONSE_BYTES;
  return {
    ...keys.idempotency(call.tenantId, call.key),
    kind: 'idempotency',
    actor: call.actor,
    procedure: call.procedure,
    inputHash: call.inputHash,
    ...(tooLarge ? { responseTooLarge: true } : { response: json }),
    [tableManifest.ttlAttribute]: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
}

class KeyTaken extends DomainError {
  constructor() {
    super('conflict', { zh: '重复请求', en: 'Duplicate request' }, { reason: 'idempotency_key_taken' });
  }
}

/** Stores the response in the unit of work that applies the change: applied and remembered together, or neither. */
export function storeInUnitOfWork(uow: UnitOfWork, call: IdempotentCall, response: unknown, now: Date): void {
  uow.create(entryItem(call, response, now), new KeyTaken());
  call.stored = true;
}

/**
 * After the procedure succeeded: the final response replaces what its unit of work stored (a procedure may
 * add to what its write returned), or is stored now for a procedure that wrote without `write()`.
 */
export async function storeFinalResponse(table: Table, call: IdempotentCall, response: unknown, now: Date): Promise<void> {
  const item = entryItem(call, response, now);
  try {
    if (call.stored) {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.idempotency(call.tenantId, call.key),
          UpdateExpression: item.response === undefined ? 'SET responseTooLarge = :t REMOVE response' : 'SET #r = :r',
          ConditionExpression: 'inputHash = :h',
          ExpressionAttributeNames: item.response === undefined ? undefined : { '#r': 'response' },
          ExpressionAttributeValues: item.response === undefined ? { ':t': true, ':h': call.inputHash } : { ':r': item.response, ':h': call.inputHash },
        }),
      );
    } else {
      await table.doc.send(new PutCommand({ TableName: table.name, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    }
  } catch {
    // The change is applied; losing the stored copy only means a retry runs the procedure's own checks.
  }
}
