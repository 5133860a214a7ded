import { describe, expect, it } from 'vitest';
import { valuesFromDeltas } from '@ufp/kit/recount';
import { contractIndicators } from './metrics.js';
import { contractChanges, contractDeltas } from './recount.js';

const h = (step: string, on: string, at = `${on}T02:00:00.000Z`) => ({ step, on, at, by: 'u' });
const base = { type: 'comprehensive' as const, coveredEmployees: 200, coveredEnterprises: 3, clauses: { wageGrowthPct: 5 }, term: { start: '2026-01-01', end: '2027-12-31' }, unitId: 'u1' };
const values = (year: number, contracts: Parameters<typeof contractDeltas>[0]) => valuesFromDeltas(contractIndicators, year, contractDeltas(contracts));

describe('contract recount', () => {
  it('counts the steps in the year they were recorded and the time in force from the day it took effect', () => {
    const c = { ...base, effectiveOn: '2026-12-30', history: [h('create', '2026-12-01'), h('sign', '2026-12-10'), h('effective', '2026-12-30', '2027-01-02T02:00:00.000Z')] };
    expect(values(2026, [c])).toMatchObject({ 'contracts.created': 1, 'contracts.signed': 1, 'contracts.inForce': 1, 'contracts.unitsCovered': 1, 'contracts.wageGrowth.sumBp': 500 });
    // A stock carries into the next year; the flows do not.
    expect(values(2027, [c])).toEqual({ 'contracts.inForce': 1, 'contracts.inForce.byType.comprehensive': 1, 'contracts.coveredEmployees': 200, 'contracts.coveredEnterprises': 3, 'contracts.unitsCovered': 1, 'contracts.wageGrowth.sumBp': 500, 'contracts.wageGrowth.count': 1 });
  });

  it('a termination leaves force in the year it was recorded, and expiry counts as a step of its own year', () => {
    const terminated = { ...base, effectiveOn: '2026-02-01', history: [h('create', '2026-01-10'), h('effective', '2026-02-01'), h('terminate', '2027-03-10')] };
    expect(values(2026, [terminated])['contracts.inForce']).toBe(1);
    expect(values(2027, [terminated])).toMatchObject({ 'contracts.terminated': 1 });
    expect(values(2027, [terminated])['contracts.inForce']).toBeUndefined();
    const expired = { ...base, term: { start: '2025-01-01', end: '2026-12-31' }, effectiveOn: '2025-02-01', history: [h('effective', '2025-02-01'), h('expiring', '2026-10-02'), h('expired', '2027-01-01')] };
    expect(values(2026, [expired])).toMatchObject({ 'contracts.inForce': 1, 'contracts.expiring90': 1 });
    expect(values(2027, [expired])).toEqual({ 'contracts.expired': 1 });
  });

  it('a unit is covered once however many of its contracts are in force, until the last leaves', () => {
    const a = { ...base, effectiveOn: '2026-02-01', history: [h('effective', '2026-02-01'), h('terminate', '2026-08-01')] };
    const b = { ...base, effectiveOn: '2026-03-01', history: [h('effective', '2026-03-01')] };
    expect(values(2026, [a, b])['contracts.unitsCovered']).toBe(1);
    expect(values(2026, [a])['contracts.unitsCovered']).toBeUndefined();
  });

  it('a renewal counts the renewal on the old contract and the creation on the new one', () => {
    const old = { ...base, history: [h('renew', '2027-10-01')] };
    const successor = { ...base, history: [h('create', '2027-10-01')] };
    expect(contractChanges(old).steps).toEqual([{ year: 2027, metrics: { 'contracts.renewed': 1 } }]);
    expect(values(2027, [old, successor])).toEqual({ 'contracts.renewed': 1, 'contracts.created': 1 });
  });
});
