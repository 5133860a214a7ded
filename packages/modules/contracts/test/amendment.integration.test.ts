import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expressContract } from './fixtures.js';
import { attachReviewOpinion, createTenant, createUnit, leaderOf, setDay, staffOf, startTestPlatform, stepsToSigned, tickOn, walkContract, type TestPlatform } from '@ufp/testing/platform';

const T = '321281';
let p: TestPlatform;
let unitId: string;
const staff = staffOf(T);
const at = (date: string) => setDay(p, date);
const tick = (date: string) => tickOn(p, date);
const get = async (contractId: string) => (await p.query(staff, 'contracts.get', { contractId })).data;
const totals = async () => (await p.query(leaderOf('32'), 'rollups.overview', { year: 2025 })).data.totals as Record<string, number>;

/** The bargaining steps to signed, the round agreeing `amendments`, then 报送审查 (its package uploaded by `walkContract`). */
const toFiled = (d: { sentOn: string; signedOn: string; filedOn: string }, amendments?: Record<string, unknown>) =>
  [...stepsToSigned(d).map(([path, input]) => (path === 'contracts.rounds.add' && amendments ? ([path, { ...input, amendments }] as const) : ([path, input] as const))), ['contracts.file', { filedOn: d.filedOn }] as const];

let parentId: string;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T)).unitId;
  at('2025-10-20');
  const res = await p.mutate(staff, 'contracts.create', expressContract(unitId));
  expect(res.status, JSON.stringify(res.error)).toBe(200);
  parentId = res.data.contractId;
  await walkContract(p, staff, parentId, toFiled({ sentOn: '2025-10-01', signedOn: '2025-10-10', filedOn: '2025-10-15' }));
  await tick('2025-10-31'); // review to 2025-10-30 (15 natural days): in effect from the 31st
  expect((await get(parentId)).status).toBe('effective');
});

afterAll(() => p?.dispose());

