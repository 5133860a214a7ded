import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstSheetRows } from '@ufp/kit/excel';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** 助企行 走访记录 across requests (`modelWorkers.visits.logs`): filters at their boundaries, totals, pages, who sees what. */
let p: TestPlatform;
const T = '321281';
const OTHER = '321282';
const staff = staffOf(T);
const people: Record<string, string> = {};
const requests: Record<string, string> = {};
let unitA: string;
let unitB: string;

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

async function honoured(tenant: string, name: string, seq: number) {
  const who = staffOf(tenant);
  const person = await ok(p.mutate(who, 'modelWorkers.people.create', { idNumber: demoIdNumber(tenant, '19700101', seq), name, education: 'secondary', occupation: 'frontline', trade: '焊工' }));
  await ok(p.mutate(who, 'modelWorkers.honours.award', { personId: person.personId, code: 'city_model_worker', year: 2020, conferredBy: '人民政府' }));
  people[`${tenant}:${name}`] = person.personId;
}

async function file(tenant: string, enterprise: string, unitId?: string) {
  const filed = await ok(p.mutate(staffOf(tenant), 'modelWorkers.visits.file', { enterprise, unitId, need: '焊缝开裂需要技术指导', skills: ['焊工'], contactName: '张经理', contactPhone: '13905261234', filedOn: '2026-01-01' }));
  requests[`${tenant}:${enterprise}`] = filed.requestId;
}

async function visit(tenant: string, enterprise: string, visitedOn: string, names: string[], problemsSolved: number, peopleTrained: number) {
  const requestId = requests[`${tenant}:${enterprise}`]!;
  const got = await ok(p.query(staffOf(tenant), 'modelWorkers.visits.get', { requestId }));
  const personIds = names.map((n) => people[`${tenant}:${n}`]!);
  await ok(p.mutate(staffOf(tenant), 'modelWorkers.visits.log', { requestId, version: got.version, visitedOn, personIds, problemsSolved, peopleTrained, closes: false }));
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-03-02T02:00:00Z'));
  await createTenant(p, T, T);
  await createTenant(p, OTHER, OTHER);
  unitA = (await createUnit(p, T, { name: '兴化某不锈钢厂工会' })).unitId;
  unitB = (await createUnit(p, T, { name: '兴化另一企业工会' })).unitId;
  await honoured(T, '王焊工', 1);
  await honoured(T, '李焊工', 2);
  await honoured(OTHER, '外地焊工', 3);
  await file(T, '甲厂', unitA);
  await file(T, '乙厂', unitB);
  await file(T, '丙厂');
  await file(OTHER, '外地厂');
  await visit(T, '甲厂', '2026-01-31', ['王焊工'], 0, 10);
  await visit(T, '甲厂', '2026-02-01', ['王焊工', '李焊工'], 2, 30);
  await visit(T, '乙厂', '2026-02-28', ['李焊工'], 1, 5);
  await visit(T, '丙厂', '2026-03-01', ['王焊工'], 0, 0);
  await visit(OTHER, '外地厂', '2026-02-15', ['外地焊工'], 4, 40);
}, 120_000);
afterAll(async () => {
  await p?.dispose();
});

const days = (page: { items: { visitedOn: string }[] }) => page.items.map((v) => v.visitedOn);

