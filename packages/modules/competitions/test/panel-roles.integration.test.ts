import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { adminOf, createTenant, createUnit, startTestPlatform, type ApiResult, type TestPlatform } from '@ufp/testing/platform';
import { CompetitionStore } from '../src/store.js';
import { createCompetition, createEvent, draw, enterScores, marks, register, type PanelUsers } from './results-fixtures.js';

/**
 * The panel-role matrix of 技能竞赛: judge, chief judge and 监督仲裁组 are the 赛项's `panel`, checked by the service
 * (test/access.ts covers the platform roles). One 赛项 is taken through its life — marking, publication, protests, final
 * results, the 解密 — and at each step every procedure with a panel check is called as every caller below: an allowed
 * cell must succeed, a refused one must answer its code and reason and change nothing. Cells of a mutation run refused
 * first, so the state an allowed call needs is still there when it runs. A missing 赛项 is 404 before any panel check.
 */

const T = '320585';
let p: TestPlatform;
let store: CompetitionStore;

type Who = 'judge' | 'chief' | 'arbiter' | 'staff' | 'reporter' | 'outsider' | 'otherChief' | 'otherArbiter';
const WHO: Record<Who, string> = {
  judge: 'a judge who is not chief',
  chief: 'the chief judge',
  arbiter: 'a 监督仲裁组 member (not staff)',
  staff: 'the organiser’s staff',
  reporter: 'the unit reporter of a contestant’s unit',
  outsider: 'a tenant user on no panel',
  otherChief: 'the chief judge of another 赛项',
  otherArbiter: 'a 监督仲裁组 member of another 赛项',
};
const everyone = Object.keys(WHO) as Who[];
const as = {} as Record<Who, Claims>;

type Refusal = { status: number; reason: string | undefined; why: string };
type Cell = 'ok' | Refusal;
const ok = 'ok' as const;
const notOnPanel: Refusal = { status: 403, reason: 'not_on_panel', why: '403 not_on_panel' };
const notOwnUnit: Refusal = { status: 403, reason: 'not_own_unit', why: '403 not_own_unit' };
/** The router's platform-role tier refuses before the service: no reason given. */
const staffOnly: Refusal = { status: 403, reason: undefined, why: '403, a staff-only procedure' };
const missing: Refusal = { status: 404, reason: undefined, why: '404' };

/** Cells by role: `allow` ok, everyone else `otherwise`. */
const only = (allow: readonly Who[], otherwise: Refusal = notOnPanel): Record<Who, Cell> => Object.fromEntries(everyone.map((w) => [w, allow.includes(w) ? ok : otherwise])) as Record<Who, Cell>;

interface Row {
  path: string;
  kind: 'query' | 'mutation';
  /** What the call does, after "can" / "cannot". */
  does: string;
  cells: Record<Who, Cell>;
  input: (who: Who) => unknown;
  /** Checks on an allowed answer. */
  answer?: (data: any, who: Who) => void | Promise<void>;
  /** What a refused mutation must leave unchanged (read before and after). */
  state?: () => Promise<unknown>;
}

async function data<R = any>(res: Promise<ApiResult<R>>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}
const reasonOf = (res: ApiResult<unknown>) => (res.error?.data as { details?: { reason?: string } } | undefined)?.details?.reason;

/** One `it` per cell: refused cells first (they change nothing), then the allowed ones. */
function matrix(row: Row): void {
  const order = [...everyone.filter((w) => row.cells[w] !== ok), ...everyone.filter((w) => row.cells[w] === ok)];
  for (const who of order) {
    const cell = row.cells[who];
    const title = cell === ok ? `${WHO[who]} can ${row.does}` : `${WHO[who]} cannot ${row.does} (${cell.why})`;
    it(title, async () => {
      const before = cell !== ok && row.state ? await row.state() : undefined;
      const res = await p.call(as[who], row.path, await row.input(who), row.kind);
      if (cell === ok) {
        expect(res.status, JSON.stringify(res.error)).toBe(200);
        await row.answer?.(res.data, who);
        return;
      }
      expect(res.status, JSON.stringify(res.error)).toBe(cell.status);
      expect(reasonOf(res)).toBe(cell.reason);
      if (row.state) expect(await row.state(), 'a refused call changes nothing').toEqual(before);
    });
  }
}

