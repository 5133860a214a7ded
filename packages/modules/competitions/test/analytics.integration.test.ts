import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminOf, createTenant, createUnit, leaderOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { CompetitionStore } from '../src/store.js';
import { createCompetition, createEvent, draw, enterScores, panelUsers, register, TRADE, type Mark, type PanelUsers } from './results-fixtures.js';

/**
 * 裁判宽严分析 from final results: a judge who marks low in two seasons, a panel that disagrees far more than the
 * province's others, and what each reader may see (staff their judges; leadership their scope's panels, no person).
 */
let p: TestPlatform;
const A = '320981';
const B = '321281';
const Z = '330106';
const WINDOW = 120 * 60_000;
const panels = new Map<string, PanelUsers>();
const units = new Map<string, string>();
const contestantNames = ['周立新', '吴海峰', '郑国强'];

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

/**
 * One 赛项 held to final results: three contestants, every mark given 80 by the first three judges and 80 + `lastJudge`
 * (hundredths of 100) by the fourth.
 */
async function held(tenantId: string, year: number, lastJudge: number): Promise<{ eventId: string }> {
  p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
  const panel = panels.get(tenantId)!;
  const { competitionId } = await createCompetition(p, tenantId, { year });
  const ev = await createEvent(p, tenantId, competitionId, [{ kind: 'final', startsAt: '2026-06-01T01:00:00.000Z' }], panel);
  const people = await register(p, ev, contestantNames.map((name, i) => ({ name, unitId: units.get(tenantId)!, seq: 10 + i })));
  const numbers = await draw(p, ev, 'final');
  const entries: Mark[] = people.flatMap((c, i) =>
    panel.judges.flatMap((judge, j) =>
      ['p1', 't1'].map((aspectCode) => ({ judge, workNumber: numbers.get(c.contestantId)!, aspectCode, value: 8000 - 100 * i + (j === 3 ? lastJudge : 0) })),
    ),
  );
  p.clock.set(new Date('2026-06-01T02:00:00.000Z'));
  await enterScores(p, ev, 'final', entries);
  await ok(p.mutate(staffOf(tenantId), 'competitions.results.publish', { eventId: ev.eventId, stage: 'final' }));
  p.clock.set(new Date(p.clock.now().getTime() + WINDOW + 1));
  await ok(p.mutate(staffOf(tenantId), 'competitions.results.finalize', { eventId: ev.eventId, stage: 'final' }));
  return ev;
}

let aHeld2026: { eventId: string };

beforeAll(async () => {
  p = await startTestPlatform();
  vi.useFakeTimers({ toFake: ['Date'] });
  p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
  for (const [t, name] of [[A, '东台市总工会'], [B, '兴化市总工会'], [Z, '西湖区总工会']] as const) {
    await createTenant(p, t, t, 'county', name);
    units.set(t, (await createUnit(p, t, { name: `${name}机械厂工会` })).unitId);
    panels.set(t, await panelUsers(p, t, t, 4));
  }
  // A: the fourth judge marks 8 below the others in 2025, 30 below in 2026 (flagged: beyond the 15% spread limit).
  await held(A, 2025, -800);
  aHeld2026 = await held(A, 2026, -3000);
  // B: four 2026 panels that agree within a mark or two; Z (another province) one wild panel.
  for (const d of [-100, -100, -200, 0]) await held(B, 2026, d);
  await held(Z, 2026, -5000);
}, 300_000);

afterAll(async () => {
  vi.useRealTimers();
  await p?.dispose();
});

describe("a federation's judges across events and seasons (staff)", () => {
  it('the judge who marks low is 偏严 in both seasons, the others 适中; tallies add up across the two 赛项', async () => {
    const view = await ok(p.query(staffOf(A), 'competitions.analytics.judges', {}));
    const judges = panels.get(A)!.judges;
    expect(view.years).toEqual([2025, 2026]);
    const low = view.judges.find((j: { judgeId: string }) => j.judgeId === judges[3]!.sub);
    // 6 marks a season; each of the fourth judge's marks sits 800 (then 3,000) bp below the median of the other three.
    expect(low).toMatchObject({ name: `${A}裁判4`, panels: 2, marks: 12, flagged: 6, meanDeviationBp: -1900, meanAbsDeviationBp: 1900, band: 'severe' });
    expect(low.byYear).toEqual([
      { year: 2025, panels: 1, marks: 6, flagged: 0, flaggedShareBp: 0, meanDeviationBp: -800, meanAbsDeviationBp: 800, band: 'severe' },
      { year: 2026, panels: 1, marks: 6, flagged: 6, flaggedShareBp: 10000, meanDeviationBp: -3000, meanAbsDeviationBp: 3000, band: 'severe' },
    ]);
    expect(low.stages.map((s: { year: number }) => s.year)).toEqual([2026, 2025]);
    for (const j of judges.slice(0, 3)) expect(view.judges.find((x: { judgeId: string }) => x.judgeId === j.sub)).toMatchObject({ marks: 12, meanDeviationBp: 0, band: 'balanced' });
    // Most severe first.
    expect(view.judges[0].judgeId).toBe(judges[3]!.sub);
  });

  it("the federation's 2026 panel is an outlier among the province's panels; its 2025 panel is not; another province is not compared", async () => {
    const view = await ok(p.query(staffOf(A), 'competitions.analytics.judges', {}));
    // Compared with the six panels of 江苏 (A's two, B's four; mean absolute deviations 0, 25, 25, 50, 200, 750: median 37.5,
    // MAD 25 floored to 100): 浙江's panel is not among them.
    expect(view.comparison).toMatchObject({ panels: 6, medianBp: 38, madBp: 100, minPanels: 5, outlierZHundredths: 350 });
    const [p2026, p2025] = view.panels;
    expect(p2026).toMatchObject({ eventId: aHeld2026.eventId, year: 2026, judges: 4, marks: 24, flagged: 6, meanAbsBp: 750, biasSpreadBp: 3000, outlier: true, zHundredths: 481 });
    expect(p2025).toMatchObject({ year: 2025, meanAbsBp: 200, outlier: false, zHundredths: 110 });
  });

  it('one season only: the range narrows the judges and the panels compared', async () => {
    const view = await ok(p.query(staffOf(A), 'competitions.analytics.judges', { fromYear: 2025, toYear: 2025 }));
    expect(view.years, 'the seasons to choose from stay all of them').toEqual([2025, 2026]);
    expect(view.panels).toHaveLength(1);
    expect(view.comparison.panels).toBe(1);
    expect(view.panels[0]).toMatchObject({ outlier: false, zHundredths: null });
  });

  it("another federation's staff see only their own judges", async () => {
    const view = await ok(p.query(staffOf(B), 'competitions.analytics.judges', {}));
    const ids = new Set(view.judges.map((j: { judgeId: string }) => j.judgeId));
    expect(ids).toEqual(new Set(panels.get(B)!.judges.map((j) => j.sub)));
    expect(JSON.stringify(view)).not.toContain(`${A}裁判`);
  });

  it('a first year after the last is refused in words, naming the field', async () => {
    const res = await p.query(staffOf(A), 'competitions.analytics.judges', { fromYear: 2026, toYear: 2025 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.error)).toContain('起始年份不能晚于截止年份');
    expect(JSON.stringify(res.error)).toContain('toYear');
  });
});