describe('变更: amending a contract in force (《集体合同规定》第四十、四十一条)', () => {
  let amendmentId: string;

  it('refuses a contract not in force', async () => {
    const draft = await p.mutate(staff, 'contracts.create', expressContract(unitId));
    const res = await p.mutate(staff, 'contracts.amend', { contractId: draft.data.contractId });
    expect(res.status).toBe(409);
    expect(res.error?.message).toContain('生效期内');
  });

  it('opens an amendment draft linked to the contract, and refuses a second one naming it', async () => {
    at('2025-11-03');
    const res = await p.mutate(staff, 'contracts.amend', { contractId: parentId });
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    amendmentId = res.data.amendmentId;
    expect(res.data.contract).toMatchObject({ status: 'effective', amendment: { contractId: amendmentId, openedOn: '2025-11-03' } });
    const a = await get(amendmentId);
    expect(a).toMatchObject({ status: 'draft', amends: parentId, type: 'industry', term: { start: '2025-10-01', end: '2027-09-30' }, clauses: { wageGrowthPct: 6.5, minimumWageFen: 260000 }, nextSteps: ['offer.send'] });
    expect(a.links.amends).toMatchObject({ contractId: parentId, status: 'effective' });
    expect((await get(parentId)).links.openAmendment).toMatchObject({ contractId: amendmentId, openedOn: '2025-11-03' });

    const again = await p.mutate(staff, 'contracts.amend', { contractId: parentId });
    expect(again.status).toBe(409);
    expect(again.error?.message).toContain(amendmentId);
    const ofAmendment = await p.mutate(staff, 'contracts.amend', { contractId: amendmentId });
    expect(ofAmendment.status).toBe(409);
    expect(ofAmendment.error?.message).toContain('本身是变更协议');
    expect((await p.mutate(staff, 'contracts.terminate', { contractId: parentId, reason: '企业破产' })).status).toBe(409);
  });

  it('runs the bargaining steps; in effect, the contract takes its clauses in one transaction and counts as one contract still', async () => {
    at('2025-11-12');
    await walkContract(p, staff, amendmentId, toFiled({ sentOn: '2025-11-03', signedOn: '2025-11-10', filedOn: '2025-11-12' }, { wageGrowthPct: 8 }));
    expect((await get(parentId)).clauses.wageGrowthPct).toBe(6.5); // the voted version changes nothing until it takes effect
    await tick('2025-11-27'); // the review's last day
    const before = await get(parentId);
    const base = await totals();
    expect((await get(amendmentId)).status).toBe('filed');

    await tick('2025-11-28');
    const parent = await get(parentId);
    expect(parent).toMatchObject({ status: 'effective', clauses: { wageGrowthPct: 8, minimumWageFen: 260000 }, version: before.version + 1 });
    expect(parent.amendment).toBeUndefined();
    expect(parent.history.at(-1)).toMatchObject({ step: 'amendment.merged', on: '2025-11-28' });
    expect(parent.history.at(-1).note).toContain('工资增长幅度');
    expect(parent.amendments).toEqual([{ contractId: amendmentId, openedOn: '2025-11-03', closedOn: '2025-11-28', outcome: 'merged', changes: [{ clause: 'wageGrowthPct', from: 6.5, to: 8 }] }]);
    expect(parent.links.pastAmendments).toMatchObject([{ contractId: amendmentId, status: 'merged', outcome: 'merged' }]);
    expect(parent.nextSteps).toContain('amend');
    expect(await get(amendmentId)).toMatchObject({ status: 'merged', effectiveOn: '2025-11-28', nextSteps: [] });

    const after = await totals();
    const delta = (m: string) => (after[m] ?? 0) - (base[m] ?? 0);
    expect(['contracts.inForce', 'contracts.inForce.byIndustry.express', 'contracts.coveredEmployees', 'contracts.unitsCovered', 'contracts.wageGrowth.count', 'contracts.wageGrowth.sumBp'].map(delta)).toEqual([0, 0, 0, 0, 0, 150]);
    expect(after['contracts.inForce']).toBe(1);
    expect(after['contracts.signed']).toBe(1); // the amendment's signature is not a contract signed
    await tick('2025-11-28'); // a repeated tick changes nothing
    expect((await get(parentId)).version).toBe(parent.version);
  });

  it('an objected amendment leaves the contract unchanged; ending it clears the marker', async () => {
    at('2025-12-01');
    const opened = await p.mutate(staff, 'contracts.amend', { contractId: parentId });
    expect(opened.status, JSON.stringify(opened.error)).toBe(200);
    const id = opened.data.amendmentId as string;
    at('2025-12-05');
    await walkContract(p, staff, id, toFiled({ sentOn: '2025-12-01', signedOn: '2025-12-04', filedOn: '2025-12-05' }, { wageGrowthPct: 9 }));
    at('2025-12-08');
    const opinionEvidenceId = await attachReviewOpinion(p, staff, id);
    const objected = await p.mutate(staff, 'contracts.review.record', { contractId: id, objectionOn: '2025-12-08', opinion: '工资条款须修改', opinionEvidenceId });
    expect(objected.status, JSON.stringify(objected.error)).toBe(200);
    expect(objected.data.status).toBe('negotiating');
    await tick('2025-12-21'); // past the review period: an objected amendment does not take effect
    const during = await get(parentId);
    expect(during).toMatchObject({ clauses: { wageGrowthPct: 8 }, amendment: { contractId: id } });

    const ended = await p.mutate(staff, 'contracts.terminate', { contractId: id, reason: '双方协商一致放弃变更' });
    expect(ended.status, JSON.stringify(ended.error)).toBe(200);
    expect(ended.data.status).toBe('terminated');
    const parent = await get(parentId);
    expect(parent.clauses.wageGrowthPct).toBe(8);
    expect(parent.amendment).toBeUndefined();
    expect(parent.amendments.at(-1)).toMatchObject({ contractId: id, outcome: 'ended', closedOn: '2025-12-21' });
    expect(parent.history.at(-1)).toMatchObject({ step: 'amendment.ended' });
    const t = await totals();
    expect([t['contracts.inForce'], t['contracts.terminated'] ?? 0]).toEqual([1, 0]);
  });
});
