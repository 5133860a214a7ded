import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import type { Claims } from '@ufp/kit/auth';
import { ok, adminOf, createTenant, createUnit, leaderOf, reporterOf, staffOf, setDay, startTestPlatform, tickOn, type TestPlatform, attachHardshipDocuments } from '@ufp/testing/platform';

/**
 * What the leadership cockpit's alerts read from 困难帮扶: clocks overdue (marked by the daily tick, unmarked by
 * the step that answers them) and the year's budget against what was granted from it.
 */
let p: TestPlatform;
const A = '321281';
let unitA: string;
let serial = 0;
const staff2: Claims = { sub: `staff2-${A}`, roles: ['federation_staff'], tenantId: A };

const idOf = (seq: number) => demoIdNumber('321281', '19850312', seq);
function application() {
  const name = `蔡明${serial}`;
  const idNumber = idOf(200 + serial++);
  return {
    unitId: unitA,
    worker: { name, idNumber, phone: '13812345678' },
    household: { members: [{ relation: '本人', name, idNumber }, { relation: '子女', name: `${name}子` }, { relation: '配偶', name: `${name}妻` }], annualIncomeFen: 4_800_000, rigidExpensesFen: 1_200_000, causes: ['本人患慢性病'], events: [] },
    consentGiven: true,
  };
}
const at = (date: string) => setDay(p, date);
const tick = (date: string) => tickOn(p, date);
/** The tenant's row as a provincial leader sees it (counts and sums only). */
const rollup = async (year: number) => {
  await p.settle();
  const view = await ok(p.query(leaderOf('32'), 'rollups.overview', { year }));
  return view.rows.find((r: { tenantId: string }) => r.tenantId === A) ?? { metrics: {}, derived: {} };
};
const overdue = async () => (await rollup(2026)).metrics['hardship.clocks.overdue'] ?? 0;

beforeAll(async () => {
  p = await startTestPlatform();
  at('2026-03-10');
  await createTenant(p, A, A);
  unitA = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市帮扶测试工会' })).unitId;
}, 90_000);
afterAll(async () => {
  await p?.dispose();
});

describe('overdue hardship clocks', () => {
  it('counts an investigation overdue the day after its due day (not on it), once however often the tick runs, and none once it is recorded', async () => {
    at('2026-04-01');
    const created = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', application()));
    const f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.submit', { fileId: created.fileId, version: created.version })); // due 2026-04-06
    await tick('2026-04-06');
    expect(await overdue()).toBe(0);
    await tick('2026-04-07');
    expect(await overdue()).toBe(1);
    await tick('2026-04-07');
    await tick('2026-04-08');
    expect(await overdue()).toBe(1);
    const current = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
    await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.investigate', { fileId: f.fileId, version: current.version, visitedOn: '2026-04-08', findings: '入户核实' }));
    expect(await overdue()).toBe(0);
    await tick('2026-04-09');
    expect(await overdue()).toBe(0);
  });

  it('leaves a marked file’s last-updated day alone (the mark is not an edit)', async () => {
    at('2026-05-01');
    const created = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', application()));
    const f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.submit', { fileId: created.fileId, version: created.version }));
    const before = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
    await tick('2026-05-20');
    expect(await overdue()).toBe(1);
    const after = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
    expect(before.updatedAt).toBeTruthy();
    expect(after.updatedAt).toBe(before.updatedAt);
  });
});

describe('the hardship budget against what was granted', () => {
  it('reads the year’s budget by its changes, by source, and the share of it granted', async () => {
    at('2026-03-10');
    await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source: 'union', budgetFen: 500_000 }));
    await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2027, source: 'union', budgetFen: 900_000 }));
    let row = await rollup(2026);
    expect(row.metrics['hardship.budgetFen']).toBe(500_000);
    expect(row.metrics['hardship.budgetFen.source.union']).toBe(500_000);
    expect(row.derived['hardship.budgetSpentRate']).toBe(0);

    const created = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', application()));
    let f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.submit', { fileId: created.fileId, version: created.version }));
    f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2026-03-01', findings: '入户核实' }));
    await attachHardshipDocuments(p, staffOf(A), f.fileId);
    f = await ok(p.mutate(staffOf(A), 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2026-03-02' }));
    f = await ok(p.mutate(staff2, 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'approve', reason: '经评议符合相对困难条件' }));
    await ok(p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'temporary', amountFen: 100_000, fundSource: 'union' }));
    row = await rollup(2026);
    expect(row.derived['hardship.budgetSpentRate']).toBe(2_000);

    await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source: 'union', budgetFen: 400_000 }));
    await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source: 'union', budgetFen: 400_000 }));
    row = await rollup(2026);
    expect(row.metrics['hardship.budgetFen']).toBe(400_000);
    expect(row.derived['hardship.budgetSpentRate']).toBe(2_500);
    expect((await rollup(2027)).metrics['hardship.budgetFen']).toBe(900_000);
  });
});
