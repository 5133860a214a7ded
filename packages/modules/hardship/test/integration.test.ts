import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import type { Claims } from '@ufp/kit/auth';
import { adminOf, createTenant, createUnit, leaderOf, reporterOf, staffOf, startTestPlatform, type TestPlatform, attachHardshipDocuments } from '@ufp/testing/platform';

let p: TestPlatform;
const A = '321281';
const B = '321282';
let unitA: string;
let unitB: string;
const unitNameA = '兴化市帮扶测试工会';
const staff2 = (tenantId: string): Claims => ({ sub: `staff2-${tenantId}`, roles: ['federation_staff'], tenantId });
const logged: string[] = [];

/** A valid GB 11643 number: 兴化 (321281), born 1985-03-12, sequence `seq`. */
export const idOf = (seq: number, area = '321281') => {
  const first17 = `${area}19850312${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
};
const seededIds: string[] = [];
const seededNames: string[] = [];
let serial = 0;

function application(unitId: string, over: { name?: string; idNumber?: string; income?: number; rigid?: number; size?: number } = {}) {
  const name = over.name ?? `蔡${['一', '二', '三', '四', '五', '六', '七', '八', '九'][serial % 9]}明${serial}`;
  const idNumber = over.idNumber ?? idOf(100 + serial);
  serial++;
  seededIds.push(idNumber);
  seededNames.push(name);
  const size = over.size ?? 3;
  return {
    unitId,
    worker: { name, idNumber, phone: '13812345678' },
    household: {
      members: [{ relation: '本人', name, idNumber }, ...Array.from({ length: size - 1 }, (_, i) => ({ relation: '子女', name: `${name}子${i}` }))],
      annualIncomeFen: over.income ?? 4_800_000,
      rigidExpensesFen: over.rigid ?? 1_200_000,
      causes: ['本人患慢性病'],
      events: [],
    },
    consentGiven: true,
  };
}

async function ok<T = any>(res: Promise<{ status: number; data: T; error?: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** Files, submits, investigates, notices (in the past so review may begin) and approves. */
async function onFile(tenantId: string, unitId: string, over: Parameters<typeof application>[1] = {}) {
  const created = await ok(p.mutate(reporterOf(tenantId, unitId), 'hardship.files.create', application(unitId, over)));
  let f = await ok(p.mutate(reporterOf(tenantId, unitId), 'hardship.files.submit', { fileId: created.fileId, version: created.version }));
  f = await ok(p.mutate(reporterOf(tenantId, unitId), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2026-03-01', findings: '入户核实，家庭收入与申报一致' }));
  await attachHardshipDocuments(p, staffOf(tenantId), f.fileId);
  f = await ok(p.mutate(staffOf(tenantId), 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2026-03-02' }));
  f = await ok(p.mutate(staff2(tenantId), 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'approve', reason: '经评议符合相对困难条件' }));
  return f;
}

beforeAll(async () => {
  const spy = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  vi.spyOn(console, 'error').mockImplementation(spy);
  vi.spyOn(console, 'log').mockImplementation(spy);
  vi.spyOn(console, 'warn').mockImplementation(spy);
  p = await startTestPlatform({ log: (l: string) => logged.push(l) });
  p.clock.set(new Date('2026-03-10T02:00:00Z'));
  await createTenant(p, A, A);
  await createTenant(p, B, B);
  unitA = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: unitNameA })).unitId;
  unitB = (await createUnit(p, B, { type: 'regional', uscc: undefined })).unitId;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await p?.dispose();
});

describe('hardship files', () => {
  it('a reporter files for their unit; the tier and its explanation come from the rule pack', async () => {
    const created = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', application(unitA)));
    expect(created).toMatchObject({ status: 'draft', tier: 'relative', explanation: '(48,000 − 12,000) ÷ 12 ÷ 3 = ¥1,000.00/人/月 < 2 × 低保 ¥780 = ¥1,560 ⇒ 相对困难' });
    expect(created.worker.idMasked).toMatch(/^3212\*{10}\d{3}[\dX]$/);
    expect(JSON.stringify(created)).not.toMatch(/Encrypted/);
  });

  it('rejects a bad ID number, a missing consent and a foreign unit, writing nothing', async () => {
    const bad = application(unitA, { idNumber: '321281198503121230' });
    bad.worker.idNumber = bad.worker.idNumber.slice(0, 17) + (bad.worker.idNumber.endsWith('0') ? '1' : '0');
    const r1 = await p.mutate(reporterOf(A, unitA), 'hardship.files.create', bad);
    expect(r1.status).toBe(400);
    expect(r1.error?.data.issues?.[0]).toMatchObject({ path: ['worker', 'idNumber'], message: expect.stringContaining('校验位') });
    const r2 = await p.mutate(reporterOf(A, unitA), 'hardship.files.create', { ...application(unitA), consentGiven: false });
    expect(r2.status).toBe(400);
    expect(r2.error?.data.issues?.[0]?.path).toEqual(['consentGiven']);
    const other = await createUnit(p, A, { type: 'regional', uscc: undefined });
    const r3 = await p.mutate(reporterOf(A, unitA), 'hardship.files.create', application(other.unitId));
    expect(r3.status).toBe(404);
  });

  it('one open file per person per tenant (409), guarded by a blind index, not the ID', async () => {
    const app1 = application(unitA);
    await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', app1));
    const again = await p.mutate(staffOf(A), 'hardship.files.create', { ...app1, worker: { ...app1.worker, idNumber: app1.worker.idNumber.toLowerCase() } });
    expect(again.status).toBe(409);
    expect(again.error?.data.issues?.[0]?.path).toEqual(['worker.idNumber']);
    // Another federation may hold its own file for the same person.
    await ok(p.mutate(adminOf(B), 'hardship.files.create', { ...app1, unitId: unitB }));
    const guards = await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name, FilterExpression: 'begins_with(sk, :g)', ExpressionAttributeValues: { ':g': 'HARDSHIP_OPEN#' } }));
    expect(guards.Items!.length).toBeGreaterThan(0);
    expect(JSON.stringify(guards.Items)).not.toContain(app1.worker.idNumber);
  });

  it('walks the workflow in order; out-of-order steps are 409 and the submitter cannot review', async () => {
    const r = reporterOf(A, unitA);
    const created = await ok(p.mutate(r, 'hardship.files.create', application(unitA)));
    const early = await p.mutate(staffOf(A), 'hardship.files.publishNotice', { fileId: created.fileId, version: 1, startsOn: '2026-03-10' });
    expect(early.status).toBe(409);
    expect(early.error?.message).toContain('草稿');
    const submitted = await ok(p.mutate(r, 'hardship.files.submit', { fileId: created.fileId, version: 1 }));
    expect(submitted).toMatchObject({ dueOn: '2026-03-15', overdue: false, clock: { kind: 'investigation', dueOn: '2026-03-15', daysLeft: 5, state: 'open' } });

    p.clock.set(new Date('2026-03-16T02:00:00Z'));
    const queue = await ok(p.query(staffOf(A), 'hardship.files.queue'));
    const mine = queue.find((q: any) => q.fileId === created.fileId);
    expect(mine).toMatchObject({ overdue: true, dueOn: '2026-03-15' });
    p.clock.set(new Date('2026-03-10T02:00:00Z'));

    const inv = await ok(p.mutate(r, 'hardship.files.investigate', { fileId: created.fileId, version: 2, visitedOn: '2026-03-10', findings: '入户核实' }));
    await attachHardshipDocuments(p, staffOf(A), created.fileId);
    const noticed = await ok(p.mutate(staffOf(A), 'hardship.files.publishNotice', { fileId: created.fileId, version: inv.version, startsOn: '2026-03-10' }));
    const tooSoon = await p.mutate(staff2(A), 'hardship.files.review', { fileId: created.fileId, version: noticed.version, decision: 'approve', reason: '符合条件' });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.error?.message).toContain('公示期未满');
    // The last day of the 5-day notice (03-10 … 03-14) is still the notice: review opens on 03-15.
    p.clock.set(new Date('2026-03-14T10:00:00Z'));
    const lastDay = await p.mutate(staff2(A), 'hardship.files.review', { fileId: created.fileId, version: noticed.version, decision: 'approve', reason: '符合条件' });
    expect(lastDay.status).toBe(409);
    expect(lastDay.error?.message).toBe('公示期未满：公示至 2026-03-14 止，2026-03-15 起可审核');
    expect(lastDay.error?.data.messageEn).toBe('The notice runs until 2026-03-14; review may begin on 2026-03-15');
    // The file view carries the same refusal, so the console shows the step disabled with its reason.
    const onNotice = await ok(p.query(staff2(A), 'hardship.files.get', { fileId: created.fileId }));
    expect(onNotice.blocked.approve).toEqual({ zh: lastDay.error?.message, en: lastDay.error?.data.messageEn });
    expect(onNotice.blocked.reject?.zh).toContain('公示期未满');

    p.clock.set(new Date('2026-03-16T02:00:00Z'));
    const self = await p.mutate(reporterOf(A, unitA), 'hardship.files.review', { fileId: created.fileId, version: noticed.version, decision: 'approve', reason: '符合条件' });
    expect(self.status).toBe(403); // reporters never review
    const staffFiled = await ok(p.mutate(staffOf(A), 'hardship.files.create', application(unitA)));
    let s = await ok(p.mutate(staffOf(A), 'hardship.files.submit', { fileId: staffFiled.fileId, version: 1 }));
    s = await ok(p.mutate(staffOf(A), 'hardship.files.investigate', { fileId: s.fileId, version: s.version, visitedOn: '2026-03-01', findings: '核实' }));
    await attachHardshipDocuments(p, staffOf(A), s.fileId);
    s = await ok(p.mutate(staffOf(A), 'hardship.files.publishNotice', { fileId: s.fileId, version: s.version, startsOn: '2026-03-02' }));
    const ownReview = await p.mutate(staffOf(A), 'hardship.files.review', { fileId: s.fileId, version: s.version, decision: 'approve', reason: '符合条件' });
    expect(ownReview.status).toBe(403);
    expect(ownReview.error?.message).toContain('审核人不能是该申请的提交人');
    expect((await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: s.fileId }))).blocked.approve?.zh).toBe('审核人不能是该申请的提交人');
    expect((await ok(p.query(staff2(A), 'hardship.files.get', { fileId: created.fileId }))).blocked).toEqual({});

    const approved = await ok(p.mutate(staff2(A), 'hardship.files.review', { fileId: created.fileId, version: noticed.version, decision: 'approve', reason: '符合条件' }));
    expect(approved.status).toBe('approved');
    const stale = await p.mutate(staff2(A), 'hardship.files.review', { fileId: created.fileId, version: noticed.version, decision: 'approve', reason: '重复' });
    expect(stale.status).toBe(409);
    expect((stale.error?.data as { details?: unknown } | undefined)?.details).toMatchObject({ reason: 'stale_version' }); // the console's "changed by someone else"

    const exited = await ok(p.mutate(staffOf(A), 'hardship.files.exit', { fileId: created.fileId, version: approved.version, reason: '就业收入提高' }));
    expect(exited).toMatchObject({ status: 'exited', exitedOn: '2026-03-16', followUpDueOn: '2026-09-16' });
    expect(exited.clocks.map((c: any) => c.kind)).toEqual(['followUp']);
    const beforeExit = await p.mutate(staffOf(A), 'hardship.files.followUp', { fileId: created.fileId, version: exited.version, visitedOn: '2026-03-15', findings: '回访' });
    expect(beforeExit.status).toBe(400);
    expect(beforeExit.error?.message).toContain('不能早于脱困日期');
    const followed = await ok(p.mutate(staffOf(A), 'hardship.files.followUp', { fileId: created.fileId, version: exited.version, visitedOn: '2026-03-16', findings: '收入稳定' }));
    expect(followed).toMatchObject({ status: 'exited', followedUpOn: '2026-03-16', clocks: [] });
    const back = await ok(p.mutate(staffOf(A), 'hardship.files.reenter', { fileId: created.fileId, version: followed.version, reason: '再次失业' }));
    expect(back.status).toBe('approved');
    const file = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: created.fileId }));
    expect(file.timeline.map((t: any) => t.action)).toEqual(['create', 'submit', 'investigate', 'publishNotice', 'approve', 'exit', 'followUp', 'reenter']);
    expect(file.household.explanation).toContain('相对困难');
    expect(file.findings).toBe('入户核实');
    p.clock.set(new Date('2026-03-10T02:00:00Z'));
  });

  it('recomputes the tier and explanation when figures change before the notice, not after', async () => {
    const app1 = application(unitA);
    const c = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', app1));
    const updated = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.updateHousehold', { fileId: c.fileId, version: 1, household: { ...app1.household, annualIncomeFen: 3_405_000 } }));
    expect(updated).toMatchObject({ tier: 'deep', version: 2, explanation: '(34,050 − 12,000) ÷ 12 ÷ 3 = ¥612.50/人/月 < 低保 ¥780 ⇒ 深度困难' });
    const stale = await p.mutate(reporterOf(A, unitA), 'hardship.files.updateHousehold', { fileId: c.fileId, version: 1, household: app1.household });
    expect(stale.status).toBe(409);
    const approved = await onFile(A, unitA);
    const late = await p.mutate(staffOf(A), 'hardship.files.updateHousehold', { fileId: approved.fileId, version: approved.version, household: app1.household });
    expect(late.status).toBe(409);
  });

  it('the public notice shows masked name, masked ID and tier only', async () => {
    const app1 = application(unitA, { name: '张小华' });
    const c = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', app1));
    let f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.submit', { fileId: c.fileId, version: 1 }));
    f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2026-03-09', findings: '核实' }));
    await attachHardshipDocuments(p, staffOf(A), f.fileId);
    await ok(p.mutate(staffOf(A), 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2026-03-10' }));
    const notices = await ok(p.query(null, 'hardship.notices.list', { tenantId: A }));
    const row = notices.items.find((n: any) => n.nameMasked === '张**');
    expect(row).toEqual({ nameMasked: '张**', idMasked: `3212**********${app1.worker.idNumber.slice(-4)}`, tier: 'relative', tierLabel: '相对困难', startsOn: '2026-03-10', endsOn: '2026-03-14' });
    expect(JSON.stringify(notices)).not.toMatch(/张小华|48,000|4800000|慢性病/);
  });

  it('reveals the ID number only to staff, and audits the read', async () => {
    const app1 = application(unitA);
    const c = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', app1));
    expect((await p.mutate(reporterOf(A, unitA), 'hardship.files.reveal', { fileId: c.fileId, field: 'idNumber' })).status).toBe(403);
    const revealed = await ok(p.mutate(staffOf(A), 'hardship.files.reveal', { fileId: c.fileId, field: 'idNumber' }));
    expect(revealed.value).toBe(app1.worker.idNumber);
    const audit = await ok(p.query(adminOf(A), 'audit.list', { action: 'pii.reveal' }));
    expect(audit.items.some((a: any) => a.entityId === c.fileId && a.actor === `staff-${A}`)).toBe(true);
    expect((await p.query(staffOf(B), 'hardship.files.get', { fileId: c.fileId })).status).toBe(404);
  });

  it('the self-test is public, uses the tenant rule pack and stores nothing', async () => {
    const before = (await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name, Select: 'COUNT' }))).Count;
    const res = await ok(p.query(null, 'hardship.selfTest', { tenantId: A, householdSize: 3, annualIncomeFen: 3_405_000, rigidExpensesFen: 1_200_000 }));
    expect(res).toMatchObject({ tier: 'deep', tierLabel: '深度困难', explanation: '(34,050 − 12,000) ÷ 12 ÷ 3 = ¥612.50/人/月 < 低保 ¥780 ⇒ 深度困难' });
    const after = (await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name, Select: 'COUNT' }))).Count;
    expect(after).toBe(before);
    const rules = await ok(p.query(adminOf(A), 'hardship.rules.get', { year: 2026 }));
    await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...rules, dibaoMonthlyFen: 85_000, version: rules.version }));
    const res2 = await ok(p.query(null, 'hardship.selfTest', { tenantId: A, householdSize: 3, annualIncomeFen: 3_405_000 + 36 * 17_000, rigidExpensesFen: 1_200_000 }));
    expect(res2.explanation).toContain('低保 ¥850');
    expect((await p.mutate(adminOf(A), 'hardship.rules.set', { ...rules, version: rules.version })).status).toBe(409);
    await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...rules, version: rules.version + 1 }));
  });
});

describe('assistance money', () => {
  it('20 concurrent grants against a budget that fits 10: exactly 10 succeed, the rest 409, budget ≥ 0', async () => {
    const files = await Promise.all(Array.from({ length: 4 }, () => onFile(A, unitA)));
    await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source: 'county', budgetFen: 10 * 100_000 }));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: files[i % 4].fileId, kind: 'temporary', amountFen: 100_000, fundSource: 'county' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.every((r) => r.status === 409)).toBe(true);
    expect(refused.every((r) => /预算不足/.test(r.error!.message))).toBe(true);
    const funds = await ok(p.query(staffOf(A), 'hardship.funds.list', { year: 2026 }));
    expect(funds.funds.find((f: any) => f.source === 'county')).toMatchObject({ budgetFen: 1_000_000, grantedFen: 1_000_000, remainingFen: 0 });
    const lowered = await p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source: 'county', budgetFen: 500_000 });
    expect(lowered.status).toBe(409);
  });

  it('never exceeds the per-kind cap for a household in a year, even concurrently', async () => {
    const f = await onFile(A, unitA);
    await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source: 'city', budgetFen: 10_000_000 }));
    // medical cap ¥30,000: 8 concurrent ¥6,000 grants → 5 succeed.
    const results = await Promise.all(Array.from({ length: 8 }, () => p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'medical', amountFen: 600_000, fundSource: 'city', bankAccount: '6222 0212 3456 7890 123' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => r.error!.message.includes('上限'))).toBe(true);
    const one = results.find((r) => r.status === 200)!.data;
    expect(one.bankAccountMasked).toBe('***************0123');
    const file = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
    expect(file.grants).toHaveLength(5);
    expect(file.grants[0].kind).toBe('medical');
    expect(JSON.stringify(file)).not.toContain('6222021234567890123');
    const bank = await ok(p.mutate(staffOf(A), 'hardship.aid.revealBankAccount', { fileId: f.fileId, grantId: one.grantId }));
    expect(bank.value).toBe('6222021234567890123');
    const audit = await ok(p.query(adminOf(A), 'audit.list', { action: 'pii.reveal' }));
    expect(audit.items.some((x: any) => x.entityId === one.grantId)).toBe(true);
    const notOnFile = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', application(unitA)));
    const refused = await p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: notOnFile.fileId, kind: 'living', amountFen: 100, fundSource: 'city' });
    expect(refused.status).toBe(409);
  });

  it('flags a person aided by two federations in the same year; each sees only a count', async () => {
    const shared = idOf(900);
    const fa = await onFile(A, unitA, { idNumber: shared });
    const fb = await onFile(B, unitB, { idNumber: shared });
    await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source: 'union', budgetFen: 1_000_000 }));
    await ok(p.mutate(adminOf(B), 'hardship.funds.set', { year: 2026, source: 'union', budgetFen: 1_000_000 }));
    const g1 = await ok(p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: fa.fileId, kind: 'festival', amountFen: 50_000, fundSource: 'union' }));
    expect(g1.duplicate).toBeUndefined();
    const g2 = await ok(p.mutate(staffOf(B), 'hardship.aid.grant', { fileId: fb.fileId, kind: 'festival', amountFen: 50_000, fundSource: 'union' }));
    expect(g2.duplicate).toEqual({ year: 2026, otherFederations: 1 });
    const dupA = await ok(p.query(staffOf(A), 'hardship.duplicates', { year: 2026 }));
    expect(dupA.map((d: any) => d.fileId)).toEqual([fa.fileId]);
    expect(JSON.stringify(dupA)).not.toContain(B);
    const dupB = await ok(p.query(staffOf(B), 'hardship.duplicates', { year: 2026 }));
    expect(dupB.map((d: any) => d.fileId)).toEqual([fb.fileId]);
    expect(JSON.stringify(dupB)).not.toContain(fa.fileId);
    const index = await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': 'R#32#HARDSHIP_AID#' } }));
    expect(index.Items!.length).toBeGreaterThan(0);
    expect(JSON.stringify(index.Items)).not.toContain(shared);
  });

  it('feeds rollups: households by tier, funds by kind and source, exits', async () => {
    await p.settle();
    const county = await ok(p.query(adminOf(A), 'rollups.overview', { year: 2026 }));
    expect(county.totals['hardship.households.relative']).toBeGreaterThanOrEqual(6);
    expect(county.totals['hardship.aid.amountFen.temporary']).toBe(1_000_000);
    expect(county.totals['hardship.aid.amountFen.source.county']).toBe(1_000_000);
    expect(county.totals['hardship.exits']).toBe(1);
    expect(county.totals['hardship.reentries']).toBe(1);
    expect(county.totals['hardship.approvals']).toBeGreaterThanOrEqual(6);
    expect(county.totals['hardship.daysToApproval']).toBeGreaterThan(0);
    const province = await ok(p.query(leaderOf('32'), 'rollups.overview', { year: 2026 }));
    expect(province.totals['hardship.aid.amountFen.festival']).toBe(100_000);
  });

  it('lists files never assisted', async () => {
    const f = await onFile(A, unitA);
    const att = await ok(p.query(staffOf(A), 'hardship.files.attention'));
    expect(att.neverAssisted.map((x: any) => x.fileId)).toContain(f.fileId);
    p.clock.set(new Date('2027-03-20T02:00:00Z'));
    const later = await ok(p.query(staffOf(A), 'hardship.files.attention'));
    expect(later.stale.map((x: any) => x.fileId)).toContain(f.fileId);
    p.clock.set(new Date('2026-03-10T02:00:00Z'));
  });
});

describe('the daily tick reminds about hardship clocks', () => {
  const tick = async (date: string) => {
    p.clock.set(new Date(`${date}T02:00:00Z`));
    await p.scheduler.tick();
    await p.settle();
  };
  const reminders = async (fileId: string) =>
    ((await ok(p.query(staffOf(A), 'notifications.list', { module: 'hardship' }))).items as any[]).filter((n) => n.href === `/hardship/files/${fileId}`);

  it("the investigation reminds the file's union as it nears and when late (once each, a rerun adds nothing); staff hear only when it is overdue; the queue agrees", async () => {
    p.clock.set(new Date('2026-04-01T02:00:00Z'));
    const created = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', application(unitA)));
    await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.submit', { fileId: created.fileId, version: 1 })); // due 2026-04-06 (natural days)
    const unitReminders = async () => ((await ok(p.query(reporterOf(A, unitA), 'notifications.list', { module: 'hardship' }))).items as any[]).filter((n) => n.href === `/hardship/files/${created.fileId}`);

    await tick('2026-04-02');
    expect(await unitReminders()).toEqual([]);
    await tick('2026-04-04');
    const soon = await unitReminders();
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({ module: 'hardship', type: 'clock_due_soon', dueOn: '2026-04-06', unitId: unitA, id: `hardship#${created.fileId}#investigation#2026-04-06#due_soon#unit` });
    expect(soon[0].title.zh).toBe(`困难档案 ${created.fileId}（${unitNameA}）：入户调查将于 2026-04-06 到期`);
    expect(await reminders(created.fileId)).toEqual([]); // the union's to do: not the staff's yet
    // Another union's reporter sees none of it.
    const otherUnit = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市另一基层工会' })).unitId;
    expect((await ok(p.query(reporterOf(A, otherUnit), 'notifications.list', {}))).items).toEqual([]);
    await tick('2026-04-04'); // the same day again
    await tick('2026-04-05'); // still due soon: the same reminder
    expect(await unitReminders()).toHaveLength(1);
    await tick('2026-04-06');
    await tick('2026-04-08');
    await tick('2026-04-09');
    expect((await unitReminders()).map((n) => n.type).sort()).toEqual(['clock_due_soon', 'clock_due_today', 'clock_overdue']);
    const escalated = await reminders(created.fileId);
    expect(escalated.map((n) => n.type)).toEqual(['clock_overdue']);
    expect(escalated[0].title.en).toBe(`Hardship file ${created.fileId} (${unitNameA}): Investigation visit overdue (the last day was 2026-04-06)`);

    // The reporter marks their union's reminder read; staff cannot mark it (not theirs), nor the reporter a staff one.
    const mine = (await unitReminders())[0];
    expect((await ok(p.mutate(reporterOf(A, unitA), 'notifications.markRead', { id: mine.id }))).readAt).toBeDefined();
    expect((await p.mutate(staffOf(A), 'notifications.markRead', { id: mine.id })).status).toBe(404);
    expect((await p.mutate(reporterOf(A, unitA), 'notifications.markRead', { id: escalated[0].id })).status).toBe(404);
    expect((await p.mutate(reporterOf(A, otherUnit), 'notifications.markRead', { id: mine.id })).status).toBe(404);

    const queue = await ok(p.query(staffOf(A), 'hardship.files.queue'));
    expect(queue.find((q: any) => q.fileId === created.fileId)).toMatchObject({ dueOn: '2026-04-06', overdue: true, clock: { kind: 'investigation', state: 'overdue' } });
    const dues = queue.filter((q: any) => q.dueOn).map((q: any) => q.dueOn);
    expect(dues).toEqual([...dues].sort()); // nearest clock first, past ones before
    expect(queue.slice(dues.length).every((q: any) => q.status === 'investigated')).toBe(true); // awaiting the notice: no clock, last
    p.clock.set(new Date('2026-03-10T02:00:00Z'));
  });

  it('a notice that has run is ready for review; re-verification and follow-up are reminded when due', async () => {
    p.clock.set(new Date('2026-04-10T02:00:00Z'));
    const c = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', application(unitA)));
    let f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.submit', { fileId: c.fileId, version: 1 }));
    f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2026-04-10', findings: '核实' }));
    await attachHardshipDocuments(p, staffOf(A), f.fileId);
    f = await ok(p.mutate(staffOf(A), 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2026-04-10' }));
    await tick('2026-04-14'); // the notice's last day: nothing to remind yet
    expect(await reminders(c.fileId)).toEqual([]);
    await tick('2026-04-15');
    expect((await reminders(c.fileId)).map((n) => [n.type, n.dueOn])).toEqual([['notice_ended', '2026-04-14']]);
    await ok(p.mutate(staff2(A), 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'approve', reason: '无异议' }));

    const exited = await onFile(A, unitA); // approved 2026-04-15
    await ok(p.mutate(staffOf(A), 'hardship.files.exit', { fileId: exited.fileId, version: exited.version, reason: '就业收入提高' })); // follow-up 2026-10-15
    await tick('2026-10-15');
    expect((await reminders(exited.fileId)).map((n) => [n.type, n.dueOn])).toEqual([['clock_due_today', '2026-10-15']]);
    expect((await ok(p.query(staffOf(A), 'hardship.files.attention'))).followUpsDue.map((x: any) => x.fileId)).toContain(exited.fileId);

    await tick('2027-03-20');
    const yearly = await reminders(c.fileId);
    expect(yearly.map((n) => [n.type, n.dueOn])).toEqual(expect.arrayContaining([['clock_due_soon', '2027-04-15']]));
    expect(yearly.find((n) => n.dueOn === '2027-04-15').title.zh).toContain('年度复核将于 2027-04-15 到期');
    const queue = await ok(p.query(staffOf(A), 'hardship.files.queue'));
    expect(queue.find((q: any) => q.fileId === c.fileId)).toMatchObject({ status: 'approved', clock: { kind: 'reverification', state: 'due_soon' } });

    const before = (await ok(p.query(staffOf(A), 'notifications.list', { module: 'hardship' }))).items.length;
    await tick('2027-03-20'); // rerun: nothing new
    expect((await ok(p.query(staffOf(A), 'notifications.list', { module: 'hardship' }))).items.length).toBe(before);
    // Another tenant sees none of them; a unit reporter gets no tenant-wide notices (only their union's investigations).
    expect((await ok(p.query(staffOf(B), 'notifications.list', { module: 'hardship' }))).items.every((n: any) => !n.href.includes(c.fileId))).toBe(true);
    const reporterSees = (await ok(p.query(reporterOf(A, unitA), 'notifications.list', {}))).items as any[];
    expect(reporterSees.every((n) => n.unitId === unitA && n.id.includes('#investigation#'))).toBe(true);
    p.clock.set(new Date('2026-03-10T02:00:00Z'));
  });
});

