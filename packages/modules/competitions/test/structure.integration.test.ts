import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { adminOf, createTenant, reporterOf, createUnit, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { competitionKeys } from '../src/store.js';

let p: TestPlatform;
const T = '321281';
const staff = staffOf(T);
let unitId: string;

/** A refusal's `details` entry (the rule, the reason, the field). */
const detail = (res: { error?: { data: unknown } }, key: string): unknown => (res.error?.data as { details?: Record<string, unknown> } | undefined)?.details?.[key];

async function ok<T = any>(res: Promise<{ status: number; data: T; error?: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

const stages = [
  { kind: 'preliminary', startsAt: '2026-07-01T01:00:00Z', advancement: { kind: 'topShare', shareBp: 3000 } },
  { kind: 'final', startsAt: '2026-07-03T01:00:00Z' },
];
const registration = { opensAt: '2026-05-01T00:00:00Z', closesAt: '2026-06-01T00:00:00Z', trades: ['welder'] };
const eventInput = (competitionId: string, over: Record<string, unknown> = {}) => ({ competitionId, name: '焊工', tradeCode: 'welder', stages, registration, ...over });
const marks = (code: string, maxHundredths: number) => ({ code, kind: 'marks', name: { zh: code, en: code }, maxHundredths });
const validParts = [
  { code: 'theory', kind: 'theory', name: { zh: '理论', en: 'Theory' }, weightBp: 3000, aspects: [marks('paper', 10000)] },
  { code: 'practical', kind: 'practical', name: { zh: '实操', en: 'Practical' }, weightBp: 7000, aspects: [marks('seam', 6000), { code: 'gap', kind: 'measurement', name: { zh: '间隙', en: 'Gap' }, maxHundredths: 4000, unit: '0.01 mm', nominal: 200, tolerance: 10 }] },
];

async function competition(over: Record<string, unknown> = {}) {
  return ok(p.mutate(staff, 'competitions.competitions.create', { name: '全市职工职业技能大赛', class: 'city', year: 2026, packCode: 'province-class1', ...over }));
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-10T02:00:00Z'));
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T, { name: '结构测试企业工会' })).unitId;
});
afterAll(async () => {
  await p?.dispose();
});

describe('competitions on rule packs', () => {
  it('lists the built-in packs with their settings', async () => {
    const packs = await ok(p.query(reporterOf(T, unitId), 'competitions.competitions.packs'));
    expect(packs.map((x: any) => x.code)).toEqual(['province-class1', 'enterprise']);
    expect(packs[0].settings.theoryWeightMaxBp).toBe(3000);
  });

  it('a competition from a pack with overrides shows each setting it changed, against the pack', async () => {
    const c = await competition({ nameEn: 'City skills contest', overrides: { protestWindowMinutes: 60, theoryWeightMaxBp: 2500 }, prizeBudgetFen: 50_000_000, coOrganisers: ['市人社局'] });
    expect(c.rules).toMatchObject({ packCode: 'province-class1', packVersion: 1 });
    expect(c.rules.settings.protestWindowMinutes).toBe(60);
    expect(c.differences.map((d: any) => [d.key, d.pack, d.custom])).toEqual([
      ['theoryWeightMaxBp', 3000, 2500],
      ['protestWindowMinutes', 120, 60],
    ]);
    expect(c.differences[0].label.zh).toBe('理论权重上限');
    expect(c).toMatchObject({ name: { zh: '全市职工职业技能大赛', en: 'City skills contest' }, prizeBudgetFen: 50_000_000, coOrganisers: ['市人社局'], publishNames: false, version: 1 });
    const plain = await competition();
    expect(plain.differences).toEqual([]);
    const listed = await ok(p.query(reporterOf(T, unitId), 'competitions.competitions.list'));
    expect(listed.map((x: any) => x.competitionId)).toEqual(expect.arrayContaining([c.competitionId, plain.competitionId]));
  });

  it('refuses an unknown pack and a setting the pack cannot take, naming the field', async () => {
    const unknown = await p.mutate(staff, 'competitions.competitions.create', { name: '未知规则包竞赛', class: 'city', year: 2026, packCode: 'no-such-pack' });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.data.issues?.[0]?.path).toEqual(['packCode']);
    const overlap = await p.mutate(staff, 'competitions.competitions.create', {
      name: '奖项重叠竞赛',
      class: 'enterprise',
      year: 2026,
      packCode: 'enterprise',
      overrides: { prizes: { kind: 'byRank', table: [{ fromRank: 1, toRank: 3, label: { zh: '一等', en: 'First' }, amountFen: 100 }, { fromRank: 2, toRank: 4, label: { zh: '二等', en: 'Second' }, amountFen: 50 }] } },
    });
    expect(overlap.status).toBe(400);
    expect(detail(overlap, 'field')).toBe('settings.prizes');
  });

  it('an update recomputes the differences and needs the version it was read at', async () => {
    const c = await competition();
    const updated = await ok(p.mutate(staff, 'competitions.competitions.update', { competitionId: c.competitionId, version: 1, name: '改名后的大赛', class: 'provincial', year: 2026, packCode: 'province-class1', overrides: { workNumberDigits: 5 } }));
    expect(updated).toMatchObject({ name: { zh: '改名后的大赛' }, class: 'provincial', version: 2 });
    expect(updated.differences.map((d: any) => d.key)).toEqual(['workNumberDigits']);
    const stale = await p.mutate(staff, 'competitions.competitions.update', { competitionId: c.competitionId, version: 1, name: '再改', class: 'city', year: 2026, packCode: 'province-class1' });
    expect(stale.status).toBe(409);
  });
});

