import { describe, expect, it } from 'vitest';
import type { TenantUser } from '@ufp/db/repositories/users';
import { checkAssignment, disabledUser, editedAssignment, enabledUser, remainingAdmin } from './user.js';

const now = new Date('2026-03-01T00:00:00Z');
const user = (u: Partial<TenantUser>): TenantUser => ({ userId: 'u1', tenantId: 't', name: '甲', roles: ['federation_staff'], createdAt: now.toISOString(), ...u });

describe('directory rules', () => {
  it('binds reporters, and only them, to a unit; modules go to staff who are not admins', () => {
    expect(() => checkAssignment({ roles: ['unit_reporter'] })).toThrow(expect.objectContaining({ details: { field: 'unitId' } }));
    expect(() => checkAssignment({ roles: ['federation_staff'], unitId: 'x' })).toThrow(expect.objectContaining({ details: { field: 'unitId' } }));
    expect(() => checkAssignment({ roles: ['federation_admin', 'federation_staff'], modules: ['hardship'] })).toThrow(expect.objectContaining({ details: { field: 'modules' } }));
    expect(() => checkAssignment({ roles: ['federation_staff'], modules: ['hardship'] })).not.toThrow();
  });
  it('an edit that takes away the reporter role drops the unit; one making an admin drops the modules', () => {
    const reporter = user({ roles: ['unit_reporter'], unitId: 'unit' });
    expect(editedAssignment(reporter, { roles: ['federation_staff'] })).toEqual({ roles: ['federation_staff'], unitId: undefined, modules: undefined });
    const staff = user({ modules: ['contracts'] });
    expect(editedAssignment(staff, { roles: ['federation_admin'] }).modules).toBeUndefined();
    expect(editedAssignment(staff, { name: 'x' } as never).modules).toEqual(['contracts']);
  });
  it('keeps an active admin', () => {
    const admin = user({ roles: ['federation_admin'] });
    expect(() => remainingAdmin(admin, [admin, user({ userId: 'u2' })])).toThrow(expect.objectContaining({ details: { reason: 'last_admin' } }));
    expect(remainingAdmin(admin, [admin, user({ userId: 'u3', roles: ['federation_admin'] })]).userId).toBe('u3');
  });
  it('disables an active user once and enables a disabled one', () => {
    const off = disabledUser(user({}), 'admin', '离职', now);
    expect(off).toMatchObject({ status: 'disabled', disabledBy: 'admin', version: 2 });
    expect(() => disabledUser(off, 'admin', '再次', now)).toThrow(expect.objectContaining({ details: { reason: 'already_disabled' } }));
    expect(enabledUser(off, now)).not.toHaveProperty('disabledReason');
    expect(() => enabledUser(user({}), now)).toThrow(expect.objectContaining({ details: { reason: 'not_disabled' } }));
  });
});