describe('personal data never leaks', () => {
  it('seeded ID numbers and names appear in no rollup, notice, event, audit text, log line or error message', async () => {
    await p.settle();
    // Error messages: a duplicate and an invalid request, with the seeded values in the input.
    const errs = [
      await p.mutate(reporterOf(A, unitA), 'hardship.files.create', application(unitA, { idNumber: seededIds[0], name: seededNames[0] })),
      await p.mutate(reporterOf(A, unitA), 'hardship.files.create', { ...application(unitA, { idNumber: seededIds[1] }), consentGiven: false }),
    ];
    const items = (await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name }))).Items ?? [];
    const scanned = items.filter((i) => !String(i.pk).endsWith('HARDSHIP#FILE')); // file items hold the name (for staff) and ciphertexts
    const notices = await ok(p.query(null, 'hardship.notices.list', { tenantId: A }));
    const reminders = [...(await ok(p.query(staffOf(A), 'notifications.list', { module: 'hardship' }))).items, ...(await ok(p.query(staffOf(B), 'notifications.list'))).items];
    const haystack = [JSON.stringify(scanned), JSON.stringify(notices), JSON.stringify(reminders), JSON.stringify(errs.map((e) => e.error)), logged.join('\n')].join('\n');
    expect(scanned.some((i) => i.kind === 'event' || String(i.pk).includes('OUTBOX'))).toBe(true);
    expect(scanned.filter((i) => i.kind === 'notification' && i.module === 'hardship').length).toBeGreaterThanOrEqual(5); // the tick's reminders are scanned too
    expect(reminders.length).toBeGreaterThanOrEqual(5);
    for (const id of new Set(seededIds)) expect(haystack).not.toContain(id);
    for (const name of new Set(seededNames)) expect(haystack).not.toContain(name);
    // And the file items themselves hold no raw ID number.
    const fileItems = JSON.stringify(items.filter((i) => String(i.pk).endsWith('HARDSHIP#FILE')));
    for (const id of new Set(seededIds)) expect(fileItems).not.toContain(id);
  });
});