describe('赛项 and stages', () => {
  it('creates a 赛项 with its stages; get shows it in the competition and a reader sees the summary', async () => {
    const c = await competition();
    const e = await ok(p.mutate(staff, 'competitions.events.create', eventInput(c.competitionId, { registration: { ...registration, closesAt: '2026-05-31' } })));
    expect(e).toMatchObject({ competitionId: c.competitionId, competitionName: c.name, tradeCode: 'welder', scheme: null, schemeLocked: false, contestantCount: 0, myPanelRoles: [], version: 1 });
    // A bare date closing registration is the end of that day in China.
    expect(e.registration.closesAt).toBe('2026-05-31T15:59:59.999Z');
    const got = await ok(p.query(reporterOf(T, unitId), 'competitions.competitions.get', { competitionId: c.competitionId }));
    expect(got.events.map((x: any) => x.eventId)).toEqual([e.eventId]);
    const list = await ok(p.query(staff, 'competitions.events.list', { competitionId: c.competitionId }));
    expect(list[0]).toMatchObject({ eventId: e.eventId, contestantCount: 0, schemeLocked: false });
  });

  it('refuses stages out of order, a repeated stage and a middle stage without advancement', async () => {
    const c = await competition();
    const cases = [
      [stages[1], stages[0]],
      [stages[0], { ...stages[0], startsAt: '2026-07-02T01:00:00Z' }, stages[1]],
      [{ kind: 'preliminary', startsAt: '2026-07-01T01:00:00Z' }, stages[1]],
    ];
    for (const s of cases) {
      const res = await p.mutate(staff, 'competitions.events.create', eventInput(c.competitionId, { stages: s }));
      expect(res.status, JSON.stringify(s)).toBe(400);
      expect(res.error?.data.issues?.[0]?.path).toEqual(['stages']);
    }
    const reversed = await p.mutate(staff, 'competitions.events.create', eventInput(c.competitionId, { registration: { ...registration, opensAt: '2026-06-02T00:00:00Z' } }));
    expect(reversed.status).toBe(400);
    expect(reversed.error?.data.issues?.[0]?.path).toEqual(['registration.closesAt']);
  });

  it('a 赛项 of a missing competition is 404', async () => {
    expect((await p.mutate(staff, 'competitions.events.create', eventInput('no-such-competition'))).status).toBe(404);
  });
});

