import { describe, expect, it } from 'vitest';
import { refusalOf } from '@ufp/core/errors';
import type { Item, Plan } from './model.js';
import { MAX_CANDIDATES } from './plan.js';
import { checkProposal, MAX_PROPOSALS, mergeProposal, newProposal, shortlist } from './solicit.js';

const now = new Date('2024-01-15T02:00:00Z');
const plan = (over: Partial<Plan> = {}): Plan => ({ planId: 'p', tenantId: 't', year: 2024, title: '计划', status: 'collecting', candidateCount: 3, proposalCount: 5, version: 7, createdAt: '', updatedAt: '', ...over });
const proposal = (itemId: string, unitId: string, over: Partial<Item> = {}): Item => ({
  ...newProposal(plan(), { title: `建议${itemId}`, category: 'care' }, [], { itemId, sub: `reporter-${unitId}`, unitId, unitName: `${unitId}工会` }, now),
  ...over,
});

describe('征集 from the units', () => {
  it('takes proposals while the plan collects, up to the cap', () => {
    expect(() => checkProposal(plan())).not.toThrow();
    expect(() => checkProposal(plan({ proposalCount: MAX_PROPOSALS - 1 }))).not.toThrow();
    expect(refusalOf(() => checkProposal(plan({ proposalCount: MAX_PROPOSALS })))).toMatchObject({ kind: 'invalid' });
    expect(refusalOf(() => checkProposal(plan({ status: 'adopted' })))).toMatchObject({ kind: 'conflict', details: { reason: 'not_collecting' } });
  });

  it('records the proposing unit, with no lead department until 初定', () => {
    expect(proposal('a', 'u1')).toMatchObject({ stage: 'proposed', leadDept: '', proposedBy: 'reporter-u1', proposers: [{ sub: 'reporter-u1', unitId: 'u1', unitName: 'u1工会' }] });
  });
});

describe('初定', () => {
  it('puts a proposal on the candidate list with its lead department and budget, counting it as a candidate', () => {
    const after = shortlist(plan(), proposal('a', 'u1'), { version: 1, leadDept: '宣教部', budgetFen: 500_000 }, now);
    expect(after.item).toMatchObject({ stage: 'candidate', leadDept: '宣教部', budgetFen: 500_000, version: 2 });
    expect(after.plan).toMatchObject({ candidateCount: 4, version: 8 });
  });

  it('refuses a stale version, a full candidate list, a proposal already handled, a plan voted', () => {
    expect(refusalOf(() => shortlist(plan(), proposal('a', 'u1'), { version: 2, leadDept: '宣教部' }, now))).toMatchObject({ kind: 'conflict' });
    expect(() => shortlist(plan({ candidateCount: MAX_CANDIDATES - 1 }), proposal('a', 'u1'), { version: 1, leadDept: 'x' }, now)).not.toThrow();
    expect(refusalOf(() => shortlist(plan({ candidateCount: MAX_CANDIDATES }), proposal('a', 'u1'), { version: 1, leadDept: 'x' }, now))).toMatchObject({ kind: 'invalid' });
    expect(refusalOf(() => shortlist(plan(), proposal('a', 'u1', { stage: 'merged' }), { version: 1, leadDept: 'x' }, now))).toMatchObject({ details: { reason: 'already_merged' } });
    expect(refusalOf(() => shortlist(plan(), proposal('a', 'u1', { stage: 'candidate' }), { version: 1, leadDept: 'x' }, now))).toMatchObject({ details: { reason: 'already_candidate' } });
    expect(refusalOf(() => shortlist(plan({ status: 'adopted' }), proposal('a', 'u1'), { version: 1, leadDept: 'x' }, now))).toMatchObject({ details: { reason: 'not_collecting' } });
  });
});

describe('merging duplicates', () => {
  it('keeps every proposer on the kept item, once each, and marks the duplicate merged', () => {
    const kept = proposal('a', 'u1');
    const { source, into } = mergeProposal(plan(), proposal('b', 'u2'), kept, now);
    expect(source).toMatchObject({ stage: 'merged', mergedInto: 'a', version: 2 });
    expect(into.proposers!.map((p) => p.unitId)).toEqual(['u1', 'u2']);
    const again = mergeProposal(plan(), proposal('c', 'u2'), into, now);
    expect(again.into.proposers!.map((p) => p.unitId)).toEqual(['u1', 'u2']);
  });

  it('into a staff candidate too, whose proposer is its staff author', () => {
    const candidate = { ...proposal('k', 'u9'), stage: 'candidate' as const, proposers: undefined, proposedBy: 'staff-1' };
    expect(mergeProposal(plan(), proposal('b', 'u2'), candidate, now).into.proposers).toEqual([{ sub: 'staff-1' }, { sub: 'reporter-u2', unitId: 'u2', unitName: 'u2工会' }]);
  });

  it('refuses itself, an item of another plan or stage, and a proposal already merged', () => {
    const a = proposal('a', 'u1');
    expect(refusalOf(() => mergeProposal(plan(), a, a, now))).toMatchObject({ details: { field: 'intoItemId' } });
    expect(refusalOf(() => mergeProposal(plan(), a, proposal('b', 'u2', { stage: 'adopted' }), now))).toMatchObject({ details: { field: 'intoItemId' } });
    expect(refusalOf(() => mergeProposal(plan(), a, proposal('b', 'u2', { planId: 'other' }), now))).toMatchObject({ details: { field: 'intoItemId' } });
    expect(refusalOf(() => mergeProposal(plan(), proposal('a', 'u1', { stage: 'merged' }), proposal('b', 'u2'), now))).toMatchObject({ details: { reason: 'already_merged' } });
  });
});
