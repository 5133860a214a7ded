import { describe, expect, it } from 'vitest';
import { refusalOf } from '@ufp/core/errors';
import { checkEvaluation, checkItemOpen, closePlan, evaluationFloor, recordEvaluation, satisfactionBp } from './evaluation.js';
import type { Item } from './model.js';
import type { PlanWithItems } from './plan.js';

const now = new Date('2024-12-20T02:00:00Z');
const item = (itemId: string, stage: Item['stage'] = 'adopted'): Item =>
  ({ itemId, planId: 'p', tenantId: 't', year: 2024, title: `项目${itemId}`, category: 'care', leadDept: '办公室', targets: [], stage, achieved: [], entryCount: 0, satisfaction: { sum: 0, count: 0 }, proposedBy: 's', version: 3, createdAt: '', updatedAt: '', status: stage === 'adopted' ? 'done' : undefined }) as Item;
const plan = (over: Partial<PlanWithItems> = {}): PlanWithItems => ({
  planId: 'p',
  tenantId: 't',
  year: 2024,
  title: '2024年十件实事',
  status: 'adopted',
  candidateCount: 3,
  vote: { representativesTotal: 45, present: 40, quorumRequired: 30, maxAdopted: 10, results: [], adopted: ['a', 'b'], recordedAt: '', recordedBy: 'x' },
  version: 4,
  createdAt: '',
  updatedAt: '',
  items: [item('a'), item('b'), item('c', 'not_adopted')],
  ...over,
});
const rows = (n = 20) => [
  { itemId: 'a', satisfied: n, basic: 5, dissatisfied: 2 },
  { itemId: 'b', satisfied: 10, basic: 10, dissatisfied: 7 },
];

describe('the year-end 测评', () => {
  it('is valid from 60% of the representatives, rounded up (27 of 45), not one fewer', () => {
    expect(evaluationFloor(45, 60)).toBe(27);
    expect(evaluationFloor(10, 60)).toBe(6);
    expect(() => checkEvaluation(plan(), { respondents: 27, items: rows() }, 60)).not.toThrow();
    const short = refusalOf(() => checkEvaluation(plan(), { respondents: 26, items: rows(19) }, 60));
    expect(short).toMatchObject({ kind: 'invalid', details: { field: 'respondents', floor: 27 } });
    expect(short?.text.zh).toContain('至少 27 人');
    expect(refusalOf(() => checkEvaluation(plan(), { respondents: 46, items: rows() }, 60))).toMatchObject({ details: { field: 'respondents' } });
    expect(() => checkEvaluation(plan(), { respondents: 45, items: rows() }, 100)).not.toThrow();
  });

  it('takes each adopted item once, no other, with no more forms than respondents', () => {
    expect(() => checkEvaluation(plan(), { respondents: 27, items: [{ itemId: 'a', satisfied: 20, basic: 5, dissatisfied: 2 }, { itemId: 'b', satisfied: 27, basic: 0, dissatisfied: 0 }] }, 60)).not.toThrow();
    expect(refusalOf(() => checkEvaluation(plan(), { respondents: 27, items: [rows()[0]!, { itemId: 'b', satisfied: 27, basic: 1, dissatisfied: 0 }] }, 60))).toMatchObject({ details: { field: 'items.1' } });
    expect(refusalOf(() => checkEvaluation(plan(), { respondents: 27, items: [rows()[0]!] }, 60))?.text.zh).toContain('缺少「项目b」');
    expect(refusalOf(() => checkEvaluation(plan(), { respondents: 27, items: [...rows(), { itemId: 'c', satisfied: 1, basic: 0, dissatisfied: 0 }] }, 60))).toMatchObject({ details: { field: 'items.2.itemId' } });
    expect(refusalOf(() => checkEvaluation(plan(), { respondents: 27, items: [...rows(), rows()[0]!] }, 60))).toMatchObject({ details: { field: 'items.2.itemId' } });
  });

  it('is refused before the vote is complete and after the plan is closed, naming the state (409)', () => {
    expect(refusalOf(() => checkEvaluation(plan({ status: 'tie_pending' }), { respondents: 27, items: rows() }, 60))).toMatchObject({ kind: 'conflict', details: { reason: 'not_adopted', status: 'tie_pending' } });
    expect(refusalOf(() => checkEvaluation(plan({ status: 'closed' }), { respondents: 27, items: rows() }, 60))).toMatchObject({ kind: 'conflict', details: { reason: 'plan_closed', status: 'closed' } });
  });

  it('puts each tally on its item and the sample on the plan; 满意率 is 满意 + 基本满意 over the forms', () => {
    const { after } = recordEvaluation(plan(), { respondents: 30, items: rows() }, 60, 'admin', now);
    expect(after.evaluation).toMatchObject({ representativesTotal: 45, respondents: 30, floorPercent: 60, recordedBy: 'admin' });
    expect(after.items[0]).toMatchObject({ evaluation: { satisfied: 20, basic: 5, dissatisfied: 2 }, version: 4 });
    expect(after.items[2]!.evaluation).toBeUndefined();
    expect(satisfactionBp({ satisfied: 20, basic: 5, dissatisfied: 2 })).toBe(9259);
    expect(satisfactionBp({ satisfied: 0, basic: 0, dissatisfied: 0 })).toBeUndefined();
  });
});

describe('结项', () => {
  it('needs the 测评 first, then closes the plan and every item, once', () => {
    expect(refusalOf(() => closePlan(plan(), 'admin', now))).toMatchObject({ kind: 'conflict', details: { reason: 'evaluation_missing' } });
    const evaluated = recordEvaluation(plan(), { respondents: 30, items: rows() }, 60, 'admin', now).after;
    const { after, events } = closePlan(evaluated, 'admin', now);
    expect(after).toMatchObject({ status: 'closed', closedAt: now.toISOString(), closedBy: 'admin' });
    expect(after.items.every((i) => i.closedAt === now.toISOString())).toBe(true);
    expect(events[0]!.data).toMatchObject({ planId: 'p', items: 2, done: 2, year: 2024 });
    expect(refusalOf(() => closePlan(after, 'admin', now))).toMatchObject({ kind: 'conflict', details: { reason: 'plan_closed' } });
    expect(refusalOf(() => checkItemOpen(after.items[0]!))).toMatchObject({ kind: 'conflict', details: { reason: 'plan_closed' } });
    expect(() => checkItemOpen(evaluated.items[0]!)).not.toThrow();
  });
});
