import { describe, expect, it } from 'vitest';
import type { Unit } from '@ufp/core/units/unit';
import { editUnit, editUnitContact, unitMetricDeltas, unitView } from './unit.js';

describe('unit rollup deltas', () => {
  it('a new unit adds one unit, its members and its type', () => {
    expect(unitMetricDeltas(undefined, { type: 'enterprise', memberCount: 120 })).toEqual({
      'units.count': 1,
      'units.members': 120,
      'units.byType.enterprise': 1,
    });
  });
  it('a member-count change moves only the members figure', () => {
    expect(unitMetricDeltas({ type: 'enterprise', memberCount: 120 }, { type: 'enterprise', memberCount: 100 })).toEqual({
      'units.members': -20,
    });
  });
  it('a type change moves the unit between type buckets', () => {
    expect(unitMetricDeltas({ type: 'enterprise', memberCount: 5 }, { type: 'industry', memberCount: 5 })).toEqual({
      'units.byType.enterprise': -1,
      'units.byType.industry': 1,
    });
  });
});

const unit: Unit = { unitId: 'u1', tenantId: 't1', name: '甲', type: 'regional', memberCount: 10, chair: { name: '王' }, version: 3, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

describe('editing a unit', () => {
  it('refuses an enterprise union without its USCC before the version', () => {
    expect(() => editUnit(unit, { type: 'enterprise' }, 1, new Date())).toThrow(expect.objectContaining({ kind: 'invalid', details: { field: 'uscc' } }));
  });
  it('refuses a stale version', () => {
    expect(() => editUnit(unit, { memberCount: 11 }, 2, new Date())).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });
  it('bumps the version and reports what changed, the phone masked', () => {
    const { after, changes, metrics } = editUnit(unit, { memberCount: 12, chair: { name: '王', phoneEncrypted: 'x' } }, 3, new Date('2026-02-01T00:00:00Z'));
    expect(after).toMatchObject({ version: 4, memberCount: 12, updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(changes).toEqual({ memberCount: { from: 10, to: 12 }, 'chair.phone': { from: '***', to: '***' } });
    expect(metrics).toEqual({ 'units.members': 2 });
  });
  it('never shows the ciphertext', () => {
    expect(unitView({ ...unit, chair: { name: '王', phoneEncrypted: 'secret', phoneMasked: '138****1111' } }).chair).toEqual({ name: '王', phoneMasked: '138****1111' });
  });
});

describe("a unit's contact details corrected by its reporter", () => {
  const chair = { name: '李', phoneEncrypted: 'enc', phoneMasked: '138****0000' };
  it('changes only the chair, audited as a change of the chair', () => {
    const { after, changes } = editUnitContact(unit, { chair }, { unitId: 'u1' }, 3, new Date('2026-02-01T00:00:00Z'));
    expect(after).toMatchObject({ name: '甲', type: 'regional', memberCount: 10, chair, version: 4 });
    expect(changes).toEqual({ 'chair.name': { from: '王', to: '李' }, 'chair.phone': { from: '***', to: '***' } });
  });
  it('refuses an identity field, naming it', () => {
    for (const field of ['name', 'type', 'uscc', 'memberCount'] as const) {
      expect(() => editUnitContact(unit, { chair, [field]: 'x' }, { unitId: 'u1' }, 3, new Date())).toThrow(expect.objectContaining({ kind: 'invalid', details: { field } }));
    }
  });
  it("another unit's reporter finds no such unit; staff (no unit) may correct any", () => {
    expect(() => editUnitContact(unit, { chair }, { unitId: 'u2' }, 3, new Date())).toThrow(expect.objectContaining({ kind: 'not_found' }));
    expect(editUnitContact(unit, { chair }, {}, 3, new Date()).after.version).toBe(4);
  });
  it('refuses a stale version', () => {
    expect(() => editUnitContact(unit, { chair }, { unitId: 'u1' }, 2, new Date())).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });
});
