import { conflict, invalid, staleVersion } from '@ufp/core/errors';
import { roleLabels, type AssignableModule, type TenantRole } from '@ufp/core/roles';
import { isActive, isActiveAdmin, versionOf, type TenantUser } from '@ufp/db/repositories/users';

/** What the API shows of a directory entry: never the encrypted login identifier or its index. */
export function userView(u: TenantUser) {
  return {
    userId: u.userId,
    tenantId: u.tenantId,
    name: u.name,
    roles: u.roles,
    unitId: u.unitId,
    modules: u.modules,
    loginId: u.login?.display,
    loginKind: u.login?.kind,
    status: u.status ?? 'active',
    disabledAt: u.disabledAt,
    disabledBy: u.disabledBy,
    disabledReason: u.disabledReason,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    version: versionOf(u),
  };
}
export type UserView = ReturnType<typeof userView>;

/** What a user is allowed to do and where: roles, the unit a reporter is bound to, the modules staff work in. */
export interface Assignment {
  roles: TenantRole[];
  unitId?: string;
  modules?: AssignableModule[];
}

const distinct = <T>(values: readonly T[]) => [...new Set(values)];

/** A new user's assignment as given, duplicates dropped, no modules as absent. */
export function newAssignment(input: { roles: readonly TenantRole[]; unitId?: string; modules?: readonly AssignableModule[] }): Assignment {
  return { roles: distinct(input.roles), unitId: input.unitId, modules: input.modules?.length ? distinct(input.modules) : undefined };
}

/**
 * An edited assignment: a field left out stays, but roles without `unit_reporter` drop the unit binding, and roles
 * that are not staff-only drop the modules, unless the edit sets them (then `checkAssignment` judges them).
 */
export function editedAssignment(before: TenantUser, edit: { roles?: readonly TenantRole[]; unitId?: string | null; modules?: readonly AssignableModule[] }): Assignment {
  const roles = edit.roles ? distinct(edit.roles) : (before.roles as TenantRole[]);
  const staffOnly = roles.includes('federation_staff') && !roles.includes('federation_admin');
  const unitId = edit.unitId !== undefined ? (edit.unitId ?? undefined) : roles.includes('unit_reporter') ? before.unitId : undefined;
  const modules = edit.modules !== undefined ? (edit.modules.length ? distinct(edit.modules) : undefined) : staffOnly ? before.modules : undefined;
  return { roles, unitId, modules };
}

/**
 * The rules every directory entry keeps, checked on the entry as it would be after a change: a unit reporter is
 * bound to one unit, and only they are; modules are assigned to federation staff who are not also admins (an admin
 * sees every module). That the unit exists in the tenant is the service's check.
 */
export function checkAssignment(user: Assignment): void {
  const reporter = user.roles.includes('unit_reporter');
  if (reporter && !user.unitId) throw invalid({ zh: '基层工会填报员必须绑定一个基层工会', en: 'A unit reporter must be bound to a unit' }, { field: 'unitId' });
  if (!reporter && user.unitId) throw invalid({ zh: '只有基层工会填报员绑定基层工会', en: 'Only unit reporters are bound to a unit' }, { field: 'unitId' });
  if (user.modules?.length && (!user.roles.includes('federation_staff') || user.roles.includes('federation_admin'))) {
    throw invalid({ zh: '只能为总工会工作人员（非管理员）分配业务模块', en: 'Modules are assigned to federation staff who are not admins' }, { field: 'modules' });
  }
}

export function requireCurrentVersion(user: TenantUser, expectedVersion: number): void {
  if (expectedVersion !== versionOf(user)) throw staleVersion();
}

export function requireActive(user: TenantUser): void {
  if (!isActive(user)) throw conflict({ zh: '该用户已停用', en: 'This user is already disabled' }, { reason: 'already_disabled' });
}

export function requireDisabled(user: TenantUser): void {
  if (isActive(user)) throw conflict({ zh: '该用户未停用', en: 'This user is not disabled' }, { reason: 'not_disabled' });
}

export const lastAdmin = () =>
  conflict({ zh: '至少保留一名管理员：本单位不能没有在用的管理员', en: 'At least one administrator must remain: the federation cannot be left without an active admin' }, { reason: 'last_admin' });

/** Whether a change takes an active admin away (disabled, or the role removed): then another must remain. */
export const takesAwayAnAdmin = (before: TenantUser, after: TenantUser): boolean => isActiveAdmin(before) && !isActiveAdmin(after);

/** Another active admin than `user`, whom the change leaves in charge; refused when there is none. */
export function remainingAdmin(user: TenantUser, directory: readonly TenantUser[]): TenantUser {
  const other = directory.find((u) => u.userId !== user.userId && isActiveAdmin(u));
  if (!other) throw lastAdmin();
  return other;
}

export const roleText = (roles: readonly string[]) => roles.map((r) => roleLabels[r as TenantRole]?.zh ?? r).join('、');

/** Before/after of the fields that changed (the login identifier as displayed: a phone stays masked). */
export function userChanges(before: TenantUser, after: TenantUser): Record<string, { from?: unknown; to?: unknown }> {
  const out: Record<string, { from?: unknown; to?: unknown }> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (before.name !== after.name) out.name = { from: before.name, to: after.name };
  if (!same(before.roles, after.roles)) out.roles = { from: before.roles, to: after.roles };
  if (!same(before.unitId, after.unitId)) out.unitId = { from: before.unitId, to: after.unitId };
  if (!same(before.modules, after.modules)) out.modules = { from: before.modules, to: after.modules };
  if (before.login?.index !== after.login?.index) out.loginId = { from: before.login?.display, to: after.login?.display };
  if ((before.status ?? 'active') !== (after.status ?? 'active')) out.status = { from: before.status ?? 'active', to: after.status ?? 'active' };
  return out;
}

/** The user disabled by `by`, with the reason; the entry and its history stay. */
export function disabledUser(before: TenantUser, by: string, reason: string, now: Date): TenantUser {
  requireActive(before);
  const at = now.toISOString();
  return { ...before, status: 'disabled', disabledAt: at, disabledBy: by, disabledReason: reason, updatedAt: at, version: versionOf(before) + 1 };
}

export function enabledUser(before: TenantUser, now: Date): TenantUser {
  requireDisabled(before);
  const { disabledAt: _at, disabledBy: _by, disabledReason: _reason, ...rest } = before;
  return { ...rest, status: 'active', updatedAt: now.toISOString(), version: versionOf(before) + 1 };
}
