import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminOf, createTenant, createUnit, startTestPlatform, staffOf, type TestPlatform } from '@ufp/testing/platform';
import { createCompetition, createEvent, draw, enterScores, marks, panelUsers, register, type PanelUsers } from './results-fixtures.js';

/** 十件实事 targets "举办技能竞赛N场" and "参赛N人次" count the 技能竞赛 events; the rollups count them too. */
let p: TestPlatform;
const T = '320582';
const admin = adminOf(T);
const staff = staffOf(T);
let unitId: string;
let panel: PanelUsers;

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

beforeAll(async () => {
  p = await startTestPlatform();
  vi.useFakeTimers({ toFake: ['Date'] });
  p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T, { type: 'regional', uscc: undefined, name: '张家港市建筑工会' })).unitId;
  panel = await panelUsers(p, T, '十件实事');
}, 90_000);
afterAll(async () => {
  vi.useRealTimers();
  await p?.dispose();
});

describe('十件实事 linked to 技能竞赛', () => {
  it('a held 赛项 and its contestants move linked targets, once each, and the rollup counts them', async () => {
    const planId = (await ok(p.mutate(admin, 'tenThings.plans.create', { year: 2026, title: '2026年服务职工十件实事' }))).planId;
    const item = await ok(
      p.mutate(admin, 'tenThings.candidates.propose', {
        planId,
        title: '开展职工技能竞赛',
        category: 'skills',
        leadDept: '劳动和经济工作部',
        targets: [
          { indicator: '举办技能竞赛', unit: '场', comparator: 'gte', target: 5, link: { eventType: 'competitions.results.finalized', measure: 'count' } },
          { indicator: '职工参赛', unit: '人次', comparator: 'gte', target: 100, link: { eventType: 'competitions.contestant.registered', measure: 'count' } },
        ],
      }),
    );
    await ok(p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [{ candidateId: item.itemId, for: 3, against: 0, abstain: 0 }] }));
    await p.settle();

    const { competitionId } = await createCompetition(p, T, { overrides: { protestWindowMinutes: 0 } });
    const event = await createEvent(p, T, competitionId, [{ kind: 'final', startsAt: '2026-06-01T00:00:00.000Z' }], panel, '砌筑工');
    const contestants = await register(p, event, [
      { name: '周建华', unitId, seq: 41 },
      { name: '吴春梅', unitId, seq: 42 },
      { name: '郑海涛', unitId, seq: 43 },
    ]);
    const numbers = await draw(p, event, 'final');
    await enterScores(p, event, 'final', contestants.flatMap((c, i) => marks(numbers.get(c.contestantId)!, panel.judges, 9000 - i * 500, 8000)));
    await ok(p.mutate(staff, 'competitions.results.publish', { eventId: event.eventId, stage: 'final' }));
    p.clock.set(new Date('2026-05-20T02:00:01.000Z'));
    await ok(p.mutate(staff, 'competitions.results.finalize', { eventId: event.eventId, stage: 'final' }));
    await p.settle();

    const view = await ok(p.query(staff, 'tenThings.items.get', { itemId: item.itemId }));
    expect(view.item.achieved).toEqual([1, 3]);
    // Finalising again is refused, so the held 赛项 cannot be counted twice.
    expect((await p.mutate(staff, 'competitions.results.finalize', { eventId: event.eventId, stage: 'final' })).status).toBe(409);
    const row = (await ok(p.query(admin, 'rollups.overview', { year: 2026 }))).rows.find((r: { tenantId?: string }) => r.tenantId === T);
    expect(row.metrics).toMatchObject({ 'competitions.contestants': 3, 'competitions.eventsHeld': 1 });
  });
});
