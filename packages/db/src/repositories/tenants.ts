import { conflict, DomainError, staleVersion } from '@ufp/core/errors';
import type { Tenant } from '@ufp/core/tenancy/scope';
import { keys } from '../keys.js';
import { getItem, queryAll, stripKeys } from '../query.js';
import type { Table } from '../table.js';
import type { UnitOfWork } from '../unit-of-work.js';

/** The tenant registry (platform-owned). Tenants are few, so reads are cached briefly. */
export class TenantRepository {
  private cache = new Map<string, { tenant: Tenant | undefined; at: number }>();

  constructor(
    private readonly table: Table,
    private readonly cacheMs = 5_000,
  ) {}

  async get(tenantId: string): Promise<Tenant | undefined> {
    const hit = this.cache.get(tenantId);
    if (hit && Date.now() - hit.at < this.cacheMs) return hit.tenant;
    const item = await getItem<Record<string, unknown>>(this.table, keys.tenant(tenantId));
    const tenant = item ? stripKeys<Tenant>(item) : undefined;
    this.cache.set(tenantId, { tenant, at: Date.now() });
    return tenant;
  }

  /** The stored tenant, bypassing the cache (platform procedures that change it read it this way). */
  async read(tenantId: string): Promise<Tenant> {
    const item = await getItem<Record<string, unknown>>(this.table, keys.tenant(tenantId));
    if (!item) throw new DomainError('not_found', { zh: '租户不存在', en: 'Tenant not found' }, { entity: 'tenant' });
    return stripKeys<Tenant>(item);
  }

  async list(): Promise<Tenant[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': 'PLATFORM', ':p': 'TENANT#' },
    });
    return items.map((i) => stripKeys<Tenant>(i)).sort((a, b) => a.divisionCode.localeCompare(b.divisionCode));
  }

  add(uow: UnitOfWork, tenant: Tenant): void {
    uow
      .create(
        { ...keys.tenant(tenant.id), kind: 'tenant', ...tenant },
        conflict({ zh: `租户 ${tenant.id} 已存在`, en: `Tenant ${tenant.id} already exists` }, { field: 'id' }),
      )
      .create(
        { ...keys.tenantDivisionGuard(tenant.divisionCode), kind: 'guard', tenantId: tenant.id },
        conflict(
          { zh: `行政区划代码 ${tenant.divisionCode} 已被其他租户使用`, en: `Division code ${tenant.divisionCode} is already used by another tenant` },
          { field: 'divisionCode' },
        ),
      );
    this.cache.delete(tenant.id);
  }

  /**
   * Replaces a tenant only if nobody changed it since `before` was read. This instance forgets its cached
   * copy at once; other API instances see the change within the cache window (5 s).
   */
  replace(uow: UnitOfWork, before: Tenant, after: Tenant): void {
    uow.replaceVersioned({ ...keys.tenant(after.id), kind: 'tenant', ...after }, before.version, staleVersion());
    this.cache.delete(after.id);
  }
}
