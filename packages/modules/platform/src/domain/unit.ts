import { invalid, notFound, staleVersion } from '@ufp/core/errors';
import type { MetricDeltas } from '@ufp/core/events';
import { unitTypeLabels, type Unit } from '@ufp/core/units/unit';
import { defineEnum } from '@ufp/kit/enum';

/** The kinds of grassroots union (the stored shape and its values stay in core: the db repository reads them). */
export const UnitType = defineEnum(unitTypeLabels);

export type UnitView = Omit<Unit, 'chair'> & { chair: { name: string; phoneMasked?: string } };
export type UnitChanges = Record<string, { from?: unknown; to?: unknown }>;

/** Until revealed, a phone leaves the API only masked; the ciphertext never leaves it. */
export function unitView(unit: Unit): UnitView {
  const { chair, ...rest } = unit;
  return { ...rest, chair: { name: chair.name, phoneMasked: chair.phoneMasked } };
}

/** What a unit contributes to the rollups: counts only, never names or contacts. */
export function unitMetrics(unit: Pick<Unit, 'type' | 'memberCount'>): MetricDeltas {
  return { 'units.count': 1, 'units.members': unit.memberCount, [`units.byType.${unit.type}`]: 1 };
}

/** The change in rollup metrics when a unit goes from `before` to `after` (either may be absent). */
export function unitMetricDeltas(
  before: Pick<Unit, 'type' | 'memberCount'> | undefined,
  after: Pick<Unit, 'type' | 'memberCount'> | undefined,
): MetricDeltas {
  const deltas: MetricDeltas = {};
  const add = (m: MetricDeltas, sign: 1 | -1) => {
    for (const [k, v] of Object.entries(m)) deltas[k] = (deltas[k] ?? 0) + sign * v;
  };
  if (before) add(unitMetrics(before), -1);
  if (after) add(unitMetrics(after), 1);
  for (const k of Object.keys(deltas)) if (deltas[k] === 0) delete deltas[k];
  return deltas;
}

/** An enterprise union is registered with its unified social credit code. */
export function requireUsccOfEnterprise(unit: Pick<Unit, 'type' | 'uscc'>): void {
  if (unit.type === 'enterprise' && !unit.uscc) {
    throw invalid({ zh: '企业工会须填写统一社会信用代码', en: 'An enterprise union needs its unified social credit code' }, { field: 'uscc' });
  }
}

/** Before/after of the fields that changed; the chair's phone only as `***`. */
export function unitChanges(before: Unit, after: Unit): UnitChanges {
  const out: UnitChanges = {};
  for (const key of ['name', 'type', 'uscc', 'memberCount'] as const) {
    if (before[key] !== after[key]) out[key] = { from: before[key], to: after[key] };
  }
  if (before.chair.name !== after.chair.name) out['chair.name'] = { from: before.chair.name, to: after.chair.name };
  if (before.chair.phoneEncrypted !== after.chair.phoneEncrypted) out['chair.phone'] = { from: '***', to: '***' };
  return out;
}

export type UnitEdit = Partial<Pick<Unit, 'name' | 'type' | 'uscc' | 'memberCount' | 'chair'>>;

/**
 * A unit edited: the fields given replace the stored ones (the chair already in its stored form). Refused when the
 * result is an enterprise union without a USCC, then when someone else changed the unit since `expectedVersion`.
 */
export function editUnit(before: Unit, edit: UnitEdit, expectedVersion: number, now: Date): { after: Unit; changes: UnitChanges; metrics: MetricDeltas } {
  const after: Unit = { ...before, ...edit, chair: edit.chair ?? before.chair, version: before.version + 1, updatedAt: now.toISOString() };
  requireUsccOfEnterprise(after);
  if (expectedVersion !== before.version) throw staleVersion();
  return { after, changes: unitChanges(before, after), metrics: unitMetricDeltas(before, after) };
}

/** The fields that say which union a unit is (and what it counts): only a federation admin changes them. */
export const unitIdentityFields = ['name', 'type', 'uscc', 'memberCount'] as const;

/**
 * A unit's contact details corrected by whoever may: a unit reporter only for their own unit (another unit is
 * not found to them), and only the chair's name and phone — a request that carries an identity field is refused,
 * not silently trimmed.
 */
export function editUnitContact(
  before: Unit,
  request: { chair: Unit['chair'] } & Partial<Record<(typeof unitIdentityFields)[number], unknown>>,
  caller: { unitId?: string },
  expectedVersion: number,
  now: Date,
): { after: Unit; changes: UnitChanges } {
  if (caller.unitId && caller.unitId !== before.unitId) throw notFound({ zh: '基层工会', en: 'Union' });
  const identity = unitIdentityFields.filter((f) => request[f] !== undefined);
  if (identity.length) {
    throw invalid(
      { zh: '基层工会的名称、类型、统一社会信用代码和会员人数由总工会管理员维护，这里只能更正联系方式', en: "A union's name, type, credit code and member count are kept by the federation admin; here only the contact details can be corrected" },
      { field: identity[0] },
    );
  }
  const { after, changes } = editUnit(before, { chair: request.chair }, expectedVersion, now);
  return { after, changes };
}
