import { PLATFORM_AUDIT_TENANT, type Tenant, type TenantScope } from '@ufp/core/tenancy/scope';
import type { TenantTickRun } from '@ufp/db/repositories/tenants';
import type { AuditEntry } from '@ufp/db/unit-of-work';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { newTenant, reactivateTenant, suspendTenant, tickBehind, updateTenant, type TenantChange } from '../domain/tenant.js';
import { tenantCreated, tenantReactivated, tenantSuspended, tenantUpdated } from '../events.js';
import type { createTenantInput, suspendTenantInput, updateTenantInput } from '../schemas.js';
import type { PlatformCtx } from './context.js';

type StatusEvent = typeof tenantUpdated | typeof tenantSuspended | typeof tenantReactivated;

/** The operator acts in the tenant's scope only to write the tenant's own log (and the tenant's events). */
const inTenant = (ctx: PlatformCtx, tenant: Pick<Tenant, 'id' | 'divisionCode'>) => {
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: ctx.actor };
  return { ...ctx, scope };
};

/** Every tenant act is audited in the platform's log and the tenant's own. */
const bothLogs = (uow: { audit(entry: AuditEntry, tenantId?: string): unknown }, entry: AuditEntry) => {
  uow.audit(entry);
  uow.audit(entry, PLATFORM_AUDIT_TENANT);
};

export function createTenant(ctx: PlatformCtx, input: z.output<typeof createTenantInput>): Promise<Tenant> {
  return write(inTenant(ctx, input), (uow, now) => {
    const tenant = newTenant(input, now);
    ctx.deps.tenants.add(uow, tenant);
    uow.emit(tenantCreated.create({ tenantId: tenant.id, level: tenant.level, divisionCode: tenant.divisionCode }));
    bothLogs(uow, { action: 'platform.tenants.create', entityType: 'tenant', entityId: tenant.id, summary: `创建租户 ${tenant.name}（${tenant.divisionCode}）` });
    return tenant;
  });
}

/**
 * Every tenant with its status (a suspended one with when, by whom and why) and how its daily jobs ran, module by
 * module; and the daily tick's own last run.
 */
export async function listTenants(ctx: PlatformCtx): Promise<{ items: (Tenant & { ticks: (TenantTickRun & { behind: boolean })[] })[]; lastTick: { date: string; at: string; tenants?: number } | null }> {
  const [tenants, runs, lastTick] = await Promise.all([ctx.deps.tenants.list(), ctx.deps.tenants.tickRuns(), ctx.deps.tenants.lastTick()]);
  return {
    items: tenants.map((t) => ({ ...t, ticks: runs.filter((r) => r.tenantId === t.id).map((r) => ({ ...r, behind: tickBehind(t, r, lastTick?.date) })) })),
    lastTick: lastTick ?? null,
  };
}

/** Reads the tenant (uncached), decides the change, and writes it (versioned) with its event and both audit entries. */
async function changeTenant(ctx: PlatformCtx, tenantId: string, decide: (before: Tenant, now: Date) => TenantChange, event: StatusEvent): Promise<Tenant> {
  const before = await ctx.deps.tenants.read(tenantId);
  const { after, audit } = decide(before, ctx.deps.clock.now());
  return write(inTenant(ctx, before), (uow) => {
    ctx.deps.tenants.replace(uow, before, after);
    uow.emit(event.create({ tenantId: after.id, status: after.status }));
    bothLogs(uow, { ...audit, entityType: 'tenant', entityId: after.id });
    return after;
  });
}

/** Name and contact (the id, level and division code are fixed at creation). */
export function updateTenantDetails(ctx: PlatformCtx, input: z.output<typeof updateTenantInput>): Promise<Tenant> {
  return changeTenant(ctx, input.tenantId, (before, now) => updateTenant(before, input, now), tenantUpdated);
}

/**
 * Its users are refused (403 所属租户已停用) and its public pages answer 服务已暂停 within the tenant cache
 * window (5 s); nothing is deleted, and its rows stay in the rollups, marked suspended.
 */
export function suspend(ctx: PlatformCtx, input: z.output<typeof suspendTenantInput>): Promise<Tenant> {
  return changeTenant(ctx, input.tenantId, (before, now) => suspendTenant(before, ctx.actor.sub, input.reason, now, ctx.actor.name), tenantSuspended);
}

export function reactivate(ctx: PlatformCtx, tenantId: string): Promise<Tenant> {
  return changeTenant(ctx, tenantId, reactivateTenant, tenantReactivated);
}
