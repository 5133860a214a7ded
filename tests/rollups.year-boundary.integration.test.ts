import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { addDays, daysBetween } from '@ufp/core/calendar/dates';
import { shanghaiYear } from '@ufp/core/clock';
import { indicatorDictionary } from '@ufp/api/modules';

const { indicators } = indicatorDictionary;
import { rollupScopes } from '@ufp/core/rollups/scopes';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { CursorCodec } from '@ufp/db/cursor';
import { ContractRepository } from '@ufp/contracts/store';
import { HardshipStore as HardshipRepository } from '@ufp/hardship/store';
import { TenThingsStore as TenThingsRepository } from '@ufp/ten-things/store';
import { adminOf, createTenant, createUnit, leaderOf, staffOf, startTestPlatform, type TestPlatform, attachHardshipDocuments, stepsToSigned, walkContract } from '@ufp/testing/platform';

/**
 * A new user's first two years: units, members, hardship files, grants, contracts and 十件实事 in 2026, the clock
 * moved into 2027, more changes and ticks there. Every stock indicator the leadership reads for 2027 — province,
 * city and county — must equal a recount from the records; 2026 must still read as it stood at its end.
 */

const CITY = '3212'; // 泰州 (321200)
const XH = '321281'; // 兴化
const JJ = '321282'; // 靖江
const TENANTS = { [CITY]: '321200', [XH]: XH, [JJ]: JJ } as Record<string, string>;
const SCOPES = ['32', '3212', XH, JJ];

let p: TestPlatform;
const cursors = new CursorCodec(Buffer.alloc(32, 7));
const scopeOf = (tenantId: string): TenantScope => ({ kind: 'tenant', tenantId, divisionCode: TENANTS[tenantId]!, actor: { sub: 'test', roles: [] } });
const staff2 = (tenantId: string): Claims => ({ sub: `staff2-${tenantId}`, roles: ['federation_staff'], tenantId });

/** Moves the platform clock to 10:00 in Shanghai on `date`. */
const at = (date: string) => p.clock.set(new Date(`${date}T02:00:00Z`));
const today = () => new Date(p.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const tick = async (date: string) => {
  at(date);
  await p.scheduler.tick();
  await p.settle();
};

async function ok<T = any>(res: Promise<{ status: number; data: T; error?: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

// ── records ────────────────────────────────────────────────────────────────────────────────────

const units: Record<string, string[]> = { [CITY]: [], [XH]: [], [JJ]: [] };
async function unit(tenantId: string, type: string, memberCount: number) {
  const u = await createUnit(p, tenantId, { type, memberCount, ...(type === 'enterprise' ? {} : { uscc: undefined }) });
  units[tenantId]!.push(u.unitId);
  return u;
}

let serial = 0;
function household(income: number, size = 3) {
  const name = `测试户${serial}`;
  return { members: [{ relation: '本人', name }, ...Array.from({ length: size - 1 }, (_, i) => ({ relation: '子女', name: `${name}子${i}` }))], annualIncomeFen: income, rigidExpensesFen: 1_200_000, causes: ['本人患慢性病'], events: [] };
}

/** Files, submits, investigates, notices (already run its days) and approves a household today. */
async function onFile(tenantId: string, unitId: string, income = 4_800_000) {
  const first17 = `${TENANTS[tenantId]!.slice(0, 6)}19850312${String(300 + serial).padStart(3, '0')}`;
  const idNumber = first17 + idNumberCheckCharacter(first17);
  const h = household(income);
  serial++;
  const s = staffOf(tenantId);
  const created = await ok(p.mutate(s, 'hardship.files.create', { unitId, worker: { name: h.members[0]!.name, idNumber, phone: '13812345678' }, household: h, consentGiven: true }));
  let f = await ok(p.mutate(s, 'hardship.files.submit', { fileId: created.fileId, version: created.version }));
  f = await ok(p.mutate(s, 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: addDays(today(), -10), findings: '入户核实，家庭收入与申报一致' }));
  await attachHardshipDocuments(p, s, f.fileId);
  f = await ok(p.mutate(s, 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: addDays(today(), -8) }));
  f = await ok(p.mutate(staff2(tenantId), 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'approve', reason: '经评议符合困难职工条件' }));
  return f as { fileId: string; version: number };
}
const fileVersion = async (tenantId: string, fileId: string) => (await ok(p.query(staffOf(tenantId), 'hardship.files.get', { fileId }))).version as number;
const fileStep = async (tenantId: string, path: string, fileId: string, input: Record<string, unknown> = {}) =>
  ok(p.mutate(staffOf(tenantId), path, { fileId, version: await fileVersion(tenantId, fileId), ...input }));
