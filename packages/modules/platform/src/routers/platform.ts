import { z } from 'zod';
import { conflict, staleVersion } from '@ufp/core/errors';
import { tenantDivisionProblem } from '@ufp/core/validation/divisions';
import { limits, TENANT_ID_LENGTH } from '@ufp/core/validation/limits';
import { bilingualMessage, currentDivisionCodeSchema, phoneSchema, recordId, text } from '@ufp/core/validation/zod';
import { PLATFORM_AUDIT_TENANT, type Tenant, type TenantScope } from '@ufp/core/tenancy/scope';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { platformProcedure, router, type Context } from '@ufp/kit/trpc';
import { platformDeadLettersRouter } from './dead-letters.js';

/**
 * A tenant: its division code a current GB/T 2260 code of its level (city or county), and an id
 * that is itself a code (321281, 3212) naming the same division.
 */
export const tenantInput = z.object({
  // Reserved: the platform's own audit log lives under this id.
  id: z
    .string()
    .refine((v) => new RegExp(`^[A-Za-z0-9_-]{${TENANT_ID_LENGTH.min},${TENANT_ID_LENGTH.max}}$`).test(v), {
      message: `租户标识只能包含字母、数字、下划线和短横线（${TENANT_ID_LENGTH.min}–${TENANT_ID_LENGTH.max} 位）`,
      params: { en: `Tenant id: ${TENANT_ID_LENGTH.min}–${TENANT_ID_LENGTH.max} letters, digits, _ or -` },
    })
    .refine((v) => v.toLowerCase() !== PLATFORM_AUDIT_TENANT, { message: `租户标识「${PLATFORM_AUDIT_TENANT}」为平台保留`, params: { en: `The tenant id "${PLATFORM_AUDIT_TENANT}" is reserved for the platform` } }),
  name: text(limits.tenant.name),
  level: z.enum(['city', 'county']),
  divisionCode: currentDivisionCodeSchema,
});
export const createTenantInput = tenantInput.superRefine((tenant, ctx) => {
  const mismatch = tenantDivisionProblem(tenant);
  if (mismatch) ctx.addIssue({ code: 'custom', path: [mismatch.field], message: bilingualMessage(mismatch.problem.reason), params: { reason: mismatch.problem.code } });
});

const tenantIdInput = recordId(TENANT_ID_LENGTH.max);

const contactInput = z.object({
  name: text(limits.tenant.contactName).optional(),
  phone: phoneSchema.optional(),
  email: z.string().trim().max(limits.tenant.contactEmail.max).email().optional(),
});

const updateTenantInput = z.object({
  tenantId: tenantIdInput,
  version: z.number().int().min(1),
  name: text(limits.tenant.name).optional(),
  /** Replaces the whole contact; `null` removes it. */
  contact: contactInput.nullable().optional(),
});

/**
 * Writes a change of a tenant: the tenant (versioned) and an audit entry in both the platform's log and the
 * tenant's own, in one transaction. The operator acts in the tenant's scope only to write its log.
 */
async function changeTenant(
  ctx: Context & { actor: TenantScope['actor'] },
  before: Tenant,
  after: Tenant,
  entry: { action: string; summary: string; changes: Record<string, { from?: unknown; to?: unknown }> },
  event: string,
): Promise<Tenant> {
  const now = ctx.deps.clock.now();
  const scope: TenantScope = { kind: 'tenant', tenantId: before.id, divisionCode: before.divisionCode, actor: ctx.actor };
  const uow = new UnitOfWork(ctx.deps.table, { scope, correlationId: ctx.correlationId, now });
  ctx.deps.tenants.replace(uow, before, after);
  uow.emit({ type: event, data: { tenantId: after.id, status: after.status } });
  const audited = { ...entry, entityType: 'tenant', entityId: after.id };
  uow.audit(audited).audit(audited, PLATFORM_AUDIT_TENANT);
  await uow.commit();
  return after;
}

/** The contact as stored: blank members dropped; a phone never in an audit entry (masked there). */
const auditContact = (c: Tenant['contact']) => (c ? { ...c, phone: c.phone ? '***' : undefined } : undefined);


