import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { createTenant, createUnit, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { competitionKeys } from '../src/store.js';
import { createCompetition, createEvent, draw, enterScores, idNumberOf, marks, panelUsers, register, type PanelUsers } from './results-fixtures.js';

let p: TestPlatform;
const T = '320581';
let unitId: string;
const staff = staffOf(T);
let panel: PanelUsers;
let arbiter: Claims;
let judges: Claims[];
type Ev = { eventId: string; tenantId: string };
const names = ['郑明辉', '冯建华', '陈志远'];

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

const T0 = new Date('2026-06-01T02:00:00.000Z');

async function setup(competitionId: string, seq: number) {
  const event = await createEvent(p, T, competitionId, [{ kind: 'final', startsAt: '2026-06-01T00:00:00.000Z' }], panel, '钳工');
  const contestants = await register(p, event, names.map((name, i) => ({ name, unitId, seq: seq + i })));
  const numbers = await draw(p, event, 'final');
  return { event, contestants, wn: (i: number) => numbers.get(contestants[i]!.contestantId)! };
}

/** Publishes, lets the window pass, finalises and reveals. */
async function toFinal(event: Ev, from: Date) {
  p.clock.set(from);
  await ok(p.mutate(staff, 'competitions.results.publish', { eventId: event.eventId, stage: 'final' }));
  p.clock.set(new Date(from.getTime() + 120 * 60_000 + 1));
  return ok(p.mutate(staff, 'competitions.results.finalize', { eventId: event.eventId, stage: 'final' }));
}

beforeAll(async () => {
  p = await startTestPlatform();
  vi.useFakeTimers({ toFake: ['Date'] });
  p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T, { type: 'regional', uscc: undefined, name: '太仓市港口工会' })).unitId;
  panel = await panelUsers(p, T, '太仓');
  ({ arbiter, judges } = panel);
});
afterAll(async () => {
  vi.useRealTimers();
  await p?.dispose();
});

describe('the public scoreboard', () => {
  let event: Ev;
  let contestants: { contestantId: string }[];
  let wn: (i: number) => string;

  beforeAll(async () => {
    ({ event, contestants, wn } = await setup((await createCompetition(p, T)).competitionId, 41));
  });

  it('answers anyone, live from the scores: work numbers, running totals, marks entered of expected, no names or ID numbers', async () => {
    p.clock.set(T0);
    const empty = await ok(p.query(null, 'competitions.public.scoreboard', { tenantId: T, eventId: event.eventId }));
    expect(empty).toMatchObject({ eventName: { zh: '钳工' }, stage: 'final', status: 'live' });
    expect(empty.lines.map((l: any) => [l.label, l.rank, l.totalHundredths, l.marked, l.expected])).toEqual([wn(0), wn(1), wn(2)].sort().map((n) => [n, 1, 0, 0, 6]));

    await enterScores(p, event, 'final', [...marks(wn(0), judges, 8000, 9000), ...marks(wn(1), judges.slice(0, 2), 9000, 6000)]);
    const board = await ok(p.query(null, 'competitions.public.scoreboard', { tenantId: T, eventId: event.eventId }));
    expect(board.lines.map((l: any) => [l.label, l.rank, l.totalHundredths, l.marked, l.expected])).toEqual([
      [wn(0), 1, 8300, 6, 6],
      [wn(1), 2, 8100, 4, 6],
      [wn(2), 3, 0, 0, 6],
    ]);
    expect(board.updatedAt).toBe(T0.toISOString());
    const text = JSON.stringify(board);
    for (const secret of [...names, idNumberOf(41), '太仓市港口工会', contestants[0]!.contestantId]) expect(text).not.toContain(secret);
  });

  it('a 赛项 or federation that does not exist is 404', async () => {
    expect((await p.query(null, 'competitions.public.scoreboard', { tenantId: T, eventId: 'no-such-event' })).status).toBe(404);
    expect((await p.query(null, 'competitions.public.scoreboard', { tenantId: 'nosuchtenant', eventId: event.eventId })).status).toBe(404);
  });

  it('stays on work numbers after the 解密 when the organiser does not publish names', async () => {
    await enterScores(p, event, 'final', [...marks(wn(1), judges.slice(2), 9000, 6000), ...marks(wn(2), judges, 5000, 5000)]);
    await toFinal(event, new Date('2026-06-01T06:00:00.000Z'));
    await ok(p.mutate(arbiter, 'competitions.results.reveal', { eventId: event.eventId, stage: 'final' }));
    const board = await ok(p.query(null, 'competitions.public.scoreboard', { tenantId: T, eventId: event.eventId }));
    expect(board.status).toBe('final');
    expect(board.lines.map((l: any) => l.label)).toEqual([wn(0), wn(1), wn(2)]);
  });
});

describe('the public verification of final results', () => {
  it('is 404 before the results are final; then shows the hash, the ranking and that the stored content matches it', async () => {
    p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
    const { event, wn } = await setup((await createCompetition(p, T, { publishNames: true })).competitionId, 51);
    await enterScores(p, event, 'final', [...marks(wn(0), judges, 7000, 7000), ...marks(wn(1), judges, 9000, 9000), ...marks(wn(2), judges, 8000, 8000)]);
    expect((await p.query(null, 'competitions.public.verify', { tenantId: T, eventId: event.eventId })).status).toBe(404);
    const final = await toFinal(event, T0);

    const blind = await ok(p.query(null, 'competitions.public.verify', { tenantId: T, eventId: event.eventId }));
    expect(blind).toMatchObject({ hash: final.hash, verified: true, finalizedAt: final.finalizedAt, stage: 'final' });
    expect(blind.lines).toEqual([
      { rank: 1, label: wn(1), totalHundredths: 9000 },
      { rank: 2, label: wn(2), totalHundredths: 8000 },
      { rank: 3, label: wn(0), totalHundredths: 7000 },
    ]);

    // The organiser publishes names: they show once the 监督仲裁组 has revealed the numbers.
    await ok(p.mutate(arbiter, 'competitions.results.reveal', { eventId: event.eventId, stage: 'final' }));
    const named = await ok(p.query(null, 'competitions.public.verify', { tenantId: T, eventId: event.eventId }));
    expect(named.lines.map((l: any) => l.label)).toEqual(['冯建华', '陈志远', '郑明辉']);
    const board = await ok(p.query(null, 'competitions.public.scoreboard', { tenantId: T, eventId: event.eventId }));
    expect(board.lines.map((l: any) => l.label)).toEqual(['冯建华', '陈志远', '郑明辉']);
    expect(JSON.stringify([named, board])).not.toContain(idNumberOf(51));

    // Content changed behind the platform's back no longer matches its hash.
    const { table } = p.runtime.deps;
    await table.doc.send(
      new UpdateCommand({ TableName: table.name, Key: competitionKeys.results(T, event.eventId, 'final'), UpdateExpression: 'SET #c.#l[0].totalHundredths = :t', ExpressionAttributeNames: { '#c': 'content', '#l': 'lines' }, ExpressionAttributeValues: { ':t': 9999 } }),
    );
    const tampered = await ok(p.query(null, 'competitions.public.verify', { tenantId: T, eventId: event.eventId }));
    expect(tampered).toMatchObject({ hash: final.hash, verified: false });
  });
});
