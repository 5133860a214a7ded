import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genderOf } from '@ufp/core/validation/id-number';
import { demoIdNumber } from '@ufp/kit/seed';
import { createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;
const T = '321281';
const staff = staffOf(T);
let unitA: string;
let unitB: string;
let eventId: string;

const OPENS = '2026-05-01T00:00:00.000Z';
const CLOSES = '2026-06-01T00:00:00.000Z';
const FIRST_STAGE = '2026-07-01T01:00:00.000Z';
const NOW = '2026-05-10T02:00:00.000Z';
const at = (iso: string, deltaMs = 0) => p.clock.set(new Date(Date.parse(iso) + deltaMs));

/** A refusal's `details` entry (the rule, the reason, the field). */
const detail = (res: { error?: { data: unknown } }, key: string): unknown => (res.error?.data as { details?: Record<string, unknown> } | undefined)?.details?.[key];

async function ok<T = any>(res: Promise<{ status: number; data: T; error?: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

let seq = 1;
/** A fresh person born on `birth` (YYYYMMDD). */
function person(birth = '19950315', over: Record<string, unknown> = {}) {
  const idNumber = demoIdNumber('321281', birth, seq++);
  return { eventId, unitId: unitA, name: `选手${seq}`, idNumber, phone: '13912345678', gender: genderOf(idNumber), tradeCode: 'welder', skillGrade: 'grade3', member: true, ...over };
}
const register = (input: Record<string, unknown>, who = staff) => p.mutate(who, 'competitions.contestants.register', input);

beforeAll(async () => {
  p = await startTestPlatform();
  at(NOW);
  await createTenant(p, T, T);
  unitA = (await createUnit(p, T, { name: '甲机械厂工会' })).unitId;
  unitB = (await createUnit(p, T, { name: '乙化工厂工会' })).unitId;
  const c = await ok(p.mutate(staff, 'competitions.competitions.create', { name: '青年焊工技能大赛', class: 'city', year: 2026, packCode: 'province-class1' }));
  const e = await ok(
    p.mutate(staff, 'competitions.events.create', {
      competitionId: c.competitionId,
      name: '焊工',
      tradeCode: 'welder',
      stages: [
        { kind: 'preliminary', startsAt: FIRST_STAGE, advancement: { kind: 'topN', n: 10 } },
        { kind: 'final', startsAt: '2026-07-02T01:00:00Z' },
      ],
      registration: { opensAt: OPENS, closesAt: CLOSES, trades: ['welder', 'welder-gas'], minGrade: 'grade4', maxGrade: 'grade1', ageLimits: [{ years: 35, wording: 'atMost', referenceDate: '2026-07-01', basis: { zh: '青年岗位能手', en: 'Youth post expert' } }] },
    }),
  );
  eventId = e.eventId;
});
afterAll(async () => {
  await p?.dispose();
});

describe('registration refusals name the rule', () => {
  it('the window is read on the platform clock: 409 before it opens and after it closes, open from opensAt to closesAt', async () => {
    // The platform clock runs on from where it is set, so the instants inside are reached from just before (the
    // inclusive ends at the millisecond are the domain's unit tests).
    try {
      at(OPENS, -1000);
      const early = await register(person());
      expect(early.status).toBe(409);
      expect(detail(early, 'rule')).toBe('window');
      expect(early.error?.message).toContain('2026-05-01 08:00');
      at(OPENS);
      await ok(register(person()));
      at(CLOSES, -5000);
      await ok(register(person()));
      at(CLOSES, 1);
      const late = await register(person());
      expect(late.status).toBe(409);
      expect(detail(late, 'rule')).toBe('window');
    } finally {
      at(NOW);
    }
  });

  it('age from the ID number: 35 the day before the 36th birthday is in (以下 includes 35), the birthday itself is not', async () => {
    await ok(register(person('19900702')));
    const old = await register(person('19900701'));
    expect(old.status).toBe(400);
    expect(detail(old, 'rule')).toBe('age');
    expect(old.error?.message).toContain('青年岗位能手');
  });

  it('grade, trade and membership each refused with their rule', async () => {
    const low = await register(person(undefined, { skillGrade: 'grade5' }));
    expect([low.status, detail(low, 'rule')]).toEqual([400, 'grade']);
    const high = await register(person(undefined, { skillGrade: 'special' }));
    expect([high.status, detail(high, 'rule')]).toEqual([400, 'grade']);
    const trade = await register(person(undefined, { tradeCode: 'plumber' }));
    expect([trade.status, detail(trade, 'rule')]).toEqual([400, 'trade']);
    const member = await register(person(undefined, { member: false }));
    expect([member.status, detail(member, 'rule')]).toEqual([400, 'membership']);
    await ok(register(person(undefined, { tradeCode: 'welder-gas' })));
  });

  it('a unit reporter registers for their own unit only; staff for any unit that exists', async () => {
    const other = await register(person(undefined, { unitId: unitB }), reporterOf(T, unitA));
    expect(other.status).toBe(403);
    expect(detail(other, 'rule')).toBe('unit');
    const own = await ok(register(person(), reporterOf(T, unitA)));
    expect(own.unitName).toBe('甲机械厂工会');
    await ok(register(person(undefined, { unitId: unitB })));
    expect((await register(person(undefined, { unitId: 'no-such-unit' }))).status).toBe(404);
  });

  it('a gender that contradicts the ID number is refused', async () => {
    const input = person();
    const res = await register({ ...input, gender: input.gender === 'male' ? 'female' : 'male' });
    expect(res.status).toBe(400);
    expect(res.error?.data.issues?.[0]?.path).toEqual(['gender']);
  });
});

describe('contestants', () => {
  it('one registration per person per 赛项 (409 already_registered), answers masked, stores the ID only encrypted', async () => {
    const input = person('19930220');
    const created = await ok(register(input));
    expect(created).toMatchObject({ eventId, unitId: unitA, birthDate: '1993-02-20', status: 'registered', stage: 'preliminary', version: 1 });
    expect(created.idMasked).toMatch(/^3212\*+\d{3}[\dX]$/);
    expect(created.phoneMasked).toContain('*');
    expect(JSON.stringify(created)).not.toContain(input.idNumber);
    expect(JSON.stringify(created)).not.toMatch(/idCipher|idIndex|phoneCipher|13912345678/);
    const twice = await register({ ...input, name: '另一个名字', unitId: unitB });
    expect(twice.status).toBe(409);
    expect(detail(twice, 'reason')).toBe('already_registered');
    const scan = await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name }));
    const raw = scan.Items!.find((i) => i.kind === 'competitions.contestant' && i.contestantId === created.contestantId)!;
    expect(raw.idCipher).toEqual(expect.any(String));
    expect(JSON.stringify(scan.Items)).not.toContain(input.idNumber);
    expect(JSON.stringify(scan.Items)).not.toContain('13912345678');
    // The event counts one entry in the competition's year and carries no personal data.
    const outbox = scan.Items!.filter((i) => i.kind === 'event' && i.eventType === 'competitions.contestant.registered' && typeof i.envelope === 'string').map((i) => JSON.parse(i.envelope as string));
    const mine = outbox.find((e) => e.detail.data.contestantId === created.contestantId);
    expect(mine.detail.data).toMatchObject({ eventId, tradeCode: 'welder', year: 2026, metrics: { 'competitions.contestants': 1 } });
    expect(JSON.stringify(mine)).not.toContain(input.name);
  });

  it('reporters list their unit’s contestants only; staff see all, with unit names', async () => {
    const mine = await ok(p.query(reporterOf(T, unitA), 'competitions.contestants.list', { eventId }));
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((c: any) => c.unitId))).toEqual(new Set([unitA]));
    const all = await ok(p.query(staff, 'competitions.contestants.list', { eventId }));
    expect(new Set(all.map((c: any) => c.unitName))).toEqual(new Set(['甲机械厂工会', '乙化工厂工会']));
    const event = await ok(p.query(staff, 'competitions.events.get', { eventId }));
    expect(event.contestantCount).toBe(all.length);
  });

  it('exports 报名表 as a workbook with masked ID numbers, unit names, trade, grade and status', async () => {
    const all = await ok(p.query(staff, 'competitions.contestants.list', { eventId }));
    const file = await ok(p.mutate(staff, 'competitions.contestants.export', { eventId }));
    expect(file.fileName).toMatch(/报名表.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('报名表')!;
    expect(ws.rowCount).toBe(all.length + 1);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['姓名', '身份证号（脱敏）', '所在单位', '工种', '职业技能等级', '状态']));
    const text = JSON.stringify(ws.getSheetValues());
    expect(text).toContain(all[0].idMasked);
    expect(text).toContain('乙化工厂工会');
    expect(text).toContain('高级工');
    expect(text).toContain('已报名');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect((await p.mutate(reporterOf(T, unitA), 'competitions.contestants.export', { eventId })).status).toBe(403);
  });

  it('withdrawal: own unit only, before the first stage starts (the person may then register again), 409 after', async () => {
    const input = person('19960101');
    const c = await ok(register(input));
    const other = await p.mutate(reporterOf(T, unitB), 'competitions.contestants.withdraw', { eventId, contestantId: c.contestantId, version: 1 });
    expect(other.status).toBe(403);
    const out = await ok(p.mutate(reporterOf(T, unitA), 'competitions.contestants.withdraw', { eventId, contestantId: c.contestantId, version: 1 }));
    expect(out).toMatchObject({ status: 'withdrawn', version: 2 });
    expect((await p.mutate(staff, 'competitions.contestants.withdraw', { eventId, contestantId: c.contestantId, version: 2 })).status).toBe(409);
    const again = await ok(register(input));
    try {
      at(FIRST_STAGE);
      const late = await p.mutate(staff, 'competitions.contestants.withdraw', { eventId, contestantId: again.contestantId, version: 1 });
      expect(late.status).toBe(409);
      expect(detail(late, 'reason')).toBe('event_started');
    } finally {
      at(NOW);
    }
  });
});
