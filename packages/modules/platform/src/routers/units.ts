import { z } from 'zod';
import { invalid, staleVersion } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { maskPhone } from '@ufp/core/pii/mask';
import { unitMetricDeltas, unitTypes, type Unit } from '@ufp/core/units/unit';
import { limits, numberLimits } from '@ufp/core/validation/limits';
import { phoneSchema, text, usccSchema } from '@ufp/core/validation/zod';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { ApiDeps } from '@ufp/kit/deps';
import { idInput, pageInput } from '@ufp/kit/schemas';
import { tenantProcedure, router } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';

const chairInput = z.object({ name: text(limits.unit.chairName), phone: phoneSchema.optional() });
const unitFields = {
  name: text(limits.unit.name),
  type: z.enum(unitTypes),
  uscc: usccSchema.optional(),
  memberCount: z.number().int().min(numberLimits.memberCount.min).max(numberLimits.memberCount.max),
  chair: chairInput,
};

const usccRequired = () =>
  invalid({ zh: '企业工会须填写统一社会信用代码', en: 'An enterprise union needs its unified social credit code' }, { field: 'uscc' });

export type UnitView = Omit<Unit, 'chair'> & { chair: { name: string; phoneMasked?: string } };

const readers = tenantProcedure(['federation_admin', 'federation_staff', 'unit_reporter']);
const admins = tenantProcedure(['federation_admin']);

export const unitsRouter = router({
  create: admins.input(z.object(unitFields)).mutation(async ({ ctx, input }) => {
    if (input.type === 'enterprise' && !input.uscc) throw usccRequired();
    return write(ctx, async (uow, now) => {
      const unit: Unit = {
        unitId: newId(),
        tenantId: ctx.scope.tenantId,
        name: input.name,
        type: input.type,
        uscc: input.uscc,
        memberCount: input.memberCount,
        chair: await chairStored(ctx, input.chair),
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      ctx.deps.units.add(uow, unit);
      uow.emit({ type: 'units.unit.created', data: { unitId: unit.unitId, type: unit.type, memberCount: unit.memberCount, metrics: unitMetricDeltas(undefined, unit) } });
      uow.audit({ action: 'units.create', entityType: 'unit', entityId: unit.unitId, summary: `新建基层工会 ${unit.name}` });
      return view(unit);
    });
  }),

  update: admins
    .input(z.object({ unitId: idInput, version: z.number().int().min(1), ...partial(unitFields) }))
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.deps.units.get(ctx.scope, input.unitId);
      const { unitId: _id, version, chair, ...fields } = input;
      const after: Unit = {
        ...before,
        ...fields,
        chair: chair ? await chairStored(ctx, chair) : before.chair,
        version: before.version + 1,
        updatedAt: ctx.deps.clock.now().toISOString(),
      };
      if (after.type === 'enterprise' && !after.uscc) throw usccRequired();
      if (version !== before.version) throw staleVersion();
      const changes = changedFields(before, after);
      return write(ctx, (uow) => {
        ctx.deps.units.replace(uow, before, after);
        const metrics = unitMetricDeltas(before, after);
        uow.emit({ type: 'units.unit.updated', data: { unitId: after.unitId, changed: Object.keys(changes), ...(Object.keys(metrics).length ? { metrics } : {}) } });
        uow.audit({ action: 'units.update', entityType: 'unit', entityId: after.unitId, summary: `修改基层工会 ${after.name}：${Object.keys(changes).join('、') || '无变化'}`, changes });
        return view(after);
      });
    }),

  get: readers.input(z.object({ unitId: idInput })).query(async ({ ctx, input }) => view(await ctx.deps.units.get(ctx.scope, input.unitId))),

  list: readers
    .input(z.object({ ...pageInput, type: z.enum(unitTypes).optional(), q: text(limits.unit.search).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const page = await ctx.deps.units.list(ctx.scope, { type: input?.type, q: input?.q || undefined }, { cursor: input?.cursor, limit: input?.limit });
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    }),

  /** The unmasked phone, for staff who must call the chair; every read is audit-logged. */
  revealChairPhone: tenantProcedure(['federation_admin', 'federation_staff'])
    .meta({ auditedRead: true })
    .input(z.object({ unitId: idInput }))
    .mutation(async ({ ctx, input }) => {
      const unit = await ctx.deps.units.get(ctx.scope, input.unitId);
      const encrypted = unit.chair.phoneEncrypted;
      const phone = encrypted ? await ctx.deps.cipher.decrypt(encrypted, { tenantId: unit.tenantId, field: 'unit.chair.phone' }) : null;
      await write(ctx, (uow) => {
        uow.audit({ action: 'pii.reveal', entityType: 'unit', entityId: unit.unitId, summary: `查看基层工会 ${unit.name} 主席联系电话（明文）` });
      });
      return { phone };
    }),
});

async function chairStored(ctx: { deps: ApiDeps; scope: TenantScope }, chair: { name: string; phone?: string }): Promise<Unit['chair']> {
  return {
    name: chair.name,
    phoneEncrypted: chair.phone ? await ctx.deps.cipher.encrypt(chair.phone, { tenantId: ctx.scope.tenantId, field: 'unit.chair.phone' }) : undefined,
    phoneMasked: chair.phone ? maskPhone(chair.phone) : undefined,
  };
}

/** Until revealed, a phone leaves the API only masked; the ciphertext never leaves it. */
export function view(unit: Unit): UnitView {
  const { chair, ...rest } = unit;
  return { ...rest, chair: { name: chair.name, phoneMasked: chair.phoneMasked } };
}

function changedFields(before: Unit, after: Unit): Record<string, { from?: unknown; to?: unknown }> {
  const out: Record<string, { from?: unknown; to?: unknown }> = {};
  for (const key of ['name', 'type', 'uscc', 'memberCount'] as const) {
    if (before[key] !== after[key]) out[key] = { from: before[key], to: after[key] };
  }
  if (before.chair.name !== after.chair.name) out['chair.name'] = { from: before.chair.name, to: after.chair.name };
  if (before.chair.phoneEncrypted !== after.chair.phoneEncrypted) out['chair.phone'] = { from: '***', to: '***' };
  return out;
}

function partial<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };
}
