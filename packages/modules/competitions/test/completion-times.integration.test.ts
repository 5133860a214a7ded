import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { createTenant, createUnit, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { createCompetition, createEvent, draw, enterScores, marks, panelUsers, parts, register, type PanelUsers } from './results-fixtures.js';

/**
 * 完成用时: the chief judge (or staff) records each work's completion time within the practical time limit; equal totals
 * are then separated by the faster time, and the result page says so.
 */
let p: TestPlatform;
const T = '320981';
const staff = staffOf(T);
let panel: PanelUsers;
let ev: { eventId: string; tenantId: string };
let wn: (name: string) => string;
const stage = () => ({ eventId: ev.eventId, stage: 'final' as const });
/** 实操 limited to 2 h (two practical parts of 90 and 30 minutes would add; here one part of 120). */
const timed = parts.map((part) => (part.kind === 'practical' ? { ...part, timeLimitMinutes: 120 } : part));

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}
const details = (r: { error?: unknown }) => (r.error as { data?: { details?: Record<string, unknown> } }).data?.details ?? {};
const record = (who: Claims, entries: { workNumber: string; seconds: number }[]) => p.mutate(who, 'competitions.judging.recordTimes', { ...stage(), entries });
const times = async () => (await ok(p.query(staff, 'competitions.judging.panel', stage()))).progress.map((x: { workNumber: string; completionSeconds: number | null }) => [x.workNumber, x.completionSeconds]);
async function audits(): Promise<Record<string, unknown>[]> {
  const { table } = p.runtime.deps;
  const res = await table.doc.send(new ScanCommand({ TableName: table.name, FilterExpression: 'kind = :k AND #a = :a', ExpressionAttributeNames: { '#a': 'action' }, ExpressionAttributeValues: { ':k': 'audit', ':a': 'competitions.judging.recordTimes' }, ConsistentRead: true }));
  return res.Items ?? [];
}

beforeAll(async () => {
  p = await startTestPlatform();
  vi.useFakeTimers({ toFake: ['Date'] });
  p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
  await createTenant(p, T, T, 'county', '东台市总工会');
  const unit = (await createUnit(p, T, { name: '东台市机械工会' })).unitId;
  panel = await panelUsers(p, T, '计时', 3);
  const { competitionId } = await createCompetition(p, T);
  ev = await createEvent(p, T, competitionId, [{ kind: 'final', startsAt: '2026-06-01T01:00:00.000Z' }], panel, '焊工', timed);
  const people = await register(p, ev, [{ name: '钱立', unitId: unit, seq: 41 }, { name: '孙强', unitId: unit, seq: 42 }, { name: '李明', unitId: unit, seq: 43 }]);
  const numbers = await draw(p, ev, 'final');
  wn = (name: string) => numbers.get(people.find((c) => c.name === name)!.contestantId)!;
  p.clock.set(new Date('2026-06-01T02:00:00.000Z'));
  // 钱立 and 孙强 equal on everything the marks give; 李明 behind.
  await enterScores(p, ev, 'final', [...marks(wn('钱立'), panel.judges, 9000, 8000), ...marks(wn('孙强'), panel.judges, 9000, 8000), ...marks(wn('李明'), panel.judges, 8000, 7000)]);
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  await p?.dispose();
});

describe('完成用时', () => {
  it('a judge who is not the chief judge may not record times (403); nothing is stored', async () => {
    const res = await record(panel.judges[1]!, [{ workNumber: wn('钱立'), seconds: 5400 }]);
    expect(res.status).toBe(403);
    expect(details(res).reason).toBe('not_on_panel');
    expect(await times()).toEqual(expect.arrayContaining([[wn('钱立'), null]]));
  });

  it('one second beyond the 2-hour practical limit is refused naming the row and the limit; the whole call changes nothing', async () => {
    const res = await record(panel.chief, [{ workNumber: wn('李明'), seconds: 6000 }, { workNumber: wn('钱立'), seconds: 7201 }]);
    expect(res.status).toBe(400);
    expect(details(res)).toMatchObject({ field: 'entries.1.seconds', reason: 'over_time_limit', limitSeconds: 7200 });
    expect(JSON.stringify(res.error)).toContain('超过实操限时 2:00:00');
    expect((await times()).every(([, s]: [string, number | null]) => s === null)).toBe(true);
  });

  it('a number not drawn for the stage, or one given twice, is refused on its row', async () => {
    const unknown = await record(panel.chief, [{ workNumber: '99999999', seconds: 60 }]);
    expect(unknown.status).toBe(400);
    expect(details(unknown).field).toBe('entries.0.workNumber');
    const twice = await record(staff, [{ workNumber: wn('钱立'), seconds: 60 }, { workNumber: wn('钱立'), seconds: 61 }]);
    expect(twice.status).toBe(400);
    expect(details(twice).field).toBe('entries.1.workNumber');
  });

  it('the chief judge records at the limit exactly; staff correct one; the audit names the old time', async () => {
    const first = await ok(record(panel.chief, [{ workNumber: wn('钱立'), seconds: 7200 }, { workNumber: wn('孙强'), seconds: 5000 }, { workNumber: wn('李明'), seconds: 4000 }]));
    expect(first).toMatchObject({ limitSeconds: 7200, times: expect.arrayContaining([expect.objectContaining({ workNumber: wn('钱立'), seconds: 7200 })]) });
    await ok(record(staff, [{ workNumber: wn('钱立'), seconds: 5400 }]));
    expect(new Map(await times()).get(wn('钱立'))).toBe(5400);
    const view = await ok(p.query(panel.chief, 'competitions.judging.panel', stage()));
    expect(view).toMatchObject({ timeLimitSeconds: 7200, timesUsed: true, scoresOpen: true });
    const summaries = (await audits()).map((a) => String(a.summary));
    expect(summaries).toHaveLength(2);
    expect(summaries.some((s) => s.includes(`${wn('钱立')} 1:30:00（原 2:00:00）`))).toBe(true);
  });

  it('equal totals: the faster (孙强, 1:23:20) ranks first and the result says completion time decided', async () => {
    const view = await ok(p.mutate(staff, 'competitions.results.publish', stage()));
    const line = (n: string) => view.lines.find((l: { workNumber: string }) => l.workNumber === wn(n));
    expect([line('孙强').rank, line('钱立').rank, line('李明').rank]).toEqual([1, 2, 3]);
    expect(line('孙强')).toMatchObject({ completionSeconds: 5000, tie: { decidedBy: 'completionTime' } });
    expect(line('孙强').tie.explanation.zh).toContain('按完成用时（少者在前）：1:23:20（5000 秒）');
  });

  it('once the results are published, times are closed like scores (409 results_published)', async () => {
    const res = await record(panel.chief, [{ workNumber: wn('钱立'), seconds: 4000 }]);
    expect(res.status).toBe(409);
    expect(details(res).reason).toBe('results_published');
    expect(new Map(await times()).get(wn('钱立'))).toBe(5400);
    expect((await ok(p.query(panel.chief, 'competitions.judging.panel', stage()))).scoresOpen, 'the panel page shows the times closed').toBe(false);
  });
});
