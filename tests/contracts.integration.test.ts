import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, leaderOf, operator, reporterOf, staffOf, startTestPlatform, type TestPlatform } from './support/platform.js';

const T = '321281';
const OTHER = '321282';
let p: TestPlatform;
let unitId: string;
const admin = adminOf(T);
const staff = staffOf(T);

/** Moves the platform clock to 10:00 in Shanghai on `date`. */
const at = (date: string) => p.clock.set(new Date(`${date}T02:00:00Z`));
const tick = async (date: string) => {
  at(date);
  await p.scheduler.tick();
  await p.settle();
};

const express = (over: Record<string, unknown> = {}) => ({
  type: 'industry',
  scope: { industry: 'express' },
  unitId,
  employerParties: [{ name: '兴化市快递物流协会' }],
  coveredEnterprises: 18,
  coveredEmployees: 1200,
  term: { start: '2025-10-01', end: '2027-09-30' },
  clauses: { wageGrowthPct: 6.5, minimumWageFen: 260000 },
  ...over,
});

const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `代表${i + 1}`, role: i === 0 ? '首席' : '成员' }));

async function create(over: Record<string, unknown> = {}) {
  const res = await p.mutate(staff, 'contracts.create', express(over));
  expect(res.status, JSON.stringify(res.error)).toBe(200);
  return res.data.contractId as string;
}

/** Walks a contract from draft to filed with the given business dates. */
async function walkToFiled(contractId: string, d: { sentOn: string; signedOn: string; filedOn: string }) {
  const steps: [string, Record<string, unknown>][] = [
    ['contracts.offer.send', { sentOn: d.sentOn, fromSide: 'worker' }],
    ['contracts.offer.reply', { repliedOn: d.sentOn, accepted: true }],
    ['contracts.representatives.set', { side: 'worker', members: reps(3), chiefIndex: 0 }],
    ['contracts.representatives.set', { side: 'employer', members: reps(3), chiefIndex: 0 }],
    ['contracts.rounds.add', { heldOn: d.sentOn, minutes: '就工资增幅达成一致', openIssues: [] }],
    ['contracts.congress.record', { heldOn: d.signedOn, representativesTotal: 60, present: 40, approve: 31 }],
    ['contracts.sign', { signedOn: d.signedOn }],
    ['contracts.file', { filedOn: d.filedOn }],
  ];
  for (const [path, input] of steps) {
    const res = await p.mutate(staff, path, { contractId, ...input });
    expect(res.status, `${path}: ${JSON.stringify(res.error)}`).toBe(200);
  }
}

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  await createTenant(p, OTHER, OTHER);
  unitId = (await createUnit(p, T)).unitId;
  at('2025-09-10');
});

afterAll(() => p?.dispose());

describe('creating contracts', () => {
  it('rejects a term longer than 3 years with the bounds', async () => {
    const res = await p.mutate(staff, 'contracts.create', express({ term: { start: '2025-10-01', end: '2028-10-01' } }));
    expect(res.status).toBe(400);
    expect(res.error?.data.issues?.[0]).toMatchObject({ path: ['term.end'] });
    expect(res.error?.message).toContain('1至3年');
  });

  it('rejects a minimum-wage clause below the tenant minimum citing 劳动合同法 Art. 55, and nothing is stored', async () => {
    const set = await p.mutate(admin, 'contracts.settings.set', { version: 0, minimumWageFen: 249000 });
    expect(set.status, JSON.stringify(set.error)).toBe(200);
    const before = (await p.query(staff, 'contracts.list', {})).data.items.length;
    const res = await p.mutate(staff, 'contracts.create', express({ clauses: { minimumWageFen: 200000 } }));
    expect(res.status).toBe(400);
    expect(res.error?.message).toContain('第五十五条');
    expect(res.error?.data.messageEn).toContain('Art. 55');
    expect((await p.query(staff, 'contracts.list', {})).data.items.length).toBe(before);
  });

  it('only a federation admin changes the settings, and a stale version is refused', async () => {
    expect((await p.mutate(staff, 'contracts.settings.set', { version: 1, extendOnRestDay: true })).status).toBe(403);
    expect((await p.mutate(admin, 'contracts.settings.set', { version: 0, extendOnRestDay: true })).status).toBe(409);
  });
});