let unitA: string;
let unitB: string;
let unitC: string;
let unitJ: string;
type Contestant = { contestantId: string; name: string; unitId: string };
let event: { eventId: string; tenantId: string };
let other: { eventId: string; tenantId: string };
let contestants: Contestant[];
let numbers: Map<string, string>;
const STAGE = 'final' as const;
const T0 = new Date('2026-06-01T02:00:00.000Z');
const WINDOW_MS = 120 * 60_000;
const stage = () => ({ eventId: event.eventId, stage: STAGE });
const wn = (i: number) => numbers.get(contestants[i]!.contestantId)!;
let judge3: Claims;
let otherJudge: Claims;

beforeAll(async () => {
  p = await startTestPlatform();
  store = new CompetitionStore(p.runtime.deps.table);
  vi.useFakeTimers({ toFake: ['Date'] });
  p.clock.set(new Date('2026-05-20T02:00:00.000Z'));
  await createTenant(p, T, T);
  const unit = async (name: string) => (await createUnit(p, T, { type: 'regional', uscc: undefined, name })).unitId as string;
  [unitA, unitB, unitC, unitJ] = [await unit('张家港市冶金工会'), await unit('张家港市化工工会'), await unit('张家港市商贸工会'), await unit('张家港市裁判员工会')];
  const user = async (name: string, role: 'unit_reporter' | 'federation_staff', unitId?: string): Promise<Claims> => {
    const u = await data(p.mutate(adminOf(T), 'users.create', { name, roles: [role], ...(unitId ? { unitId } : {}) }));
    return { sub: u.userId, roles: [role], tenantId: T, ...(unitId ? { unitId } : {}) };
  };
  // Judges and arbiters are unit reporters of the judges' own unit (no contestant's): only the panel gives them a say.
  as.chief = await user('裁判长甲', 'unit_reporter', unitJ);
  as.judge = await user('裁判乙', 'unit_reporter', unitJ);
  judge3 = await user('裁判丙', 'unit_reporter', unitJ);
  as.arbiter = await user('仲裁员丁', 'unit_reporter', unitJ);
  as.staff = await user('组委会干事', 'federation_staff');
  as.reporter = await user('冶金工会填报员', 'unit_reporter', unitA);
  as.outsider = await user('商贸工会填报员', 'unit_reporter', unitC);
  as.otherChief = await user('电工裁判长', 'unit_reporter', unitJ);
  otherJudge = await user('电工裁判', 'unit_reporter', unitJ);
  as.otherArbiter = await user('电工仲裁员', 'unit_reporter', unitJ);

  const { competitionId } = await createCompetition(p, T);
  const stages = [{ kind: STAGE, startsAt: '2026-06-01T00:00:00.000Z' }];
  const panel: PanelUsers = { judges: [as.chief, as.judge, judge3], chief: as.chief, arbiter: as.arbiter };
  event = await createEvent(p, T, competitionId, stages, panel, '焊工');
  other = await createEvent(p, T, competitionId, stages, { judges: [as.otherChief, otherJudge], chief: as.otherChief, arbiter: as.otherArbiter }, '电工');
  contestants = await register(p, event, [
    { name: '钱志刚', unitId: unitA, seq: 51 },
    { name: '冯建华', unitId: unitB, seq: 52 },
    { name: '陈海燕', unitId: unitB, seq: 53 },
  ]);
  const [otherOne] = await register(p, other, [{ name: '褚明亮', unitId: unitA, seq: 54 }]);
  p.clock.set(T0);
  numbers = await draw(p, event, STAGE);
  const otherNumbers = await draw(p, other, STAGE);
  // The other 赛项 is marked in full: the organiser's staff publish it (their cell of the publish row).
  await enterScores(p, other, STAGE, marks(otherNumbers.get(otherOne!.contestantId)!, [as.otherChief, otherJudge], 8000, 7000));
});
afterAll(async () => {
  vi.useRealTimers();
  await p?.dispose();
});

