import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantRepository } from '@ufp/db/repositories/tenants';
import { expressContract } from './fixtures.js';
import { adminOf, createTenant, createUnit, leaderOf, operator, reporterOf, setDay, staffOf, startTestPlatform, tickOn, walkContract, attachReviewOpinion, stepsToSigned, type TestPlatform } from '@ufp/testing/platform';

const T = '321281';
const OTHER = '321282';
let p: TestPlatform;
let unitId: string;
const admin = adminOf(T);
const staff = staffOf(T);

/** Moves the platform clock to 10:00 in Shanghai on `date`. */
const at = (date: string) => setDay(p, date);
const tick = (date: string) => tickOn(p, date);

const express = (over: Record<string, unknown> = {}) => expressContract(unitId, over);

const reps = (n: number, prefix = '职工代表') => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i + 1}`, role: i === 0 ? '首席' : '成员' }));

async function create(over: Record<string, unknown> = {}, who = staff) {
  const res = await p.mutate(who, 'contracts.create', express(over));
  expect(res.status, JSON.stringify(res.error)).toBe(200);
  return res.data.contractId as string;
}

/** Walks a contract from draft to filed with the given business dates. */
async function walkToFiled(contractId: string, d: { sentOn: string; signedOn: string; filedOn: string }, who = staff) {
  const steps = [...stepsToSigned(d), ['contracts.file', { filedOn: d.filedOn }] as const];
  await walkContract(p, who, contractId, steps);
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
    await p.mutate(staff, 'contracts.representatives.set', { contractId: id, side: 'employer', members: reps(3, '企业代表'), chiefIndex: 0 });
    await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-09-03', minutes: '第一轮', openIssues: ['工资增幅'] });
    const vote = await p.mutate(staff, 'contracts.congress.record', { contractId: id, representativesTotal: 60, present: 40, approve: 30 });
    expect(vote.status).toBe(200);
    expect(vote.data).toMatchObject({ status: 'negotiating', congress: { passed: false, failed: ['majority'] } });
    expect(vote.data.history.at(-1).note).toContain('赞成未超过全体代表半数');
  });

  it('round 2 amends the wage clause; a minimum wage raised since blocks the vote until a round amends it again; the contract keeps each round\'s diff', async () => {
    const id = await create({ clauses: { wageGrowthPct: 5, minimumWageFen: 249_000 } });
    await p.mutate(staff, 'contracts.offer.send', { contractId: id, sentOn: '2025-09-01', fromSide: 'worker' });
    await p.mutate(staff, 'contracts.offer.reply', { contractId: id, repliedOn: '2025-09-02', accepted: true });
    await p.mutate(staff, 'contracts.representatives.set', { contractId: id, side: 'worker', members: reps(3), chiefIndex: 0 });
    await p.mutate(staff, 'contracts.representatives.set', { contractId: id, side: 'employer', members: reps(3, '企业代表'), chiefIndex: 0 });
    await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-09-03', minutes: '第一轮', openIssues: ['工资增幅'] });
    const r2 = await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-09-04', minutes: '第二轮：工资增幅提高', openIssues: [], amendments: { wageGrowthPct: 6 } });
    expect(r2.status, JSON.stringify(r2.error)).toBe(200);
    expect(r2.data.clauses).toMatchObject({ wageGrowthPct: 6, minimumWageFen: 249_000 });
    expect(r2.data.rounds[1].amendments).toEqual([{ clause: 'wageGrowthPct', from: 5, to: 6 }]);

    const settings = (await p.query(admin, 'contracts.settings.get')).data;
    expect((await p.mutate(admin, 'contracts.settings.set', { minimumWageFen: 262_000, version: settings.version })).status).toBe(200);
    const blocked = await p.mutate(staff, 'contracts.congress.record', { contractId: id, representativesTotal: 60, present: 40, approve: 40 });
    expect(blocked.status).toBe(409);
    expect(blocked.error!.message).toMatch(/^草案不能提交职代会审议：最低工资条款 2490\.00 元低于当地最低工资标准 2620\.00 元/);
    expect((blocked.error!.data as any).details).toMatchObject({ reason: 'below_legal_floor', field: 'clauses.minimumWageFen' });
    const below = await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-09-05', minutes: '第三轮', amendments: { minimumWageFen: 261_999 } });
    expect(below.status).toBe(400);
    const r3 = await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-09-05', minutes: '第三轮：最低工资调整至新标准', amendments: { minimumWageFen: 262_000 } });
    expect(r3.status, JSON.stringify(r3.error)).toBe(200);
    const vote = await p.mutate(staff, 'contracts.congress.record', { contractId: id, representativesTotal: 60, present: 40, approve: 40 });
    expect(vote.status, JSON.stringify(vote.error)).toBe(200);
    expect(vote.data.status).toBe('approved');
    const c = (await p.query(staff, 'contracts.get', { contractId: id })).data;
    expect(c.rounds.map((r: any) => r.amendments ?? [])).toEqual([[], [{ clause: 'wageGrowthPct', from: 5, to: 6 }], [{ clause: 'minimumWageFen', from: 249_000, to: 262_000 }]]);
    await p.mutate(admin, 'contracts.settings.set', { minimumWageFen: null, version: settings.version + 1 });
  });

  it('flags a filing made one day after the 10-day clock as one day late', async () => {
    at('2025-09-12');
    const id = await create();
    await walkToFiled(id, { sentOn: '2025-08-20', signedOn: '2025-09-01', filedOn: '2025-09-12' });
    const c = (await p.query(staff, 'contracts.get', { contractId: id })).data;
    expect(c.filing).toMatchObject({ filedOn: '2025-09-12', dueOn: '2025-09-11', lateDays: 1 });
  });
});

/** Creates a contract and brings it to negotiation (offer sent and accepted). */
async function negotiating(over: Record<string, unknown> = {}, on = '2025-09-01') {
  const id = await create(over);
  for (const [path, input] of [
    ['contracts.offer.send', { sentOn: on, fromSide: 'worker' }],
    ['contracts.offer.reply', { repliedOn: on, accepted: true }],
  ] as const) {
    const res = await p.mutate(staff, path, { contractId: id, ...input });
    expect(res.status, `${path}: ${JSON.stringify(res.error)}`).toBe(200);
  }
  return id;
}
const setSide = (contractId: string, side: string, members: unknown[], extra: Record<string, unknown> = {}) =>
  p.mutate(staff, 'contracts.representatives.set', { contractId, side, members, chiefIndex: 0, ...extra });
const named = (...names: string[]) => names.map((name, i) => ({ name, role: i === 0 ? '首席' : '成员' }));

describe('representative rules (协商代表)', () => {
  it('refuses an outside expert as chief and a person on both sides, each citing its article, and stores nothing', async () => {
    const id = await negotiating();
    const chief = await p.mutate(staff, 'contracts.representatives.set', { contractId: id, side: 'worker', members: [{ name: '外聘专家', role: '律师', outsider: true }, ...named('甲', '乙')], chiefIndex: 0 });
    expect(chief.status).toBe(400);
    expect(chief.error?.message).toContain('第二十三条');
    expect(chief.error?.data.issues?.[0]).toMatchObject({ path: ['chiefIndex'] });
    expect((await setSide(id, 'worker', named('张伟', '李娜', '王芳'))).status).toBe(200);
    const cross = await setSide(id, 'employer', named('赵总', '张伟', '钱经理'));
    expect(cross.status).toBe(400);
    expect(cross.error?.message).toContain('不得相互兼任');
    expect(cross.error?.data.messageEn).toContain('Art. 24');
    expect((cross.error?.data as any).details).toMatchObject({ rule: 'cross_holding', memberIndex: 1 });
    // A namesake with a different reference on each side is a different person.
    expect((await setSide(id, 'worker', [{ name: '张伟', role: '首席', personRef: 'G-001' }, { name: '李娜', role: '成员' }, { name: '王芳', role: '成员' }])).status).toBe(200);
    expect((await setSide(id, 'employer', [{ name: '赵总', role: '首席' }, { name: '张伟', role: '财务', personRef: 'E-105' }, { name: '钱经理', role: '人事' }])).status).toBe(200);
  });

  it('needs the 女职工委员会 head on the worker side of a female-workers special contract', async () => {
    const id = await negotiating({ type: 'special', specialKind: 'female_workers', scope: undefined });
    const res = await setSide(id, 'worker', named('甲', '乙', '丙'));
    expect(res.status).toBe(400);
    expect(res.error?.message).toContain('女职工');
    expect((res.error?.data as any).details).toMatchObject({ rule: 'female_head_required' });
    const ok = await setSide(id, 'worker', [...named('甲', '乙'), { name: '丙', role: '女职工委员会主任', femaleCommitteeHead: true }]);
    expect(ok.status, JSON.stringify(ok.error)).toBe(200);
    const employerHead = await setSide(id, 'employer', [...named('丁', '戊'), { name: '己', role: '行政', femaleCommitteeHead: true }]);
    expect((employerHead.error?.data as any).details).toMatchObject({ rule: 'female_head_side' });
  });

  it('needs the head where the worker side says the union has a 女职工委员会', async () => {
    const id = await negotiating();
    expect((await setSide(id, 'worker', named('甲', '乙', '丙'), { femaleCommittee: true })).status).toBe(400);
    const ok = await setSide(id, 'worker', [...named('甲', '乙'), { name: '丙', role: '女职工委员会主任', femaleCommitteeHead: true }], { femaleCommittee: true });
    expect(ok.status).toBe(200);
    expect(ok.data.representatives.worker).toMatchObject({ femaleCommittee: true });
  });
});

describe('a vacant representative seat (Art. 31)', () => {
  it('runs a 15-day clock, holds the round until the side is refilled, notifies when due, and closes on refill', async () => {
    at('2025-09-05');
    const id = await negotiating({}, '2025-09-01');
    await setSide(id, 'worker', named('甲', '乙', '丙'));
    await setSide(id, 'employer', named('丁', '戊', '己'));
    at('2025-09-10');
    const bad = await p.mutate(staff, 'contracts.representatives.vacate', { contractId: id, side: 'worker', name: '无此人', vacatedOn: '2025-09-08', reason: '辞任' });
    expect(bad.status).toBe(400);
    const v = await p.mutate(staff, 'contracts.representatives.vacate', { contractId: id, side: 'worker', name: '乙', vacatedOn: '2025-09-08', reason: '调离本单位' });
    expect(v.status, JSON.stringify(v.error)).toBe(200);
    expect(v.data.nextSteps[0]).toBe('representatives.set');
    expect(v.data.clocks).toEqual([expect.objectContaining({ kind: 'repVacancy', side: 'worker', dueOn: '2025-09-23', days: 15 })]);
    expect((await p.mutate(staff, 'contracts.representatives.vacate', { contractId: id, side: 'worker', memberIndex: 1, vacatedOn: '2025-09-08', reason: '重复' })).status).toBe(409);

    const round = await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-09-10', minutes: '第一轮', openIssues: [] });
    expect(round.status).toBe(409);
    expect(round.error?.message).toContain('协商代表空缺');
    expect(round.error?.message).toContain('乙');
    expect((round.error?.data as any).details).toMatchObject({ reason: 'vacancy', expected: ['representatives.set'] });

    const deadlines = await p.query(staff, 'contracts.deadlines.list', { withinDays: 30 });
    expect(deadlines.data.items.find((k: any) => k.contractId === id)).toMatchObject({ kind: 'repVacancy', dueOn: '2025-09-23', basis: '《集体合同规定》第三十一条' });

    await tick('2025-09-21');
    const notes = await p.query(staff, 'notifications.list');
    expect(notes.data.items.some((n: any) => n.contractId === id && n.type === 'clock_due_soon' && n.title.zh.includes('协商代表空缺补足'))).toBe(true);

    at('2025-09-21');
    const refill = await setSide(id, 'worker', named('甲', '庚', '丙'));
    expect(refill.status, JSON.stringify(refill.error)).toBe(200);
    expect(refill.data.clocks).toEqual([]);
    expect(refill.data.history.at(-1).note).toContain('补足');
    expect((await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-09-21', minutes: '第一轮', openIssues: [] })).status).toBe(200);
    at('2025-10-24');
  });
});

describe('the vote on the draft, per contract type', () => {
  async function toVote(over: Record<string, unknown>) {
    const id = await negotiating(over);
    await setSide(id, 'worker', named('甲', '乙', '丙'));
    await setSide(id, 'employer', named('丁', '戊', '己'));
    await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-09-03', minutes: '达成一致', openIssues: [] });
    return id;
  }
  it('an enterprise contract needs 2/3 present (Art. 36): 39 of 60 present fails even with 31 in favour', async () => {
    const id = await toVote({ type: 'comprehensive', scope: undefined });
    const noPresent = await p.mutate(staff, 'contracts.congress.record', { contractId: id, representativesTotal: 60, approve: 31 });
    expect(noPresent.status).toBe(400);
    expect(noPresent.error?.data.issues?.[0]).toMatchObject({ path: ['present'] });
    const vote = await p.mutate(staff, 'contracts.congress.record', { contractId: id, representativesTotal: 60, present: 39, approve: 31 });
    expect(vote.data).toMatchObject({ status: 'negotiating', congress: { passed: false, failed: ['quorum'], rule: 'enterprise' } });
    expect(vote.data.history.at(-1).note).toContain('出席不足全体代表三分之二（需 40 人）');
    const again = await p.mutate(staff, 'contracts.congress.record', { contractId: id, representativesTotal: 60, present: 40, approve: 31 });
    expect(again.data).toMatchObject({ status: 'approved', congress: { passed: true } });
  });
  it('an industry contract passes with more than half of all representatives, without a 2/3 quorum', async () => {
    const id = await toVote({});
    const half = await p.mutate(staff, 'contracts.congress.record', { contractId: id, representativesTotal: 60, approve: 30 });
    expect(half.data).toMatchObject({ status: 'negotiating', congress: { passed: false, failed: ['majority'], rule: 'sector' } });
    expect(half.data.history.at(-1).note).toContain('参加企业');
    const vote = await p.mutate(staff, 'contracts.congress.record', { contractId: id, representativesTotal: 60, present: 31, approve: 31 });
    expect(vote.status, JSON.stringify(vote.error)).toBe(200);
    expect(vote.data).toMatchObject({ status: 'approved', congress: { passed: true, failed: [], rule: 'sector', present: 31 } });
  });
});

describe('the review clock and the daily tick', () => {
  it('takes effect the day after the 15th working day across 国庆 2025, not on it, and counts in the rollups', async () => {
    const set = await p.query(admin, 'contracts.settings.get');
    expect((await p.mutate(admin, 'contracts.settings.set', { version: set.data.version, dayCount: { review: 'working' } })).status).toBe(200);
    at('2025-09-26');
    const id = await create({ coveredEmployees: 1500 });
    await walkToFiled(id, { sentOn: '2025-09-15', signedOn: '2025-09-22', filedOn: '2025-09-26' });
    const filed = (await p.query(staff, 'contracts.get', { contractId: id })).data;
    expect(filed.clocks[0]).toMatchObject({ kind: 'review', dueOn: '2025-10-23', effectiveOn: '2025-10-24', count: 'working' });

    await tick('2025-10-23'); // the 15th working day: the bureau may still object
    expect((await p.query(staff, 'contracts.get', { contractId: id })).data.status).toBe('filed');
    const base = (await p.query(leaderOf('32'), 'rollups.overview', { year: 2025 })).data.totals as Record<string, number>;
    await tick('2025-10-24');
    const eff = (await p.query(staff, 'contracts.get', { contractId: id })).data;
    expect(eff).toMatchObject({ status: 'effective', effectiveOn: '2025-10-24' });
    await tick('2025-10-24'); // a repeated tick changes nothing
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

    // A stock: in force at the end of 2025 and of 2026, and now (2027) until it expires.
    const inForce = async (year: number) => ((await p.query(leaderOf('32'), 'rollups.overview', { year })).data.totals as Record<string, number>)['contracts.inForce'] ?? 0;
    const [y25, y26, y27] = [await inForce(2025), await inForce(2026), await inForce(2027)];
    expect(y25).toBeGreaterThanOrEqual(1);
    expect([y26, y27]).toEqual([y25, y25]);
    // Every contract of this file in force now ends on 2027-09-30 (express() terms), so all are in their last 90 days.
    const expiring = ((await p.query(leaderOf('32'), 'rollups.overview', { year: 2027 })).data.totals as Record<string, number>)['contracts.expiring90'];
    expect(expiring).toBe(y27);
    await tick('2027-10-01');
    expect((await p.query(staff, 'contracts.get', { contractId: id })).data.status).toBe('expired');
    const y2027 = await p.query(leaderOf('32'), 'rollups.overview', { year: 2027 });
    expect(y2027.data.totals).toMatchObject({ 'contracts.expiring90': 0, 'contracts.renewed': 1, 'contracts.expired': expiring, 'contracts.inForce': 0, 'contracts.unitsCovered': 0 });
    expect([await inForce(2025), await inForce(2026), await inForce(2028)]).toEqual([y25, y26, 0]); // earlier year-ends keep them
    at('2025-10-24');
  });

  it('a terminated contract is out of force from the day it ends, in that year and every later one', async () => {
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
    expect([await inForce(2026), await inForce(2027), await inForce(2028)]).toEqual(before.map((n) => n - 1));
    expect(((await p.query(leaderOf('32'), 'rollups.overview', { year: 2026 })).data.totals as Record<string, number>)['contracts.terminated']).toBe(1);
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

describe('the review period at its boundary (Art. 45, 47): objections through day 15, effective on day 16', () => {
  // A tenant of its own, so its clock settings do not touch the tests above.
  const R = '321283';
  const staffR = staffOf(R);
  const adminR = adminOf(R);
  let unitR: string;
  const filedOn2026 = { sentOn: '2026-02-20', signedOn: '2026-02-27', filedOn: '2026-03-02' };
  const get = async (id: string) => (await p.query(staffR, 'contracts.get', { contractId: id })).data;

  beforeAll(async () => {
    await createTenant(p, R, R);
    unitR = (await createUnit(p, R)).unitId;
  });

  it('files on 03-02: the last review day is 03-17 (day 15), the contract takes effect on 03-18 (day 16)', async () => {
    at('2026-03-02');
    const id = await create({ unitId: unitR }, staffR);
    await walkToFiled(id, filedOn2026, staffR);
    const c = await get(id);
    expect(c.clocks).toEqual([expect.objectContaining({ kind: 'review', from: '2026-03-02', dueOn: '2026-03-17', effectiveOn: '2026-03-18', days: 15, count: 'natural' })]);
    expect(c.history.at(-1)).toMatchObject({ step: 'file', note: expect.stringContaining('审查期至 2026-03-17 止（15个自然日），期间无异议则 2026-03-18 起生效') });
  });

  it('accepts an objection dated day 15 after that day\'s tick, and sends the contract back to negotiation', async () => {
    at('2026-03-02');
    const id = await create({ unitId: unitR }, staffR);
    await walkToFiled(id, filedOn2026, staffR);
    await tick('2026-03-17'); // the daily tick of day 15 (00:05 in production) leaves it under review
    expect((await get(id)).status).toBe('filed');
    const opinionEvidenceId = await attachReviewOpinion(p, staffR, id);
    const objection = await p.mutate(staffR, 'contracts.review.record', { contractId: id, objectionOn: '2026-03-17', opinion: '工资条款低于当地最低工资标准', opinionEvidenceId });
    expect(objection.status, JSON.stringify(objection.error)).toBe(200);
    expect(objection.data).toMatchObject({ status: 'negotiating', review: { objectionOn: '2026-03-17' } });
    expect(objection.data.effectiveOn).toBeUndefined();
    await tick('2026-03-18');
    expect((await get(id)).status).toBe('negotiating'); // an objected contract never takes effect by lapse of time
  });

  it('refuses an objection dated day 16 as late, naming the last review day and the effective date, and changes nothing', async () => {
    at('2026-03-02');
    const id = await create({ unitId: unitR }, staffR);
    await walkToFiled(id, filedOn2026, staffR);
    await tick('2026-03-17');
    const before = await get(id);
    at('2026-03-18'); // before that day's tick
    const late = await p.mutate(staffR, 'contracts.review.record', { contractId: id, objectionOn: '2026-03-18' });
    expect(late.status).toBe(400);
    expect(late.error?.message).toBe('审查期至 2026-03-17 止，2026-03-18 提出的异议已逾期；未在审查期内提出异议的，合同自 2026-03-18 起生效');
    expect((late.error?.data as any).messageEn).toContain('The review period ended on 2026-03-17');
    expect((late.error?.data as any).issues).toEqual([expect.objectContaining({ path: ['objectionOn'] })]);
    expect(await get(id)).toMatchObject({ status: 'filed', version: before.version });
  });

  it('takes effect on day 16 with the history note and the notification saying when the review ended and from when it is in force', async () => {
    at('2026-03-02');
    const id = await create({ unitId: unitR }, staffR);
    await walkToFiled(id, filedOn2026, staffR);
    await tick('2026-03-17');
    expect((await get(id)).status).toBe('filed');
    await tick('2026-03-18');
    const c = await get(id);
    expect(c).toMatchObject({ status: 'effective', effectiveOn: '2026-03-18' });
    expect(c.history.at(-1)).toMatchObject({ step: 'effective', on: '2026-03-18', note: '审查期至 2026-03-17 届满，人社部门未提出异议，自 2026-03-18 起生效（《集体合同规定》第四十七条）' });
    const notice = (await p.query(staffR, 'notifications.list')).data.items.find((n: any) => n.contractId === id && n.type === 'contract_effective');
    expect(notice).toMatchObject({ dueOn: '2026-03-18', title: { zh: `「${c.title}」审查期至 2026-03-17 届满无异议，自 2026-03-18 起生效`, en: `"${c.title}": no objection in the review period (ended 2026-03-17); in effect from 2026-03-18` } });
    // The publish clock runs from the effective date: 10 days, so its last day is 03-28.
    expect(c.clocks.find((k: any) => k.kind === 'publish')).toMatchObject({ from: '2026-03-18', dueOn: '2026-03-28' });
    // Once in effect, an objection is out of order.
    expect((await p.mutate(staffR, 'contracts.review.record', { contractId: id, objectionOn: '2026-03-17' })).status).toBe(409);
  });

  it('counting working days, a review ending on 09-30 takes effect on 10-01 — a 国庆 holiday, the next calendar day', async () => {
    const set = await p.query(adminR, 'contracts.settings.get');
    expect((await p.mutate(adminR, 'contracts.settings.set', { version: set.data.version, dayCount: { review: 'working' } })).status).toBe(200);
    at('2025-09-10');
    const [objected, lapsed] = [await create({ unitId: unitR }, staffR), await create({ unitId: unitR }, staffR)];
    for (const id of [objected, lapsed]) await walkToFiled(id, { sentOn: '2025-09-01', signedOn: '2025-09-05', filedOn: '2025-09-10' }, staffR);
    // 09-11 … 09-30 hold 15 working days (Sunday 09-28 is a 调休 working day).
    expect((await get(lapsed)).clocks[0]).toMatchObject({ kind: 'review', dueOn: '2025-09-30', effectiveOn: '2025-10-01', count: 'working' });
    await tick('2025-09-30');
    expect((await p.mutate(staffR, 'contracts.review.record', { contractId: objected, objectionOn: '2025-09-30', opinionEvidenceId: await attachReviewOpinion(p, staffR, objected) })).status).toBe(200);
    expect((await get(lapsed)).status).toBe('filed');
    await tick('2025-10-01');
    expect(await get(lapsed)).toMatchObject({ status: 'effective', effectiveOn: '2025-10-01' });
    expect((await get(lapsed)).history.at(-1).note).toContain('审查期至 2025-09-30 届满');
    expect((await get(objected)).status).toBe('negotiating');
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

    const bad = await p.mutate(operator, 'contracts.calendar.load', { year: 2027, version: 0, source: '测试', off: ['2027-01-01', ['2027-02-10', '2027-02-06']], work: ['2027-01-09', '2027-01-05'] });
    expect(bad.status).toBe(400);
    expect(bad.error?.data.issues?.map((i: any) => i.path)).toEqual([['off', 1], ['work', 1]]);
    expect(bad.error?.data.issues?.[1]).toMatchObject({ message: expect.stringContaining('应为周六或周日'), messageEn: expect.stringContaining('weekday') });
    expect((await p.mutate(admin, 'contracts.calendar.load', { year: 2027, version: 0, source: '测试', off: ['2027-01-01'], work: [] })).status).toBe(403);
    // A made-up 2027 notice for the test: 01-01 to 01-03 off, Sunday 01-10 worked.
    // The operator is in no tenant's directory: the name their token carries is written with the notice and the audit entry.
    const namedOperator = { ...operator, name: '平台运维王敏' };
    const ok = await p.mutate(namedOperator, 'contracts.calendar.load', { year: 2027, version: 0, source: '测试通知', off: [['2027-01-01', '2027-01-03']], work: ['2027-01-10'] });
    expect(ok.status, JSON.stringify(ok.error)).toBe(200);
    expect(ok.data).toMatchObject({ days: { toRest: 1, toWork: 1 }, jobId: expect.any(String) });
    // Every active tenant's clocks are re-checked in a consumer of its own; the job counts them in.
    await p.settle();
    const job = (await p.query(operator, 'contracts.calendar.job', { jobId: ok.data.jobId })).data;
    const active = (await new TenantRepository(p.runtime.deps.table, 0).list()).filter((t) => t.status === 'active').length;
    expect(job, JSON.stringify({ job, active })).toMatchObject({ year: 2027, version: 1, tenants: active, checked: active, done: true });
    expect(job.clocks.nowExact).toBeGreaterThanOrEqual(1);
    expect(job.clocks.tenants).toBeGreaterThanOrEqual(1);
    expect((await p.query(admin, 'contracts.calendar.job', { jobId: ok.data.jobId })).status).toBe(403);
    expect((await p.query(operator, 'contracts.calendar.job', { jobId: 'no-such-job' })).status).toBe(404);
    const cal = (await p.query(staff, 'contracts.calendar.get')).data;
    expect(cal.coveredYears).toContain(2027);
    expect(cal.notices.find((n: any) => n.year === 2027)).toMatchObject({ origin: 'loaded', version: 1, work: ['2027-01-10'], loadedBy: 'op', loadedByName: '平台运维王敏' });
    // Audited in the platform's own log, which only the operator reads.
    const log = await p.query(operator, 'audit.platform', { entityType: 'calendar' });
    expect(log.data.items[0]).toMatchObject({ action: 'contracts.calendar.load', entityId: '2027', actor: 'op', actorName: '平台运维王敏' });
    expect(log.data.items[0].summary).toContain(`重新核对（任务 ${ok.data.jobId}）`);
    expect((await p.query(admin, 'audit.platform', {})).status).toBe(403);
    expect((await p.query(admin, 'audit.list', { entityType: 'calendar' })).data.items).toEqual([]);
    const after = (await p.query(staff, 'contracts.get', { contractId: id })).data.clocks[0];
    expect(after.provisional).toBeUndefined();
    // 12-23…12-31 give 7 working days; 01-01 is now a holiday; 01-04…01-08 give 5; Sunday 01-10 is worked: 13; 01-11, 01-12: 15.
    expect(after.dueOn).toBe('2027-01-12');
    expect((await p.mutate(operator, 'contracts.calendar.load', { year: 2027, version: 0, source: '重复', off: ['2027-01-01'], work: [] })).status).toBe(409);
    at('2025-10-24');
  });
});

describe('ledger search', () => {
  it('finds contracts by a part of the title or of the employer party, on the server, with paging and the export alike', async () => {
    const a = await create({ title: '兴化市快递行业检索专项集体合同' });
    const b = await create({ title: '兴化市餐饮业工资专项集体合同', employerParties: [{ name: '兴化市检索餐饮协会' }] });
    await create({ title: '无关合同' });
    const ids = async (input: Record<string, unknown>) => (await p.query(staff, 'contracts.list', input)).data.items.map((c: { contractId: string }) => c.contractId).sort();
    expect(await ids({ q: '检索' })).toEqual([a, b].sort());
    expect(await ids({ q: '检索餐饮' })).toEqual([b]);
    expect(await ids({ q: '检索', type: 'regional' })).toEqual([]);
    const one = await p.query(staff, 'contracts.list', { q: '检索', limit: 1 });
    const two = await p.query(staff, 'contracts.list', { q: '检索', limit: 1, cursor: one.data.nextCursor });
    expect([...one.data.items, ...two.data.items].map((c: { contractId: string }) => c.contractId).sort()).toEqual([a, b].sort());
    expect((await p.query(staff, 'contracts.export', { q: '检索' })).data.rows).toBe(2);
  });

  it('matches any employer party of a multi-party contract, not only the first, in the list and the export alike', async () => {
    const c = await create({ title: '兴化市区域性检索多方集体合同', employerParties: [{ name: '兴化市甲方机械有限公司' }, { name: '兴化市乙方纺织有限公司' }, { name: '兴化市丙方物流有限公司' }] });
    const ids = async (q: string) => (await p.query(staff, 'contracts.list', { q })).data.items.map((x: { contractId: string }) => x.contractId);
    expect(await ids('乙方纺织')).toEqual([c]);
    expect(await ids('丙方物流')).toEqual([c]);
    expect(await ids('甲方机械')).toEqual([c]);
    expect(await ids('多方集体')).toEqual([c]);
    expect(await ids('丁方')).toEqual([]);
    expect((await p.query(staff, 'contracts.export', { q: '丙方物流' })).data.rows).toBe(1);
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

  it('exports the ledger as a real spreadsheet: date cells, numbers, labels in the chosen language', async () => {
    const res = await p.query(staff, 'contracts.export', { type: 'industry' });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ fileName: expect.stringMatching(/^集体合同台账-.*\.xlsx$/), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: expect.any(Number) });
    expect(res.data.rows).toBeGreaterThan(0);
    const { default: ExcelJS } = await import('exceljs');
    const sheetOf = async (base64: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
      return wb.worksheets[0]!;
    };
    const column = (ws: Awaited<ReturnType<typeof sheetOf>>, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);
    const zh = await sheetOf(res.data.base64);
    expect(zh.rowCount).toBe(res.data.rows + 1);
    expect(zh.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(zh.autoFilter).toBeTruthy();
    const row = zh.getRow(2);
    expect(row.getCell(column(zh, '类型')).value).toBe('行业性集体合同');
    expect(row.getCell(column(zh, '行业')).value).toBe('快递行业');
    const start = row.getCell(column(zh, '起始日'));
    expect([start.value, start.numFmt]).toEqual([new Date('2025-10-01T00:00:00Z'), 'yyyy-mm-dd']);
    const employees = row.getCell(column(zh, '覆盖职工数'));
    expect([employees.value, employees.numFmt]).toEqual([1200, '#,##0']);
    expect(row.getCell(column(zh, '工资增幅(%)')).value).toBe(6.5);

    const en = await p.query(staff, 'contracts.export', { type: 'industry', lang: 'en' });
    expect(en.data.fileName).toMatch(/^collective-contracts-.*\.xlsx$/);
    const enSheet = await sheetOf(en.data.base64);
    expect(enSheet.name).toBe('Collective contracts');
    expect(enSheet.getRow(2).getCell(column(enSheet, 'Type')).value).toBe('Industry-wide');
    expect(enSheet.getRow(2).getCell(column(enSheet, 'Status')).value).toMatch(/^[A-Z][a-z]/);
    // The input is optional: none and {} both answer.
    expect((await p.query(staff, 'contracts.export')).status).toBe(200);
    expect((await p.query(staff, 'contracts.export', {})).status).toBe(200);
  });
});
