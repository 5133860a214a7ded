import { z } from 'zod';
import { tenantDivisionProblem } from '@ufp/core/validation/divisions';
import { limits, TENANT_ID_LENGTH } from '@ufp/core/validation/limits';
import { bilingualMessage, currentDivisionCodeSchema, text } from '@ufp/core/validation/zod';
import { PLATFORM_AUDIT_TENANT, type Tenant, type TenantScope } from '@ufp/core/tenancy/scope';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { platformProcedure, router } from '../trpc.js';
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
    list: platformProcedure.query(async ({ ctx }) => ({ items: await ctx.deps.tenants.list() })),
  }),
  deadLetters: platformDeadLettersRouter,
});
