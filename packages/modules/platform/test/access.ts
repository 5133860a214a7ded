import type { AccessTable } from '@ufp/testing/access';

/**
 * Who may call each of the platform procedures (tenants, units, users, audit, dead letters, rollups, notifications, me), and a valid input to call it with: the permission
 * matrix sends it as every role, the fuzz test mutates it. A procedure without a row fails the matrix.
 */
export const access: AccessTable = {
  me: { allow: 'signed-in', as: 'federation_admin', input: () => undefined },
  'platform.tenants.create': { allow: ['platform_operator'], as: 'platform_operator', input: (f) => ({ id: f.newTenantId(), name: '泰兴市总工会', level: 'county', divisionCode: '321283' }) },
  'platform.tenants.list': { allow: ['platform_operator'], as: 'platform_operator', input: () => undefined },
  'platform.tenants.update': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({ tenantId: 'no-such-tenant', version: 1, name: '矩阵租户' }) },
  'platform.tenants.suspend': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({ tenantId: 'no-such-tenant', reason: '矩阵测试' }) },
  'platform.tenants.reactivate': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({ tenantId: 'no-such-tenant' }) },
  // Every tenant's dead letters (and the AWS queues): the operator only; a tenant admin has deadLetters.* for their own.
  'platform.deadLetters.list': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({}) },
  'platform.deadLetters.redrive': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({ ids: ['table/321281/no-such-letter'] }) },
  'units.create': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ name: '权限矩阵工会', type: 'regional', memberCount: 3, chair: { name: '矩阵' } }) },
  'units.update': { allow: ['federation_admin'], as: 'federation_admin', input: (f) => ({ unitId: f.unitId, version: 1, memberCount: 7 }) },
  // A reporter corrects their own unit's contact details (the matrix's reporter is bound to this unit).
  'units.updateContact': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'unit_reporter', input: (f) => ({ unitId: f.unitId, version: 1, chair: { name: '矩阵主席' } }) },
  'units.get': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: (f) => ({ unitId: f.unitId }) },
  'units.list': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ limit: 5 }) },
  'units.revealChairPhone': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: (f) => ({ unitId: f.unitId }) },
  'users.create': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ name: '矩阵用户', roles: ['federation_staff'] }) },
  'users.list': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ q: '矩阵', status: 'active', limit: 5 }) },
  'users.update': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ userId: 'no-such-user', version: 1, name: '矩阵用户' }) },
  'users.disable': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ userId: 'no-such-user', reason: '矩阵测试' }) },
  'users.enable': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ userId: 'no-such-user' }) },
  'audit.list': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ limit: 5 }) },
  'audit.platform': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({ limit: 5 }) },
  'audit.verify': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({}) },
  'audit.verifyPlatform': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({}) },
  'deadLetters.list': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({}) },
  'deadLetters.replay': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ id: 'no-such-dead-letter' }) },
  'rollups.overview': { allow: ['federation_admin', 'federation_staff', 'leadership_viewer(scope 32)', 'leadership_viewer(tenant)'], as: 'federation_admin', input: (f) => ({ year: f.year }) },
  // 重新核算 re-reads the records behind the rollups: the operator (any scope) and a federation's admin (its own scope).
  'rollups.recount': { allow: ['platform_operator', 'federation_admin'], as: 'federation_admin', input: (f) => ({ year: f.year, scope: '321281' }) },
  'notifications.list': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({}) },
  'notifications.markRead': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ id: 'no-such-notification' }) },
};