describe('一户一档 covers every household member', () => {
  const detailsOf = (res: { error?: { data: unknown } }) => (res.error?.data as { details?: Record<string, unknown> } | undefined)?.details;

  it('a spouse listed on an open file can neither apply nor be listed on another file, until the first household drops them', async () => {
    const spouseId = idOf(900, '320102');
    const first = application(unitA);
    first.household.members.push({ relation: '配偶', name: '配偶甲', idNumber: spouseId });
    const created = await ok(p.mutate(staffOf(A), 'hardship.files.create', first));

    const asApplicant = await p.mutate(staffOf(A), 'hardship.files.create', application(unitA, { idNumber: spouseId }));
    expect(asApplicant.status).toBe(409);
    expect(detailsOf(asApplicant)).toMatchObject({ reason: 'open_file_exists' });

    const other = application(unitA);
    other.household.members.push({ relation: '子女', name: '子女乙', idNumber: spouseId });
    const asMember = await p.mutate(staffOf(A), 'hardship.files.create', other);
    expect(asMember.status).toBe(409);
    expect(asMember.error!.message).toContain('家庭成员的身份证号已在本工会另一份未注销的困难档案中');
    expect(detailsOf(asMember)).toMatchObject({ reason: 'member_on_open_file' });

    // In another federation the same person is not this federation's concern (its own rule).
    const elsewhere = application(unitB, { idNumber: spouseId });
    expect((await p.mutate(staffOf(B), 'hardship.files.create', elsewhere)).status).toBe(200);

    const dropped = await ok(p.mutate(staffOf(A), 'hardship.files.updateHousehold', { fileId: created.fileId, version: created.version, household: { ...first.household, members: first.household.members.slice(0, -1) } }));
    expect(dropped.version).toBe(created.version + 1);
    expect((await p.mutate(staffOf(A), 'hardship.files.create', application(unitA, { idNumber: spouseId }))).status).toBe(200);
  });

  it("one household cannot list the applicant's number on another member, or one number twice; nothing is written", async () => {
    const self = application(unitA);
    self.household.members.push({ relation: '配偶', name: '配偶丙', idNumber: self.worker.idNumber });
    const res = await p.mutate(staffOf(A), 'hardship.files.create', self);
    expect(res.status).toBe(400);
    expect(res.error!.message).toBe('第4位家庭成员的身份证号与申请人相同');
    expect(detailsOf(res)).toMatchObject({ field: 'household.members.3.idNumber' });
    const twice = application(unitA);
    twice.household.members.push({ relation: '子女', name: '子女丁', idNumber: idOf(901, '320102') }, { relation: '子女', name: '子女戊', idNumber: idOf(901, '320102') });
    expect((await p.mutate(staffOf(A), 'hardship.files.create', twice)).error!.message).toBe('第5位家庭成员的身份证号与第4位相同');
    expect((await p.mutate(staffOf(A), 'hardship.files.create', application(unitA, { idNumber: self.worker.idNumber }))).status).toBe(200);
  });

  it('a rejected application frees its members too', async () => {
    const spouseId = idOf(902, '320102');
    const app = application(unitA);
    app.household.members.push({ relation: '配偶', name: '配偶己', idNumber: spouseId });
    const created = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', app));
    let f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.submit', { fileId: created.fileId, version: created.version }));
    f = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2026-03-01', findings: '入户核实，家庭收入高于申报' }));
    await attachHardshipDocuments(p, staffOf(A), f.fileId);
    f = await ok(p.mutate(staffOf(A), 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2026-03-02' }));
    await ok(p.mutate(staff2(A), 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'reject', reason: '经评议不符合困难条件' }));
    expect((await p.mutate(staffOf(A), 'hardship.files.create', application(unitA, { idNumber: spouseId }))).status).toBe(200);
  });
});

describe('a large grant needs a second staff member', () => {
  it('above the threshold a grant waits, pays nothing until another staff member approves; the requester cannot; a decline pays nothing', async () => {
    const f = await onFile(A, unitA);
    const rules = await ok(p.query(adminOf(A), 'hardship.rules.get', { year: 2026 }));
    const { updatedAt: _u, ...pack } = rules;
    await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...pack, grantApprovalAboveFen: 300_000 }));
    await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source: 'social', budgetFen: 2_000_000 }));
    const remaining = async () => (await ok(p.query(staffOf(A), 'hardship.funds.list', { year: 2026 }))).funds.find((x: any) => x.source === 'social').remainingFen;

    const atThreshold = await ok(p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'medical', amountFen: 300_000, fundSource: 'social' }));
    expect(atThreshold.pendingApproval).toBe(false);
    expect(await remaining()).toBe(1_700_000);

    const asked = await ok(p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'medical', amountFen: 800_000, fundSource: 'social', bankAccount: '6222 0212 3456 7890 123' }));
    expect(asked).toMatchObject({ pendingApproval: true, status: 'pending', amountFen: 800_000, requestedBy: staffOf(A).sub, version: 1 });
    expect(asked.bankAccountEncrypted).toBeUndefined();
    expect(await remaining()).toBe(1_700_000);
    const queue = await ok(p.query(staff2(A), 'hardship.aid.pending'));
    expect(queue.map((r: any) => r.grantId)).toContain(asked.grantId);
    const onFilePage = await ok(p.query(staff2(A), 'hardship.files.get', { fileId: f.fileId }));
    expect(onFilePage.grantRequests).toEqual([expect.objectContaining({ grantId: asked.grantId, status: 'pending', mine: false })]);

    const self = await p.mutate(staffOf(A), 'hardship.aid.approve', { fileId: f.fileId, grantId: asked.grantId, version: 1 });
    expect(self.status).toBe(403);
    expect(self.error!.message).toBe('大额发放须由申请人以外的另一名工作人员审批');
    const stale = await p.mutate(staff2(A), 'hardship.aid.approve', { fileId: f.fileId, grantId: asked.grantId, version: 2 });
    expect(stale.status).toBe(409);

    const approved = await ok(p.mutate(staff2(A), 'hardship.aid.approve', { fileId: f.fileId, grantId: asked.grantId, version: 1 }));
    expect(approved).toMatchObject({ grantId: asked.grantId, amountFen: 800_000, grantedBy: staffOf(A).sub, approvedBy: staff2(A).sub, bankAccountMasked: '***************0123' });
    expect(await remaining()).toBe(900_000);
    expect((await p.mutate(staff2(A), 'hardship.aid.approve', { fileId: f.fileId, grantId: asked.grantId, version: 2 })).error!.message).toBe('该发放申请已批准，不能再审批');
    const after = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
    expect(after.grants.map((g: any) => g.amountFen).sort()).toEqual([300_000, 800_000]);
    expect(after.grantRequests).toEqual([]);
    expect((await ok(p.query(staff2(A), 'hardship.aid.pending'))).map((r: any) => r.grantId)).not.toContain(asked.grantId);

    const second = await ok(p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'living', amountFen: 400_000, fundSource: 'social' }));
    const declined = await ok(p.mutate(staff2(A), 'hardship.aid.decline', { fileId: f.fileId, grantId: second.grantId, version: 1, reason: '已由民政临时救助覆盖' }));
    expect(declined).toMatchObject({ status: 'declined', declineReason: '已由民政临时救助覆盖', decidedBy: staff2(A).sub });
    expect(await remaining()).toBe(900_000);
    expect((await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }))).grantRequests).toEqual([expect.objectContaining({ status: 'declined', mine: true })]);
    await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...pack, version: pack.version + 1 }));
  });
});
