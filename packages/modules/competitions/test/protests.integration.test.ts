import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { correctScore, createCompetition, createEvent, draw, enterScores, marks, panelUsers, register } from './results-fixtures.js';

let p: TestPlatform;
const T = '320582';
let unitA: string;
let unitB: string;
type Contestant = { contestantId: string; name: string; unitId: string };
let event: { eventId: string; tenantId: string };
let contestants: Contestant[];
let numbers: Map<string, string>;

const staff = staffOf(T);
let arbiter: Claims;
let judge: Claims;
let judges: Claims[];

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}
const reason = (res: { error?: { data: unknown } }) => (res.error?.data as { details?: { reason?: string } }).details?.reason;

const T0 = new Date('2026-06-01T02:00:00.000Z');
const WINDOW_MS = 120 * 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const stage = () => ({ eventId: event.eventId, stage: 'final' as const });
const protest = (c: Contestant, grounds = '实操评分与现场情况不符，请求复核') => ({ ...stage(), contestantId: c.contestantId, grounds });

beforeAll(async () => {
  p = await startTestPlatform();
  vi.useFakeTimers({ toFake: ['Date'] });
  p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
  await createTenant(p, T, T);
  unitA = (await createUnit(p, T, { type: 'regional', uscc: undefined, name: '常熟市纺织工会' })).unitId;
  unitB = (await createUnit(p, T, { type: 'regional', uscc: undefined, name: '常熟市电力工会' })).unitId;
  const panel = await panelUsers(p, T, '常熟');
  ({ arbiter, judges } = panel);
  judge = judges[1]!;
  const { competitionId } = await createCompetition(p, T);
  event = await createEvent(p, T, competitionId, [{ kind: 'final', startsAt: '2026-06-01T00:00:00.000Z' }], panel, '电工');
  contestants = await register(p, event, [{ name: '孙立新', unitId: unitA, seq: 31 }, { name: '周国平', unitId: unitB, seq: 32 }, { name: '吴晓东', unitId: unitB, seq: 33 }]);
  numbers = await draw(p, event, 'final');
  const wn = (i: number) => numbers.get(contestants[i]!.contestantId)!;
  await enterScores(p, event, 'final', [...marks(wn(0), judges, 8000, 8000), ...marks(wn(1), judges, 8500, 8000), ...marks(wn(2), judges, 7000, 7000)]);
  p.clock.set(T0);
  await ok(p.mutate(staff, 'competitions.results.publish', stage()));
});
afterAll(async () => {
  vi.useRealTimers();
  await p?.dispose();
});

