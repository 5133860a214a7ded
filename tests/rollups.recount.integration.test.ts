import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@ufp/core/calendar/dates';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { keys } from '@ufp/db/keys';
import type { Claims } from '@ufp/kit/auth';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, leaderOf, operator, staffOf, startTestPlatform, type TestPlatform, attachHardshipDocuments, stepsToSigned, walkContract } from '@ufp/testing/platform';
import { createCompetition, createEvent, draw, enterScores, marks, panelUsers, register } from '../packages/modules/competitions/test/results-fixtures.js';
import { fileMinutes } from '../packages/modules/model-workers/test/minutes.js';

/**
 * 重新核算 (rollups.recount): every module recounts a tenant's rollup row from its records. Real commands in every
 * module in 2026 (units, a 十件实事 plan with progress, a contract through to in force, a hardship file and grants,
 * a 劳模 with an honour and a benefit, a competition finalised), more in 2027; the recount equals the projection
 * with no difference for 2027 (now) and 2026 (stocks carried across); a rollup attribute changed by hand in the
 * table is reported as exactly that difference. Only the operator and federation admins may recount.
 */

const CITY = '3212';
const XH = '321281'; // 兴化
const JJ = '321282'; // 靖江
const DIVISION: Record<string, string> = { [CITY]: '321200', [XH]: XH, [JJ]: JJ };

let p: TestPlatform;
const at = (date: string) => p.clock.set(new Date(`${date}T02:00:00Z`));
const today = () => new Date(p.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const tick = async (date: string) => {
  at(date);
  await p.scheduler.tick();
  await p.settle();
};
const staff2 = (tenantId: string): Claims => ({ sub: `staff2-${tenantId}`, roles: ['federation_staff'], tenantId });

async function ok<T = any>(res: Promise<{ status: number; data: T; error?: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

type Report = {
  code: string;
  year: number;
  tenants: number;
  keysChecked: number;
  differences: { tenantId: string; name: string; key: string; projected: number; recounted: number }[];
  totalDifferences: { key: string; projected: number; recounted: number }[];
  notRecountable: { key: string; reason: { zh: string; en: string } }[];
};
const recount = (who: Claims, input: { year: number; scope?: string }) => p.mutate<Report>(who, 'rollups.recount', input);

let serial = 0;
/** A household filed, investigated, noticed and approved today (two staff: the reviewer is not the submitter). */
async function onFile(tenantId: string, unitId: string) {
  const first17 = `${DIVISION[tenantId]!}19850312${String(300 + serial).padStart(3, '0')}`;
  const name = `核算户${serial++}`;
  const household = { members: [{ relation: '本人', name }, { relation: '子女', name: `${name}子` }], annualIncomeFen: 3_000_000, rigidExpensesFen: 1_200_000, causes: ['本人患慢性病'], events: [] };
  const s = staffOf(tenantId);
  const created = await ok(p.mutate(s, 'hardship.files.create', { unitId, worker: { name, idNumber: first17 + idNumberCheckCharacter(first17), phone: '13812345678' }, household, consentGiven: true }));
  let f = await ok(p.mutate(s, 'hardship.files.submit', { fileId: created.fileId, version: created.version }));
  f = await ok(p.mutate(s, 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: addDays(today(), -10), findings: '入户核实，家庭收入与申报一致' }));
  await attachHardshipDocuments(p, s, f.fileId);
  f = await ok(p.mutate(s, 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: addDays(today(), -8) }));
  f = await ok(p.mutate(staff2(tenantId), 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'approve', reason: '经评议符合困难职工条件' }));
  return f.fileId as string;
}

/** A contract walked to filed today; the daily clock then puts it in force. */
async function filedContract(tenantId: string, input: Record<string, unknown>) {
  const s = staffOf(tenantId);
  const c = await ok(p.mutate(s, 'contracts.create', { employerParties: [{ name: '某某企业' }], coveredEnterprises: 3, coveredEmployees: 200, ...input }));
  const d = (n: number) => addDays(today(), -n);
  const steps = [...stepsToSigned({ sentOn: d(6), roundOn: d(5), signedOn: d(2) }), ['contracts.file', { filedOn: today() }] as const];
  await walkContract(p, s, c.contractId, steps);
  return c.contractId as string;
}

