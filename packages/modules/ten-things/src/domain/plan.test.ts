import { describe, expect, it } from 'vitest';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { Item } from './model.js';
import { MAX_CANDIDATES, newCandidate, newPlan, proposalTargets, recordVote, resolveTie, voteOutcome, type PlanWithItems } from './plan.js';

const now = new Date('2024-03-01T02:00:00.000Z');
const scope: TenantScope = { kind: 'tenant', tenantId: 't1', divisionCode: '321281', actor: { sub: 'admin', roles: ['federation_admin'] } };
const plan = newPlan({ planId: 'p1', year: 2024, title: '十件实事' }, scope, now);
const candidate = (itemId: string): Item => newCandidate(plan, { title: itemId, category: 'care', leadDept: '部', targets: [{ indicator: '场次', unit: '场', comparator: 'gte', target: 10 }] }, [{ indicator: '场次', unit: '场', comparator: 'gte', target: 10 }], { itemId, proposedBy: 'u' }, now);
const withItems = (ids: string[]): PlanWithItems => ({ ...plan, candidateCount: ids.length, items: ids.map(candidate) });
const ballot = (candidateId: string, votes: number) => ({ candidateId, for: votes, against: 0, abstain: 0 });
const settings = { maxAdopted: 2 };

describe('proposing a candidate', () => {
  it('takes typed targets and those parsed from the text', () => {
    expect(proposalTargets(plan, { targetsText: '开展宣讲不少于20场' })).toEqual([{ indicator: '开展宣讲', unit: '场', comparator: 'gte', target: 20 }]);
  });
  it('refuses once the plan is voted, at the cap, without targets, and a deadline outside the plan year', () => {
    expect(() => proposalTargets({ ...plan, status: 'adopted' }, { targetsText: '宣讲20场' })).toThrow(/已票决/);
    expect(() => proposalTargets({ ...plan, candidateCount: MAX_CANDIDATES }, { targetsText: '宣讲20场' })).toThrow(/最多/);
    expect(() => proposalTargets(plan, {})).toThrow(/至少填写一个/);
    expect(() => proposalTargets(plan, { targets: [{ indicator: 'x', unit: '场', comparator: 'gte', target: 1, deadline: '2025-01-01' }] })).toThrow(/2024 年内/);
  });
});

describe('the vote and the plenary decision', () => {
  it('refuses a second vote and a ballot for a candidate of another plan', () => {
    const voted = { ...withItems(['a']), vote: {} as PlanWithItems['vote'] };
    expect(() => voteOutcome(voted, { planId: 'p1', representativesTotal: 3, present: 3, ballots: [ballot('a', 3)] }, settings)).toThrow(/不可更改/);
    expect(() => voteOutcome(withItems(['a']), { planId: 'p1', representativesTotal: 3, present: 3, ballots: [ballot('x', 3)] }, settings)).toThrow(/不属于/);
  });

  it('adopts, reports a tie at the cut, and the plenary fills the seat from the tied candidates', () => {
    const before = withItems(['a', 'b', 'c', 'd']);
    const input = { planId: 'p1', representativesTotal: 9, present: 9, ballots: [ballot('a', 9), ballot('b', 7), ballot('c', 7), ballot('d', 2)] };
    const outcome = voteOutcome(before, input, settings);
    const voted = recordVote(before, input, outcome, settings, 'admin', now);
    expect(voted.after).toMatchObject({ status: 'tie_pending', vote: { adopted: ['a'], tie: { candidateIds: ['b', 'c'], seats: 1 } } });
    expect(voted.after.items.map((i) => i.stage)).toEqual(['adopted', 'tied', 'tied', 'not_adopted']);
    expect(voted.events).toEqual([{ type: 'tenThings.plan.adopted', data: expect.objectContaining({ planId: 'p1', adopted: 1, itemIds: ['a'], year: 2024 }) }]);

    const decided = resolveTie({ ...voted.after, version: 2 }, ['c'], 'admin', now);
    expect(decided.after.items.map((i) => i.stage)).toEqual(['adopted', 'not_adopted', 'adopted', 'not_adopted']);
    expect(decided.after.items[0]).toBe(voted.after.items[0]);
    expect(decided.adopted.map((i) => i.itemId)).toEqual(['c']);
    expect(() => resolveTie({ ...decided.after, version: 3 }, ['b'], 'admin', now)).toThrow(/没有待决定/);
  });
});
