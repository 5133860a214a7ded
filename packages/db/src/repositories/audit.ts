import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { CursorCodec } from '../cursor.js';
import { keys, tenantPrefix } from '../keys.js';
import { queryPage, stripKeys, type Page } from '../query.js';
import type { Table } from '../table.js';

export interface AuditRecord {
  auditId: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes?: Record<string, { from?: unknown; to?: unknown }>;
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
    const filters: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': keys.auditPartition(scope.tenantId) };
    for (const field of ['actor', 'action', 'entityType'] as const) {
      if (filter[field]) {
        filters.push(`#${field} = :${field}`);
        names[`#${field}`] = field;
        values[`:${field}`] = filter[field];
      }
    }
    if (filter.from) {
      filters.push('#at >= :from');
      values[':from'] = filter.from;
    }
    if (filter.to) {
      filters.push('#at <= :to');
      values[':to'] = filter.to;
    }
    if (filter.from || filter.to) names['#at'] = 'at';
    return queryPage<AuditRecord>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      {
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: filters.length ? filters.join(' AND ') : undefined,
        ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
      },
      { ...page, map: (i) => stripKeys<AuditRecord>(i) },
    );
  }
}