/** A 十件实事 plan of `year` with one item, adopted, and a progress report on it. */
async function planWithProgress(tenantId: string, year: number, occurredOn: string) {
  const admin = adminOf(tenantId);
  const planId = (await ok(p.mutate(admin, 'tenThings.plans.create', { year, title: `${year}年十件实事` }))).planId as string;
  const itemId = (await ok(p.mutate(staffOf(tenantId), 'tenThings.candidates.propose', { planId, title: '劳模宣讲', category: 'skills', leadDept: '宣教部', targetsText: '开展宣讲不少于20场' }))).itemId as string;
  await ok(p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [{ candidateId: itemId, for: 3, against: 0, abstain: 0 }] }));
  await ok(p.mutate(staffOf(tenantId), 'tenThings.progress.report', { itemId, targetIndex: 0, quantity: 8, occurredOn }));
}

/** A one-stage 赛项 in May–June 2026: five contestants marked, published, and final after the protest window. */
async function finalisedCompetition(tenantId: string, unitId: string) {
  at('2026-05-20');
  const { competitionId } = await createCompetition(p, tenantId, {
    overrides: {
      prizes: { kind: 'byRank', table: [{ fromRank: 1, toRank: 1, label: { zh: '一等奖', en: 'First' }, amountFen: 10_000_00 }, { fromRank: 2, toRank: 3, label: { zh: '二等奖', en: 'Second' }, amountFen: 5_000_00 }] },
      honours: [
        { fromRank: 1, toRank: 1, award: { kind: 'recommendation', honourCode: 'provincial_may_day_medal', level: 'provincial', name: { zh: '省五一劳动奖章', en: 'Provincial May Day Labour Medal' } } },
        { fromRank: 4, toRank: 5, award: { kind: 'skillGradeUp' } },
      ],
    },
  });
  const panel = await panelUsers(p, tenantId, '核算'); // a unit of its own for the judges
  const event = await createEvent(p, tenantId, competitionId, [{ kind: 'final', startsAt: '2026-06-01T00:00:00.000Z' }], panel);
  const scores = [9500, 9000, 8500, 8000, 7500];
  const contestants = await register(p, event, scores.map((_, i) => ({ name: `选手${i + 1}`, unitId, seq: 50 + i })));
  const numbers = await draw(p, event, 'final');
  await enterScores(p, event, 'final', contestants.flatMap((c, i) => marks(numbers.get(c.contestantId)!, panel.judges, scores[i]!, 8000)));
  p.clock.set(new Date('2026-06-01T02:00:00.000Z'));
  await ok(p.mutate(panel.chief, 'competitions.results.publish', { eventId: event.eventId, stage: 'final' }));
  at('2026-06-02');
  await ok(p.mutate(staffOf(tenantId), 'competitions.results.finalize', { eventId: event.eventId, stage: 'final' }));
}

/** A 劳模 with a 2026 honour and a benefit granted. */
async function honouredPerson(tenantId: string, unitId: string) {
  const staff = staffOf(tenantId);
  const personId = (await ok(p.mutate(staff, 'modelWorkers.people.create', { idNumber: demoIdNumber(tenantId, '19720301', 61), name: '核算劳模', education: 'secondary', occupation: 'frontline', unitId }))).personId as string;
  await ok(p.mutate(staff, 'modelWorkers.honours.award', { personId, code: 'city_model_worker', year: 2026, conferredBy: '泰州市人民政府' }));
  await ok(p.mutate(adminOf(tenantId), 'modelWorkers.benefits.setBudget', { year: 2026, budgetFen: 1_000_000, version: 0 }));
  await ok(p.mutate(staff, 'modelWorkers.benefits.grant', { personId, kind: 'spring_festival', grantedOn: today() }));
}

