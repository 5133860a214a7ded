import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import { maskIdNumber, maskName } from '@ufp/core/pii/mask';
import type { Claims } from '@ufp/kit/auth';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { cipherField } from '../src/service/context.js';
import { CompetitionStore } from '../src/store.js';
import { createCompetition, createEvent, draw, enterScores, idNumberOf, marks, panelUsers, register, type PanelUsers } from './results-fixtures.js';

let p: TestPlatform;
const T = '320583';
let unitA: string;
let unitB: string;
const published: EventEnvelope[] = [];

const staff = staffOf(T);
let panel: PanelUsers;
let chief: Claims;
let judge2: Claims;
let arbiter: Claims;
let judges: Claims[];
type Ev = { eventId: string; tenantId: string };
type Contestant = { contestantId: string; name: string; unitId: string };

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

const T0 = new Date('2026-06-01T02:00:00.000Z');
const after = (ms: number) => new Date(T0.getTime() + ms);
const WINDOW = 120 * 60_000;

/** A (95, 90) first; B and C (90, 80) equal on everything: shared 2nd; D (90, 50) and E (81, 71) equal on total, D ahead on 实操. */
const table = [
  { key: 'A', name: '张建国', practical: 9500, theory: 9000 },
  { key: 'B', name: '李卫东', practical: 9000, theory: 8000 },
  { key: 'C', name: '王志强', practical: 9000, theory: 8000 },
  { key: 'D', name: '赵铁军', practical: 9000, theory: 5000 },
  { key: 'E', name: '钱海波', practical: 8100, theory: 7100 },
];

async function stageWithScores(event: Ev, stage: 'preliminary' | 'final', seq: number, opts: { leaveOut?: number } = {}) {
  p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
  const contestants = await register(p, event, table.map((r, i) => ({ name: r.name, unitId: i % 2 ? unitB : unitA, seq: seq + i })));
  const numbers = await draw(p, event, stage);
  const wn = (key: string) => numbers.get(contestants[table.findIndex((r) => r.key === key)]!.contestantId)!;
  const all = table.flatMap((r) => marks(wn(r.key), judges, r.practical, r.theory));
  await enterScores(p, event, stage, all.slice(0, all.length - (opts.leaveOut ?? 0)));
  return { contestants, wn, rest: all.slice(all.length - (opts.leaveOut ?? 0)) };
}

const itemOf = (event: Ev, stage: 'preliminary' | 'final') => new CompetitionStore(p.runtime.deps.table).findResults(T, event.eventId, stage);

beforeAll(async () => {
  p = await startTestPlatform();
  // The platform clock stands still between steps (Date only), so window instants are exact to the millisecond.
  vi.useFakeTimers({ toFake: ['Date'] });
  p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
  await createTenant(p, T, T);
  unitA = (await createUnit(p, T, { type: 'regional', uscc: undefined, name: '张家港市机械工会' })).unitId;
  unitB = (await createUnit(p, T, { type: 'regional', uscc: undefined, name: '张家港市冶金工会' })).unitId;
  panel = await panelUsers(p, T, '张家港');
  ({ chief, arbiter, judges } = panel);
  judge2 = judges[1]!;
  const publish = p.bus.publish.bind(p.bus);
  p.bus.publish = async (envelope) => {
    published.push(envelope);
    return publish(envelope);
  };
});
afterAll(async () => {
  vi.useRealTimers();
  await p?.dispose();
});

