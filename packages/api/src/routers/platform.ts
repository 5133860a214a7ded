import { z } from 'zod';
import { invalid } from '@ufp/core/errors';
import { divisionCodeSchema } from '@ufp/core/validation/zod';
import { PLATFORM_AUDIT_TENANT, type Tenant, type TenantScope } from '@ufp/core/tenancy/scope';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { platformProcedure, router } from '../trpc.js';
import { platformDeadLettersRouter } from './dead-letters.js';

const createTenantInput = z.object({
  // Reserved: the platform's own audit log lives under this id.
  id: z
    .string()
    .refine((v) => /^[A-Za-z0-9_-]{2,40}$/.test(v), { message: '租户标识只能包含字母、数字、下划线和短横线（2–40 位）', params: { en: 'Tenant id: 2–40 letters, digits, _ or -' } })
    .refine((v) => v.toLowerCase() !== PLATFORM_AUDIT_TENANT, { message: `租户标识「${PLATFORM_AUDIT_TENANT}」为平台保留`, params: { en: `The tenant id "${PLATFORM_AUDIT_TENANT}" is reserved for the platform` } }),
  name: z.string().trim().min(2).max(50),
  level: z.enum(['city', 'county']),
  divisionCode: divisionCodeSchema.refine((c) => c.length === 6, { message: '行政区划代码应为 6 位', params: { en: 'Division code must have 6 digits' } }),
});

/** A city federation's code ends in 00 (its county digits are empty); a county's does not. */
function checkLevel(level: Tenant['level'], code: string): void {
  const cityLevel = code.endsWith('00');
  if (level === 'city' && !cityLevel) throw invalid({ zh: '市级总工会的行政区划代码应以 00 结尾', en: 'A city federation code ends in 00' }, { field: 'divisionCode' });
  if (level === 'county' && cityLevel) throw invalid({ zh: '县级总工会的行政区划代码不能以 00 结尾', en: 'A county federation code cannot end in 00' }, { field: 'divisionCode' });
}

export const platformRouter = router({
  tenants: router({
    create: platformProcedure.input(createTenantInput).mutation(async ({ ctx, input }) => {
      checkLevel(input.level, input.divisionCode);
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