const grant = (tenantId: string, fileId: string, kind: string, amountFen: number) =>
  // 金秋助学 names its student: the household's first child (member 2 after 本人), whose ID number (not on file) the form gives.
  ok(p.mutate(staffOf(tenantId), 'hardship.aid.grant', { fileId, kind, amountFen, fundSource: 'union', ...(kind === 'education' ? { student: { memberIndex: 1, level: 'high_school', idNumber: STUDENT_ID } } : {}) }));
/** The one 金秋助学 student's ID number (the once-a-year guard is kept by it). */
const STUDENT_ID = `32128120080101001${idNumberCheckCharacter('32128120080101001')}`;

/** Creates a contract and walks it to filed today (offer, talks and vote in the week before). */
async function filedContract(tenantId: string, input: Record<string, unknown>) {
  const s = staffOf(tenantId);
  const c = await ok(p.mutate(s, 'contracts.create', { employerParties: [{ name: '某某企业' }], coveredEnterprises: 3, coveredEmployees: 200, ...input }));
  const d = (n: number) => addDays(today(), -n);
  const steps = [...stepsToSigned({ sentOn: d(6), roundOn: d(5), signedOn: d(2) }), ['contracts.file', { filedOn: today() }] as const];
  await walkContract(p, s, c.contractId, steps);
  return c.contractId as string;
}
const contractStatus = async (tenantId: string, contractId: string) => (await ok(p.query(staffOf(tenantId), 'contracts.get', { contractId }))) as { status: string; effectiveOn?: string; version: number };

/** A 十件实事 plan of `year` with a hand-reported item and an item linked to contracts taking effect, adopted. */
async function adoptedPlan(tenantId: string, year: number) {
  const admin = adminOf(tenantId);
  const planId = (await ok(p.mutate(admin, 'tenThings.plans.create', { year, title: `${year}年十件实事` }))).planId as string;
  const talks = (await ok(p.mutate(staffOf(tenantId), 'tenThings.candidates.propose', { planId, title: '劳模宣讲', category: 'skills', leadDept: '宣教部', targetsText: '开展宣讲不少于20场' }))).itemId as string;
  const linked = (
    await ok(
      p.mutate(admin, 'tenThings.candidates.propose', {
        planId,
        title: '集体合同扩面',
        category: 'legal',
        leadDept: '基层工作部',
        targets: [{ indicator: '新签集体合同', unit: '份', comparator: 'gte', target: 2, link: { eventType: 'contracts.contract.effective', measure: 'count' } }],
      }),
    )
  ).itemId as string;
  await ok(p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [talks, linked].map((candidateId) => ({ candidateId, for: 3, against: 0, abstain: 0 })) }));
  return { planId, talks, linked };
}

// ── recounts from the records ──────────────────────────────────────────────────────────────────

type Values = Record<string, number>;
const bump = (v: Values, key: string, by = 1) => {
  v[key] = (v[key] ?? 0) + by;
};