describe('lifecycle order', () => {
  it('answers an out-of-order step with 409 naming the expected next step, and changes nothing', async () => {
    const id = await create();
    const res = await p.mutate(staff, 'contracts.sign', { contractId: id, signedOn: '2025-09-10' });
    expect(res.status).toBe(409);
    expect(res.error?.message).toContain('发出要约');
    expect((res.error?.data as any).details).toMatchObject({ expected: ['offer.send'], status: 'draft' });
    expect((await p.query(staff, 'contracts.get', { contractId: id })).data).toMatchObject({ status: 'draft', version: 1 });
  });

  it('runs a 20 natural-day reply clock from the offer', async () => {
    const id = await create();
    expect((await p.mutate(staff, 'contracts.offer.send', { contractId: id, sentOn: '2025-09-01', fromSide: 'worker' })).status).toBe(200);
    const deadlines = await p.query(staff, 'contracts.deadlines.list', { withinDays: 60 });
    expect(deadlines.data.items.find((k: any) => k.contractId === id)).toMatchObject({ kind: 'offerReply', dueOn: '2025-09-21', count: 'natural', days: 20 });
  });

  it('keeps a failed vote in negotiation and says which condition failed', async () => {
    const id = await create();
    await p.mutate(staff, 'contracts.offer.send', { contractId: id, sentOn: '2025-09-01', fromSide: 'worker' });
    await p.mutate(staff, 'contracts.offer.reply', { contractId: id, repliedOn: '2025-09-02', accepted: true });
    const unequal = await p.mutate(staff, 'contracts.representatives.set', { contractId: id, side: 'worker', members: reps(2), chiefIndex: 0 });
    expect(unequal.status).toBe(400);
    await p.mutate(staff, 'contracts.representatives.set', { contractId: id, side: 'worker', members: reps(3), chiefIndex: 0 });
    await p.mutate(staff, 'contracts.representatives.set', { contractId: id, side: 'employer', members: reps(3), chiefIndex: 0 });
    await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-09-03', minutes: '第一轮', openIssues: ['工资增幅'] });
    const vote = await p.mutate(staff, 'contracts.congress.record', { contractId: id, representativesTotal: 60, present: 40, approve: 30 });
    expect(vote.status).toBe(200);
    expect(vote.data).toMatchObject({ status: 'negotiating', congress: { passed: false, failed: ['majority'] } });
    expect(vote.data.history.at(-1).note).toContain('赞成未超过全体代表半数');
  });

  it('flags a filing made one day after the 10-day clock as one day late', async () => {
    at('2025-09-12');
    const id = await create();
    await walkToFiled(id, { sentOn: '2025-08-20', signedOn: '2025-09-01', filedOn: '2025-09-12' });
    const c = (await p.query(staff, 'contracts.get', { contractId: id })).data;
    expect(c.filing).toMatchObject({ filedOn: '2025-09-12', dueOn: '2025-09-11', lateDays: 1 });
  });
});

