import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, setDay, staffOf, startTestPlatform, tickOn, type TestPlatform } from '@ufp/testing/platform';

/** 十件实事 status as days pass: the daily tick recomputes open items and moves the rollup's counts per status. */
const T = '321281';
let p: TestPlatform;
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
const counts = async () => {
  await p.settle();
  const row = ok(await p.query(admin, 'rollups.overview', { year: 2024 })).rows.find((r: { tenantId?: string }) => r.tenantId === T);
  const m = row.metrics as Record<string, number>;
  return Object.fromEntries(['done', 'on_track', 'at_risk', 'behind', 'overdue'].map((s) => [s, m[`tenThings.items.${s}`] ?? 0]));
};
const statuses = async () => Object.fromEntries(ok(await p.query(staff, 'tenThings.plans.get', { planId })).items.map((i: { itemId: string; status: string }) => [i.itemId === itemA ? 'A' : 'B', i.status]));
const notices = async () => ok(await p.query(staff, 'notifications.list', { module: 'tenThings' })).items as { id: string; href: string; type: string; title: { zh: string } }[];
const tickAudits = async () => ok(await p.query(admin, 'audit.list', { action: 'tenThings.tick' })).items.length as number;
let planId: string;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  at('2024-01-20');
  planId = ok(await p.mutate(admin, 'tenThings.plans.create', { year: 2024, title: '2024年十件实事' })).planId;
  itemA = ok(await p.mutate(staff, 'tenThings.candidates.propose', { planId, title: '劳模宣讲', category: 'skills', leadDept: '宣教部', targetsText: '开展宣讲不少于20场' })).itemId;
  itemB = ok(await p.mutate(staff, 'tenThings.candidates.propose', { planId, title: '健康体检', category: 'health', leadDept: '职工服务中心', targetsText: '为600名职工赠送健康体检' })).itemId;
  ok(await p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [itemA, itemB].map((candidateId) => ({ candidateId, for: 3, against: 0, abstain: 0 })) }));
  ok(await p.mutate(staff, 'tenThings.progress.report', { itemId: itemA, targetIndex: 0, quantity: 6, occurredOn: '2024-01-20' }));
}, 90_000);

afterAll(async () => {
  await p?.dispose();
});

describe('daily status refresh', () => {
  it('changes nothing while every status holds', async () => {
    await tick('2024-01-21');
    expect(await statuses()).toEqual({ A: 'on_track', B: 'on_track' });
    expect(await counts()).toMatchObject({ on_track: 2, at_risk: 0 });
    expect(await tickAudits()).toBe(0);
  });

  it('moves an item that falls behind the calendar, with the rollup counts and a notification', async () => {
    // 2024-03-01: 16.7% of the year gone; A is at 30%, B at 0% (more than 15 points behind → at risk).
    await tick('2024-03-01');
    expect(await statuses()).toEqual({ A: 'on_track', B: 'at_risk' });
    expect(await counts()).toMatchObject({ on_track: 1, at_risk: 1, behind: 0 });
    const n = await notices();
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ href: `/ten-things/items/${itemB}`, type: 'item_at_risk' });
    expect(n[0]!.title.zh).toContain('健康体检');
  });

  it('a rerun of the same day changes nothing: no write, no event, no notification', async () => {
    const audits = await tickAudits();
    const before = ok(await p.query(staff, 'tenThings.items.get', { itemId: itemB })).item.version;
    await tick('2024-03-01');
    await tick('2024-03-01');
    expect(await tickAudits()).toBe(audits);
    expect(ok(await p.query(staff, 'tenThings.items.get', { itemId: itemB })).item.version).toBe(before);
    expect(await counts()).toMatchObject({ on_track: 1, at_risk: 1 });
    expect(await notices()).toHaveLength(1);
  });

  it('both fall behind by September and are overdue on New Year; the counts follow, always two items in all', async () => {
    await tick('2024-09-15');
    expect(await statuses()).toEqual({ A: 'behind', B: 'behind' });
    expect(await counts()).toMatchObject({ on_track: 0, at_risk: 0, behind: 2 });
    await tick('2025-01-01');
    expect(await statuses()).toEqual({ A: 'overdue', B: 'overdue' });
    expect(await counts()).toEqual({ done: 0, on_track: 0, at_risk: 0, behind: 0, overdue: 2 });
    expect((await notices()).map((n) => n.type).sort()).toEqual(['item_at_risk', 'item_behind', 'item_behind', 'item_overdue', 'item_overdue']);
  });

  it('a late report that completes an overdue item moves it to done in the same counts', async () => {
    ok(await p.mutate(staff, 'tenThings.progress.report', { itemId: itemA, targetIndex: 0, quantity: 14, occurredOn: '2024-12-30' }));
    expect(await counts()).toEqual({ done: 1, on_track: 0, at_risk: 0, behind: 0, overdue: 1 });
    await tick('2025-01-02');
    expect(await counts()).toEqual({ done: 1, on_track: 0, at_risk: 0, behind: 0, overdue: 1 });
  });
});