describe('the final stage: publish, protest window, final results, 解密, winners handed over', () => {
  let event: Ev;
  let competitionId: string;
  let contestants: Contestant[];
  let wn: (key: string) => string;
  let rest: ReturnType<typeof marks>;

  beforeAll(async () => {
    ({ competitionId } = await createCompetition(p, T, {
      prizeBudgetFen: 50_000_00,
      overrides: {
        prizes: { kind: 'byRank', table: [{ fromRank: 1, toRank: 1, label: { zh: '一等奖', en: 'First' }, amountFen: 10_000_00 }, { fromRank: 2, toRank: 3, label: { zh: '二等奖', en: 'Second' }, amountFen: 5_000_00 }] },
        honours: [
          { fromRank: 1, toRank: 1, award: { kind: 'recommendation', honourCode: 'provincial_may_day_medal', level: 'provincial', name: { zh: '省五一劳动奖章', en: 'Provincial May Day Labour Medal' } } },
          { fromRank: 4, toRank: 5, award: { kind: 'skillGradeUp' } },
        ],
      },
    }));
    event = await createEvent(p, T, competitionId, [{ kind: 'final', startsAt: '2026-06-01T00:00:00.000Z' }], panel);
    ({ contestants, wn, rest } = await stageWithScores(event, 'final', 1, { leaveOut: 2 }));
  });

  it('publishing with marks missing is 409 naming how many; a judge who is not the chief judge is 403', async () => {
    p.clock.set(T0);
    const missing = await p.mutate(staff, 'competitions.results.publish', { eventId: event.eventId, stage: 'final' });
    expect(missing.status).toBe(409);
    expect(missing.error?.message).toContain('缺少 2 项评分');
    expect((missing.error?.data as any).details).toMatchObject({ reason: 'marks_missing', missing: 2, works: 1 });
    await enterScores(p, event, 'final', rest);
    const notChief = await p.mutate(judge2, 'competitions.results.publish', { eventId: event.eventId, stage: 'final' });
    expect(notChief.status).toBe(403);
    expect((notChief.error?.data as any).details.reason).toBe('not_on_panel');
  });

  it('the chief judge publishes: shared ranks 1, 2, 2, 4 on work numbers, each tie explained, no names before the 解密', async () => {
    const view = await ok(p.mutate(chief, 'competitions.results.publish', { eventId: event.eventId, stage: 'final' }));
    expect(view.status).toBe('provisional');
    expect(view.protestWindowEndsAt).toBe(after(WINDOW).toISOString());
    expect(view.lines.map((l: any) => [l.workNumber, l.rank, l.totalHundredths])).toEqual([
      [wn('A'), 1, 9350],
      ...[wn('B'), wn('C')].sort().map((n) => [n, 2, 8700]),
      [wn('D'), 4, 7800],
      [wn('E'), 5, 7800],
    ]);
    const line = (key: string) => view.lines.find((l: any) => l.workNumber === wn(key));
    expect(line('A').tie).toBeNull();
    expect(line('B').tie).toMatchObject({ decidedBy: 'shared' });
    expect(line('B').tie.explanation.zh).toBe(`总分 87.00 与 ${wn('C')} 相同；并列第 2 名`);
    expect(line('B').tie.explanation.en).toBe(`Total 87.00 equal to ${wn('C')}; shares rank 2`);
    expect(line('D').tie.decidedBy).toBe('practical');
    expect(line('D').tie.explanation.zh).toBe(`总分 78.00 与 ${wn('E')} 相同；按实操成绩（高者在前）：90.00 分`);
    expect(line('E').tie.explanation.zh).toContain('按实操成绩（高者在前）：81.00 分');
    expect(view.lines.every((l: any) => l.name === undefined && l.unitName === undefined && l.completionSeconds === null)).toBe(true);
    expect(view.prizes.map((x: any) => [x.workNumber, x.rank, x.amountFen])).toEqual([[wn('A'), 1, 10_000_00], ...[wn('B'), wn('C')].sort().map((n) => [n, 2, 5_000_00])]);
    expect(view.prizesTotalFen).toBe(20_000_00);
    expect(JSON.stringify(view)).not.toMatch(/张建国|李卫东|1990/);
  });

  it('publishing again without an upheld protest is 409; finalising while the window is open is 409', async () => {
    const again = await p.mutate(staff, 'competitions.results.publish', { eventId: event.eventId, stage: 'final', reason: '再次公布' });
    expect(again.status).toBe(409);
    p.clock.set(after(WINDOW));
    const early = await p.mutate(staff, 'competitions.results.finalize', { eventId: event.eventId, stage: 'final' });
    expect(early.status).toBe(409);
    expect((early.error?.data as any).details.reason).toBe('protest_window_open');
  });

  it('解密 before final results is 409', async () => {
    const res = await p.mutate(arbiter, 'competitions.results.reveal', { eventId: event.eventId, stage: 'final' });
    expect(res.status).toBe(409);
  });

  it('1 ms after the window, staff finalise: the hash seals the stored content, and results.finalized is emitted once with the winners sealed', async () => {
    p.clock.set(after(WINDOW + 1));
    const view = await ok(p.mutate(staff, 'competitions.results.finalize', { eventId: event.eventId, stage: 'final' }));
    expect(view).toMatchObject({ status: 'final', finalizedAt: after(WINDOW + 1).toISOString() });
    const { finalResultHash } = await import('../src/domain/protest.js');
    const stored = await itemOf(event, 'final');
    expect(view.hash).toBe(finalResultHash(stored!.content));
    await p.settle();
    const finalized = published.filter((e) => e['detail-type'] === 'competitions.results.finalized' && e.detail.data.eventId === event.eventId);
    expect(finalized).toHaveLength(1);
    const data = finalized[0]!.detail.data as any;
    expect(data).toMatchObject({ stage: 'final', resultsHash: view.hash, competitionClass: 'provincial', year: 2026 });
    expect(data.metrics).toEqual({ 'competitions.eventsHeld': 1, 'competitions.winners': 3, 'competitions.honoursRecommended': 1, 'competitions.gradeRaises': 2 });
    const byKey = (key: string) => contestants[table.findIndex((r) => r.key === key)]!;
    expect(data.winners.map((w: any) => [w.contestantId, w.rank, w.recommendations.map((r: any) => r.honourCode), w.skillGradeUp ?? null])).toEqual([
      [byKey('A').contestantId, 1, ['provincial_may_day_medal'], null],
      [byKey('D').contestantId, 4, [], { from: 'grade4', to: 'grade3' }],
      [byKey('E').contestantId, 5, [], { from: 'grade4', to: 'grade3' }],
    ]);
    const person = JSON.parse(await p.runtime.deps.cipher.decrypt(data.winners[0].sealedPerson, { tenantId: T, field: cipherField.handoff }));
    expect(person).toEqual({ name: '张建国', idNumber: idNumberOf(1), gender: 'male', birthDate: '1990-01-01', unitId: unitA, skillGrade: 'grade4' });
    expect(JSON.stringify(finalized)).not.toMatch(new RegExp(`张建国|${idNumberOf(1)}|1990-01-01`));
    // 劳模 takes the hand-over: one nomination draft for the one recommendation, carrying the results' hash.
    const drafts = await ok(p.query(staff, 'modelWorkers.drafts.list', {}));
    const opened = drafts.filter((d: any) => d.source.eventId === event.eventId);
    expect(opened.map((d: any) => [d.source.contestantId, d.honourCode, d.source.rank, d.source.resultsHash])).toEqual([[byKey('A').contestantId, 'provincial_may_day_medal', 1, view.hash]]);
  });

  it('after finalisation every change is 409 results_final and the stored hash and content stay as they were', async () => {
    const before = await itemOf(event, 'final');
    const attempts = [
      p.mutate(staff, 'competitions.results.publish', { eventId: event.eventId, stage: 'final', reason: '更正成绩' }),
      p.mutate(staff, 'competitions.results.finalize', { eventId: event.eventId, stage: 'final' }),
      p.mutate(reporterOf(T, unitA), 'competitions.protests.file', { eventId: event.eventId, stage: 'final', contestantId: contestants[0]!.contestantId, grounds: '对实操评分有异议，请求复核' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(409);
      expect((res.error?.data as any).details.reason).toBe('results_final');
    }
    const afterwards = await itemOf(event, 'final');
    expect(afterwards).toEqual(before);
    await p.settle();
    expect(published.filter((e) => e['detail-type'] === 'competitions.results.finalized' && e.detail.data.eventId === event.eventId)).toHaveLength(1);
  });

  it('解密 is the 监督仲裁组’s alone: staff are refused, the arbiter’s reveal is audited, and names then show (masked for unit reporters)', async () => {
    const refused = await p.mutate(staff, 'competitions.results.reveal', { eventId: event.eventId, stage: 'final' });
    expect(refused.status).toBe(403);
    expect((await p.mutate(chief, 'competitions.results.reveal', { eventId: event.eventId, stage: 'final' })).status).toBe(403);
    const mapping = await ok(p.mutate(arbiter, 'competitions.results.reveal', { eventId: event.eventId, stage: 'final' }));
    expect(mapping.find((m: any) => m.workNumber === wn('A'))).toEqual({ workNumber: wn('A'), contestantId: contestants[0]!.contestantId, name: '张建国', unitName: '张家港市机械工会' });
    const log = await ok(p.query(adminOf(T), 'audit.list', { action: 'competitions.results.reveal', limit: 10 }));
    const entries = log.items.filter((e: any) => e.entityId === `${event.eventId}#final`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: arbiter.sub, fields: ['workNumbers'] });
    const full = await ok(p.query(staff, 'competitions.results.get', { eventId: event.eventId, stage: 'final' }));
    expect(full.revealed).toBe(true);
    expect(full.lines[0]).toMatchObject({ workNumber: wn('A'), name: '张建国', unitName: '张家港市机械工会' });
    const masked = await ok(p.query(reporterOf(T, unitB), 'competitions.results.get', { eventId: event.eventId, stage: 'final' }));
    expect(masked.lines[0].name).toBe(maskName('张建国'));
    expect(masked.lines[0].name).not.toBe('张建国');
    expect(JSON.stringify(masked)).not.toContain('张建国');
  });

  it('the 人社 grade-raise list names the raised contestants with masked ID numbers, from → to grade, rank and 赛项', async () => {
    const file = await ok(p.mutate(staff, 'competitions.results.gradeRaises', { competitionId }));
    expect(file).toMatchObject({ rows: 2, fileName: expect.stringMatching(/^grade-raises-2026-.+\.xlsx$/) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as any);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('技能等级晋升名单');
    const rows = ws.getSheetValues().slice(2).map((r: any) => r.slice(1));
    expect(rows).toEqual([
      ['赵铁军', maskIdNumber(idNumberOf(4)), '张家港市冶金工会', '6-18-02-04', '中级工', '高级工', 4, '焊工'],
      ['钱海波', maskIdNumber(idNumberOf(5)), '张家港市机械工会', '6-18-02-04', '中级工', '高级工', 5, '焊工'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(idNumberOf(4));
  });
});

describe('a stage that is not the last: advancement', () => {
  it('finalising the preliminary moves the contestants within the places on, everyone tied at the cut too, and hands nobody over', async () => {
    p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
    const { competitionId: other } = await createCompetition(p, T);
    const event = await createEvent(p, T, other, [{ kind: 'preliminary', startsAt: '2026-06-01T00:00:00.000Z', advancement: { kind: 'topN', n: 2 } }, { kind: 'final', startsAt: '2026-06-10T00:00:00.000Z' }], panel, '电工');
    const { contestants } = await stageWithScores(event, 'preliminary', 1);
    p.clock.set(T0);
    await ok(p.mutate(staff, 'competitions.results.publish', { eventId: event.eventId, stage: 'preliminary' }));
    p.clock.set(after(WINDOW + 1));
    const view = await ok(p.mutate(staff, 'competitions.results.finalize', { eventId: event.eventId, stage: 'preliminary' }));
    expect(view.prizes).toEqual([]);
    const list = await new CompetitionStore(p.runtime.deps.table).contestants(T, event.eventId);
    const stageOf = (name: string) => list.find((c) => c.name === name)!.stage;
    expect(['张建国', '李卫东', '王志强'].map(stageOf)).toEqual(['final', 'final', 'final']);
    expect(['赵铁军', '钱海波'].map(stageOf)).toEqual(['preliminary', 'preliminary']);
    expect(contestants).toHaveLength(5);
    await p.settle();
    expect(published.filter((e) => e['detail-type'] === 'competitions.results.finalized' && e.detail.data.eventId === event.eventId)).toEqual([]);
    expect(published.filter((e) => e['detail-type'] === 'competitions.results.published' && e.detail.data.eventId === event.eventId).map((e) => (e.detail.data as any).revision)).toEqual([1]);
  });
});

describe('prizes against the budget', () => {
  it('publishing final results whose prizes exceed the competition’s prize budget is 409 naming both sums', async () => {
    p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
    const prizes = { kind: 'byRank' as const, table: [{ fromRank: 1, toRank: 3, label: { zh: '获奖', en: 'Prize' }, amountFen: 1_000_00 }] };
    const { competitionId: tight } = await createCompetition(p, T, { prizeBudgetFen: 2_500_00, overrides: { prizes } });
    const event = await createEvent(p, T, tight, [{ kind: 'final', startsAt: '2026-06-01T00:00:00.000Z' }], panel, '钣金工');
    await stageWithScores(event, 'final', 21);
    p.clock.set(T0);
    const res = await p.mutate(staff, 'competitions.results.publish', { eventId: event.eventId, stage: 'final' });
    expect(res.status).toBe(409);
    expect(res.error?.message).toBe('奖金合计 ¥3,000.00 超出预算 ¥2,500.00');
    expect((res.error?.data as any).details).toMatchObject({ reason: 'over_budget', totalFen: 3_000_00, budgetFen: 2_500_00 });
    expect(await itemOf(event, 'final')).toBeUndefined();
  });
});