/** A 市劳模 campaign in May 2026: two nominations, one withdrawn, the other reviewed by the county. */
async function campaignSteps(tenantId: string, unitId: string) {
  at('2026-05-10');
  const staff = staffOf(tenantId);
  const nominator = staff2(tenantId);
  const { campaignId } = await ok(p.mutate(staff, 'modelWorkers.campaigns.create', { code: 'city_model_worker', title: '2026年度市劳动模范推荐', year: 2026, opensOn: '2026-05-01', closesOn: '2026-09-30', places: 3, rules: {} }));
  await ok(p.mutate(staff, 'modelWorkers.campaigns.publish', { campaignId }));
  const nominationIds: string[] = [];
  for (const seq of [71, 72]) {
    const personId = (await ok(p.mutate(staff, 'modelWorkers.people.create', { idNumber: demoIdNumber(tenantId, '19800301', seq), name: `推荐${seq}`, education: 'secondary', occupation: 'frontline', unitId }))).personId;
    nominationIds.push((await ok(p.mutate(nominator, 'modelWorkers.nominations.create', { campaignId, personId, minutesRef: '职代会决议〔2026〕7号', deedsShort: '扎根一线二十年。', deedsLong: '扎根一线二十年，技术革新十二项。', acknowledgeQuota: true }))).nominationId);
  }
  await ok(p.mutate(nominator, 'modelWorkers.nominations.withdraw', { campaignId, nominationId: nominationIds[1], reason: '本人申请撤回' }));
  await fileMinutes(p, nominator, { campaignId, nominationId: nominationIds[0]! });
  await ok(p.mutate(staff, 'modelWorkers.nominations.review', { campaignId, nominationId: nominationIds[0], note: '材料齐全' }));
}

beforeAll(async () => {
  p = await startTestPlatform();
  at('2026-01-05');
  await createTenant(p, CITY, '321200', 'city', '泰州市总工会');
  await createTenant(p, XH, XH, 'county', '兴化市总工会');
  await createTenant(p, JJ, JJ, 'county', '靖江市总工会');
  const xh1 = await createUnit(p, XH, { type: 'enterprise', memberCount: 120 });
  const xh2 = await createUnit(p, XH, { type: 'regional', uscc: undefined, memberCount: 45 });
  const jj1 = await createUnit(p, JJ, { type: 'industry', uscc: undefined, memberCount: 30 });
  await createUnit(p, CITY, { type: 'enterprise', memberCount: 10 });
  await planWithProgress(XH, 2026, '2026-01-05');

  at('2026-01-12');
  await filedContract(XH, { type: 'comprehensive', unitId: xh1.unitId, term: { start: '2026-01-01', end: '2027-12-31' }, clauses: { wageGrowthPct: 5 } });
  await tick('2026-02-10');

  at('2026-03-10');
  const fx = await onFile(XH, xh2.unitId);
  const fj = await onFile(JJ, jj1.unitId);
  for (const t of [XH, JJ]) await ok(p.mutate(adminOf(t), 'hardship.funds.set', { year: 2026, source: 'union', budgetFen: 5_000_000 }));
  await ok(p.mutate(staffOf(XH), 'hardship.aid.grant', { fileId: fx, kind: 'festival', amountFen: 50_000, fundSource: 'union' }));
  await ok(p.mutate(staffOf(JJ), 'hardship.aid.grant', { fileId: fj, kind: 'medical', amountFen: 200_000, fundSource: 'union' }));
  await honouredPerson(XH, xh1.unitId);

  await campaignSteps(XH, xh1.unitId);
  await finalisedCompetition(XH, xh1.unitId);
  await p.settle();

  // 2027: the stocks carry over; a unit, a household, a grant and a plan of the new year.
  at('2027-02-01');
  await createUnit(p, JJ, { type: 'enterprise', memberCount: 15 });
  await ok(p.mutate(adminOf(XH), 'hardship.funds.set', { year: 2027, source: 'union', budgetFen: 5_000_000 }));
  await ok(p.mutate(staffOf(XH), 'hardship.aid.grant', { fileId: await onFile(XH, xh1.unitId), kind: 'living', amountFen: 100_000, fundSource: 'union' }));
  await planWithProgress(JJ, 2027, '2027-02-01');
  await tick('2027-02-02');
}, 300_000);

afterAll(() => p?.dispose());

