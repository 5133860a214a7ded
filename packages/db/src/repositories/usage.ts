import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tenantPrefix } from '../keys.js';
import { tableManifest } from '../manifest.js';
import type { Table } from '../table.js';

/**
 * Who a call is counted against: a tenant (every signed-in user of it), a signed-in user without a
 * tenant (operator, leadership viewer by scope), or an anonymous client (by address). `id` of a user
 * or client is a keyed hash supplied by the caller: no address or subject is ever stored.
 */
export interface UsageSubject {
  kind: 'tenant' | 'user' | 'client';
  id: string;
}

/** A usage window is kept this long after it ends (then DynamoDB TTL removes it). */
const USAGE_TTL_AFTER_WINDOW_SECONDS = 3600;

export const usageKeys = {
  /** Tenant-first like every tenant partition (`T#<tenant>#USAGE`); others under `USAGE#<kind>#<hash>`. */
  counter: (subject: UsageSubject, windowSeconds: number, windowStart: number) => ({
    pk: subject.kind === 'tenant' ? `${tenantPrefix(subject.id)}USAGE` : `USAGE#${subject.kind}#${subject.id}`,
    sk: `W${windowSeconds}#${new Date(windowStart * 1000).toISOString()}`,
  }),
};

/**
 * The shared per-window call counters behind per-tenant fairness (see `packages/api/src/fair-use.ts`).
 * One `UpdateItem` ADDs an instance's unreported calls and returns the window's total across every
 * instance; the item expires through TTL an hour after its window.
 */
export class UsageCounterRepository {
  constructor(private readonly table: Table) {}

  async add(subject: UsageSubject, windowSeconds: number, windowStart: number, calls: number): Promise<number> {
    const res = await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: usageKeys.counter(subject, windowSeconds, windowStart),
        UpdateExpression: 'ADD #calls :calls SET #kind = :kind, #ttl = :ttl',
        ExpressionAttributeNames: { '#calls': 'calls', '#kind': 'kind', '#ttl': tableManifest.ttlAttribute },
        ExpressionAttributeValues: { ':calls': calls, ':kind': 'usage', ':ttl': windowStart + windowSeconds + USAGE_TTL_AFTER_WINDOW_SECONDS },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(res.Attributes?.calls ?? calls);
  }
}