describe('the marking scheme', () => {
  it('saves a draft, refuses to lock an invalid one, locks a valid one, and any change after lock is 409 scheme_locked', async () => {
    const c = await competition();
    let e = await ok(p.mutate(staff, 'competitions.events.create', eventInput(c.competitionId)));
    const draft = [{ ...validParts[0], weightBp: 4000 }, validParts[1]];
    e = await ok(p.mutate(staff, 'competitions.events.saveScheme', { eventId: e.eventId, version: e.version, parts: draft }));
    expect(e.scheme).toMatchObject({ competitionId: c.competitionId, eventId: e.eventId, startsAt: '2026-07-01T01:00:00.000Z', schemeId: expect.any(String) });
    const refused = await p.mutate(staff, 'competitions.events.lockScheme', { eventId: e.eventId, version: e.version });
    expect(refused.status).toBe(400);
    e = await ok(p.mutate(staff, 'competitions.events.saveScheme', { eventId: e.eventId, version: e.version, parts: validParts }));
    e = await ok(p.mutate(staff, 'competitions.events.lockScheme', { eventId: e.eventId, version: e.version }));
    expect(e.schemeLocked).toBe(true);
    expect(Date.parse(e.scheme.lockedAt)).toBeGreaterThanOrEqual(Date.parse('2026-05-10T02:00:00.000Z'));
    const after = await p.mutate(staff, 'competitions.events.saveScheme', { eventId: e.eventId, version: e.version, parts: validParts });
    expect(after.status).toBe(409);
    expect(detail(after, 'reason')).toBe('scheme_locked');
    const relock = await p.mutate(staff, 'competitions.events.lockScheme', { eventId: e.eventId, version: e.version });
    expect(relock.status).toBe(409);
  });

  it('the scheme locks by itself when the 赛项 starts (platform clock): a save at that instant is 409', async () => {
    const c = await competition();
    let e = await ok(p.mutate(staff, 'competitions.events.create', eventInput(c.competitionId, { stages: [{ kind: 'training', startsAt: '2026-06-20T01:00:00Z' }, ...stages] })));
    e = await ok(p.mutate(staff, 'competitions.events.saveScheme', { eventId: e.eventId, version: e.version, parts: validParts }));
    // Training is not scored: the scheme starts with the first scored stage.
    expect(e.scheme.startsAt).toBe('2026-07-01T01:00:00.000Z');
    try {
      p.clock.set(new Date(stages[0]!.startsAt));
      const res = await p.mutate(staff, 'competitions.events.saveScheme', { eventId: e.eventId, version: e.version, parts: validParts });
      expect(res.status).toBe(409);
      expect(detail(res, 'reason')).toBe('scheme_locked');
      expect((await ok(p.query(staff, 'competitions.events.get', { eventId: e.eventId }))).schemeLocked).toBe(true);
    } finally {
      p.clock.set(new Date('2026-05-10T02:00:00Z'));
    }
  });
});

