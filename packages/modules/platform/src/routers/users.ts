import { z } from 'zod';
import { conflict, invalid, staleVersion } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { blindIndex } from '@ufp/core/pii/blind-index';
import { maskPhone } from '@ufp/core/pii/mask';
import { assignableModules, roleLabels, tenantRoles, type AssignableModule, type TenantRole } from '@ufp/core/roles';
import { parseLoginId } from '@ufp/core/validation/login-id';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { isActive, isActiveAdmin, versionOf, type LoginIdentifier, type TenantUser } from '@ufp/db/repositories/users';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { limits } from '@ufp/core/validation/limits';
import { text } from '@ufp/core/validation/zod';
import type { ApiDeps } from '@ufp/kit/deps';
import { idInput, pageInput } from '@ufp/kit/schemas';
import { router, tenantProcedure } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';

const admins = tenantProcedure(['federation_admin']);

const nameInput = text(limits.user.name);
const rolesInput = z.array(z.enum(tenantRoles)).min(1).max(4);
const modulesInput = z.array(z.enum(assignableModules)).max(assignableModules.length);
const loginIdInput = z
  .string()
  .max(64)
  .superRefine((v, ctx) => {
    const parsed = parseLoginId(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason.zh, params: { en: parsed.reason.en } });
  });
const reasonInput = text(limits.user.disableReason);

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

type Ctx = { deps: ApiDeps; scope: TenantScope };

/** A phone is kept encrypted and shown masked; an account name is shown as is. The guard is keyed by a keyed hash of either. */
async function loginIdentifier(ctx: Ctx, raw: string): Promise<LoginIdentifier> {
  const parsed = parseLoginId(raw);
  if (!parsed.ok) throw invalid(parsed.reason, { field: 'loginId' });
  const index = blindIndex(parsed.value, { key: ctx.deps.blindIndexKey, purpose: `user.loginId:${ctx.scope.tenantId}` });
  if (parsed.kind === 'account') return { kind: 'account', display: parsed.value, index };
  const encrypted = await ctx.deps.cipher.encrypt(parsed.value, { tenantId: ctx.scope.tenantId, field: 'user.loginId' });
  return { kind: 'phone', display: maskPhone(parsed.value), encrypted, index };
}

/**
 * The rules every directory entry keeps, checked on the entry as it would be after a change:
 * a unit reporter is bound to one unit of the tenant, and only they are; modules are assigned to
 * federation staff who are not also admins (an admin sees every module).
 */
async function checkShape(ctx: Ctx, user: { roles: readonly TenantRole[]; unitId?: string; modules?: readonly AssignableModule[] }): Promise<void> {
  const reporter = user.roles.includes('unit_reporter');
  if (reporter && !user.unitId) throw invalid({ zh: '基层工会填报员必须绑定一个基层工会', en: 'A unit reporter must be bound to a unit' }, { field: 'unitId' });
  if (!reporter && user.unitId) throw invalid({ zh: '只有基层工会填报员绑定基层工会', en: 'Only unit reporters are bound to a unit' }, { field: 'unitId' });
  if (user.modules?.length && (!user.roles.includes('federation_staff') || user.roles.includes('federation_admin'))) {
    throw invalid({ zh: '只能为总工会工作人员（非管理员）分配业务模块', en: 'Modules are assigned to federation staff who are not admins' }, { field: 'modules' });
  }
  if (user.unitId) await ctx.deps.units.get(ctx.scope, user.unitId);
}

const lastAdmin = () =>
  conflict({ zh: '至少保留一名管理员：本单位不能没有在用的管理员', en: 'At least one administrator must remain: the federation cannot be left without an active admin' }, { reason: 'last_admin' });

/**
 * When a change takes an active admin away (disabled, or the role removed), another active admin must
 * remain: one is named in the same transaction (a ConditionCheck), so two admins demoting each other at
 * once cannot both succeed.
 */
async function keepAnAdmin(ctx: Ctx, uow: UnitOfWork, before: TenantUser, after: TenantUser): Promise<void> {
  if (!isActiveAdmin(before) || isActiveAdmin(after)) return;
  const other = (await ctx.deps.users.all(ctx.scope)).find((u) => u.userId !== before.userId && isActiveAdmin(u));
  if (!other) throw lastAdmin();
  ctx.deps.users.requireActiveAdmin(uow, other, lastAdmin());
}

const roleText = (roles: readonly string[]) => roles.map((r) => roleLabels[r as TenantRole]?.zh ?? r).join('、');

