import { conflict, DomainError, staleVersion } from '@ufp/core/errors';
import type { Tenant } from '@ufp/core/tenancy/scope';
import { keys } from '../keys.js';
import { z } from 'zod';
import { getItem, queryAll } from '../query.js';
import { parseStored } from '../stored.js';
import type { Table } from '../table.js';
import type { UnitOfWork } from '../unit-of-work.js';

/** A tenant as stored (parsed on read). */
export const storedTenant = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['city', 'county']),
  divisionCode: z.string(),
  status: z.enum(['active', 'suspended']),
  contact: z.object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() }).optional(),
  suspendedAt: z.string().optional(),
  suspendedBy: z.string().optional(),
  suspendedByName: z.string().optional(),
  suspendReason: z.string().optional(),
  reactivatedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  version: z.number().int(),
}) satisfies z.ZodType<Tenant>;

const parseTenant = (item: Record<string, unknown>): Tenant => parseStored(storedTenant, item, 'tenant');

/** One module's daily run for one tenant, as the tenant-tick consumer stamps it (see `tenantTick`). */
export const storedTenantTick = z.object({
  tenantId: z.string(),
  module: z.string(),
  /** The day of the last run that finished, if any. */
  lastDate: z.string().optional(),
  lastAt: z.string().optional(),
  /** The last attempt failed: it is retried, then parked as the tenant's dead letter. */
  failing: z.boolean(),
  /** Attempts that failed since the last run that finished. */
  failures: z.number().int(),
  error: z.string().optional(),
  failedAt: z.string().optional(),
});
export type TenantTickRun = z.output<typeof storedTenantTick>;

/** The daily tick's own last run: the day, when, and to how many tenants it fanned out. */
export const storedTickRun = z.object({ date: z.string(), at: z.string(), tenants: z.number().int().optional() });

/** The tenant registry (platform-owned). Tenants are few, so reads are cached briefly. */
export class TenantRepository {
  private cache = new Map<string, { tenant: Tenant | undefined; at: number }>();
  private listed?: { tenants: Tenant[]; at: number };

  constructor(
    private readonly table: Table,
    private readonly cacheMs = 5_000,
  ) {}

  async get(tenantId: string): Promise<Tenant | undefined> {
    const hit = this.cache.get(tenantId);
    if (hit && Date.now() - hit.at < this.cacheMs) return hit.tenant;
    const item = await getItem<Record<string, unknown>>(this.table, keys.tenant(tenantId));
    const tenant = item ? parseTenant(item) : undefined;
    this.cache.set(tenantId, { tenant, at: Date.now() });
    return tenant;
  }

  /** The stored tenant, bypassing the cache (platform procedures that change it read it this way). */
  async read(tenantId: string): Promise<Tenant> {
    const item = await getItem<Record<string, unknown>>(this.table, keys.tenant(tenantId));
    if (!item) throw new DomainError('not_found', { zh: '租户不存在', en: 'Tenant not found' }, { entity: 'tenant' });
    return parseTenant(item);
  }

  /** Every tenant, by division code; cached for the same window as `get` (a province's cockpit reads it on every call). */
  async list(): Promise<Tenant[]> {
    if (this.listed && Date.now() - this.listed.at < this.cacheMs) return [...this.listed.tenants];
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': 'PLATFORM', ':p': 'TENANT#' },
    });
    const tenants = items.map(parseTenant).sort((a, b) => a.divisionCode.localeCompare(b.divisionCode));
    this.listed = { tenants, at: Date.now() };
    return [...tenants];
  }

  /** Every tenant's daily runs by module (one query of the platform partition, whatever the number of tenants). */
  async tickRuns(): Promise<TenantTickRun[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': 'PLATFORM', ':p': 'TENANTTICK#' },
    });
    return items.map((item) => parseStored(storedTenantTick, item, 'tenantTick'));
  }

  /** The daily tick's last run, if it has run. */
  async lastTick(): Promise<z.output<typeof storedTickRun> | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, keys.lastTick);
    return item ? parseStored(storedTickRun, item, 'tick') : undefined;
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
    this.listed = undefined;
  }

  /**
   * Replaces a tenant only if nobody changed it since `before` was read. This instance forgets its cached
   * copy at once; other API instances see the change within the cache window (5 s).
   */
  replace(uow: UnitOfWork, before: Tenant, after: Tenant): void {
    uow.replaceVersioned({ ...keys.tenant(after.id), kind: 'tenant', ...after }, before.version, staleVersion());
    this.cache.delete(after.id);
    this.listed = undefined;
  }
}
