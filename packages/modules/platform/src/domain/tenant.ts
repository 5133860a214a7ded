import { conflict, staleVersion } from '@ufp/core/errors';
import type { Tenant } from '@ufp/core/tenancy/scope';

type Changes = Record<string, { from?: unknown; to?: unknown }>;

/** A change of a tenant: the tenant after it and the audit entry (written to the platform's log and the tenant's). */
export interface TenantChange {
  after: Tenant;
  audit: { action: string; summary: string; changes: Changes };
}

export function newTenant(input: Pick<Tenant, 'id' | 'name' | 'level' | 'divisionCode'>, now: Date): Tenant {
  return { ...input, status: 'active', createdAt: now.toISOString(), version: 1 };
}

/** The contact as stored: blank members dropped; a phone never in an audit entry (masked there). */
const auditContact = (c: Tenant['contact']) => (c ? { ...c, phone: c.phone ? '***' : undefined } : undefined);

/** Name and contact (the id, level and division code are fixed at creation); `contact: null` removes it. */
export function updateTenant(before: Tenant, edit: { version: number; name?: string; contact?: Tenant['contact'] | null }, now: Date): TenantChange {
  if (edit.version !== before.version) throw staleVersion();
  const contact = edit.contact === undefined ? before.contact : edit.contact === null ? undefined : edit.contact;
  const after: Tenant = { ...before, name: edit.name ?? before.name, contact, updatedAt: now.toISOString(), version: before.version + 1 };
  const changes: Changes = {};
  if (after.name !== before.name) changes.name = { from: before.name, to: after.name };
  if (JSON.stringify(after.contact ?? null) !== JSON.stringify(before.contact ?? null)) changes.contact = { from: auditContact(before.contact), to: auditContact(after.contact) };
  return { after, audit: { action: 'platform.tenants.update', summary: `修改租户 ${after.name}（${after.id}）：${Object.keys(changes).join('、') || '无变化'}`, changes } };
}

export function suspendTenant(before: Tenant, by: string, reason: string, now: Date, byName?: string): TenantChange {
  if (before.status === 'suspended') throw conflict({ zh: '该租户已停用', en: 'This tenant is already suspended' }, { reason: 'already_suspended' });
  const at = now.toISOString();
  const after: Tenant = { ...before, status: 'suspended', suspendedAt: at, suspendedBy: by, ...(byName ? { suspendedByName: byName } : {}), suspendReason: reason, updatedAt: at, version: before.version + 1 };
  return {
    after,
    audit: { action: 'platform.tenants.suspend', summary: `停用租户 ${before.name}（${before.id}）：${reason}`, changes: { status: { from: 'active', to: 'suspended' }, suspendReason: { to: reason } } },
  };
}

export function reactivateTenant(before: Tenant, now: Date): TenantChange {
  if (before.status === 'active') throw conflict({ zh: '该租户未停用', en: 'This tenant is not suspended' }, { reason: 'not_suspended' });
  const at = now.toISOString();
  const { suspendedAt: _at, suspendedBy: _by, suspendedByName: _name, suspendReason, ...rest } = before;
  const after: Tenant = { ...rest, status: 'active', reactivatedAt: at, updatedAt: at, version: before.version + 1 };
  return {
    after,
    audit: { action: 'platform.tenants.reactivate', summary: `恢复租户 ${before.name}（${before.id}）`, changes: { status: { from: 'suspended', to: 'active' }, suspendReason: { from: suspendReason } } },
  };
}

/**
 * An active tenant's module has not finished the day the tick last fanned out for: still running, or failed in a way
 * its job could not report (a timeout, a crash, a fault before the job ran) — its dead letter then says why.
 */
export const tickBehind = (tenant: Pick<Tenant, 'status'>, run: { lastDate?: string }, tickDate: string | undefined): boolean =>
  tenant.status === 'active' && tickDate !== undefined && (run.lastDate ?? '') < tickDate;
