import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, reporterOf, setDay, staffOf, startTestPlatform, tickOn, type TestPlatform } from '@ufp/testing/platform';

/** 监督: a month's progress report still missing is reminded to the responsible unit, then escalated to staff. */
const T = '321281';
let p: TestPlatform;
let itemId: string;
let unitId: string;
const admin = adminOf(T);
const staff = staffOf(T);

const ok = <R>(r: { status: number; data: R; error?: unknown }): R => {
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.error)}`);
  return r.data;
};
type Notice = { id: string; href: string; type: string; dueOn?: string; title: { zh: string } };
const noticesOf = async (claims: Parameters<TestPlatform['query']>[0], type: string) =>
  (ok(await p.query(claims, 'notifications.list', { module: 'tenThings' })).items as Notice[]).filter((n) => n.type === type);

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T)).unitId;
  setDay(p, '2024-01-20');
  const planId = ok(await p.mutate(admin, 'tenThings.plans.create', { year: 2024, title: '2024年十件实事' })).planId;
  itemId = ok(await p.mutate(staff, 'tenThings.candidates.propose', { planId, title: '劳模宣讲', category: 'skills', leadDept: '宣教部', targetsText: '开展宣讲不少于20场' })).itemId;
  ok(await p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [{ candidateId: itemId, for: 3, against: 0, abstain: 0 }] }));
  setDay(p, '2024-02-10');
  const item = ok(await p.query(staff, 'tenThings.items.get', { itemId })).item;
  ok(await p.mutate(admin, 'tenThings.items.assign', { itemId, version: item.version, leadDept: '宣教部', coUnitIds: [unitId], milestones: [] }));
}, 90_000);

afterAll(async () => {
  await p?.dispose();
});

describe('the monthly progress report', () => {
  it('is asked of nobody in the month the 责任状 was signed, nor before the last five days of the next', async () => {
    await tickOn(p, '2024-02-27');
    await tickOn(p, '2024-03-26');
    expect(await noticesOf(reporterOf(T, unitId), 'report_due')).toEqual([]);
  });

  it('is reminded to the responsible unit in the last five days of the month, once, and not to staff', async () => {
    await tickOn(p, '2024-03-27');
    await tickOn(p, '2024-03-28');
    const due = await noticesOf(reporterOf(T, unitId), 'report_due');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ href: '/ten-things/my', dueOn: '2024-03-31' });
    expect(due[0]!.title.zh).toContain('劳模宣讲');
    expect(due[0]!.title.zh).toContain('2024-03');
    expect(await noticesOf(staff, 'report_due')).toEqual([]);
  });

  it('once reported in the month, is neither reminded again nor escalated', async () => {
    ok(await p.mutate(reporterOf(T, unitId), 'tenThings.progress.report', { itemId, targetIndex: 0, quantity: 3, occurredOn: '2024-03-20' }));
    await tickOn(p, '2024-03-30');
    await tickOn(p, '2024-04-01');
    expect(await noticesOf(staff, 'report_overdue')).toEqual([]);
    expect(ok(await p.query(staff, 'tenThings.items.get', { itemId })).item.lastReportedOn).toBe('2024-03-28');
  });

  it('is escalated to staff when a month ended without one, once however many days it stays missing', async () => {
    await tickOn(p, '2024-05-01');
    await tickOn(p, '2024-05-02');
    const overdue = await noticesOf(staff, 'report_overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ href: `/ten-things/items/${itemId}`, dueOn: '2024-04-30' });
    expect(overdue[0]!.title.zh).toContain('2024-04');
    expect(await noticesOf(reporterOf(T, unitId), 'report_overdue')).toEqual([]);
  });

  it('follows the tenant cycle setting: quarterly asks for a report by the quarter', async () => {
    const settings = ok(await p.query(admin, 'tenThings.settings.get'));
    ok(await p.mutate(admin, 'tenThings.settings.update', { version: settings.version, maxAdopted: 10, atRiskPoints: 15, behindPoints: 30, reportCycle: 'quarterly' }));
    expect(ok(await p.query(admin, 'tenThings.settings.get')).reportCycle).toBe('quarterly');
    await tickOn(p, '2024-06-27');
    const due = (await noticesOf(reporterOf(T, unitId), 'report_due')).filter((n) => n.dueOn === '2024-06-30');
    expect(due).toHaveLength(1);
    expect(due[0]!.title.zh).toContain('2024-Q2');
  });
});