async function allUnits(tenantId: string) {
  const out: { type: string; memberCount: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await p.runtime.deps.units.list(scopeOf(tenantId), {}, { cursor, limit: 200 });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The stock indicators as the records stand now: units, households on file, contracts in force. */
async function recountStocks(tenantId: string): Promise<Values> {
  const v: Values = {};
  for (const u of await allUnits(tenantId)) {
    bump(v, 'units.count');
    bump(v, 'units.members', u.memberCount);
    bump(v, `units.byType.${u.type}`);
  }
  for (const f of await new HardshipRepository(p.runtime.deps.table, cursors).allFiles(scopeOf(tenantId))) {
    bump(v, 'hardship.clocks.overdue', f.overdueClocks?.length ?? 0);
    if (f.status !== 'approved' || f.tier === 'not_eligible') continue;
    bump(v, 'hardship.households');
    bump(v, `hardship.households.${f.tier}`);
  }
  const covered = new Set<string>();
  for (const c of await new ContractRepository(p.runtime.deps.table).all({ tenantId })) {
    bump(v, 'contracts.clocks.overdue', c.overdueClocks?.length ?? 0);
    if (c.status !== 'effective' && c.status !== 'expiring') continue;
    bump(v, 'contracts.inForce');
    bump(v, `contracts.inForce.byType.${c.type}`);
    if (c.scope?.industry) bump(v, `contracts.inForce.byIndustry.${c.scope.industry}`);
    bump(v, 'contracts.coveredEmployees', c.coveredEmployees);
    bump(v, 'contracts.coveredEnterprises', c.coveredEnterprises);
    if (c.clauses.wageGrowthPct !== undefined) {
      bump(v, 'contracts.wageGrowth.sumBp', Math.round(c.clauses.wageGrowthPct * 100));
      bump(v, 'contracts.wageGrowth.count');
    }
    if (c.status === 'expiring') bump(v, 'contracts.expiring90');
    if (c.unitId) covered.add(c.unitId);
  }
  if (covered.size) v['contracts.unitsCovered'] = covered.size;
  return v;
}

/** The flow indicators of `year` from the records: grants, approvals, exits, re-entries, contract steps. */
async function recountFlows(tenantId: string, year: number): Promise<Values> {
  const v: Values = {};
  const hardship = new HardshipRepository(p.runtime.deps.table, cursors);
  for (const g of await hardship.allGrants(scopeOf(tenantId))) {
    if (g.year !== year) continue;
    bump(v, 'hardship.aid.grants');
    bump(v, 'hardship.aid.amountFen', g.amountFen);
    bump(v, `hardship.aid.amountFen.${g.kind}`, g.amountFen);
    bump(v, `hardship.aid.amountFen.source.${g.fundSource}`, g.amountFen);
  }
  for (const fund of await hardship.funds(scopeOf(tenantId), year)) {
    bump(v, 'hardship.budgetFen', fund.budgetFen);
    bump(v, `hardship.budgetFen.source.${fund.source}`, fund.budgetFen);
  }
  for (const f of await hardship.allFiles(scopeOf(tenantId))) {
    for (const e of f.timeline) {
      if (shanghaiYear(new Date(e.at)) !== year) continue;
      if (e.action === 'approve') {
        bump(v, 'hardship.approvals');
        bump(v, 'hardship.daysToApproval', daysBetween(f.submittedOn!, e.on!));
      }
      if (e.action === 'exit') bump(v, 'hardship.exits');
      if (e.action === 'reenter') bump(v, 'hardship.reentries');
    }
  }
  for (const c of await new ContractRepository(p.runtime.deps.table).all({ tenantId })) {
    if (shanghaiYear(new Date(c.createdAt)) === year) bump(v, 'contracts.created');
    for (const h of c.history) {
      if (shanghaiYear(new Date(h.at)) !== year) continue;
      if (h.step === 'sign') bump(v, 'contracts.signed');
      if (h.step === 'expired') bump(v, 'contracts.expired');
      if (h.step === 'terminate') bump(v, 'contracts.terminated');
    }
    // Timed duties as they ended, in the year of their due day (the review: of the effect or the objection).
    for (const o of c.outcomes ?? []) {
      if (Number(o.on.slice(0, 4)) !== year) continue;
      if (o.duty === 'offerReply') bump(v, 'contracts.offers.replyDue');
      if (o.duty === 'offerReply' && o.kept) bump(v, 'contracts.offers.repliedInTime');
      if (o.duty === 'review') bump(v, o.kept ? 'contracts.review.deemedEffective' : 'contracts.review.objected');
      if (o.duty === 'performanceCheck') bump(v, 'contracts.checks.due');
      if (o.duty === 'performanceCheck' && o.kept) bump(v, 'contracts.checks.onTime');
    }
  }
  return v;
}

/** The 十件实事 period indicators of `year`'s plan: items adopted, by stored status, completion. */
async function recountPlan(tenantId: string, year: number): Promise<Values> {
  const v: Values = {};
  const repo = new TenThingsRepository(p.runtime.deps.table, cursors);
  const plans = (await repo.listPlans(scopeOf(tenantId), { year }, { limit: 10 })).items;
  for (const plan of plans) {
    for (const item of await repo.planItems(scopeOf(tenantId), plan.planId)) {
      if (item.stage !== 'adopted') continue;
      bump(v, 'tenThings.items.adopted');
      bump(v, `tenThings.items.${item.status ?? 'on_track'}`);
      bump(v, 'tenThings.completionBp', item.completionBp ?? 0);
      if (item.status === 'done' && item.doneOnTime) bump(v, 'tenThings.items.doneOnTime');
    }
  }
  return v;
}

const sum = (parts: Values[]): Values => {
  const v: Values = {};
  for (const part of parts) for (const [k, n] of Object.entries(part)) bump(v, k, n);
  return v;
};
const tenantsOf = (scope: string) => Object.keys(TENANTS).filter((t) => rollupScopes(TENANTS[t]!).includes(scope));
const stockKeys = indicators.filter((i) => i.kind === 'stock').map((i) => i.key);
const flowKeys = indicators.filter((i) => i.kind === 'flow').map((i) => i.key);
const planKeys = ['tenThings.items.adopted', 'tenThings.items.done', 'tenThings.items.on_track', 'tenThings.items.at_risk', 'tenThings.items.behind', 'tenThings.items.overdue', 'tenThings.items.doneOnTime', 'tenThings.completionBp'];
/** The values of `keys` (0 when absent), for a side-by-side comparison. */
const pick = (v: Values, keys: string[]) => Object.fromEntries(keys.map((k) => [k, v[k] ?? 0]));

async function overview(scope: string, year: number) {
  const res = await ok(p.query(leaderOf(scope), 'rollups.overview', { year }));
  return res as { totals: Values; derived: Record<string, number | null>; rows: { tenantId: string; metrics: Values }[]; indicators: { key: string; kind: string; label: { zh: string } }[] };
}

async function stocksByTenant(): Promise<Record<string, Values>> {
  return Object.fromEntries(await Promise.all(Object.keys(TENANTS).map(async (t) => [t, await recountStocks(t)] as const)));
}

function expectNothingNegative(view: { totals: Values; rows: { metrics: Values }[] }, label: string) {
  const negative = [view.totals, ...view.rows.map((r) => r.metrics)].flatMap((m) => Object.entries(m).filter(([, n]) => n < 0));
  expect(negative, label).toEqual([]);
}

// ── the two years ──────────────────────────────────────────────────────────────────────────────

let endOf2026: Record<string, Values>;
const ids: Record<string, string> = {};
let plan2026: Awaited<ReturnType<typeof adoptedPlan>>;
let plan2027: Awaited<ReturnType<typeof adoptedPlan>>;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, CITY, '321200', 'city', '泰州市总工会');
  await createTenant(p, XH, XH, 'county', '兴化市总工会');
  await createTenant(p, JJ, JJ, 'county', '靖江市总工会');

  // 2026 — units, a plan, contracts, households, grants.
  at('2026-01-05');
  await unit(CITY, 'enterprise', 10);
  const u1 = await unit(XH, 'enterprise', 100);
  const u2 = await unit(XH, 'regional', 50);
  ids.u3 = (await unit(XH, 'industry', 30)).unitId;
  const jj1 = await unit(JJ, 'new_employment_form', 20);
  plan2026 = await adoptedPlan(XH, 2026);
  at('2026-01-12');
  ids.c1 = await filedContract(XH, { type: 'comprehensive', unitId: u1.unitId, term: { start: '2026-01-01', end: '2026-12-31' }, clauses: { wageGrowthPct: 5 } });
  ids.c2 = await filedContract(XH, { type: 'industry', scope: { industry: 'express' }, unitId: u1.unitId, coveredEnterprises: 18, coveredEmployees: 1200, term: { start: '2026-02-01', end: '2028-01-31' }, clauses: { wageGrowthPct: 6.5 } });
  await tick('2026-02-10');
  expect((await contractStatus(XH, ids.c1)).status).toBe('effective');
  expect((await contractStatus(XH, ids.c2)).status).toBe('effective');

  at('2026-03-10');
  for (const [name, u] of [['f1', u1], ['f2', u2], ['f3', u2], ['f4', u1]] as const) ids[name] = (await onFile(XH, u.unitId)).fileId;
  ids.fj = (await onFile(JJ, jj1.unitId)).fileId;
  for (const t of [XH, JJ]) await ok(p.mutate(adminOf(t), 'hardship.funds.set', { year: 2026, source: 'union', budgetFen: 5_000_000 }));
  await grant(XH, ids.f2!, 'festival', 50_000);
  await grant(XH, ids.f4!, 'education', 300_000);
  await grant(JJ, ids.fj!, 'medical', 200_000);
  await ok(p.mutate(staffOf(XH), 'tenThings.progress.report', { itemId: plan2026.talks, targetIndex: 0, quantity: 8, occurredOn: '2026-03-10' }));

  at('2026-05-20');
  ids.c3 = await filedContract(JJ, { type: 'regional', scope: { regionCode: JJ }, coveredEnterprises: 40, coveredEmployees: 900, term: { start: '2026-06-01', end: '2029-05-31' } });
  await tick('2026-06-20');
  at('2026-09-01');
  await fileStep(XH, 'hardship.files.exit', ids.f1!, { reason: '家庭收入已明显改善' });
  await tick('2026-10-10'); // c1 enters its last 90 days
  expect((await contractStatus(XH, ids.c1)).status).toBe('expiring');

  // c5 is filed in December and takes effect in January.
  at('2026-12-20');
  ids.c5 = await filedContract(XH, { type: 'comprehensive', unitId: u2.unitId, coveredEmployees: 300, term: { start: '2026-11-01', end: '2027-10-31' }, clauses: { wageGrowthPct: 4 } });
  await tick('2026-12-31');

  // 23:59 on New Year's Eve: a unit and a grant commit, but the relay is down until after midnight.
  await p.relay.stop();
  p.clock.set(new Date('2026-12-31T15:59:00Z'));
  await unit(JJ, 'enterprise', 7);
  await grant(JJ, ids.fj!, 'festival', 20_000);
  endOf2026 = await stocksByTenant(); // the records as they stand at the end of 2026
  p.clock.set(new Date('2026-12-31T16:30:00Z')); // 00:30 on 1 January 2027
  await p.relay.start();
  await p.settle();

  // 2027 — the boundary tick, then more changes.
  await tick('2027-01-01');
  expect((await contractStatus(XH, ids.c1)).status).toBe('expired');
  plan2027 = await adoptedPlan(XH, 2027);
  await tick('2027-01-10');
  expect(await contractStatus(XH, ids.c5)).toMatchObject({ status: 'effective', effectiveOn: expect.stringMatching(/^2027-/) });

  at('2027-01-15');
  await unit(XH, 'enterprise', 60);
  const cityUnit = await unit(CITY, 'regional', 25);
  const u3 = await ok(p.query(adminOf(XH), 'units.get', { unitId: ids.u3 }));
  await ok(p.mutate(adminOf(XH), 'units.update', { unitId: ids.u3, version: u3.version, memberCount: 45, type: 'regional' }));
  at('2027-02-01');
  ids.c4 = await filedContract(CITY, { type: 'industry', scope: { industry: 'logistics' }, unitId: cityUnit.unitId, coveredEmployees: 500, term: { start: '2027-02-01', end: '2030-01-31' }, clauses: { wageGrowthPct: 3 } });
  await fileStep(XH, 'hardship.files.exit', ids.f2!, { reason: '子女就业，收入改善' });
  await fileStep(XH, 'hardship.files.reenter', ids.f1!, { reason: '本人再次患病' });
  await fileStep(XH, 'hardship.files.reverify', ids.f3!, { household: household(2_000_000) }); // now 深度困难
  ids.f5 = (await onFile(XH, u2.unitId)).fileId;
  await ok(p.mutate(adminOf(XH), 'hardship.funds.set', { year: 2027, source: 'union', budgetFen: 5_000_000 }));
  await grant(XH, ids.f5!, 'living', 100_000);
  await grant(XH, ids.f4!, 'festival', 30_000);
  await ok(p.mutate(staffOf(XH), 'tenThings.progress.report', { itemId: plan2027.talks, targetIndex: 0, quantity: 3, occurredOn: '2027-02-01' }));
  await tick('2027-03-01');
  expect((await contractStatus(CITY, ids.c4)).status).toBe('effective');
  at('2027-03-10');
  await ok(p.mutate(staffOf(XH), 'contracts.terminate', { contractId: ids.c2, reason: '企业依法破产' }));
  await tick('2027-09-01'); // c5 enters its last 90 days; plans fall behind the calendar
  expect((await contractStatus(XH, ids.c5)).status).toBe('expiring');
  await p.settle();
}, 240_000);