const eventVersion = async () => (await store.event(T, event.eventId)).version;
const scoreCount = async () => (await store.scores(T, event.eventId, STAGE)).length;
const openConflicts = async () => (await store.scoreConflicts(T, event.eventId, STAGE)).filter((c) => !c.resolvedAt).map((c) => c.clientId).sort();
const results = async () => {
  const r = await p.query(as.staff, 'competitions.results.get', stage());
  return r.status === 200 ? { status: r.data.status, revealed: r.data.revealed, version: r.data.version } : r.status;
};
const protests = async () => (await data(p.query(as.staff, 'competitions.protests.list', { eventId: event.eventId }))).map((x: any) => [x.protestId, x.status]);

describe('before marking: who sees what of the 赛项', () => {
  const myRoles: Record<Who, string[]> = { judge: ['judge'], chief: ['judge', 'chief'], arbiter: ['arbiter'], staff: [], reporter: [], outsider: [], otherChief: [], otherArbiter: [] };
  describe('competitions.events.get → myPanelRoles', () => {
    matrix({
      path: 'competitions.events.get',
      kind: 'query',
      does: `read the 赛项 with their panel roles on it`,
      cells: only(everyone),
      input: () => ({ eventId: event.eventId }),
      answer: (view, who) => expect(view.myPanelRoles).toEqual(myRoles[who]),
    });
  });

  describe('competitions.judging.mine', () => {
    const mine: Record<Who, [string, string[]][]> = {
      judge: [['焊工', ['judge']]],
      chief: [['焊工', ['judge', 'chief']]],
      arbiter: [['焊工', ['arbiter']]],
      staff: [],
      reporter: [],
      outsider: [],
      otherChief: [['电工', ['judge', 'chief']]],
      otherArbiter: [['电工', ['arbiter']]],
    };
    matrix({
      path: 'competitions.judging.mine',
      kind: 'query',
      does: 'list the 赛项 where they hold a panel role (theirs only)',
      cells: only(everyone),
      input: () => undefined,
      answer: (list, who) => expect(list.map((e: any) => [e.eventName.zh ?? e.eventName, e.roles])).toEqual(mine[who]),
    });
  });

  describe('competitions.judging.conflictList', () => {
    matrix({
      path: 'competitions.judging.conflictList',
      kind: 'query',
      does: 'list the contestants to declare conflicts of interest',
      cells: only(['judge', 'chief']),
      input: () => ({ eventId: event.eventId }),
      answer: (list) => {
        expect(list.map((c: any) => c.name).sort()).toEqual(contestants.map((c) => c.name).sort());
        expect(JSON.stringify(list)).not.toMatch(/idNumber|idMasked/);
      },
    });
  });

  describe('competitions.judging.sheet', () => {
    matrix({
      path: 'competitions.judging.sheet',
      kind: 'query',
      does: 'open a marking sheet',
      cells: only(['judge', 'chief']),
      input: () => stage(),
      answer: (sheet) => expect(sheet.workNumbers).toEqual([...numbers.values()].sort()),
    });
  });

  describe('competitions.judging.panel', () => {
    matrix({
      path: 'competitions.judging.panel',
      kind: 'query',
      does: 'see the marking progress and outliers',
      cells: only(['chief', 'staff']),
      input: () => stage(),
      answer: (view) => expect(view.progress.map((x: any) => x.workNumber).sort()).toEqual([...numbers.values()].sort()),
    });
  });
});

