import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createUnit, leaderOf, staffOf, setDay, startTestPlatform, tickOn, walkContract, type TestPlatform } from '@ufp/testing/platform';

/** 集体合同 legal clocks overdue, as the leadership cockpit's alerts read them: marked by the daily tick, unmarked by the step that answers. */
const T = '321281';
let p: TestPlatform;
let unitId: string;
const staff = staffOf(T);

const at = (date: string) => setDay(p, date);
const tick = (date: string) => tickOn(p, date);
const overdue = async () => {
  await p.settle();
  const view = (await p.query(leaderOf('32'), 'rollups.overview', { year: 2025 })).data;
  return (view.rows.find((r: { tenantId: string }) => r.tenantId === T)?.metrics['contracts.clocks.overdue'] ?? 0) as number;
};
const reps = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i + 1}`, role: i === 0 ? '首席' : '成员' }));
async function step(contractId: string, path: string, input: Record<string, unknown>) {
  const res = await p.mutate(staff, path, { contractId, ...input });
  expect(res.status, `${path}: ${JSON.stringify(res.error)}`).toBe(200);
  return res.data;
}
async function create() {
  const res = await p.mutate(staff, 'contracts.create', {
    type: 'comprehensive',
    unitId,
    employerParties: [{ name: '兴化市某机械有限公司' }],
    coveredEnterprises: 1,
    coveredEmployees: 320,
    term: { start: '2025-10-01', end: '2027-09-30' },
    clauses: { wageGrowthPct: 5 },
  });
  expect(res.status, JSON.stringify(res.error)).toBe(200);
  return res.data.contractId as string;
}

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T)).unitId;
  at('2025-09-01');
}, 90_000);

afterAll(() => p?.dispose());

describe('overdue legal clocks in the rollups', () => {
  let offered: string;
  let signed: string;

  it('counts an unanswered offer overdue the day after its 20th day, not on it, once however often the tick runs', async () => {
    offered = await create();
    await step(offered, 'contracts.offer.send', { sentOn: '2025-09-01', fromSide: 'worker' }); // reply due 2025-09-21
    await tick('2025-09-21');
    expect(await overdue()).toBe(0);
    await tick('2025-09-22');
    expect(await overdue()).toBe(1);
    await tick('2025-09-22');
    await tick('2025-09-23');
    expect(await overdue()).toBe(1);
  });

  it('adds a filing not made in the 10 days from signing, from the 11th day', async () => {
    at('2025-09-02');
    signed = await create();
    await step(signed, 'contracts.offer.send', { sentOn: '2025-09-02', fromSide: 'worker' });
    await step(signed, 'contracts.offer.reply', { repliedOn: '2025-09-02', accepted: true });
    await step(signed, 'contracts.representatives.set', { side: 'worker', members: reps(3, '职工代表'), chiefIndex: 0 });
    await step(signed, 'contracts.representatives.set', { side: 'employer', members: reps(3, '企业代表'), chiefIndex: 0 });
    await step(signed, 'contracts.rounds.add', { heldOn: '2025-09-02', minutes: '就工资增幅达成一致', openIssues: [] });
    await step(signed, 'contracts.congress.record', { heldOn: '2025-09-02', representativesTotal: 60, present: 40, approve: 31 });
    await step(signed, 'contracts.sign', { signedOn: '2025-09-02' }); // filing due 2025-09-12
    await tick('2025-09-23');
    expect(await overdue()).toBe(2);
  });

  it('comes back down as each clock is answered: the reply, then the filing', async () => {
    await step(offered, 'contracts.offer.reply', { repliedOn: '2025-09-23', accepted: true });
    expect(await overdue()).toBe(1);
    await walkContract(p, staff, signed, [['contracts.file', { filedOn: '2025-09-23' }]]);
    expect(await overdue()).toBe(0);
    await tick('2025-09-24');
    expect(await overdue()).toBe(0);
  });
});
