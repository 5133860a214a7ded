import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, reporterOf, setDay, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** 征集: units propose, staff merge duplicates and shortlist (初定); only candidates go to the vote. */
const T = '321281';
let p: TestPlatform;
let planId: string;
let unitA: string;
let unitB: string;
const admin = adminOf(T);
const staff = staffOf(T);
const reporterA = () => reporterOf(T, unitA);
const reporterB = () => ({ ...reporterOf(T, unitB), sub: 'reporter-b' });

const ok = <R>(r: { status: number; data: R; error?: unknown }): R => {
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.error)}`);
  return r.data;
};
const proposal = (title: string) => ({ planId, title, category: 'health', targetsText: '为500名职工赠送健康体检' });
const ids: Record<string, string> = {};

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  unitA = (await createUnit(p, T)).unitId;
  unitB = (await createUnit(p, T)).unitId;
  setDay(p, '2024-01-10');
  planId = ok(await p.mutate(admin, 'tenThings.plans.create', { year: 2024, title: '2024年十件实事' })).planId;
}, 90_000);

afterAll(async () => {
  await p?.dispose();
});

describe('征集 from the units', () => {
  it('a unit reporter sees the plan collecting and proposes; its targets are parsed; staff only shortlist', async () => {
    const open = ok(await p.query(reporterA(), 'tenThings.candidates.mine'));
    expect(open.plans).toEqual([{ planId, year: 2024, title: '2024年十件实事' }]);
    const item = ok(await p.mutate(reporterA(), 'tenThings.candidates.solicit', proposal('职工健康体检')));
    ids.a = item.itemId;
    expect(item).toMatchObject({ stage: 'proposed', leadDept: '', proposers: [{ unitId: unitA }] });
    expect(item.targets[0]).toMatchObject({ target: 500, unit: '名' });
    ids.b = ok(await p.mutate(reporterB(), 'tenThings.candidates.solicit', proposal('为职工体检'))).itemId;
    ids.c = ok(await p.mutate(reporterB(), 'tenThings.candidates.solicit', { ...proposal('建设职工书屋'), category: 'culture', targetsText: '建设职工书屋10家' })).itemId;
    const bad = await p.mutate(reporterA(), 'tenThings.candidates.solicit', { ...proposal('看不懂'), targetsText: '尽量多做一些' });
    expect(bad.status).toBe(400);
    expect((await p.mutate(staff, 'tenThings.candidates.solicit', proposal('员工建议'))).status).toBe(403);
    // A reporter sees only its own unit's proposals, with what became of them.
    expect(ok(await p.query(reporterA(), 'tenThings.candidates.mine')).proposals.map((x: { itemId: string }) => x.itemId)).toEqual([ids.a]);
  });

  it('staff merge a duplicate: the kept proposal keeps both units; the reporter sees where it went', async () => {
    const kept = ok(await p.mutate(staff, 'tenThings.candidates.merge', { itemId: ids.b, intoItemId: ids.a }));
    expect(kept.proposers.map((x: { unitId: string }) => x.unitId)).toEqual([unitA, unitB]);
    const mine = ok(await p.query(reporterB(), 'tenThings.candidates.mine')).proposals;
    expect(mine.find((x: { itemId: string }) => x.itemId === ids.b)).toMatchObject({ stage: 'merged', mergedIntoTitle: '职工健康体检' });
    expect((await p.mutate(staff, 'tenThings.candidates.merge', { itemId: ids.b, intoItemId: ids.c })).status).toBe(409);
  });

  it('初定 puts the kept proposal on the ballot with its lead department; the vote takes candidates only', async () => {
    const item = ok(await p.query(staff, 'tenThings.plans.get', { planId })).items.find((i: { itemId: string }) => i.itemId === ids.a);
    const short = ok(await p.mutate(staff, 'tenThings.candidates.shortlist', { itemId: ids.a, version: item.version, leadDept: '职工服务中心', budgetFen: 300_000_00 }));
    expect(short).toMatchObject({ stage: 'candidate', leadDept: '职工服务中心' });
    expect((await p.mutate(staff, 'tenThings.candidates.shortlist', { itemId: ids.a, version: short.version, leadDept: 'x' })).status).toBe(409);
    // The proposal not shortlisted is not on the ballot.
    const offBallot = await p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [ids.a, ids.c].map((candidateId) => ({ candidateId, for: 3, against: 0, abstain: 0 })) });
    expect(offBallot.status).toBe(400);
    ok(await p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [{ candidateId: ids.a, for: 3, against: 0, abstain: 0 }] }));
    const view = ok(await p.query(staff, 'tenThings.plans.get', { planId }));
    const stageOf = (id: string) => view.items.find((i: { itemId: string }) => i.itemId === id).stage;
    expect([stageOf(ids.a!), stageOf(ids.b!), stageOf(ids.c!)]).toEqual(['adopted', 'merged', 'proposed']);
    // Collecting is over.
    expect((await p.mutate(reporterA(), 'tenThings.candidates.solicit', proposal('迟到的建议'))).status).toBe(409);
    expect(ok(await p.query(reporterA(), 'tenThings.candidates.mine')).plans).toEqual([]);
  });
});