describe("the province's view (leadership): panels compared, winners by trade and level, no person", () => {
  it('江苏 sees its five 2026 panels, the outlier first and its federation named; 浙江 is not there', async () => {
    const view = await ok(p.query(leaderOf('32'), 'competitions.analytics.province', {}));
    expect(view).toMatchObject({ scope: '32', years: [2025, 2026], year: 2026 });
    expect(view.panels).toHaveLength(5);
    expect(view.panels[0]).toMatchObject({ tenantName: '东台市总工会', outlier: true, meanAbsBp: 750, competitionClass: 'provincial', tradeCode: TRADE, stage: 'final' });
    expect(view.panels.slice(1).every((x: { outlier: boolean; tenantName: string }) => !x.outlier && x.tenantName === '兴化市总工会')).toBe(true);
    expect(view.federations).toEqual([
      { tenantId: A, tenantName: '东台市总工会', panels: 1, outliers: 1, marks: 24, meanAbsBp: 750 },
      { tenantId: B, tenantName: '兴化市总工会', panels: 4, outliers: 0, marks: 96, meanAbsBp: 25 },
    ]);
  });

  it('the year held: 5 赛项 of the trade with 15 contestants, by trade and by level; the winners are those the rollup counts', async () => {
    const view = await ok(p.query(leaderOf('32'), 'competitions.analytics.province', { year: 2026 }));
    expect(view.byTrade).toHaveLength(1);
    expect(view.byTrade[0]).toMatchObject({ tradeCode: TRADE, events: 5, contestants: 15 });
    expect(view.byClass).toEqual([{ competitionClass: 'provincial', ...view.byTrade[0], tradeCode: undefined }].map(({ tradeCode: _, ...r }) => r));
    const store = new CompetitionStore(p.runtime.deps.table);
    const rows = (await store.stageRollups('32')).filter((r) => r.year === 2026);
    expect(view.byTrade[0].winners).toBe(rows.reduce((n, r) => n + r.winners, 0));
    expect(view.byTrade[0].winners).toBeGreaterThan(0);
  });

  it('carries no judge and no contestant: no user id, no name', async () => {
    const text = JSON.stringify(await ok(p.query(leaderOf('32'), 'competitions.analytics.province', {})));
    for (const t of [A, B]) for (const j of panels.get(t)!.judges) expect(text).not.toContain(j.sub);
    expect(text).not.toContain('裁判');
    for (const n of contestantNames) expect(text).not.toContain(n);
  });

  it('浙江 sees its own panel only (one panel: too few to call an outlier); a county admin sees their federation only', async () => {
    const zj = await ok(p.query(leaderOf('33'), 'competitions.analytics.province', {}));
    expect(zj.panels).toHaveLength(1);
    expect(zj.panels[0]).toMatchObject({ tenantName: '西湖区总工会', outlier: false, zHundredths: null });
    const own = await ok(p.query(adminOf(B), 'competitions.analytics.province', {}));
    expect(new Set(own.panels.map((x: { tenantName: string }) => x.tenantName))).toEqual(new Set(['兴化市总工会']));
    expect(own.federations).toHaveLength(1);
  });

  it('a finalised stage is recorded once: finalising again is refused and leaves one report and one row', async () => {
    const again = await p.mutate(staffOf(A), 'competitions.results.finalize', { eventId: aHeld2026.eventId, stage: 'final' });
    expect(again.status).toBe(409);
    const store = new CompetitionStore(p.runtime.deps.table);
    expect((await store.panelReports(A)).filter((r) => r.eventId === aHeld2026.eventId)).toHaveLength(1);
    expect((await store.stageRollups('32')).filter((r) => r.eventId === aHeld2026.eventId)).toHaveLength(1);
  });
});


