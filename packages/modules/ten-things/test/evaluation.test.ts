import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, reporterOf, setDay, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** 测评 and 结项: the representatives' year-end evaluation, then the plan closes and refuses every change. */
const T = '321281';
let p: TestPlatform;
let planId: string;
let unitId: string;
const ids: string[] = [];
const admin = adminOf(T);
const staff = staffOf(T);

const ok = <R>(r: { status: number; data: R; error?: unknown }): R => {
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.error)}`);
  return r.data;
};
const tallies = (satisfied = 20) => ids.map((itemId, i) => ({ itemId, satisfied: satisfied - i, basic: 5, dissatisfied: 2 }));

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T)).unitId;
  setDay(p, '2024-01-20');
  planId = ok(await p.mutate(admin, 'tenThings.plans.create', { year: 2024, title: '2024年十件实事' })).planId;
  for (const title of ['劳模宣讲', '健康体检']) {
    ids.push(ok(await p.mutate(staff, 'tenThings.candidates.propose', { planId, title, category: 'skills', leadDept: '宣教部', targetsText: '开展宣讲不少于20场' })).itemId);
  }
  ok(await p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 45, present: 40, ballots: ids.map((candidateId) => ({ candidateId, for: 40, against: 0, abstain: 0 })) }));
  const item = ok(await p.query(staff, 'tenThings.items.get', { itemId: ids[0] })).item;
  ok(await p.mutate(admin, 'tenThings.items.assign', { itemId: ids[0], version: item.version, leadDept: '宣教部', coUnitIds: [unitId], milestones: [] }));
  ok(await p.mutate(reporterOf(T, unitId), 'tenThings.progress.report', { itemId: ids[0], targetIndex: 0, quantity: 20, occurredOn: '2024-01-20' }));
  setDay(p, '2024-12-20');
}, 90_000);

afterAll(async () => {
  await p?.dispose();
});

describe('the year-end 测评', () => {
  it('refuses too few representatives, naming the floor, and an item with more forms than respondents; nothing is saved', async () => {
    const few = await p.mutate(admin, 'tenThings.plans.evaluate', { planId, respondents: 26, items: tallies(19) });
    expect(few.status).toBe(400);
    expect(few.error?.message).toContain('至少 27 人');
    const over = await p.mutate(admin, 'tenThings.plans.evaluate', { planId, respondents: 27, items: [{ itemId: ids[0], satisfied: 27, basic: 1, dissatisfied: 0 }, tallies()[1]] });
    expect(over.status).toBe(400);
    expect(ok(await p.query(staff, 'tenThings.plans.get', { planId })).plan.evaluation).toBeUndefined();
    expect((await p.mutate(staff, 'tenThings.plans.evaluate', { planId, respondents: 30, items: tallies() })).status).toBe(403);
  });

  it('is recorded, may be corrected before closing, and joins the public ratings in the annual report', async () => {
    ok(await p.mutate(admin, 'tenThings.plans.evaluate', { planId, respondents: 28, items: tallies(18) }));
    const plan = ok(await p.mutate(admin, 'tenThings.plans.evaluate', { planId, respondents: 30, items: tallies() }));
    expect(plan.evaluation).toMatchObject({ representativesTotal: 45, respondents: 30, floorPercent: 60 });
    const report = ok(await p.query(staff, 'tenThings.reports.annual', { planId }));
    const first = report.rows.find((r: { itemId: string }) => r.itemId === ids[0]);
    expect(first).toMatchObject({ evaluationForms: 27, evaluationBp: 9259 });
    const audits = ok(await p.query(admin, 'audit.list', { action: 'tenThings.plans.evaluate' })).items;
    expect(audits).toHaveLength(2);
  });
});

describe('结项', () => {
  it('closes the plan; every change after it is refused with 409 naming the state', async () => {
    const closed = ok(await p.mutate(admin, 'tenThings.plans.close', { planId }));
    expect(closed).toMatchObject({ status: 'closed' });
    const reporter = reporterOf(T, unitId);
    const refusals = [
      await p.mutate(reporter, 'tenThings.progress.report', { itemId: ids[0], targetIndex: 0, quantity: 1, occurredOn: '2024-12-20' }),
      await p.mutate(admin, 'tenThings.items.assign', { itemId: ids[1], version: ok(await p.query(staff, 'tenThings.items.get', { itemId: ids[1] })).item.version, leadDept: '宣教部', coUnitIds: [], milestones: [] }),
      await p.mutate(admin, 'tenThings.plans.evaluate', { planId, respondents: 30, items: tallies() }),
      await p.mutate(admin, 'tenThings.plans.close', { planId }),
      await p.mutate(reporter, 'tenThings.evidence.createUpload', { itemId: ids[0], fileName: 'a.png', contentType: 'image/png', sizeBytes: 100 }),
    ];
    for (const r of refusals) {
      expect(r.status, JSON.stringify(r.error)).toBe(409);
      expect(r.error?.message).toContain('已结项');
    }
    const entry = ok(await p.query(staff, 'tenThings.items.get', { itemId: ids[0] })).ledger.items[0];
    const correction = await p.mutate(staff, 'tenThings.progress.correct', { itemId: ids[0], entryId: entry.entryId, reason: '结项后更正' });
    expect(correction.status).toBe(409);
    const rate = await p.mutate(null, 'tenThings.public.rate', { tenantId: T, itemId: ids[0], score: 5 });
    expect(rate.status).toBe(409);
    expect(ok(await p.query(staff, 'tenThings.items.get', { itemId: ids[0] })).item.achieved).toEqual([20]);
  });
});