describe('marking', () => {
  describe('competitions.judging.declareConflict', () => {
    // The judge declares a conflict with 陈海燕, the chief judge with 冯建华: each still has work to mark, every work a judge.
    const declares: Partial<Record<Who, number>> = { judge: 2, chief: 1 };
    matrix({
      path: 'competitions.judging.declareConflict',
      kind: 'mutation',
      does: 'declare a conflict of interest with a contestant',
      cells: only(['judge', 'chief']),
      input: (who) => ({ eventId: event.eventId, contestantId: contestants[declares[who] ?? 0]!.contestantId, reason: 'relative' }),
      state: eventVersion,
      answer: async (answer, who) => {
        expect(answer).toMatchObject({ declared: true, contestantId: contestants[declares[who]!]!.contestantId });
        const list = await data(p.query(as[who], 'competitions.judging.conflictList', { eventId: event.eventId }));
        expect(list.filter((c: any) => c.declared).map((c: any) => c.name)).toEqual([contestants[declares[who]!]!.name]);
      },
    });
  });

  it('the chief judge of another 赛项 cannot declare a conflict with this 赛项’s contestant through their own 赛项 (404)', async () => {
    const before = await eventVersion();
    const res = await p.mutate(as.otherChief, 'competitions.judging.declareConflict', { eventId: other.eventId, contestantId: contestants[0]!.contestantId, reason: 'relative' });
    expect(res.status).toBe(404);
    expect(await eventVersion()).toBe(before);
    expect((await store.event(T, other.eventId)).conflicts).toEqual([]);
  });

  describe('competitions.judging.submitScores', () => {
    /** A judge's marks for every work they may mark (their sheet); a caller off the panel sends one mark for the first work. */
    const entries = async (who: Who) => {
      const own = who === 'judge' || who === 'chief' ? (await data(p.query(as[who], 'competitions.judging.sheet', stage()))).workNumbers : [wn(0)];
      const recordedAt = p.clock.now().toISOString();
      return own.flatMap((n: string) => [
        { clientId: randomUUID(), workNumber: n, aspectCode: 'p1', value: 8000, recordedAt },
        { clientId: randomUUID(), workNumber: n, aspectCode: 't1', value: 7000, recordedAt },
      ]);
    };
    matrix({
      path: 'competitions.judging.submitScores',
      kind: 'mutation',
      does: 'enter scores',
      cells: only(['judge', 'chief']),
      input: async (who) => ({ ...stage(), entries: await entries(who) }),
      state: scoreCount,
      answer: (answer) => {
        // Two works each (one declared conflict): both aspects of both, all accepted.
        expect(answer.accepted).toHaveLength(4);
        expect(answer.refused).toEqual([]);
      },
    });
  });

  describe('competitions.judging.resolveConflict', () => {
    const conflictOf: Partial<Record<Who, { workNumber: string; clientId: string }>> = {};
    beforeAll(async () => {
      // The judge and the chief judge each send a second entry for a mark of theirs from another tablet: kept apart, open.
      for (const who of ['judge', 'chief'] as const) {
        const clientId = randomUUID();
        const res = await data(p.mutate(as[who], 'competitions.judging.submitScores', { ...stage(), entries: [{ clientId, workNumber: wn(0), aspectCode: 'p1', value: 6000, recordedAt: p.clock.now().toISOString() }] }));
        expect(res.conflicts).toHaveLength(1);
        conflictOf[who] = { workNumber: wn(0), clientId };
      }
    });
    matrix({
      path: 'competitions.judging.resolveConflict',
      kind: 'mutation',
      does: 'settle a score conflict',
      cells: only(['judge', 'chief']),
      // Off the panel, the call names the judge's open conflict.
      input: (who) => {
        const c = conflictOf[who] ?? conflictOf.judge!;
        return { ...stage(), workNumber: c.workNumber, aspectCode: 'p1', keepClientId: c.clientId };
      },
      state: openConflicts,
      answer: async (answer, who) => {
        expect(answer).toMatchObject({ kept: 'conflicting', value: 6000, resolved: 1 });
        expect(await openConflicts()).not.toContain(conflictOf[who]!.clientId);
      },
    });
  });
});

describe('completion times', () => {
  const recorded = async () => (await data(p.query(as.staff, 'competitions.judging.panel', stage()))).progress.map((x: any) => [x.workNumber, x.completionSeconds]);
  matrix({
    path: 'competitions.judging.recordTimes',
    kind: 'mutation',
    does: 'record completion times',
    cells: only(['chief', 'staff']),
    // The chief judge and staff each record a time of their own; the refused calls would record another.
    input: (who) => ({ ...stage(), entries: [{ workNumber: wn(0), seconds: who === 'staff' ? 3000 : who === 'chief' ? 3100 : 3200 }] }),
    state: recorded,
    answer: (view, who) => expect(view.times).toEqual([expect.objectContaining({ workNumber: wn(0), seconds: who === 'staff' ? 3000 : 3100 })]),
  });
});

