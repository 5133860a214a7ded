import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, leaderOf, staffOf, setDay, startTestPlatform, tickOn, type TestPlatform } from '@ufp/testing/platform';

/** 十件实事 done on time: the rollup counts items completed on or before their due date, and the on-time rate follows. */
const T = '321281';
let p: TestPlatform;
let planId: string;
let itemA: string;
let itemB: string;
const admin = adminOf(T);
const staff = staffOf(T);

const ok = <R>(r: { status: number; data: R; error?: unknown }): R => {
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.error)}`);
  return r.data;
};
const at = (date: string) => setDay(p, date);
const tick = (date: string) => tickOn(p, date);
/** What a leader of the city sees for the tenant's 2024 plan. */
const rollup = async () => {
  await p.settle();
  const row = ok(await p.query(leaderOf('3212'), 'rollups.overview', { year: 2024 })).rows.find((r: { tenantId?: string }) => r.tenantId === T);
  return { done: row.metrics['tenThings.items.done'] ?? 0, doneOnTime: row.metrics['tenThings.items.doneOnTime'] ?? 0, onTimeRate: row.derived['tenThings.onTimeRate'] };
};

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  at('2024-01-20');
  planId = ok(await p.mutate(admin, 'tenThings.plans.create', { year: 2024, title: '2024年十件实事' })).planId;
  itemA = ok(await p.mutate(staff, 'tenThings.candidates.propose', { planId, title: '劳模宣讲', category: 'skills', leadDept: '宣教部', targetsText: '开展宣讲不少于20场' })).itemId;
  itemB = ok(await p.mutate(staff, 'tenThings.candidates.propose', { planId, title: '健康体检', category: 'health', leadDept: '职工服务中心', targetsText: '为600名职工赠送健康体检' })).itemId;
  ok(await p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [itemA, itemB].map((candidateId) => ({ candidateId, for: 3, against: 0, abstain: 0 })) }));
}, 90_000);

afterAll(async () => {
  await p?.dispose();
});

describe('items done on time in the rollups', () => {
  let lastA: string;

  it('counts an item completed on its due date (31 December) as done on time', async () => {
    at('2024-03-01');
    ok(await p.mutate(staff, 'tenThings.progress.report', { itemId: itemA, targetIndex: 0, quantity: 6, occurredOn: '2024-03-01' }));
    await tick('2024-12-31');
    expect(await rollup()).toEqual({ done: 0, doneOnTime: 0, onTimeRate: null });
    lastA = ok(await p.mutate(staff, 'tenThings.progress.report', { itemId: itemA, targetIndex: 0, quantity: 14, occurredOn: '2024-12-31' })).entry.entryId;
    expect(await rollup()).toEqual({ done: 1, doneOnTime: 1, onTimeRate: 10_000 });
  });

  it('does not count an item completed the day after (overdue by the tick first); the rate halves', async () => {
    await tick('2025-01-01');
    expect(ok(await p.query(staff, 'tenThings.items.get', { itemId: itemB })).item.status).toBe('overdue');
    ok(await p.mutate(staff, 'tenThings.progress.report', { itemId: itemB, targetIndex: 0, quantity: 600, occurredOn: '2024-12-31' }));
    expect(await rollup()).toEqual({ done: 2, doneOnTime: 1, onTimeRate: 5_000 });
    await tick('2025-01-01');
    expect(await rollup()).toEqual({ done: 2, doneOnTime: 1, onTimeRate: 5_000 });
  });

  it('takes the on-time count back down when a correction undoes the on-time completion', async () => {
    ok(await p.mutate(staff, 'tenThings.progress.correct', { itemId: itemA, entryId: lastA, reason: '重复填报' }));
    expect(await rollup()).toEqual({ done: 1, doneOnTime: 0, onTimeRate: 0 });
  });
});