export const platformRouter = router({
  tenants: router({
    create: platformProcedure.input(createTenantInput).mutation(async ({ ctx, input }) => {
      const now = ctx.deps.clock.now();
      const tenant: Tenant = { ...input, status: 'active', createdAt: now.toISOString(), version: 1 };
      const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: ctx.actor };
      const uow = new UnitOfWork(ctx.deps.table, { scope, correlationId: ctx.correlationId, now });
      ctx.deps.tenants.add(uow, tenant);
      uow.emit({ type: 'platform.tenant.created', data: { tenantId: tenant.id, level: tenant.level, divisionCode: tenant.divisionCode } });
      const entry = { action: 'platform.tenants.create', entityType: 'tenant', entityId: tenant.id, summary: `创建租户 ${tenant.name}（${tenant.divisionCode}）` };
      uow.audit(entry).audit(entry, PLATFORM_AUDIT_TENANT);
      await uow.commit();
      return tenant;
    }),
    /** Every tenant with its status; a suspended one with when, by whom and why. */
    list: platformProcedure.query(async ({ ctx }) => ({ items: await ctx.deps.tenants.list() })),

    /** Name and contact (the id, level and division code are fixed at creation). */
    update: platformProcedure.input(updateTenantInput).mutation(async ({ ctx, input }) => {
      const before = await ctx.deps.tenants.read(input.tenantId);
      if (input.version !== before.version) throw staleVersion();
      const now = ctx.deps.clock.now().toISOString();
      const contact = input.contact === undefined ? before.contact : input.contact === null ? undefined : input.contact;
      const after: Tenant = { ...before, name: input.name ?? before.name, contact, updatedAt: now, version: before.version + 1 };
      const changes: Record<string, { from?: unknown; to?: unknown }> = {};
      if (after.name !== before.name) changes.name = { from: before.name, to: after.name };
      if (JSON.stringify(after.contact ?? null) !== JSON.stringify(before.contact ?? null)) changes.contact = { from: auditContact(before.contact), to: auditContact(after.contact) };
      return changeTenant(ctx, before, after, { action: 'platform.tenants.update', summary: `修改租户 ${after.name}（${after.id}）：${Object.keys(changes).join('、') || '无变化'}`, changes }, 'platform.tenant.updated');
    }),

    /**
     * Its users are refused (403 所属租户已停用) and its public pages answer 服务已暂停 within the tenant cache
     * window (5 s); nothing is deleted, and its rows stay in the rollups, marked suspended.
     */
    suspend: platformProcedure.input(z.object({ tenantId: tenantIdInput, reason: text(limits.tenant.suspendReason) })).mutation(async ({ ctx, input }) => {
      const before = await ctx.deps.tenants.read(input.tenantId);
      if (before.status === 'suspended') throw conflict({ zh: '该租户已停用', en: 'This tenant is already suspended' }, { reason: 'already_suspended' });
      const now = ctx.deps.clock.now().toISOString();
      const after: Tenant = { ...before, status: 'suspended', suspendedAt: now, suspendedBy: ctx.actor.sub, suspendReason: input.reason, updatedAt: now, version: before.version + 1 };
      return changeTenant(
        ctx,
        before,
        after,
        { action: 'platform.tenants.suspend', summary: `停用租户 ${before.name}（${before.id}）：${input.reason}`, changes: { status: { from: 'active', to: 'suspended' }, suspendReason: { to: input.reason } } },
        'platform.tenant.suspended',
      );
    }),

    reactivate: platformProcedure.input(z.object({ tenantId: tenantIdInput })).mutation(async ({ ctx, input }) => {
      const before = await ctx.deps.tenants.read(input.tenantId);
      if (before.status === 'active') throw conflict({ zh: '该租户未停用', en: 'This tenant is not suspended' }, { reason: 'not_suspended' });
      const now = ctx.deps.clock.now().toISOString();
      const { suspendedAt: _at, suspendedBy: _by, suspendReason, ...rest } = before;
      const after: Tenant = { ...rest, status: 'active', reactivatedAt: now, updatedAt: now, version: before.version + 1 };
      return changeTenant(
        ctx,
        before,
        after,
        { action: 'platform.tenants.reactivate', summary: `恢复租户 ${before.name}（${before.id}）`, changes: { status: { from: 'suspended', to: 'active' }, suspendReason: { from: suspendReason } } },
        'platform.tenant.reactivated',
      );
    }),
  }),
  deadLetters: platformDeadLettersRouter,
});