describe('publication', () => {
  beforeAll(async () => {
    // The third judge marks the works left: marking is complete, nothing stands in the way of publishing but the caller.
    await enterScores(p, event, STAGE, [...marks(wn(0), [judge3], 8000, 7000), ...marks(wn(1), [judge3], 8500, 7000), ...marks(wn(2), [judge3], 7000, 6000)]);
    const progress = await data(p.query(as.staff, 'competitions.judging.panel', stage()));
    expect(progress.progress.every((x: any) => x.entered === x.expected)).toBe(true);
    expect(progress.conflicts).toBe(0);
  });
  matrix({
    path: 'competitions.results.publish',
    kind: 'mutation',
    does: 'publish the provisional results',
    cells: only(['chief', 'staff']),
    // The organiser's staff publish the other 赛项 (marked in full too): one first publication per stage.
    input: (who) => (who === 'staff' ? { eventId: other.eventId, stage: STAGE } : stage()),
    state: results,
    answer: (view, who) => {
      expect(view).toMatchObject({ eventId: who === 'staff' ? other.eventId : event.eventId, status: 'provisional', revealed: false });
      expect(view.lines.every((l: any) => l.name === undefined)).toBe(true);
    },
  });
});

describe('protests in the window', () => {
  describe('competitions.protests.file', () => {
    matrix({
      path: 'competitions.protests.file',
      kind: 'mutation',
      does: 'file a protest for a contestant of the 冶金 unit',
      cells: only(['staff', 'reporter'], notOwnUnit),
      input: () => ({ ...stage(), contestantId: contestants[0]!.contestantId, grounds: '实操评分与现场情况不符，请求复核' }),
      state: protests,
      answer: (view) => expect(view).toMatchObject({ status: 'open', contestantId: contestants[0]!.contestantId, workNumber: wn(0) }),
    });
  });

  describe('competitions.protests.list', () => {
    matrix({
      path: 'competitions.protests.list',
      kind: 'query',
      does: 'list the 赛项’s protests',
      cells: only(everyone),
      input: () => ({ eventId: event.eventId }),
      answer: (list, who) => {
        // A reporter on no panel sees their own unit's protests only: the contestant's unit both, other units none.
        if (['outsider', 'otherChief', 'otherArbiter'].includes(who)) return expect(list).toEqual([]);
        expect(list).toHaveLength(2);
        expect(list.every((x: any) => x.workNumber === wn(0))).toBe(true);
        // Staff see who protests; the unit sees its contestant masked and the ruling; the panel marks blind: work numbers only.
        if (who === 'staff') expect(list.every((x: any) => x.contestantName === '钱志刚' && x.unitName === '张家港市冶金工会')).toBe(true);
        else if (who === 'reporter') expect(list.every((x: any) => x.contestantName === '钱**' && x.unitName === '张家港市冶金工会' && 'ruling' in x)).toBe(true);
        else expect(JSON.stringify(list)).not.toMatch(/钱|冶金/);
      },
    });
  });

  describe('competitions.protests.decide', () => {
    let protestIds: string[];
    beforeAll(async () => {
      protestIds = (await data(p.query(as.staff, 'competitions.protests.list', { eventId: event.eventId }))).map((x: any) => x.protestId);
    });
    matrix({
      path: 'competitions.protests.decide',
      kind: 'mutation',
      does: 'rule on a protest',
      cells: only(['arbiter']),
      input: () => ({ eventId: event.eventId, protestId: protestIds[0], outcome: 'dismissed', ruling: '复核评分无误' }),
      state: protests,
      answer: (view) => expect(view).toMatchObject({ protestId: protestIds[0], status: 'dismissed', ruling: '复核评分无误' }),
    });
  });


  it('a 监督仲裁组 member of another 赛项 cannot rule on this 赛项’s protest through their own 赛项 (404)', async () => {
    const before = await protests();
    const open = before.find(([, status]: string[]) => status === 'open')!;
    const res = await p.mutate(as.otherArbiter, 'competitions.protests.decide', { eventId: other.eventId, protestId: open[0], outcome: 'upheld', ruling: '越权裁决' });
    expect(res.status).toBe(404);
    expect(await protests()).toEqual(before);
  });
});

