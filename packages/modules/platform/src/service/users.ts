import { invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { blindIndex } from '@ufp/core/pii/blind-index';
import { maskPhone } from '@ufp/core/pii/mask';
import { parseLoginId } from '@ufp/core/validation/login-id';
import { versionOf, type LoginIdentifier, type TenantUser } from '@ufp/db/repositories/users';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import {
  checkAssignment,
  disabledUser,
  editedAssignment,
  enabledUser,
  lastAdmin,
  newAssignment,
  remainingAdmin,
  requireCurrentVersion,
  roleText,
  takesAwayAnAdmin,
  userChanges,
  userView,
  type Assignment,
  type UserView,
} from '../domain/user.js';
import type { createUserInput, disableUserInput, listUsersInput, updateUserInput } from '../schemas.js';
import type { TenantCtx } from './context.js';

/** A phone is kept encrypted and shown masked; an account name is shown as is. The guard is keyed by a keyed hash of either. */
async function loginIdentifier(ctx: TenantCtx, raw: string): Promise<LoginIdentifier> {
  const parsed = parseLoginId(raw);
  if (!parsed.ok) throw invalid(parsed.reason, { field: 'loginId' });
  const index = blindIndex(parsed.value, { key: ctx.deps.blindIndexKey, purpose: `user.loginId:${ctx.scope.tenantId}` });
  if (parsed.kind === 'account') return { kind: 'account', display: parsed.value, index };
  const encrypted = await ctx.deps.cipher.encrypt(parsed.value, { tenantId: ctx.scope.tenantId, field: 'user.loginId' });
  return { kind: 'phone', display: maskPhone(parsed.value), encrypted, index };
}

/** The assignment's rules, then that a bound unit exists in the tenant (a read). */
async function checkedAssignment(ctx: TenantCtx, assignment: Assignment): Promise<Assignment> {
  checkAssignment(assignment);
  if (assignment.unitId) await ctx.deps.units.get(ctx.scope, assignment.unitId);
  return assignment;
}

/**
 * When a change takes an active admin away, another active admin must remain: one is named in the same
 * transaction (a ConditionCheck), so two admins demoting each other at once cannot both succeed.
 */
async function keepAnAdmin(ctx: TenantCtx, uow: UnitOfWork, before: TenantUser, after: TenantUser): Promise<void> {
  if (!takesAwayAnAdmin(before, after)) return;
  const other = remainingAdmin(before, await ctx.deps.users.all(ctx.scope));
  ctx.deps.users.requireActiveAdmin(uow, other, lastAdmin());
}

export async function createUser(ctx: TenantCtx, input: z.output<typeof createUserInput>): Promise<UserView> {
  const { roles, unitId, modules } = await checkedAssignment(ctx, newAssignment(input));
  const login = input.loginId ? await loginIdentifier(ctx, input.loginId) : undefined;
  return write(ctx, (uow, now) => {
    const user: TenantUser = { userId: newId(), tenantId: ctx.scope.tenantId, name: input.name, roles, unitId, modules, login, status: 'active', createdAt: now.toISOString(), version: 1 };
    ctx.deps.users.add(uow, user);
    uow.audit({ action: 'users.create', entityType: 'user', entityId: user.userId, summary: `新建用户 ${user.name}（${roleText(user.roles)}）` });
    return userView(user);
  });
}

export async function listUsers(ctx: TenantCtx, input: z.output<typeof listUsersInput>) {
  const { q, role, status, ...paging } = input ?? {};
  const page = await ctx.deps.users.list(ctx.scope, paging, { q: q?.trim() || undefined, role, status });
  return { ...page, items: page.items.map(userView) };
}

/**
 * Name, roles, unit binding, modules and login identifier (see `editedAssignment` for what a left-out field
 * does). Applies to the user's next call within seconds.
 */
export async function updateUser(ctx: TenantCtx, input: z.output<typeof updateUserInput>): Promise<UserView> {
  const before = await ctx.deps.users.get(ctx.scope, input.userId);
  requireCurrentVersion(before, input.version);
  const assignment = await checkedAssignment(ctx, editedAssignment(before, input));
  const login = input.loginId === undefined ? before.login : input.loginId === null ? undefined : await loginIdentifier(ctx, input.loginId);
  return write(ctx, async (uow, now) => {
    const after: TenantUser = {
      ...before,
      name: input.name ?? before.name,
      ...assignment,
      // The same identifier typed again keeps its stored form (and its guard).
      login: login && before.login && login.index === before.login.index ? before.login : login,
      updatedAt: now.toISOString(),
      version: versionOf(before) + 1,
    };
    const changes = userChanges(before, after);
    await keepAnAdmin(ctx, uow, before, after);
    ctx.deps.users.replace(uow, before, after);
    uow.audit({ action: 'users.update', entityType: 'user', entityId: after.userId, summary: `修改用户 ${after.name}：${Object.keys(changes).join('、') || '无变化'}`, changes });
    return userView(after);
  });
}

/** The user's still-valid tokens are refused (401 账号已停用) within seconds; the entry and its history stay. */
export async function disableUser(ctx: TenantCtx, input: z.output<typeof disableUserInput>): Promise<UserView> {
  const before = await ctx.deps.users.get(ctx.scope, input.userId);
  return write(ctx, async (uow, now) => {
    const after = disabledUser(before, ctx.scope.actor.sub, input.reason, now);
    await keepAnAdmin(ctx, uow, before, after);
    ctx.deps.users.replace(uow, before, after);
    const changes = { status: { from: 'active', to: 'disabled' }, disabledReason: { to: input.reason } };
    uow.audit({ action: 'users.disable', entityType: 'user', entityId: after.userId, summary: `停用用户 ${after.name}：${input.reason}`, changes });
    return userView(after);
  });
}

export async function enableUser(ctx: TenantCtx, userId: string): Promise<UserView> {
  const before = await ctx.deps.users.get(ctx.scope, userId);
  return write(ctx, (uow, now) => {
    const after = enabledUser(before, now);
    ctx.deps.users.replace(uow, before, after);
    const changes = { status: { from: 'disabled', to: 'active' }, disabledReason: { from: before.disabledReason } };
    uow.audit({ action: 'users.enable', entityType: 'user', entityId: after.userId, summary: `启用用户 ${after.name}`, changes });
    return userView(after);
  });
}
