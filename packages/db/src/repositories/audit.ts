import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { CursorCodec } from '../cursor.js';
import { keys, tenantPrefix } from '../keys.js';
import { filterExpression, queryPage, stripKeys, type Page } from '../query.js';
import type { Table } from '../table.js';

export interface AuditRecord {
  auditId: string;
  at: string;
  actor: string;
  /** The actor's name when the entry was written (absent on older entries and for tokens without one). */
  actorName?: string;
  /** The actor's roles when the entry was written. */
  actorRoles?: string[];
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes?: Record<string, { from?: unknown; to?: unknown }>;
  /** An audited read: the personal-data fields it decrypted. */
  fields?: string[];
  /** SHA-256 of the entry's content, written with it (see core/audit/chain.ts). */
  hash?: string;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

/** Reads the append-only audit log (writes happen inside each use case's unit of work). */
export class AuditRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
  ) {}

  list(scope: TenantScope, filter: AuditFilter, page: { cursor?: string; limit?: number }): Promise<Page<AuditRecord>> {
    const clauses = [];
    if (filter.from) clauses.push({ expression: '#at >= :from', names: { '#at': 'at' }, values: { ':from': filter.from } });
    if (filter.to) clauses.push({ expression: '#at <= :to', names: { '#at': 'at' }, values: { ':to': filter.to } });
    const { values, ...filterParts } = filterExpression({ actor: filter.actor, action: filter.action, entityType: filter.entityType }, clauses);
    return queryPage<AuditRecord>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      {
        KeyConditionExpression: 'pk = :pk',
        ...filterParts,
        ExpressionAttributeValues: { ':pk': keys.auditPartition(scope.tenantId), ...values },
        ScanIndexForward: false,
      },
      { ...page, map: (i) => stripKeys<AuditRecord>(i) },
    );
  }
}
