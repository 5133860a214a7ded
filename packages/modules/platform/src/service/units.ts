import { newId } from '@ufp/core/ids';
import { maskPhone } from '@ufp/core/pii/mask';
import type { Unit } from '@ufp/core/units/unit';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { editUnit, editUnitContact, requireUsccOfEnterprise, unitMetricDeltas, unitView, type UnitView } from '../domain/unit.js';
import { unitCreated, unitUpdated } from '../events.js';
import type { createUnitInput, listUnitsInput, updateUnitContactInput, updateUnitInput } from '../schemas.js';
import type { TenantCtx } from './context.js';

const PHONE_FIELD = 'unit.chair.phone';

/** The chair as stored: the phone encrypted (context: tenant and field), its masked form beside it. */
async function storedChair(ctx: TenantCtx, chair: { name: string; phone?: string }): Promise<Unit['chair']> {
  return {
    name: chair.name,
    phoneEncrypted: chair.phone ? await ctx.deps.cipher.encrypt(chair.phone, { tenantId: ctx.scope.tenantId, field: PHONE_FIELD }) : undefined,
    phoneMasked: chair.phone ? maskPhone(chair.phone) : undefined,
  };
}

export async function createUnit(ctx: TenantCtx, input: z.output<typeof createUnitInput>): Promise<UnitView> {
  requireUsccOfEnterprise(input);
  return write(ctx, async (uow, now) => {
    const at = now.toISOString();
    const { chair, ...fields } = input;
    const unit: Unit = { unitId: newId(), tenantId: ctx.scope.tenantId, ...fields, chair: await storedChair(ctx, chair), version: 1, createdAt: at, updatedAt: at };
    ctx.deps.units.add(uow, unit);
    uow.emit(unitCreated.create({ unitId: unit.unitId, type: unit.type, memberCount: unit.memberCount, metrics: unitMetricDeltas(undefined, unit) }));
    uow.audit({ action: 'units.create', entityType: 'unit', entityId: unit.unitId, summary: `新建基层工会 ${unit.name}` });
    return unitView(unit);
  });
}

/**
 * A versioned edit. Not `transition()`: the new chair phone is encrypted (async) before the pure edit, and the
 * answer is the masked view, never the stored unit with its ciphertext.
 */
export async function updateUnit(ctx: TenantCtx, input: z.output<typeof updateUnitInput>): Promise<UnitView> {
  const before = await ctx.deps.units.get(ctx.scope, input.unitId);
  const { unitId: _id, version, chair, ...fields } = input;
  const edit = { ...fields, ...(chair ? { chair: await storedChair(ctx, chair) } : {}) };
  const { after, changes, metrics } = editUnit(before, edit, version, ctx.deps.clock.now());
  return write(ctx, (uow) => {
    ctx.deps.units.replace(uow, before, after);
    uow.emit(unitUpdated.create({ unitId: after.unitId, changed: Object.keys(changes), ...(Object.keys(metrics).length ? { metrics } : {}) }));
    uow.audit({ action: 'units.update', entityType: 'unit', entityId: after.unitId, summary: `修改基层工会 ${after.name}：${Object.keys(changes).join('、') || '无变化'}`, changes });
    return unitView(after);
  });
}

/**
 * The chair's name and phone corrected — by the unit's own reporter (or staff); the identity fields stay the
 * admin's (`editUnitContact`). Audited as `units.updateContact` with the changes, the phone masked.
 */
export async function updateUnitContact(ctx: TenantCtx, input: z.output<typeof updateUnitContactInput>): Promise<UnitView> {
  const before = await ctx.deps.units.get(ctx.scope, input.unitId);
  const { unitId: _id, version, chair, ...rest } = input;
  const stored = chair.phone === undefined ? { ...before.chair, name: chair.name } : await storedChair(ctx, { name: chair.name, phone: chair.phone ?? undefined });
  const { after, changes } = editUnitContact(before, { ...rest, chair: stored }, ctx.scope, version, ctx.deps.clock.now());
  return write(ctx, (uow) => {
    ctx.deps.units.replace(uow, before, after);
    uow.emit(unitUpdated.create({ unitId: after.unitId, changed: Object.keys(changes) }));
    uow.audit({ action: 'units.updateContact', entityType: 'unit', entityId: after.unitId, summary: `更正基层工会 ${after.name} 联系方式：${Object.keys(changes).join('、') || '无变化'}`, changes });
    return unitView(after);
  });
}

export async function getUnit(ctx: TenantCtx, unitId: string): Promise<UnitView> {
  return unitView(await ctx.deps.units.get(ctx.scope, unitId));
}

export async function listUnits(ctx: TenantCtx, input: z.output<typeof listUnitsInput>) {
  const page = await ctx.deps.units.list(ctx.scope, { type: input?.type, q: input?.q || undefined }, { cursor: input?.cursor, limit: input?.limit });
  return { items: page.items.map(unitView), nextCursor: page.nextCursor };
}

/** The unmasked phone, for staff who must call the chair; every read is audit-logged. */
export async function revealChairPhone(ctx: TenantCtx, unitId: string): Promise<{ phone: string | null }> {
  const unit = await ctx.deps.units.get(ctx.scope, unitId);
  const encrypted = unit.chair.phoneEncrypted;
  const phone = encrypted ? await ctx.deps.cipher.decrypt(encrypted, { tenantId: unit.tenantId, field: PHONE_FIELD }) : null;
  await write(ctx, (uow) => {
    uow.audit({ action: 'pii.reveal', entityType: 'unit', entityId: unit.unitId, summary: `查看基层工会 ${unit.name} 主席联系电话（明文）` });
  });
  return { phone };
}