describe('the panel', () => {
  let judgeA: string;
  let judgeB: string;
  let arbiter: string;
  let disabled: string;
  beforeAll(async () => {
    const user = async (name: string) => (await ok(p.mutate(adminOf(T), 'users.create', { name, roles: ['federation_staff'] }))).userId as string;
    judgeA = await user('张裁判');
    judgeB = await user('李裁判');
    arbiter = await user('王仲裁');
    disabled = await user('赵停用');
    await ok(p.mutate(adminOf(T), 'users.disable', { userId: disabled, reason: '已调离本单位' }));
  });

  it('staff find panel candidates among the active users of the directory (name and unit only), by name', async () => {
    const all = await ok(p.query(staff, 'competitions.events.panelCandidates', {}));
    const names = all.map((u: { name: string }) => u.name);
    expect(names).toEqual(expect.arrayContaining(['张裁判', '李裁判', '王仲裁']));
    expect(names).not.toContain('赵停用');
    expect(Object.keys(all[0]).sort()).toEqual(['name', 'unitId', 'userId']);
    expect((await ok(p.query(staff, 'competitions.events.panelCandidates', { q: '裁判' }))).map((u: { name: string }) => u.name).sort()).toEqual(['张裁判', '李裁判'].sort());
  });

  it('takes names from the directory, one chief judge, and tells each user their panel roles', async () => {
    const c = await competition();
    let e = await ok(p.mutate(staff, 'competitions.events.create', eventInput(c.competitionId)));
    e = await ok(p.mutate(staff, 'competitions.events.setPanel', { eventId: e.eventId, version: e.version, judges: [{ userId: judgeA, chief: true }, { userId: judgeB }], arbiters: [arbiter] }));
    expect(e.panel.judges).toEqual([
      { userId: judgeA, name: '张裁判', chief: true, unitId: null },
      { userId: judgeB, name: '李裁判', chief: false, unitId: null },
    ]);
    expect(e.panel.arbiters).toEqual([{ userId: arbiter, name: '王仲裁' }]);
    const as = (sub: string): Claims => ({ sub, roles: ['federation_staff'], tenantId: T });
    expect((await ok(p.query(as(judgeA), 'competitions.events.get', { eventId: e.eventId }))).myPanelRoles).toEqual(['judge', 'chief']);
    expect((await ok(p.query(as(judgeB), 'competitions.events.get', { eventId: e.eventId }))).myPanelRoles).toEqual(['judge']);
    expect((await ok(p.query(as(arbiter), 'competitions.events.get', { eventId: e.eventId }))).myPanelRoles).toEqual(['arbiter']);
    expect((await ok(p.query(staff, 'competitions.events.get', { eventId: e.eventId }))).myPanelRoles).toEqual([]);
  });

  it('refuses a non-user, a disabled user, two chief judges and a judge who is also an arbiter', async () => {
    const c = await competition();
    const e = await ok(p.mutate(staff, 'competitions.events.create', eventInput(c.competitionId)));
    const send = (judges: unknown[], arbiters: string[]) => p.mutate(staff, 'competitions.events.setPanel', { eventId: e.eventId, version: e.version, judges, arbiters });
    const nonUser = await send([{ userId: 'no-such-user' }], []);
    expect(nonUser.status).toBe(400);
    expect(nonUser.error?.data.issues?.[0]?.path).toEqual(['judges']);
    expect((await send([{ userId: disabled }], [])).status).toBe(400);
    expect((await send([], ['no-such-user'])).error?.data.issues?.[0]?.path).toEqual(['arbiters']);
    const chiefs = await send([{ userId: judgeA, chief: true }, { userId: judgeB, chief: true }], []);
    expect(chiefs.status).toBe(400);
    expect(chiefs.error?.message).toContain('裁判长只能有一位');
    const both = await send([{ userId: judgeA }], [judgeA]);
    expect(both.status).toBe(400);
    expect(both.error?.message).toContain('张裁判');
    expect(both.error?.data.messageEn).toContain('independent');
    expect((await ok(p.query(staff, 'competitions.events.get', { eventId: e.eventId }))).version).toBe(1);
  });
});

describe('after results are published', () => {
  it('the competition, its 赛项 and the panel no longer change (409)', async () => {
    const c = await competition();
    const e = await ok(p.mutate(staff, 'competitions.events.create', eventInput(c.competitionId)));
    const { table } = p.runtime.deps;
    const results = {
      tenantId: T,
      competitionId: c.competitionId,
      eventId: e.eventId,
      stage: 'preliminary',
      content: { competitionId: c.competitionId, eventId: e.eventId, stage: 'preliminary', schemeId: 's', lines: [] },
      status: 'provisional',
      publishedAt: '2026-07-01T08:00:00.000Z',
      protestWindowEndsAt: '2026-07-01T10:00:00.000Z',
      revisions: [],
      version: 1,
    };
    await table.doc.send(new PutCommand({ TableName: table.name, Item: { ...competitionKeys.results(T, e.eventId, 'preliminary'), kind: 'competitions.results', ...results } }));
    const update = await p.mutate(staff, 'competitions.competitions.update', { competitionId: c.competitionId, version: 1, name: '改名', class: 'city', year: 2026, packCode: 'province-class1' });
    expect(update.status).toBe(409);
    expect(detail(update, 'reason')).toBe('results_published');
    expect((await p.mutate(staff, 'competitions.events.update', { eventId: e.eventId, version: 1, name: '焊工', tradeCode: 'welder', stages, registration })).status).toBe(409);
    expect((await p.mutate(staff, 'competitions.events.setPanel', { eventId: e.eventId, version: 1, judges: [], arbiters: [] })).status).toBe(409);
  });
});