describe('the review clock and the daily tick', () => {
  it('takes effect on the 15th working day across 国庆 2025, not a day early, and counts in the rollups', async () => {
    const set = await p.query(admin, 'contracts.settings.get');
    expect((await p.mutate(admin, 'contracts.settings.set', { version: set.data.version, dayCount: { review: 'working' } })).status).toBe(200);
    at('2025-09-26');
    const id = await create({ coveredEmployees: 1500 });
    await walkToFiled(id, { sentOn: '2025-09-15', signedOn: '2025-09-22', filedOn: '2025-09-26' });
    const filed = (await p.query(staff, 'contracts.get', { contractId: id })).data;
    expect(filed.clocks[0]).toMatchObject({ kind: 'review', dueOn: '2025-10-23', count: 'working' });

    await tick('2025-10-22');
    expect((await p.query(staff, 'contracts.get', { contractId: id })).data.status).toBe('filed');
    const base = (await p.query(leaderOf('32'), 'rollups.overview', { year: 2025 })).data.totals as Record<string, number>;
    await tick('2025-10-23');
    const eff = (await p.query(staff, 'contracts.get', { contractId: id })).data;
    expect(eff).toMatchObject({ status: 'effective', effectiveOn: '2025-10-23' });
    await tick('2025-10-23'); // a repeated tick changes nothing
    expect((await p.query(staff, 'contracts.get', { contractId: id })).data.version).toBe(eff.version);

    const totals = (await p.query(leaderOf('32'), 'rollups.overview', { year: 2025 })).data.totals as Record<string, number>;
    const delta = (m: string) => (totals[m] ?? 0) - (base[m] ?? 0);
    expect(['contracts.inForce', 'contracts.inForce.byIndustry.express', 'contracts.coveredEmployees', 'contracts.wageGrowth.sumBp', 'contracts.wageGrowth.count'].map(delta)).toEqual([1, 1, 1500, 650, 1]);
    expect(totals['contracts.unitsCovered']).toBe(1); // the unit counts once, however many contracts cover it

    const notes = await p.query(staff, 'notifications.list');
    expect(notes.data.items.some((n: any) => n.contractId === id && n.type === 'contract_effective')).toBe(true);
    expect(notes.data.items.some((n: any) => n.type === 'clock_overdue')).toBe(true); // the reply clock of the offer test above
    const read = await p.mutate(staff, 'notifications.markRead', { id: notes.data.items[0].id });
    expect(read.status).toBe(200);

    // Renewal opens 3 months before expiry; before that it is refused with the date.
    const early = await p.mutate(staff, 'contracts.renew', { contractId: id });
    expect(early.status).toBe(409);
    expect(early.error?.message).toContain('2027-06-30');

    await tick('2027-07-02');
    expect((await p.query(staff, 'contracts.get', { contractId: id })).data.status).toBe('expiring');
    const renewed = await p.mutate(staff, 'contracts.renew', { contractId: id });
    expect(renewed.status, JSON.stringify(renewed.error)).toBe(200);
    const successor = (await p.query(staff, 'contracts.get', { contractId: renewed.data.successorId })).data;
    expect(successor).toMatchObject({ status: 'draft', predecessorId: id, term: { start: '2027-10-01', end: '2029-09-30' } });

    // In force during 2025, 2026 and 2027: each year's rollup counts it; expiry keeps those counts.
    const inForce = async (year: number) => ((await p.query(leaderOf('32'), 'rollups.overview', { year })).data.totals as Record<string, number>)['contracts.inForce'] ?? 0;
    const [y26, y27] = [await inForce(2026), await inForce(2027)];
    expect(y26).toBeGreaterThanOrEqual(1);
    expect(y27).toBe(y26);
    expect(((await p.query(leaderOf('32'), 'rollups.overview', { year: 2027 })).data.totals as Record<string, number>)['contracts.expiring90']).toBeGreaterThanOrEqual(1);
    await tick('2027-10-01');
    expect((await p.query(staff, 'contracts.get', { contractId: id })).data.status).toBe('expired');
    const y2027 = await p.query(leaderOf('32'), 'rollups.overview', { year: 2027 });
    expect(y2027.data.totals).toMatchObject({ 'contracts.expiring90': 0, 'contracts.renewed': 1, 'contracts.inForce': y27 });
    expect(await inForce(2028)).toBe(0);
    at('2025-10-24');
  });

  it('a terminated contract leaves the later years of its term and stays counted for the year it ended in', async () => {
    const inForce = async (year: number) => ((await p.query(leaderOf('32'), 'rollups.overview', { year })).data.totals as Record<string, number>)['contracts.inForce'] ?? 0;
    at('2026-02-02');
    const id = await create({ term: { start: '2026-03-01', end: '2028-02-29' } });
    await walkToFiled(id, { sentOn: '2026-01-20', signedOn: '2026-01-30', filedOn: '2026-02-02' });
    await tick('2026-03-06');
    expect((await p.query(staff, 'contracts.get', { contractId: id })).data.status).toBe('effective');
    const before = [await inForce(2026), await inForce(2027), await inForce(2028)];
    at('2026-06-01');
    const res = await p.mutate(staff, 'contracts.terminate', { contractId: id, reason: '企业依法破产' });
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    await p.settle();
    expect([await inForce(2026), await inForce(2027), await inForce(2028)]).toEqual([before[0], before[1]! - 1, before[2]! - 1]);
    expect((await p.mutate(staff, 'contracts.terminate', { contractId: id, reason: '重复' })).status).toBe(409);
    at('2025-10-24');
  });

  it('marks a working-day clock that runs into 2027 provisional', async () => {
    at('2026-12-22');
    const id = await create({ term: { start: '2027-01-01', end: '2027-12-31' } });
    await walkToFiled(id, { sentOn: '2026-12-01', signedOn: '2026-12-18', filedOn: '2026-12-22' });
    const c = (await p.query(staff, 'contracts.get', { contractId: id })).data;
    expect(c.clocks[0].provisional.years).toEqual([2027]);
    at('2025-10-24');
  });
});