afterAll(() => p?.dispose());

describe('rollups in the second year', () => {
  it.each(SCOPES)('every stock indicator of 2027 in scope %s equals a recount from the records, in total and per tenant', async (scope) => {
    const now = await stocksByTenant();
    const view = await overview(scope, 2027);
    expect(pick(view.totals, stockKeys)).toEqual(pick(sum(tenantsOf(scope).map((t) => now[t]!)), stockKeys));
    for (const t of tenantsOf(scope)) {
      const row = view.rows.find((r) => r.tenantId === t);
      expect(pick(row?.metrics ?? {}, stockKeys), `${scope} row ${t}`).toEqual(pick(now[t]!, stockKeys));
    }
    expectNothingNegative(view, `${scope} 2027`);
  });

  it('the recount is not trivial: 2026 units, households and contracts carry into 2027 next to 2027 changes', async () => {
    const xh = (await overview(XH, 2027)).totals;
    expect(xh).toMatchObject({ 'units.count': 4, 'units.members': 255, 'units.byType.industry': 0, 'units.byType.regional': 2, 'hardship.households': 4, 'hardship.households.deep': 1 });
    expect(xh).toMatchObject({ 'contracts.inForce': 1, 'contracts.unitsCovered': 1, 'contracts.expiring90': 1, 'contracts.coveredEmployees': 300 });
    const province = await overview('32', 2027);
    expect(province.totals['units.count']).toBe(8);
    expect(province.totals['contracts.inForce']).toBe(3); // c3 (2026, 靖江), c4 (2027, 泰州), c5 (2027, 兴化)
  });

  it('建制率 of 2027 is recounted from the records: units with a contract in force ÷ units', async () => {
    const now = await stocksByTenant();
    for (const scope of SCOPES) {
      const r = sum(tenantsOf(scope).map((t) => now[t]!));
      const expected = r['units.count'] ? Math.round(((r['contracts.unitsCovered'] ?? 0) * 10_000) / r['units.count']) : null;
      expect((await overview(scope, 2027)).derived['contracts.coverageRate'], scope).toBe(expected);
    }
  });

  it.each(SCOPES)('2026 in scope %s still reads as the records stood at its end, and its flows are 2026’s own', async (scope) => {
    const view = await overview(scope, 2026);
    expect(pick(view.totals, stockKeys)).toEqual(pick(sum(tenantsOf(scope).map((t) => endOf2026[t]!)), stockKeys));
    const flows = sum(await Promise.all(tenantsOf(scope).map((t) => recountFlows(t, 2026))));
    expect(pick(view.totals, flowKeys)).toEqual(pick(flows, flowKeys));
    expectNothingNegative(view, `${scope} 2026`);
  });

  it.each(SCOPES)('flows of 2027 in scope %s are 2027’s alone, recounted from grants, file timelines and contract histories', async (scope) => {
    const view = await overview(scope, 2027);
    const flows = sum(await Promise.all(tenantsOf(scope).map((t) => recountFlows(t, 2027))));
    expect(pick(view.totals, flowKeys)).toEqual(pick(flows, flowKeys));
  });

  it('十件实事 figures are each plan’s own year: 2027 reads the 2027 plan, 2026 the 2026 plan', async () => {
    for (const year of [2026, 2027]) {
      const view = await overview(XH, year);
      expect(pick(view.totals, planKeys), String(year)).toEqual(pick(await recountPlan(XH, year), planKeys));
      expect(view.totals['tenThings.items.adopted']).toBe(2);
    }
  });

  it('a contract taking effect counts once on a linked 十件实事 target, in the year it took effect', async () => {
    const achieved = async (itemId: string) => (await ok(p.query(staffOf(XH), 'tenThings.items.get', { itemId }))).item.achieved as number[];
    expect(await achieved(plan2026.linked)).toEqual([2]); // c1 and c2, though c2 is in force into 2028
    expect(await achieved(plan2027.linked)).toEqual([1]); // c5, filed in 2026, took effect in 2027
  });

  it('an event of 23:59 on 31 December delivered after midnight counts in 2026, not 2027', async () => {
    const [y26, y27] = [await overview(JJ, 2026), await overview(JJ, 2027)];
    expect(y26.totals['units.count']).toBe(2);
    expect(y26.totals['hardship.aid.amountFen.festival']).toBe(20_000);
    expect(y27.totals['hardship.aid.amountFen.festival'] ?? 0).toBe(0);
    expect(y27.totals['units.count']).toBe(2); // a stock: still there in 2027
  });

  it('labels every key in the answer from the dictionary, with its kind', async () => {
    const view = await overview('32', 2027);
    const labelled = new Map(view.indicators.map((i) => [i.key, i]));
    for (const key of Object.keys(view.totals)) expect(labelled.get(key)?.label.zh, key).toBeTruthy();
    expect(labelled.get('units.count')).toMatchObject({ kind: 'stock', label: { zh: '基层工会数' } });
    expect(labelled.get('contracts.coverageRate')).toMatchObject({ kind: 'stock', label: { zh: '建制率' }, inputs: { numerator: 'contracts.unitsCovered', denominator: 'units.count' } });
  });
});
