import { describe, expect, it } from 'vitest';
import { valuesFromDeltas } from '@ufp/kit/recount';
import { unitIndicators } from './metrics.js';
import { unitDeltas } from './recount.js';
import { normaliseScope, recountTarget } from './service/recount.js';

const actor = { sub: 'a', roles: ['federation_admin' as const] };
const tenant = (id: string, divisionCode: string, level: 'city' | 'county') => ({ id, name: id, level, divisionCode, status: 'active' as const, createdAt: '', version: 1 });
const cityAdmin = { kind: 'federation' as const, tenant: tenant('3212', '321200', 'city'), scope: { kind: 'rollup' as const, code: '3212', actor } };
const countyAdmin = { kind: 'federation' as const, tenant: tenant('321281', '321281', 'county'), scope: { kind: 'rollup' as const, code: '321281', actor, tenantId: '321281' } };

describe('units recount', () => {
  it('counts each unit from the year it was created (Asia/Shanghai), carried into later years', () => {
    const deltas = unitDeltas([
      { type: 'enterprise', memberCount: 100, createdAt: '2026-12-31T16:30:00.000Z' },
      { type: 'regional', memberCount: 20, createdAt: '2026-05-01T02:00:00.000Z' },
    ]);
    expect(valuesFromDeltas(unitIndicators, 2026, deltas)).toEqual({ 'units.count': 1, 'units.members': 20, 'units.byType.regional': 1 });
    expect(valuesFromDeltas(unitIndicators, 2027, deltas)).toEqual({ 'units.count': 2, 'units.members': 120, 'units.byType.regional': 1, 'units.byType.enterprise': 1 });
  });
});

describe('which scope a recount covers', () => {
  it('reads a division code as its rollup scope', () => {
    expect(['321200', '320000', '3200', '321281', '32'].map(normaliseScope)).toEqual(['3212', '32', '32', '321281', '32']);
  });

  it('the operator names any scope and must name one', () => {
    expect(recountTarget({ kind: 'operator' }, '3201')).toEqual({ code: '3201' });
    expect(() => recountTarget({ kind: 'operator' }, undefined)).toThrow(/scope|核算/);
  });

  it('a city admin recounts its city by default or a county in it, nothing else', () => {
    expect(recountTarget(cityAdmin, undefined)).toEqual({ code: '3212' });
    expect(recountTarget(cityAdmin, '321282')).toEqual({ code: '321282' });
    expect(() => recountTarget(cityAdmin, '32')).toThrow(/无权核算/);
    expect(() => recountTarget(cityAdmin, '320102')).toThrow(/无权核算/);
  });

  it('a county admin recounts its own row only', () => {
    expect(recountTarget(countyAdmin, undefined)).toEqual({ code: '321281', tenantId: '321281' });
    expect(() => recountTarget(countyAdmin, '321282')).toThrow(/无权核算/);
  });
});