describe('loading a holiday notice', () => {
  it('the operator loads 2027 as data (audited), and a provisional clock becomes exact for every tenant', async () => {
    at('2026-12-22');
    const id = await create({ term: { start: '2027-01-01', end: '2027-12-31' } });
    await walkToFiled(id, { sentOn: '2026-12-01', signedOn: '2026-12-18', filedOn: '2026-12-22' });
    const before = (await p.query(staff, 'contracts.get', { contractId: id })).data.clocks[0];
    expect(before.provisional.years).toEqual([2027]);

    const bad = await p.mutate(operator, 'contracts.calendar.load', { year: 2027, version: 0, source: '测试', off: ['2027-01-01'], work: ['2027-01-05'] });
    expect(bad.status).toBe(400);
    expect((await p.mutate(admin, 'contracts.calendar.load', { year: 2027, version: 0, source: '测试', off: ['2027-01-01'], work: [] })).status).toBe(403);
    // A made-up 2027 notice for the test: 01-01 to 01-03 off, Sunday 01-10 worked.
    const ok = await p.mutate(operator, 'contracts.calendar.load', { year: 2027, version: 0, source: '测试通知', off: [['2027-01-01', '2027-01-03']], work: ['2027-01-10'] });
    expect(ok.status, JSON.stringify(ok.error)).toBe(200);
    expect((await p.query(staff, 'contracts.calendar.get')).data.coveredYears).toContain(2027);
    const after = (await p.query(staff, 'contracts.get', { contractId: id })).data.clocks[0];
    expect(after.provisional).toBeUndefined();
    // 12-23…12-31 give 7 working days; 01-01 is now a holiday; 01-04…01-08 give 5; Sunday 01-10 is worked: 13; 01-11, 01-12: 15.
    expect(after.dueOn).toBe('2027-01-12');
    expect((await p.mutate(operator, 'contracts.calendar.load', { year: 2027, version: 0, source: '重复', off: ['2027-01-01'], work: [] })).status).toBe(409);
    at('2025-10-24');
  });
});

describe('isolation and roles', () => {
  it('another tenant cannot read, list or change a contract', async () => {
    const id = await create();
    expect((await p.query(adminOf(OTHER), 'contracts.get', { contractId: id })).status).toBe(404);
    expect((await p.mutate(adminOf(OTHER), 'contracts.offer.send', { contractId: id, sentOn: '2025-09-01', fromSide: 'worker' })).status).toBe(404);
    expect((await p.query(adminOf(OTHER), 'contracts.list', {})).data.items).toEqual([]);
    expect((await p.query(adminOf(OTHER), 'contracts.deadlines.list', {})).data.items).toEqual([]);
  });

  it('a unit reporter reads only contracts of their unit and cannot change them', async () => {
    const other = (await createUnit(p, T)).unitId;
    const id = await create({ unitId: other });
    const reporter = reporterOf(T, unitId);
    expect((await p.query(reporter, 'contracts.get', { contractId: id })).status).toBe(404);
    expect((await p.query(reporter, 'contracts.list', {})).data.items.every((c: any) => c.unitId === unitId)).toBe(true);
    expect((await p.mutate(reporter, 'contracts.create', express())).status).toBe(403);
  });

  it('exports the ledger as an Excel workbook', async () => {
    const res = await p.query(staff, 'contracts.export', { type: 'industry' });
    expect(res.status).toBe(200);
    expect(res.data.rows).toBeGreaterThan(0);
    expect(Buffer.from(res.data.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