describe('protests on the platform clock, decided by the 监督仲裁组, upheld ones corrected and published again', () => {
  let filed: { protestId: string };

  it('a unit reporter protests only for their own unit’s contestant', async () => {
    const other = await p.mutate(reporterOf(T, unitA), 'competitions.protests.file', protest(contestants[1]!));
    expect(other.status).toBe(403);
    expect(reason(other)).toBe('not_own_unit');
  });

  it('a protest at the window’s last instant is taken; 1 ms later it is refused', async () => {
    p.clock.set(at(WINDOW_MS));
    filed = await ok(p.mutate(reporterOf(T, unitA), 'competitions.protests.file', protest(contestants[0]!)));
    expect(filed).toMatchObject({ status: 'open', filedAt: at(WINDOW_MS).toISOString(), workNumber: numbers.get(contestants[0]!.contestantId), unitName: '常熟市纺织工会' });
    p.clock.set(at(WINDOW_MS + 1));
    const late = await p.mutate(reporterOf(T, unitB), 'competitions.protests.file', protest(contestants[1]!));
    expect(late.status).toBe(409);
    expect(reason(late)).toBe('protest_window_closed');
  });

  it('finalising with a protest open is 409; only the 监督仲裁组 decides', async () => {
    const open = await p.mutate(staff, 'competitions.results.finalize', stage());
    expect(open.status).toBe(409);
    expect(reason(open)).toBe('protest_open');
    for (const who of [staff, adminOf(T), judge]) {
      const res = await p.mutate(who, 'competitions.protests.decide', { eventId: event.eventId, protestId: filed.protestId, outcome: 'dismissed', ruling: '评分无误' });
      expect(res.status).toBe(403);
      expect(reason(res)).toBe('not_on_panel');
    }
  });

  it('the list: staff see the contestant and unit, a judge on the panel the work number only, a unit its own protests (name masked), another unit none', async () => {
    const forStaff = await ok(p.query(staff, 'competitions.protests.list', { eventId: event.eventId }));
    expect(forStaff).toEqual([expect.objectContaining({ protestId: filed.protestId, contestantName: '孙立新', unitName: '常熟市纺织工会', status: 'open' })]);
    const forPanel = await ok(p.query(judge, 'competitions.protests.list', { eventId: event.eventId }));
    expect(forPanel[0]).toMatchObject({ protestId: filed.protestId, workNumber: numbers.get(contestants[0]!.contestantId) });
    expect(JSON.stringify(forPanel)).not.toMatch(/孙立新|常熟市纺织工会/);
    expect(await ok(p.query(reporterOf(T, unitA), 'competitions.protests.list', { eventId: event.eventId }))).toEqual([expect.objectContaining({ protestId: filed.protestId, contestantName: '孙**', unitName: '常熟市纺织工会', status: 'open', ruling: null })]);
    expect(await ok(p.query(reporterOf(T, unitB), 'competitions.protests.list', { eventId: event.eventId }))).toEqual([]);
  });

  it('upheld: finalising is 409 until corrected results are published again, which needs a reason and opens a new window', async () => {
    const wn = numbers.get(contestants[0]!.contestantId)!;
    const early = await correctScore(p, judges[0]!, event, 'final', wn, 'p1', 9000);
    expect(early.status, 'no correction while the results stand').toBe(409);
    expect(reason(early)).toBe('results_published');
    const decided = await ok(p.mutate(arbiter, 'competitions.protests.decide', { eventId: event.eventId, protestId: filed.protestId, outcome: 'upheld', ruling: '复核确认实操评分录入有误' }));
    expect(decided).toMatchObject({ status: 'upheld', ruling: '复核确认实操评分录入有误' });
    // The unit that protested reads the ruling.
    expect(await ok(p.query(reporterOf(T, unitA), 'competitions.protests.list', { eventId: event.eventId }))).toEqual([expect.objectContaining({ protestId: filed.protestId, status: 'upheld', ruling: '复核确认实操评分录入有误' })]);
    const twice = await p.mutate(arbiter, 'competitions.protests.decide', { eventId: event.eventId, protestId: filed.protestId, outcome: 'dismissed', ruling: '改判' });
    expect(twice.status).toBe(409);
    const blocked = await p.mutate(staff, 'competitions.results.finalize', stage());
    expect(blocked.status).toBe(409);
    expect(reason(blocked)).toBe('protest_upheld_unrevised');

    for (const j of judges) {
      const corrected = await correctScore(p, j, event, 'final', wn, 'p1', 9000);
      expect(corrected.status, 'the judges correct their entries while the upheld protest awaits the republish').toBe(200);
      expect(corrected.data.accepted).toHaveLength(1);
    }
    p.clock.set(at(WINDOW_MS + 60_000));
    const noReason = await p.mutate(staff, 'competitions.results.publish', stage());
    expect(noReason.status).toBe(400);
    const republished = await ok(p.mutate(staff, 'competitions.results.publish', { ...stage(), reason: '申诉成立，更正实操成绩' }));
    expect(republished.revisions.map((r: any) => r.reason)).toEqual(['首次公布', '申诉成立，更正实操成绩']);
    expect(republished.publishedAt).toBe(at(WINDOW_MS + 60_000).toISOString());
    expect(republished.protestWindowEndsAt).toBe(at(2 * WINDOW_MS + 60_000).toISOString());
    expect(republished.lines[0]).toMatchObject({ workNumber: wn, rank: 1, totalHundredths: 8700 });
    expect(republished.protests).toEqual({ open: 0, upheld: 1, dismissed: 0 });

    expect(reason(await p.mutate(staff, 'competitions.results.finalize', stage()))).toBe('protest_window_open');
    p.clock.set(at(2 * WINDOW_MS + 60_001));
    const final = await ok(p.mutate(staff, 'competitions.results.finalize', stage()));
    expect(final.status).toBe('final');
  });

  it('after final results a decision and a protest are 409', async () => {
    const res = await p.mutate(arbiter, 'competitions.protests.decide', { eventId: event.eventId, protestId: filed.protestId, outcome: 'dismissed', ruling: '改判' });
    expect(res.status).toBe(409);
    const late = await p.mutate(staff, 'competitions.protests.file', protest(contestants[2]!));
    expect(reason(late)).toBe('results_final');
  });
});
