import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { genderOf } from '@ufp/core/validation/id-number';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { competitionKeys } from '../src/store.js';
import { seedPublishedResults, type FixtureEvent } from './fixtures.js';

/**
 * 技能竞赛 judging end to end: blind numbers drawn once, judges kept from conflicted and own-unit work, the tablets'
 * offline sync (a re-sent batch stored once, a second tablet's entry kept apart as a conflict, a correction replacing),
 * conflict resolution, the chief judge's panel with outliers, and scores refused once results are published.
 */
const T = '321281';
const staff = staffOf(T);
let p: TestPlatform;
let unitA: string;
let unitB: string;
let unitJ: string;
let ev: FixtureEvent;
let numberOf: Record<string, string>;

const judge = (sub: string, unitId: string): Claims => ({ sub, roles: ['unit_reporter'], tenantId: T, unitId });
let j1: Claims;
let j2: Claims;
let j3: Claims;
let chief: Claims;
let J: { j1: string; j2: string; j3: string; chief: string };

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

const entry = (workNumber: string, aspectCode: string, value: number, extra: Record<string, unknown> = {}) => ({ clientId: randomUUID(), workNumber, aspectCode, value, recordedAt: '2026-07-01T09:30:00+08:00', ...extra });
const submit = (who: Claims, entries: unknown[], stage = 'final') => p.mutate(who, 'competitions.judging.submitScores', { eventId: ev.eventId, stage, entries });

async function scoreItems(eventId = ev.eventId): Promise<Record<string, unknown>[]> {
  const { table } = p.runtime.deps;
  const res = await table.doc.send(new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': competitionKeys.scorePartition(T, eventId, 'final') }, ConsistentRead: true }));
  return res.Items ?? [];
}

async function auditOf(action: string): Promise<Record<string, unknown>[]> {
  const { table } = p.runtime.deps;
  const res = await table.doc.send(new ScanCommand({ TableName: table.name, FilterExpression: 'kind = :k AND #a = :a', ExpressionAttributeNames: { '#a': 'action' }, ExpressionAttributeValues: { ':k': 'audit', ':a': action }, ConsistentRead: true }));
  return res.Items ?? [];
}

const STAGE_STARTS = '2026-07-01T01:00:00Z';
const scheme = [
  {
    code: 'P',
    kind: 'practical',
    name: { zh: '实操', en: 'Practical' },
    weightBp: 10000,
    aspects: [
      { code: 'J1', kind: 'judgement', name: { zh: '焊缝外观', en: 'Weld appearance' }, maxHundredths: 4000, descriptors: ['不合格', '合格', '良好', '优秀'] },
      { code: 'M1', kind: 'marks', name: { zh: '工艺规范', en: 'Procedure' }, maxHundredths: 4000 },
      { code: 'X1', kind: 'measurement', name: { zh: '尺寸精度', en: 'Dimension' }, maxHundredths: 2000, unit: '0.01 mm', nominal: 500, tolerance: 5 },
    ],
  },
];

/** The 赛项 as staff set it up (competition, 赛项, scheme saved and locked, panel from the directory) and three contestants registered by staff. */
async function setUp(): Promise<FixtureEvent> {
  const user = async (name: string, roles: string[], unitId?: string) => (await ok(p.mutate(adminOf(T), 'users.create', { name, roles, unitId }))).userId as string;
  J = { j1: await user('裁判甲', ['unit_reporter'], unitJ), j2: await user('裁判乙', ['unit_reporter'], unitJ), j3: await user('裁判丙', ['unit_reporter'], unitB), chief: await user('裁判长', ['unit_reporter'], unitJ) };
  const arbiter = await user('仲裁员', ['federation_staff']);
  const c = await ok(p.mutate(staff, 'competitions.competitions.create', { name: '测试职工技能大赛', nameEn: 'Test skills competition', class: 'city', year: 2026, packCode: 'province-class1' }));
  let e = await ok(
    p.mutate(staff, 'competitions.events.create', {
      competitionId: c.competitionId,
      name: '焊工',
      tradeCode: 'welder',
      stages: [{ kind: 'final', startsAt: STAGE_STARTS }],
      registration: { opensAt: '2026-05-01T00:00:00Z', closesAt: '2026-06-01T00:00:00Z', trades: ['welder'] },
    }),
  );
  e = await ok(p.mutate(staff, 'competitions.events.saveScheme', { eventId: e.eventId, version: e.version, parts: scheme }));
  e = await ok(p.mutate(staff, 'competitions.events.lockScheme', { eventId: e.eventId, version: e.version }));
  // 裁判丙 is a user of 王五's unit: kept from 王五 without declaring it.
  const judges = [{ userId: J.j1 }, { userId: J.j2 }, { userId: J.j3 }, { userId: J.chief, chief: true }];
  e = await ok(p.mutate(staff, 'competitions.events.setPanel', { eventId: e.eventId, version: e.version, judges, arbiters: [arbiter] }));
  const contestants: Record<string, string> = {};
  for (const [i, [name, unitId]] of ([['张三', unitA], ['李四', unitA], ['王五', unitB]] as const).entries()) {
    const idNumber = demoIdNumber(T, '19900315', i + 1);
    const c1 = await ok(p.mutate(staff, 'competitions.contestants.register', { eventId: e.eventId, unitId, name, idNumber, gender: genderOf(idNumber), tradeCode: 'welder', skillGrade: 'grade3', member: true }));
    contestants[name] = c1.contestantId;
  }
  return { competitionId: c.competitionId, eventId: e.eventId, contestants };
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-10T02:00:00Z'));
  await createTenant(p, T, T);
  unitA = (await createUnit(p, T, { name: '兴化不锈钢厂工会' })).unitId;
  unitB = (await createUnit(p, T, { name: '兴化机械厂工会' })).unitId;
  unitJ = (await createUnit(p, T, { name: '兴化技师学院工会' })).unitId;
  ev = await setUp();
  j1 = judge(J.j1, unitJ);
  j2 = judge(J.j2, unitJ);
  j3 = judge(J.j3, unitB);
  chief = judge(J.chief, unitJ);
  // The stage is under way.
  p.clock.set(new Date('2026-07-01T02:00:00Z'));
});
afterAll(() => p?.dispose());