describe('the visit log across requests', () => {
  it('lists every visit of the federation newest first, each with its request, and none of another federation', async () => {
    const all = await ok(p.query(staff, 'modelWorkers.visits.logs', {}));
    expect(days(all)).toEqual(['2026-03-01', '2026-02-28', '2026-02-01', '2026-01-31']);
    expect(all.items.map((v: any) => v.enterprise)).toEqual(['丙厂', '乙厂', '甲厂', '甲厂']);
    expect(all.items[1]).toMatchObject({ requestId: requests[`${T}:乙厂`], problemsSolved: 1, peopleTrained: 5, people: [{ name: '李焊工', nameMasked: '李**' }] });
    expect(all.totals).toEqual({ visits: 4, workerTimes: 5, problemsSolved: 3, peopleTrained: 45 });
    expect(all.nextCursor).toBeNull();
    const other = await ok(p.query(staffOf(OTHER), 'modelWorkers.visits.logs', {}));
    expect(other.items.map((v: any) => v.enterprise)).toEqual(['外地厂']);
    expect(other.totals).toEqual({ visits: 1, workerTimes: 1, problemsSolved: 4, peopleTrained: 40 });
  });

  it('includes the visits on the first and the last day of the range and none outside; the totals are the range’s', async () => {
    const feb = await ok(p.query(staff, 'modelWorkers.visits.logs', { from: '2026-02-01', to: '2026-02-28' }));
    expect(days(feb)).toEqual(['2026-02-28', '2026-02-01']);
    expect(feb.totals).toEqual({ visits: 2, workerTimes: 3, problemsSolved: 3, peopleTrained: 35 });
    expect(days(await ok(p.query(staff, 'modelWorkers.visits.logs', { to: '2026-01-31' })))).toEqual(['2026-01-31']);
    expect(days(await ok(p.query(staff, 'modelWorkers.visits.logs', { from: '2026-03-01' })))).toEqual(['2026-03-01']);
    expect(days(await ok(p.query(staff, 'modelWorkers.visits.logs', { from: '2026-03-01', to: '2026-03-01' })))).toEqual(['2026-03-01']);
  });

  it('filters by a person who went and by solved or not', async () => {
    const li = await ok(p.query(staff, 'modelWorkers.visits.logs', { personId: people[`${T}:李焊工`] }));
    expect(days(li)).toEqual(['2026-02-28', '2026-02-01']);
    const solved = await ok(p.query(staff, 'modelWorkers.visits.logs', { solved: true }));
    expect(days(solved)).toEqual(['2026-02-28', '2026-02-01']);
    const unsolved = await ok(p.query(staff, 'modelWorkers.visits.logs', { solved: false }));
    expect(days(unsolved)).toEqual(['2026-03-01', '2026-01-31']);
    expect(unsolved.totals).toEqual({ visits: 2, workerTimes: 2, problemsSolved: 0, peopleTrained: 10 });
  });

  it('a unit reporter sees only the visits of its unit’s requests, the people masked', async () => {
    const mine = await ok(p.query(reporterOf(T, unitA), 'modelWorkers.visits.logs', {}));
    expect(mine.items.map((v: any) => v.enterprise)).toEqual(['甲厂', '甲厂']);
    expect(mine.items[0].people).toEqual([
      { personId: people[`${T}:王焊工`], name: null, nameMasked: '王**' },
      { personId: people[`${T}:李焊工`], name: null, nameMasked: '李**' },
    ]);
    expect(mine.totals).toEqual({ visits: 2, workerTimes: 3, problemsSolved: 2, peopleTrained: 40 });
    expect(JSON.stringify(mine)).not.toContain('王焊工');
    const theirs = await ok(p.query(reporterOf(T, unitB), 'modelWorkers.visits.logs', { from: '2026-02-01' }));
    expect(theirs.items.map((v: any) => v.enterprise)).toEqual(['乙厂']);
  });

  it('pages newest first with a cursor, the totals the whole filter’s on every page; a cursor of another federation is 400', async () => {
    const first = await ok(p.query(staff, 'modelWorkers.visits.logs', { limit: 3 }));
    expect(days(first)).toEqual(['2026-03-01', '2026-02-28', '2026-02-01']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await ok(p.query(staff, 'modelWorkers.visits.logs', { limit: 3, cursor: first.nextCursor }));
    expect(days(second)).toEqual(['2026-01-31']);
    expect(second.nextCursor).toBeNull();
    expect(second.totals).toEqual(first.totals);
    const foreign = await p.query(staffOf(OTHER), 'modelWorkers.visits.logs', { limit: 3, cursor: first.nextCursor });
    expect(foreign.status).toBe(400);
    expect(foreign.error?.data.issues?.[0]?.path).toEqual(['cursor']);
  });

  it('refuses a range whose start is after its end at the end field, and a day that does not exist', async () => {
    const backwards = await p.query(staff, 'modelWorkers.visits.logs', { from: '2026-03-01', to: '2026-02-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.error?.data.issues?.[0]?.path).toEqual(['to']);
    expect(backwards.error?.message).toContain('早于开始日期');
    expect((await p.query(staff, 'modelWorkers.visits.logs', { from: '2026-02-30' })).status).toBe(400);
  });

  it('exports the filtered log as a workbook (a reporter’s holds only its unit’s visits, masked), audited', async () => {
    const file = await ok(p.mutate(staff, 'modelWorkers.visits.exportLogs', { from: '2026-02-01', to: '2026-02-28' }));
    expect(file).toMatchObject({ fileName: '助企行走访记录-2026-03-02.xlsx', rows: 2 });
    const rows: unknown[][] = [];
    for await (const r of firstSheetRows(Buffer.from(file.base64, 'base64'))) rows.push(r.values);
    expect(rows[0]).toEqual(expect.arrayContaining(['走访日期', '企业', '参加走访的劳模工匠', '解决技术难题（项）', '培训职工（人次）']));
    expect(rows.slice(1).map((r) => r.filter((c) => typeof c === 'string' && /厂|焊工/.test(c)))).toEqual([['乙厂', '李焊工'], ['甲厂', '王焊工、李焊工']]);
    const mine = await ok(p.mutate(reporterOf(T, unitA), 'modelWorkers.visits.exportLogs', { lang: 'en' }));
    expect(mine).toMatchObject({ fileName: 'visits-2026-03-02.xlsx', rows: 2 });
    const theirs: unknown[][] = [];
    for await (const r of firstSheetRows(Buffer.from(mine.base64, 'base64'))) theirs.push(r.values);
    expect(JSON.stringify(theirs)).not.toContain('王焊工');
    expect(JSON.stringify(theirs)).toContain('王**');
    const audit = await ok(p.query(adminOf(T), 'audit.list', { action: 'modelWorkers.visits.exportLogs', limit: 10 }));
    expect(audit.items).toHaveLength(2);
  });
});
