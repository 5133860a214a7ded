/**
 * Test set-up for the results area, through the real procedures: competitions.create, events.create/saveScheme/
 * lockScheme/setPanel (panel members are directory users), contestants.register, judging.drawWorkNumbers and
 * judging.submitScores. One thing is test-only and says so: `workNumbersOf` reads the sealed mapping straight from the
 * store so that assertions can name the work numbers.
 */
import { randomUUID } from 'node:crypto';
import type { Claims } from '@ufp/kit/auth';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createUnit, staffOf, type TestPlatform } from '@ufp/testing/platform';
import type { StageKind } from '../src/domain/enums.js';
import type { RuleSettingsInput } from '../src/domain/rule-pack.js';
import type { Stage } from '../src/domain/structure.js';
import { cipherField } from '../src/service/context.js';
import { CompetitionStore } from '../src/store.js';

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>, what: string): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`${what}: expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

export interface PanelUsers {
  /** The chief judge first, then the other judges. */
  judges: Claims[];
  chief: Claims;
  arbiter: Claims;
}

/** Judges (unit reporters of a unit of their own, so no contestant's unit recuses them) and one arbiter (staff). */
export async function panelUsers(p: TestPlatform, tenantId: string, tag: string, judges = 3): Promise<PanelUsers> {
  const unit = await createUnit(p, tenantId, { type: 'regional', uscc: undefined, name: `${tag}裁判员所在工会` });
  const user = async (name: string, roles: string[], unitId?: string): Promise<Claims> => {
    const u = await ok(p.mutate(adminOf(tenantId), 'users.create', { name, roles, ...(unitId ? { unitId } : {}) }), `users.create ${name}`);
    return { sub: u.userId, roles: roles as Claims['roles'], tenantId, ...(unitId ? { unitId } : {}) };
  };
  const list: Claims[] = [];
  for (let i = 0; i < judges; i++) list.push(await user(`${tag}裁判${i + 1}`, ['unit_reporter'], unit.unitId));
  return { judges: list, chief: list[0]!, arbiter: await user(`${tag}仲裁员`, ['federation_staff']) };
}

export async function createCompetition(p: TestPlatform, tenantId: string, opts: { overrides?: Partial<RuleSettingsInput>; prizeBudgetFen?: number; publishNames?: boolean; year?: number } = {}): Promise<{ competitionId: string }> {
  return ok(
    p.mutate(staffOf(tenantId), 'competitions.competitions.create', {
      name: `${opts.year ?? 2026}年全市职工职业技能大赛`,
      class: 'provincial',
      year: opts.year ?? 2026,
      packCode: 'province-class1',
      ...(opts.overrides ? { overrides: opts.overrides } : {}),
      ...(opts.prizeBudgetFen === undefined ? {} : { prizeBudgetFen: opts.prizeBudgetFen }),
      publishNames: opts.publishNames ?? false,
    }),
    'competitions.create',
  );
}

export const TRADE = '6-18-02-04';

/** Practical 70% and theory 30%, one directly-marked aspect each (hundredths of a mark): totals are easy to reason about. */
export const parts = [
  { code: 'P', kind: 'practical', name: { zh: '实操', en: 'Practical' }, weightBp: 7000, aspects: [{ code: 'p1', kind: 'marks', name: { zh: '实操作业', en: 'Practical task' }, maxHundredths: 10000 }] },
  { code: 'T', kind: 'theory', name: { zh: '理论', en: 'Theory' }, weightBp: 3000, aspects: [{ code: 't1', kind: 'marks', name: { zh: '理论考试', en: 'Theory paper' }, maxHundredths: 10000 }] },
];

/** A 赛项 with registration open in May, its scheme saved and locked, and its panel set (the clock must be before June). */
export async function createEvent(p: TestPlatform, tenantId: string, competitionId: string, stages: Stage[], panel: PanelUsers, name = '焊工', schemeParts: readonly unknown[] = parts): Promise<{ eventId: string; tenantId: string }> {
  const staff = staffOf(tenantId);
  const registration = { opensAt: '2026-05-01T00:00:00.000Z', closesAt: '2026-05-31T00:00:00.000Z', trades: [TRADE] };
  let ev = await ok(p.mutate(staff, 'competitions.events.create', { competitionId, name, nameEn: 'Welder', tradeCode: TRADE, stages, registration }), 'events.create');
  ev = await ok(p.mutate(staff, 'competitions.events.saveScheme', { eventId: ev.eventId, version: ev.version, startsAt: stages[0]!.startsAt, parts: schemeParts }), 'events.saveScheme');
  ev = await ok(p.mutate(staff, 'competitions.events.lockScheme', { eventId: ev.eventId, version: ev.version }), 'events.lockScheme');
  await ok(p.mutate(staff, 'competitions.events.setPanel', { eventId: ev.eventId, version: ev.version, judges: panel.judges.map((j) => ({ userId: j.sub, chief: j === panel.chief })), arbiters: [panel.arbiter.sub] }), 'events.setPanel');
  return { eventId: ev.eventId, tenantId };
}

export interface ContestantSpec {
  name: string;
  unitId: string;
  seq: number;
  skillGrade?: string;
}

export const idNumberOf = (seq: number) => demoIdNumber('321281', '19900101', seq);

/** Registered by staff for their units (the ID number's 17th digit gives the gender). */
export async function register(p: TestPlatform, ev: { eventId: string; tenantId: string }, specs: ContestantSpec[]): Promise<{ contestantId: string; name: string; unitId: string }[]> {
  const out = [];
  for (const x of specs) {
    const idNumber = idNumberOf(x.seq);
    const gender = Number(idNumber[16]) % 2 ? 'male' : 'female';
    out.push(await ok(p.mutate(staffOf(ev.tenantId), 'competitions.contestants.register', { eventId: ev.eventId, unitId: x.unitId, name: x.name, idNumber, gender, tradeCode: TRADE, skillGrade: x.skillGrade ?? 'grade4', member: true }), `register ${x.name}`));
  }
  return out;
}

/** TEST INSPECTION: the drawn mapping (contestant → work number), read from the store so assertions can name numbers. */
export async function workNumbersOf(p: TestPlatform, ev: { eventId: string; tenantId: string }, stage: StageKind): Promise<Map<string, string>> {
  const item = await new CompetitionStore(p.runtime.deps.table).findWorkNumbers(ev.tenantId, ev.eventId, stage);
  const mapping = JSON.parse(await p.runtime.deps.cipher.decrypt(item!.sealedMapping, { tenantId: ev.tenantId, field: cipherField.workNumbers })) as { contestantId: string; workNumber: string }[];
  return new Map(mapping.map((m) => [m.contestantId, m.workNumber]));
}

/** judging.drawWorkNumbers as staff; answers contestant → work number. */
export async function draw(p: TestPlatform, ev: { eventId: string; tenantId: string }, stage: StageKind): Promise<Map<string, string>> {
  await ok(p.mutate(staffOf(ev.tenantId), 'competitions.judging.drawWorkNumbers', { eventId: ev.eventId, stage }), 'drawWorkNumbers');
  return workNumbersOf(p, ev, stage);
}

export interface Mark {
  judge: Claims;
  workNumber: string;
  aspectCode: string;
  value: number;
}

/** Every judge enters the same practical and theory marks (hundredths) for a work number. */
export const marks = (workNumber: string, judges: readonly Claims[], practical: number, theory: number): Mark[] =>
  judges.flatMap((judge) => [
    { judge, workNumber, aspectCode: 'p1', value: practical },
    { judge, workNumber, aspectCode: 't1', value: theory },
  ]);

/** Each judge syncs their entries through judging.submitScores. */
export async function enterScores(p: TestPlatform, ev: { eventId: string }, stage: StageKind, entries: readonly Mark[]): Promise<void> {
  const byJudge = new Map<string, Mark[]>();
  for (const m of entries) byJudge.set(m.judge.sub, [...(byJudge.get(m.judge.sub) ?? []), m]);
  for (const list of byJudge.values()) {
    const recordedAt = p.clock.now().toISOString();
    const res = await ok(
      p.mutate(list[0]!.judge, 'competitions.judging.submitScores', { eventId: ev.eventId, stage, entries: list.map((m) => ({ clientId: randomUUID(), workNumber: m.workNumber, aspectCode: m.aspectCode, value: m.value, recordedAt })) }),
      'submitScores',
    );
    if (res.accepted.length !== list.length) throw new Error(`submitScores: ${JSON.stringify(res)}`);
  }
}

/** A judge's correction of their own entry for a mark (`supersedes` the entry their sheet shows): the judging procedure's answer. */
export async function correctScore(p: TestPlatform, judge: Claims, ev: { eventId: string }, stage: StageKind, workNumber: string, aspectCode: string, value: number) {
  const sheet = await ok(p.query(judge, 'competitions.judging.sheet', { eventId: ev.eventId, stage }), 'sheet');
  const before = (sheet.mine as { workNumber: string; aspectCode: string; clientId: string }[]).find((m) => m.workNumber === workNumber && m.aspectCode === aspectCode)!;
  const entry = { clientId: randomUUID(), workNumber, aspectCode, value, recordedAt: p.clock.now().toISOString(), supersedes: before.clientId };
  return p.mutate(judge, 'competitions.judging.submitScores', { eventId: ev.eventId, stage, entries: [entry] });
}