describe('panel access', () => {
  it('a user who is not on the panel gets 403 not_on_panel; a missing 赛项 is 404 first', async () => {
    const outsider = reporterOf(T, unitA);
    const sheet = await p.query(outsider, 'competitions.judging.sheet', { eventId: ev.eventId, stage: 'final' });
    expect(sheet.status).toBe(403);
    expect((sheet.error?.data as any).details.reason).toBe('not_on_panel');
    expect((await submit(outsider, [entry('1000', 'J1', 2)])).status).toBe(403);
    expect((await p.query(outsider, 'competitions.judging.sheet', { eventId: 'no-such-event', stage: 'final' })).status).toBe(404);
    // A plain judge is not the chief: the panel view is refused; staff see it.
    expect((await p.query(j1, 'competitions.judging.panel', { eventId: ev.eventId, stage: 'final' })).status).toBe(403);
    expect((await p.query(staff, 'competitions.judging.panel', { eventId: ev.eventId, stage: 'final' })).status).toBe(200);
  });

  it('mine lists the 赛项 where the caller has a panel role, with the roles', async () => {
    const mine = await ok(p.query(chief, 'competitions.judging.mine'));
    expect(mine).toEqual([expect.objectContaining({ eventId: ev.eventId, roles: ['judge', 'chief'], competitionName: { zh: '测试职工技能大赛', en: 'Test skills competition' } })]);
    expect(await ok(p.query(reporterOf(T, unitA), 'competitions.judging.mine'))).toEqual([]);
  });
});