describe('final results and the 解密', () => {
  describe('competitions.results.finalize', () => {
    beforeAll(async () => {
      const open = (await data(p.query(as.staff, 'competitions.protests.list', { eventId: event.eventId }))).filter((x: any) => x.status === 'open');
      for (const x of open) await data(p.mutate(as.arbiter, 'competitions.protests.decide', { eventId: event.eventId, protestId: x.protestId, outcome: 'dismissed', ruling: '复核评分无误' }));
      p.clock.set(new Date(T0.getTime() + WINDOW_MS + 1));
    });
    matrix({
      path: 'competitions.results.finalize',
      kind: 'mutation',
      does: 'make the results final',
      cells: only(['staff'], staffOnly),
      input: () => stage(),
      state: results,
      answer: (view) => expect(view).toMatchObject({ status: 'final', revealed: false }),
    });
  });

  describe('competitions.results.reveal', () => {
    matrix({
      path: 'competitions.results.reveal',
      kind: 'mutation',
      does: 'reveal who is behind each work number (解密)',
      cells: only(['arbiter']),
      input: () => stage(),
      state: results,
      answer: async (list) => {
        expect(list.map((x: any) => [x.workNumber, x.name])).toEqual(contestants.map((c, i) => [wn(i), c.name]).sort(([a], [b]) => a!.localeCompare(b!)));
        expect(await results()).toMatchObject({ status: 'final', revealed: true });
      },
    });
  });
});

describe('a missing 赛项 is 404 for every caller, before any panel check', () => {
  const none = { eventId: 'no-such-event', stage: STAGE };
  const calls: [string, 'query' | 'mutation', unknown, Refusal?][] = [
    ['competitions.events.get', 'query', { eventId: none.eventId }],
    ['competitions.judging.conflictList', 'query', { eventId: none.eventId }],
    ['competitions.judging.sheet', 'query', none],
    ['competitions.judging.panel', 'query', none],
    ['competitions.judging.declareConflict', 'mutation', { eventId: none.eventId, contestantId: 'no-such-contestant', reason: 'relative' }],
    ['competitions.judging.submitScores', 'mutation', { ...none, entries: [{ clientId: randomUUID(), workNumber: '1234', aspectCode: 'p1', value: 10, recordedAt: T0.toISOString() }] }],
    ['competitions.judging.resolveConflict', 'mutation', { ...none, workNumber: '1234', aspectCode: 'p1', keepClientId: randomUUID() }],
    ['competitions.judging.recordTimes', 'mutation', { ...none, entries: [{ workNumber: '1234', seconds: 60 }] }],
    ['competitions.results.publish', 'mutation', none],
    ['competitions.results.finalize', 'mutation', none, staffOnly],
    ['competitions.results.reveal', 'mutation', none],
    ['competitions.protests.file', 'mutation', { ...none, contestantId: 'no-such-contestant', grounds: '实操评分与现场情况不符' }],
    ['competitions.protests.list', 'query', { eventId: none.eventId }],
    ['competitions.protests.decide', 'mutation', { eventId: none.eventId, protestId: 'no-such-protest', outcome: 'dismissed', ruling: '裁决' }],
  ];
  for (const [path, kind, input, otherwise] of calls) {
    describe(path, () => {
      // Only the staff-only finalize refuses other roles first, at the router's platform-role tier.
      const cells = otherwise ? { ...only(['staff'], otherwise), staff: missing } : only([], missing);
      matrix({ path, kind, does: `call ${path.replace('competitions.', '')} on a missing 赛项`, cells, input: () => input });
    });
  }
});