describe('rollups.recount', () => {
  it.each([2027, 2026])('for %i the recount of the province equals the projection in every tenant row and in the total', async (year) => {
    const report = await ok(recount(operator, { year, scope: '32' }));
    expect(report.differences).toEqual([]);
    expect(report.totalDifferences).toEqual([]);
    expect(report).toMatchObject({ code: '32', year, tenants: 3 });
    expect(report.keysChecked).toBeGreaterThan(50);
  });

  it('the figures compared are not trivially zero: the projection the recount agrees with holds every module', async () => {
    const view = await ok(p.query(leaderOf('32'), 'rollups.overview', { year: 2026 }));
    expect(view.totals).toMatchObject({ 'units.count': 5, 'contracts.inForce': 1, 'contracts.unitsCovered': 1, 'hardship.households': 2, 'hardship.aid.grants': 2, 'tenThings.items.adopted': 1, 'tenThings.progress.reports': 1, 'modelWorkers.people': 1, 'modelWorkers.benefits.grants': 1, 'competitions.contestants': 5, 'competitions.eventsHeld': 1, 'modelWorkers.nominations.nominated': 2, 'modelWorkers.nominations.reviewed': 1, 'modelWorkers.nominations.withdrawn': 1 });
    expect(view.totals['competitions.gradeRaises']).toBe(2);
    const y27 = await ok(p.query(leaderOf('32'), 'rollups.overview', { year: 2027 }));
    expect(y27.totals).toMatchObject({ 'units.count': 6, 'contracts.inForce': 1, 'hardship.households': 3, 'hardship.aid.grants': 1, 'modelWorkers.people': 1, 'tenThings.items.adopted': 1 });
  });

  it('a city admin recounts its city, and a county in it, with no difference', async () => {
    for (const scope of [undefined, JJ]) {
      const report = await ok(recount(adminOf(CITY), { year: 2027, ...(scope ? { scope } : {}) }));
      expect(report).toMatchObject({ code: scope ?? CITY, differences: [], totalDifferences: [] });
    }
  });

  it('lists what cannot be recounted with a reason, and never reports those keys as differences', async () => {
    const report = await ok(recount(operator, { year: 2026, scope: '32' }));
    const listed = report.notRecountable.map((n) => n.key);
    expect(listed).toContain('modelWorkers.surveys.belowThreshold');
    expect(listed).not.toContain('modelWorkers.nominations.approved');
    for (const n of report.notRecountable) expect(n.reason.zh && n.reason.en).toBeTruthy();
  });

  it('a rollup attribute changed by hand in the table is reported as exactly that difference (a key not recountable is not), the total left as projected', async () => {
    const before = await ok(p.query(leaderOf('32'), 'rollups.overview', { year: 2027 }));
    const members = before.rows.find((r: { tenantId: string }) => r.tenantId === XH).metrics['units.members'] as number;
    await p.runtime.deps.table.doc.send(
      new UpdateCommand({ TableName: p.runtime.deps.table.name, Key: keys.rollup('32', 2027, `T#${XH}`), UpdateExpression: 'ADD #m :d, #n :d', ExpressionAttributeNames: { '#m': 'm:units.members', '#n': 'm:modelWorkers.surveys.belowThreshold' }, ExpressionAttributeValues: { ':d': 7 } }),
    );
    const report = await ok(recount(operator, { year: 2027, scope: '32' }));
    expect(report.differences).toEqual([{ tenantId: XH, name: '兴化市总工会', key: 'units.members', projected: members + 7, recounted: members }]);
    expect(report.totalDifferences).toEqual([]);
    // Reports only: the corrupted figure is still there afterwards; other scopes' partitions are untouched.
    expect((await ok(recount(operator, { year: 2027, scope: '32' }))).differences).toHaveLength(1);
    expect((await ok(recount(adminOf(XH), { year: 2027 }))).differences).toEqual([]);
  });

  it('is audited as a read in the caller tenant’s log', async () => {
    await ok(recount(adminOf(JJ), { year: 2027 }));
    const log = await ok(p.query(adminOf(JJ), 'audit.list', {}));
    expect(log.items.map((e: { action: string }) => e.action)).toContain('rollups.recount');
  });
});

describe('who may recount', () => {
  it('staff and leaders are refused; the operator and federation admins are allowed', async () => {
    for (const who of [staffOf(XH), leaderOf('32'), leaderOf(XH), { ...leaderOf(XH), tenantId: XH }]) expect((await recount(who, { year: 2027 })).status).toBe(403);
    expect((await recount(operator, { year: 2027, scope: XH })).status).toBe(200);
    expect((await recount(adminOf(XH), { year: 2027 })).status).toBe(200);
  });

  it('a county admin is refused a sibling county and its city; a city admin a scope outside its city', async () => {
    expect((await recount(adminOf(JJ), { year: 2027, scope: XH })).status).toBe(403);
    expect((await recount(adminOf(JJ), { year: 2027, scope: CITY })).status).toBe(403);
    expect((await recount(adminOf(CITY), { year: 2027, scope: '3201' })).status).toBe(403);
  });

  it('the operator must name a scope; a scope that is not a division code is a 400 naming the field', async () => {
    const none = await recount(operator, { year: 2027 });
    expect(none.status).toBe(400);
    const bad = await recount(operator, { year: 2027, scope: '32x' });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toContain('核算范围');
  });
});