/** Before/after of the fields that changed (the login identifier as displayed: a phone stays masked). */
function changesOf(before: TenantUser, after: TenantUser): Record<string, { from?: unknown; to?: unknown }> {
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

export const usersRouter = router({
  create: admins
    .input(
      z.object({
        name: nameInput,
        roles: rolesInput,
        unitId: idInput.optional(),
        modules: modulesInput.optional(),
        loginId: loginIdInput.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const roles = [...new Set(input.roles)];
      const modules = input.modules?.length ? [...new Set(input.modules)] : undefined;
      await checkShape(ctx, { roles, unitId: input.unitId, modules });
      const login = input.loginId ? await loginIdentifier(ctx, input.loginId) : undefined;
      return write(ctx, (uow, now) => {
        const user: TenantUser = {
          userId: newId(),
          tenantId: ctx.scope.tenantId,
          name: input.name,
          roles,
          unitId: input.unitId,
          modules,
          login,
          status: 'active',
          createdAt: now.toISOString(),
          version: 1,
        };
        ctx.deps.users.add(uow, user);
        uow.audit({ action: 'users.create', entityType: 'user', entityId: user.userId, summary: `新建用户 ${user.name}（${roleText(user.roles)}）` });
        return userView(user);
      });
    }),

  list: admins.input(z.object(pageInput).optional()).query(async ({ ctx, input }) => {
    const page = await ctx.deps.users.list(ctx.scope, input ?? {});
    return { ...page, items: page.items.map(userView) };
  }),

  /**
   * Name, roles, unit binding, modules and login identifier. A field left out stays; roles without
   * `unit_reporter` drop the unit binding, and roles that are not staff-only drop the modules, unless the
   * input sets them (then they are checked). Applies to the user's next call within seconds.
   */
  update: admins
    .input(
      z.object({
        userId: idInput,
        version: z.number().int().min(1),
        name: nameInput.optional(),
        roles: rolesInput.optional(),
        unitId: idInput.nullable().optional(),
        modules: modulesInput.optional(),
        loginId: loginIdInput.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.deps.users.get(ctx.scope, input.userId);
      if (input.version !== versionOf(before)) throw staleVersion();
      const roles = input.roles ? [...new Set(input.roles)] : (before.roles as TenantRole[]);
      const staffOnly = roles.includes('federation_staff') && !roles.includes('federation_admin');
      const unitId = input.unitId !== undefined ? (input.unitId ?? undefined) : roles.includes('unit_reporter') ? before.unitId : undefined;
      const modules = input.modules !== undefined ? (input.modules.length ? [...new Set(input.modules)] : undefined) : staffOnly ? before.modules : undefined;
      await checkShape(ctx, { roles, unitId, modules });
      const login = input.loginId === undefined ? before.login : input.loginId === null ? undefined : await loginIdentifier(ctx, input.loginId);
      return write(ctx, async (uow, now) => {
        const after: TenantUser = {
          ...before,
          name: input.name ?? before.name,
          roles,
          unitId,
          modules,
          // The same identifier typed again keeps its stored form (and its guard).
          login: login && before.login && login.index === before.login.index ? before.login : login,
          updatedAt: now.toISOString(),
          version: versionOf(before) + 1,
        };
        const changes = changesOf(before, after);
        await keepAnAdmin(ctx, uow, before, after);
        ctx.deps.users.replace(uow, before, after);
        uow.audit({ action: 'users.update', entityType: 'user', entityId: after.userId, summary: `修改用户 ${after.name}：${Object.keys(changes).join('、') || '无变化'}`, changes });
        return userView(after);
      });
    }),

  /** The user's still-valid tokens are refused (401 账号已停用) within seconds; the entry and its history stay. */
  disable: admins.input(z.object({ userId: idInput, reason: reasonInput })).mutation(async ({ ctx, input }) => {
    const before = await ctx.deps.users.get(ctx.scope, input.userId);
    if (!isActive(before)) throw conflict({ zh: '该用户已停用', en: 'This user is already disabled' }, { reason: 'already_disabled' });
    return write(ctx, async (uow, now) => {
      const after: TenantUser = { ...before, status: 'disabled', disabledAt: now.toISOString(), disabledBy: ctx.scope.actor.sub, disabledReason: input.reason, updatedAt: now.toISOString(), version: versionOf(before) + 1 };
      await keepAnAdmin(ctx, uow, before, after);
      ctx.deps.users.replace(uow, before, after);
      uow.audit({ action: 'users.disable', entityType: 'user', entityId: after.userId, summary: `停用用户 ${after.name}：${input.reason}`, changes: { status: { from: 'active', to: 'disabled' }, disabledReason: { to: input.reason } } });
      return userView(after);
    });
  }),

  enable: admins.input(z.object({ userId: idInput })).mutation(async ({ ctx, input }) => {
    const before = await ctx.deps.users.get(ctx.scope, input.userId);
    if (isActive(before)) throw conflict({ zh: '该用户未停用', en: 'This user is not disabled' }, { reason: 'not_disabled' });
    return write(ctx, (uow, now) => {
      const { disabledAt: _at, disabledBy: _by, disabledReason, ...rest } = before;
      const after: TenantUser = { ...rest, status: 'active', updatedAt: now.toISOString(), version: versionOf(before) + 1 };
      ctx.deps.users.replace(uow, before, after);
      uow.audit({ action: 'users.enable', entityType: 'user', entityId: after.userId, summary: `启用用户 ${after.name}`, changes: { status: { from: 'disabled', to: 'active' }, disabledReason: { from: disabledReason } } });
      return userView(after);
    });
  }),
});
