import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { auditEntryHash } from '@ufp/core/audit/chain';
import { conflict, DomainError } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import type { DefinedEvent } from '@ufp/core/events';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { keys } from './keys.js';
import { outboxPut, wrapEvent } from './envelope.js';
import { isTransactionConflict } from './store-errors.js';
import type { Table } from './table.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes?: Record<string, { from?: unknown; to?: unknown }>;
  /** For an audited read: which personal-data fields were decrypted and returned. */
  fields?: string[];
}

export interface WriteContext {
  scope: TenantScope;
  correlationId: string;
  now: Date;
}

/**
 * Collects the writes of one use case — domain items, an outbox item per event and an
 * audit entry — and commits them in one TransactWriteItems: nothing is published before
 * commit, and nothing committed lacks its events or its audit trail.
 */
export class UnitOfWork {
  private readonly items: { item: TransactItem; onConditionFailed?: DomainError }[] = [];
  readonly eventIds: string[] = [];

  constructor(
    private readonly table: Table,
    private readonly ctx: WriteContext,
  ) {}

  /** Creates an item that must not exist yet. */
  create(item: Record<string, unknown>, onExists: DomainError): this {
    this.items.push({
      item: { Put: { TableName: this.table.name, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: onExists,
    });
    return this;
  }

  /** Replaces a versioned aggregate only if nobody changed it since it was read. */
  replaceVersioned(item: Record<string, unknown> & { version: number }, expectedVersion: number, onStale: DomainError): this {
    this.items.push({
      item: {
        Put: {
          TableName: this.table.name,
          Item: item,
          ConditionExpression: 'attribute_exists(pk) AND #v = :expected',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      onConditionFailed: onStale,
    });
    return this;
  }

  delete(key: { pk: string; sk: string }): this {
    this.items.push({ item: { Delete: { TableName: this.table.name, Key: key } } });
    return this;
  }

  /** Any other transactional write (e.g. a guarded counter update). */
  raw(item: TransactItem, onConditionFailed?: DomainError): this {
    this.items.push({ item, onConditionFailed });
    return this;
  }

  emit(event: DefinedEvent): this {
    const { scope, correlationId, now } = this.ctx;
    const envelope = wrapEvent(event, {
      tenantId: scope.tenantId,
      divisionCode: scope.divisionCode,
      actor: scope.actor.sub,
      correlationId,
      occurredAt: now.toISOString(),
    });
    this.eventIds.push(envelope.id);
    this.items.push({ item: outboxPut(this.table.name, envelope, now) });
    return this;
  }

  /**
   * Appends an audit entry carrying the hash of its own content (see core/audit/chain.ts), in the same
   * transaction as the change. `tenantId` writes it to another log, e.g. the platform's own.
   */
  audit(entry: AuditEntry, tenantId: string = this.ctx.scope.tenantId): this {
    const { scope, now } = this.ctx;
    const auditId = newId();
    const content = withoutUndefined({
      kind: 'audit',
      auditId,
      tenantId,
      at: now.toISOString(),
      actor: scope.actor.sub,
      // The name the token (or the directory) gave: an operator is in no tenant's directory, so their log names them from this.
      actorName: scope.actor.name,
      actorRoles: [...scope.actor.roles],
      correlationId: this.ctx.correlationId,
      ...entry,
    });
    this.items.push({
      item: {
        Put: {
          TableName: this.table.name,
          Item: { ...keys.audit(tenantId, auditId), ...content, hash: auditEntryHash(content) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    });
    return this;
  }

  async commit(): Promise<void> {
    if (this.items.length === 0) return;
    if (this.items.length > 100) throw new Error(`unit of work too large: ${this.items.length} items`);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.table.doc.send(new TransactWriteCommand({ TransactItems: this.items.map((i) => i.item) }));
        return;
      } catch (err) {
        const outcome = this.classify(err);
        if (outcome === 'retry' && attempt < 5) {
          await sleep(10 * 2 ** attempt + Math.random() * 20);
          continue;
        }
        if (outcome instanceof DomainError) throw outcome;
        if (outcome === 'retry') {
          throw conflict({ zh: '系统繁忙，请稍后重试', en: 'Busy, please retry' }, { reason: 'transaction_conflict' });
        }
        throw err;
      }
    }
  }

  private classify(err: unknown): DomainError | 'retry' | 'unknown' {
    if (!(err instanceof TransactionCanceledException)) return 'unknown';
    const reasons = err.CancellationReasons ?? [];
    const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
    if (failed >= 0) {
      return (
        this.items[failed]?.onConditionFailed ??
        conflict({ zh: '数据冲突，请刷新后重试', en: 'Conflicting change; reload and retry' })
      );
    }
    if (isTransactionConflict(err)) return 'retry';
    return 'unknown';
  }
}

/** Drops undefined members at every depth, as the document client does when it stores an item (so a hash of it matches what is read back). */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a read-modify-write again (after a short random pause) when its versioned write lost to a concurrent
 * one (`stale_version`), up to `attempts` times; `run` must re-read what it changes.
 */
export async function retryStale<T>(run: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const stale = err instanceof DomainError && err.details.reason === 'stale_version';
      if (!stale || attempt >= attempts) throw err;
      await sleep(Math.random() * 15 * attempt);
    }
  }
}