describe('conflicts of interest and the draw', () => {
  it('a judge sees the contestants by name and unit (no ID number) and declares a conflict once', async () => {
    const list = await ok(p.query(j2, 'competitions.judging.conflictList', { eventId: ev.eventId }));
    expect(list.map((c: any) => [c.name, c.unitName, c.declared]).sort()).toEqual([
      ['张三', '兴化不锈钢厂工会', false],
      ['李四', '兴化不锈钢厂工会', false],
      ['王五', '兴化机械厂工会', false],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/idMasked|idCipher|3212/);
    const input = { eventId: ev.eventId, contestantId: ev.contestants['李四'], reason: 'relative' };
    await ok(p.mutate(j2, 'competitions.judging.declareConflict', input));
    await ok(p.mutate(j2, 'competitions.judging.declareConflict', input));
    const after = await ok(p.query(j2, 'competitions.judging.conflictList', { eventId: ev.eventId }));
    expect(after.filter((c: any) => c.declared).map((c: any) => c.name)).toEqual(['李四']);
    expect(await auditOf('competitions.judging.declareConflict')).toHaveLength(1);
  });

  it('staff draw the stage’s numbers once; the mapping is sealed, the numbers in clear', async () => {
    expect(await ok(p.mutate(staff, 'competitions.judging.drawWorkNumbers', { eventId: ev.eventId, stage: 'final' }))).toEqual({ stage: 'final', count: 3 });
    const again = await p.mutate(staff, 'competitions.judging.drawWorkNumbers', { eventId: ev.eventId, stage: 'final' });
    expect(again.status).toBe(409);
    expect((again.error?.data as any).details.reason).toBe('work_numbers_drawn');
    expect((await p.mutate(j1, 'competitions.judging.drawWorkNumbers', { eventId: ev.eventId, stage: 'final' })).status).toBe(403);
    const { table } = p.runtime.deps;
    const res = await table.doc.send(new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': competitionKeys.workNumbers(T, ev.eventId, 'final').pk, ':sk': competitionKeys.workNumbers(T, ev.eventId, 'final').sk } }));
    const item = res.Items![0]!;
    expect(item.numbers).toHaveLength(3);
    for (const id of Object.values(ev.contestants)) expect(String(item.sealedMapping)).not.toContain(id);
    const mapping = JSON.parse(await p.runtime.deps.cipher.decrypt(String(item.sealedMapping), { tenantId: T, field: 'competitions.workNumbers' })) as { contestantId: string; workNumber: string }[];
    numberOf = Object.fromEntries(Object.entries(ev.contestants).map(([name, id]) => [name, mapping.find((m) => m.contestantId === id)!.workNumber]));
    expect(await auditOf('competitions.judging.drawWorkNumbers')).toHaveLength(1);
  });

  it('a judge’s sheet lists only the numbers they may mark: not a declared conflict’s, not their own unit’s', async () => {
    const all = Object.values(numberOf).sort();
    expect((await ok(p.query(j1, 'competitions.judging.sheet', { eventId: ev.eventId, stage: 'final' }))).workNumbers).toEqual(all);
    const sheet2 = await ok(p.query(j2, 'competitions.judging.sheet', { eventId: ev.eventId, stage: 'final' }));
    expect(sheet2.workNumbers).toEqual(all.filter((n) => n !== numberOf['李四']));
    expect(sheet2.scheme.parts[0].aspects[0].descriptors).toEqual(['不合格', '合格', '良好', '优秀']);
    expect((await ok(p.query(j3, 'competitions.judging.sheet', { eventId: ev.eventId, stage: 'final' }))).workNumbers).toEqual(all.filter((n) => n !== numberOf['王五']));
  });

  it('a score for a number the judge may not mark is refused without saying why; the rest of the batch applies', async () => {
    const barred = entry(numberOf['李四']!, 'J1', 2);
    const fine = entry(numberOf['张三']!, 'J1', 3);
    const answer = await ok(submit(j2, [barred, fine]));
    expect(answer.accepted).toEqual([fine.clientId]);
    expect(answer.refused).toEqual([{ clientId: barred.clientId, reason: { zh: `您不能为加密号 ${barred.workNumber} 评分`, en: `You may not mark work number ${barred.workNumber}` } }]);
    expect(JSON.stringify(answer.refused)).not.toMatch(/回避|单位|conflict|unit|recus/i);
    const ownUnit = entry(numberOf['王五']!, 'J1', 2);
    expect((await ok(submit(j3, [ownUnit]))).refused.map((r: any) => r.reason)).toEqual([{ zh: `您不能为加密号 ${ownUnit.workNumber} 评分`, en: `You may not mark work number ${ownUnit.workNumber}` }]);
  });
});

describe('the offline sync', () => {
  it('a batch sent three times (same client ids) is stored once', async () => {
    const batch = [entry(numberOf['王五']!, 'J1', 2), entry(numberOf['王五']!, 'M1', 3150), entry(numberOf['王五']!, 'X1', 503)];
    const before = (await scoreItems()).length;
    p.clock.set(new Date('2026-07-01T03:00:00Z'));
    const first = await ok(submit(j1, batch));
    expect(first.accepted).toEqual(batch.map((e) => e.clientId));
    for (const _ of [2, 3]) {
      const again = await ok(submit(j1, batch));
      expect(again).toEqual({ accepted: [], duplicates: batch.map((e) => e.clientId), conflicts: [], refused: [] });
    }
    const items = await scoreItems();
    expect(items.length).toBe(before + 3);
    const mine = items.filter((i) => i.judgeId === J.j1 && i.workNumber === numberOf['王五']);
    expect(mine.map((i) => [i.aspectCode, i.value, i.version]).sort()).toEqual([['J1', 2, 1], ['M1', 3150, 1], ['X1', 503, 1]]);
    // The device time is kept; the server's clock says when it arrived.
    expect(mine[0]!.recordedAt).toBe('2026-07-01T01:30:00.000Z');
    expect(String(mine[0]!.enteredAt)).toMatch(/^2026-07-01T03:00:/);
  });

  it('the same entry twice in one batch counts once', async () => {
    const e = entry(numberOf['张三']!, 'M1', 3000);
    const answer = await ok(submit(j1, [e, e]));
    expect(answer.accepted).toEqual([e.clientId]);
    expect(answer.duplicates).toEqual([]);
  });

  it('an out-of-range value is refused by entry with a bilingual reason while the rest apply', async () => {
    const tooHigh = entry(numberOf['张三']!, 'J1', 4);
    const overMax = entry(numberOf['李四']!, 'M1', 4001);
    const halfMark = entry(numberOf['李四']!, 'X1', 502.5);
    const unknownAspect = entry(numberOf['李四']!, 'Z9', 1);
    const fine = entry(numberOf['李四']!, 'J1', 1);
    const answer = await ok(submit(j1, [tooHigh, overMax, halfMark, unknownAspect, fine]));
    expect(answer.accepted).toEqual([fine.clientId]);
    expect(answer.refused.map((r: any) => r.clientId)).toEqual([tooHigh.clientId, overMax.clientId, halfMark.clientId, unknownAspect.clientId]);
    expect(answer.refused[0].reason).toEqual({ zh: '评分项「焊缝外观」的评价分只能是 0–3 的整数', en: 'Aspect "Weld appearance": a judgement score is a whole number 0–3' });
    expect(answer.refused[1].reason.en).toBe('Aspect "Procedure": marks are 0 to 40 in hundredths');
    const stored = (await scoreItems()).filter((i) => i.judgeId === J.j1 && (i.workNumber === numberOf['李四'] || i.clientId === tooHigh.clientId));
    expect(stored.map((i) => i.clientId)).toEqual([fine.clientId]);
  });

  it('a second tablet’s entry for a scored mark is a conflict: listed, kept apart, not merged', async () => {
    const stored = (await scoreItems()).find((i) => i.judgeId === J.j1 && i.workNumber === numberOf['王五'] && i.aspectCode === 'J1')!;
    const other = entry(numberOf['王五']!, 'J1', 0);
    const answer = await ok(submit(j1, [other]));
    expect(answer.conflicts).toEqual([{ clientId: other.clientId, workNumber: numberOf['王五'], aspectCode: 'J1', value: 0, existingValue: 2 }]);
    const after = (await scoreItems()).find((i) => i.judgeId === J.j1 && i.workNumber === numberOf['王五'] && i.aspectCode === 'J1')!;
    expect([after.clientId, after.value, after.version]).toEqual([stored.clientId, 2, 1]);
    // Sent again, it is still that one conflict, not a second copy.
    expect((await ok(submit(j1, [other]))).conflicts).toHaveLength(1);
    const sheet = await ok(p.query(j1, 'competitions.judging.sheet', { eventId: ev.eventId, stage: 'final' }));
    expect(sheet.conflicts).toEqual([expect.objectContaining({ clientId: other.clientId, value: 0, existingClientId: stored.clientId, existingValue: 2 })]);
    const panel = await ok(p.query(chief, 'competitions.judging.panel', { eventId: ev.eventId, stage: 'final' }));
    expect(panel.conflicts).toBe(1);
  });

  it('resolving keeps the entry the judge picks: the conflicting one replaces the stored one and the conflict closes', async () => {
    const other = (await ok(p.query(j1, 'competitions.judging.sheet', { eventId: ev.eventId, stage: 'final' }))).conflicts[0];
    const resolved = await ok(p.mutate(j1, 'competitions.judging.resolveConflict', { eventId: ev.eventId, stage: 'final', workNumber: other.workNumber, aspectCode: 'J1', keepClientId: other.clientId }));
    expect(resolved).toEqual(expect.objectContaining({ clientId: other.clientId, value: 0, kept: 'conflicting', resolved: 1 }));
    const now = (await scoreItems()).find((i) => i.judgeId === J.j1 && i.workNumber === other.workNumber && i.aspectCode === 'J1')!;
    expect([now.clientId, now.value, now.version]).toEqual([other.clientId, 0, 2]);
    expect((await ok(p.query(j1, 'competitions.judging.sheet', { eventId: ev.eventId, stage: 'final' }))).conflicts).toEqual([]);
    expect((await ok(p.query(chief, 'competitions.judging.panel', { eventId: ev.eventId, stage: 'final' }))).conflicts).toBe(0);
    // Nothing open any more for that mark.
    expect((await p.mutate(j1, 'competitions.judging.resolveConflict', { eventId: ev.eventId, stage: 'final', workNumber: other.workNumber, aspectCode: 'J1', keepClientId: other.clientId })).status).toBe(404);
    expect(await auditOf('competitions.judging.resolveConflict')).toHaveLength(1);
  });

  it('an entry that supersedes the stored one replaces it (versioned); the old one re-sent is a duplicate', async () => {
    const first = entry(numberOf['张三']!, 'X1', 520);
    await ok(submit(j2, [first]));
    const fix = entry(numberOf['张三']!, 'X1', 501, { supersedes: first.clientId });
    expect((await ok(submit(j2, [fix]))).accepted).toEqual([fix.clientId]);
    const item = (await scoreItems()).find((i) => i.judgeId === J.j2 && i.workNumber === numberOf['张三'] && i.aspectCode === 'X1')!;
    expect([item.clientId, item.value, item.version]).toEqual([fix.clientId, 501, 2]);
    expect(await ok(submit(j2, [first, fix]))).toEqual({ accepted: [], duplicates: [first.clientId, fix.clientId], conflicts: [], refused: [] });
  });

  it('an entry that loses the race to another tablet is read again and kept as a conflict, never written over', async () => {
    const n = numberOf['李四']!;
    const mine = entry(n, 'M1', 2500);
    const { table } = p.runtime.deps;
    const send = table.doc.send.bind(table.doc);
    let raced = false;
    // Another tablet's entry for the same mark lands between our read and our conditional write.
    (table.doc as any).send = async (command: any, ...rest: any[]) => {
      const items = command?.input?.TransactItems as any[] | undefined;
      if (!raced && items?.some((i) => i.Put?.Item?.clientId === mine.clientId)) {
        raced = true;
        const at = p.clock.now().toISOString();
        const other = { tenantId: T, eventId: ev.eventId, stage: 'final', workNumber: n, aspectCode: 'M1', judgeId: J.j3, value: 3000, clientId: 'other-tablet', enteredAt: at, recordedAt: at, version: 1, replacedClientIds: [] };
        await send(new PutCommand({ TableName: table.name, Item: { ...competitionKeys.score(T, ev.eventId, 'final', n, 'M1', J.j3), kind: 'competitions.score', ...other } }));
      }
      return (send as any)(command, ...rest);
    };
    let answer: any;
    try {
      answer = await ok(submit(j3, [mine]));
    } finally {
      (table.doc as any).send = send;
    }
    expect(raced).toBe(true);
    expect(answer).toEqual({ accepted: [], duplicates: [], conflicts: [{ clientId: mine.clientId, workNumber: n, aspectCode: 'M1', value: 2500, existingValue: 3000 }], refused: [] });
    const stored = (await scoreItems()).find((i) => i.judgeId === J.j3 && i.workNumber === n && i.aspectCode === 'M1')!;
    expect([stored.clientId, stored.value]).toEqual(['other-tablet', 3000]);
  });

  it('each written chunk has one audit entry with the counts, and a batch of 200 is written in chunks', async () => {
    const audits = (await auditOf('competitions.judging.submitScores')).length;
    // 200 entries for one mark under new ids: the first is stored, the other 199 are conflicts kept apart.
    const n = numberOf['张三']!;
    const big = Array.from({ length: 200 }, (_, i) => entry(n, 'M1', i * 10));
    const answer = await ok(submit(j3, big));
    expect(answer.accepted).toHaveLength(1);
    expect(answer.conflicts).toHaveLength(199);
    const after = await auditOf('competitions.judging.submitScores');
    // 98 writes per transaction: the first chunk holds the stored entry, its scoreboard item and 96 conflicts.
    expect(after.length - audits).toBe(3);
    expect(after.map((a) => a.summary)).toEqual(expect.arrayContaining([expect.stringMatching(/^同步评分：新录入 1 条，更正 0 条，冲突 96 条（第 1\/3 批）$/)]));
  });
});

describe('what judges and the chief judge see', () => {
  it('a judge never sees another judge’s scores in the sheet', async () => {
    const sheet = await ok(p.query(j2, 'competitions.judging.sheet', { eventId: ev.eventId, stage: 'final' }));
    const others = (await scoreItems()).filter((i) => i.judgeId !== J.j2).map((i) => i.clientId);
    expect(others.length).toBeGreaterThan(0);
    expect(sheet.mine.length).toBeGreaterThan(0);
    for (const m of sheet.mine) expect(others).not.toContain(m.clientId);
    expect(JSON.stringify(sheet)).not.toContain(J.j1);
    expect(JSON.stringify(sheet)).not.toContain(J.j3);
  });

  it('the panel shows progress per number and flags an outlier judge live', async () => {
    const n = numberOf['王五']!; // 裁判丙 is kept from it: 裁判甲, 裁判乙 and the chief mark it
    await ok(submit(j2, [entry(n, 'J1', 0), entry(n, 'M1', 3200)]));
    await ok(submit(chief, [entry(n, 'J1', 2), entry(n, 'M1', 3100)]));
    // 裁判甲 holds 0 for J1 (the conflicting entry kept above): the chief's 2 is 2 points from the others' median of 0
    // (over the pack's 1); 裁判甲's 0 is 1 point from the median of 0 and 2 (within). The marks are all within 15%.
    const panel = await ok(p.query(chief, 'competitions.judging.panel', { eventId: ev.eventId, stage: 'final' }));
    const row = panel.progress.find((r: any) => r.workNumber === n);
    expect(row).toEqual({ workNumber: n, completionSeconds: null, entered: 2 + 2 + 2 + 1, expected: 3 * 2 + 1 });
    expect(panel.flags).toEqual([expect.objectContaining({ workNumber: n, judgeId: J.chief, aspectCode: 'J1', flagged: true, judgeName: '裁判长' })]);
    expect(panel.judges.find((j: any) => j.judgeId === J.chief)).toEqual(expect.objectContaining({ flagged: 1, name: '裁判长' }));
  });
});

describe('after results are published', () => {
  it('the whole batch is refused (409) and no conflict can be resolved or declared', async () => {
    await seedPublishedResults(p, T, ev);
    const before = (await scoreItems()).length;
    const res = await submit(j1, [entry(numberOf['张三']!, 'J1', 1)]);
    expect(res.status).toBe(409);
    expect((res.error?.data as any).details.reason).toBe('results_published');
    expect((await scoreItems()).length).toBe(before);
    const declare = await p.mutate(j1, 'competitions.judging.declareConflict', { eventId: ev.eventId, contestantId: ev.contestants['张三'], reason: 'other' });
    expect(declare.status).toBe(409);
  });
});
