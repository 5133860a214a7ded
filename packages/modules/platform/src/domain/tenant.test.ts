import { describe, expect, it } from 'vitest';
import type { Tenant } from '@ufp/core/tenancy/scope';
import { newTenant, reactivateTenant, suspendTenant, tickBehind, updateTenant } from './tenant.js';

const now = new Date('2026-03-01T00:00:00Z');
const tenant: Tenant = newTenant({ id: '321281', name: '兴化市总工会', level: 'county', divisionCode: '321281' }, now);

describe('tenant changes', () => {
  it('suspends an active tenant once, with who and why', () => {
    const { after, audit } = suspendTenant(tenant, 'op', '欠费', now);
    expect(after).toMatchObject({ status: 'suspended', suspendedBy: 'op', suspendReason: '欠费', version: 2 });
    expect(audit.action).toBe('platform.tenants.suspend');
    expect(() => suspendTenant(after, 'op', '再次', now)).toThrow(expect.objectContaining({ kind: 'conflict', details: { reason: 'already_suspended' } }));
  });
  it("names the operator who suspended it when the token gives a name; reactivating drops it", () => {
    const { after } = suspendTenant(tenant, 'op', '欠费', now, '平台运营');
    expect(after).toMatchObject({ suspendedBy: 'op', suspendedByName: '平台运营' });
    expect(reactivateTenant(after, now).after).not.toHaveProperty('suspendedByName');
  });
  it('reactivates only a suspended tenant and drops the suspension', () => {
    expect(() => reactivateTenant(tenant, now)).toThrow(expect.objectContaining({ details: { reason: 'not_suspended' } }));
    const { after } = reactivateTenant(suspendTenant(tenant, 'op', '欠费', now).after, now);
    expect(after).toMatchObject({ status: 'active', reactivatedAt: now.toISOString(), version: 3 });
    expect(after).not.toHaveProperty('suspendReason');
  });
  it('updates name and contact at the current version, the phone masked in the audit', () => {
    expect(() => updateTenant(tenant, { version: 2, name: 'x' }, now)).toThrow(expect.objectContaining({ details: { reason: 'stale_version' } }));
    const { after, audit } = updateTenant(tenant, { version: 1, contact: { name: '办公室', phone: '13800001111' } }, now);
    expect(after.contact).toEqual({ name: '办公室', phone: '13800001111' });
    expect(audit.changes.contact).toEqual({ from: undefined, to: { name: '办公室', phone: '***' } });
  });
});

describe("a tenant's daily job behind the tick", () => {
  const active = { status: 'active' as const };
  it('is behind when its last finished day is before the day the tick last fanned out for, or it never finished', () => {
    expect(tickBehind(active, { lastDate: '2026-12-04' }, '2026-12-05')).toBe(true);
    expect(tickBehind(active, {}, '2026-12-05')).toBe(true);
  });
  it('is not behind on the same day, before any tick, or for a suspended tenant (the tick leaves it alone)', () => {
    expect(tickBehind(active, { lastDate: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(tickBehind(active, { lastDate: '2026-12-05' }, undefined)).toBe(false);
    expect(tickBehind({ status: 'suspended' }, { lastDate: '2026-11-30' }, '2026-12-05')).toBe(false);
  });
});
