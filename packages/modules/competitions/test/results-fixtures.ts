/**
 * TEST FIXTURE for the results area: writes a competition, its 赛项 (locked scheme and panel), contestants, a stage's
 * work numbers (the mapping sealed under `competitions.workNumbers`, JSON [{contestantId, workNumber}], as the judging
 * area seals it) and judges' scores straight through CompetitionStore in a UnitOfWork — standing in for the structure,
 * registration and judging procedures, which other branches build. Nothing here is an API path.
 */
import { newId } from '@ufp/core/ids';
import { maskIdNumber, maskName } from '@ufp/core/pii/mask';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { demoIdNumber } from '@ufp/kit/seed';
import type { TestPlatform } from '@ufp/testing/platform';
import type { StageKind } from '../src/domain/enums.js';
import { customise, provinceClass1Pack, type RuleSettingsInput } from '../src/domain/rule-pack.js';
import type { Scheme } from '../src/domain/scheme.js';
import type { Stage } from '../src/domain/structure.js';
import type { CompetitionItem, ContestantItem, EventItem, ScoreItem } from '../src/items.js';
import { cipherField } from '../src/service/context.js';
import { CompetitionStore } from '../src/store.js';

const stamp = (at: string) => ({ createdAt: at, updatedAt: at, createdBy: 'fixture' });

async function inUow(p: TestPlatform, tenantId: string, build: (uow: UnitOfWork, s: CompetitionStore) => void | Promise<void>) {
  const scope: TenantScope = { kind: 'tenant', tenantId, divisionCode: tenantId, actor: { sub: 'fixture', roles: ['federation_admin'] } };
  const uow = new UnitOfWork(p.runtime.deps.table, { scope, correlationId: newId(), now: p.clock.now() });
  await build(uow, new CompetitionStore(p.runtime.deps.table));
  await uow.commit();
}

const seal = (p: TestPlatform, tenantId: string, value: string, field: string) => p.runtime.deps.cipher.encrypt(value, { tenantId, field });

/** Practical 70% and theory 30%, one directly-marked aspect each (hundredths of a mark): totals are easy to reason about. */
export const scheme = (competitionId: string, eventId: string): Scheme => ({
  schemeId: `scheme-${eventId}`,
  competitionId,
  eventId,
  startsAt: '2026-06-01T00:00:00.000Z',
  lockedAt: '2026-05-01T00:00:00.000Z',
  parts: [
    { code: 'P', kind: 'practical', name: { zh: '实操', en: 'Practical' }, weightBp: 7000, aspects: [{ code: 'p1', kind: 'marks', name: { zh: '实操作业', en: 'Practical task' }, maxHundredths: 10000 }] },
    { code: 'T', kind: 'theory', name: { zh: '理论', en: 'Theory' }, weightBp: 3000, aspects: [{ code: 't1', kind: 'marks', name: { zh: '理论考试', en: 'Theory paper' }, maxHundredths: 10000 }] },
  ],
});

export async function seedCompetition(p: TestPlatform, tenantId: string, opts: { overrides?: Partial<RuleSettingsInput>; prizeBudgetFen?: number; publishNames?: boolean } = {}): Promise<CompetitionItem> {
  const at = p.clock.now().toISOString();
  const c: CompetitionItem = {
    competitionId: newId(),
    tenantId,
    name: { zh: '2026年全市职工职业技能大赛', en: '2026 city skills competition' },
    class: 'provincial',
    year: 2026,
    rules: customise(provinceClass1Pack, opts.overrides ?? {}),
    ...(opts.prizeBudgetFen === undefined ? {} : { prizeBudgetFen: opts.prizeBudgetFen }),
    coOrganisers: [],
    publishNames: opts.publishNames ?? false,
    version: 1,
    ...stamp(at),
  };
  await inUow(p, tenantId, (uow, s) => s.addCompetition(uow, c));
  return c;
}

export interface PanelSpec {
  judges: { userId: string; chief?: boolean; unitId?: string }[];
  arbiters: string[];
}

export async function seedEvent(p: TestPlatform, c: CompetitionItem, stages: Stage[], panel: PanelSpec, name = '焊工'): Promise<EventItem> {
  const at = p.clock.now().toISOString();
  const eventId = newId();
  const e: EventItem = {
    eventId,
    competitionId: c.competitionId,
    tenantId: c.tenantId,
    name: { zh: name, en: 'Welder' },
    tradeCode: '6-18-02-04',
    stages,
    registration: { opensAt: '2026-04-01T00:00:00.000Z', closesAt: '2026-04-30T00:00:00.000Z', trades: ['6-18-02-04'], ageLimits: [] },
    scheme: scheme(c.competitionId, eventId),
    panel: { judges: panel.judges.map((j) => ({ userId: j.userId, name: `裁判${j.userId}`, chief: j.chief ?? false, ...(j.unitId ? { unitId: j.unitId } : {}) })), arbiters: panel.arbiters.map((a) => ({ userId: a, name: `仲裁${a}` })) },
    conflicts: [],
    version: 1,
    ...stamp(at),
  };
  await inUow(p, c.tenantId, (uow, s) => s.addEvent(uow, e));
  return e;
}

export interface ContestantSpec {
  name: string;
  unitId: string;
  seq: number;
  skillGrade?: ContestantItem['skillGrade'];
}

export const idNumberOf = (seq: number) => demoIdNumber('321281', '19900101', seq);

export async function seedContestants(p: TestPlatform, e: EventItem, specs: ContestantSpec[], stage: StageKind): Promise<ContestantItem[]> {
  const at = p.clock.now().toISOString();
  const out: ContestantItem[] = [];
  for (const x of specs) {
    const idNumber = idNumberOf(x.seq);
    out.push({
      contestantId: newId(),
      tenantId: e.tenantId,
      competitionId: e.competitionId,
      eventId: e.eventId,
      unitId: x.unitId,
      name: x.name,
      nameMasked: maskName(x.name),
      idCipher: await seal(p, e.tenantId, idNumber, cipherField.idNumber),
      idMasked: maskIdNumber(idNumber),
      idIndex: `fixture-${e.eventId}-${x.seq}`,
      birthDate: '1990-01-01',
      gender: 'male',
      tradeCode: e.tradeCode,
      skillGrade: x.skillGrade ?? 'grade4',
      member: true,
      status: 'registered',
      stage,
      version: 1,
      ...stamp(at),
    });
  }
  await inUow(p, e.tenantId, (uow, s) => out.forEach((c) => s.addContestant(uow, c)));
  return out;
}

/** Draws work numbers for `contestantIds` (in order: 3001, 3008, 3015 …) and seals the mapping; returns contestant → number. */
export async function drawNumbers(p: TestPlatform, e: EventItem, stage: StageKind, contestantIds: string[], base = 3001): Promise<Map<string, string>> {
  const mapping = contestantIds.map((contestantId, i) => ({ contestantId, workNumber: String(base + i * 7) }));
  const sealedMapping = await seal(p, e.tenantId, JSON.stringify(mapping), cipherField.workNumbers);
  await inUow(p, e.tenantId, (uow, s) =>
    s.addWorkNumbers(uow, { tenantId: e.tenantId, eventId: e.eventId, stage, numbers: mapping.map((m) => m.workNumber).sort(), sealedMapping, drawnAt: p.clock.now().toISOString(), drawnBy: 'fixture' }),
  );
  return new Map(mapping.map((m) => [m.contestantId, m.workNumber]));
}

/** Every judge enters the same practical and theory marks (hundredths) for a work number. */
export const marks = (workNumber: string, judges: readonly string[], practical: number, theory: number) =>
  judges.flatMap((judgeId) => [
    { workNumber, aspectCode: 'p1', judgeId, value: practical },
    { workNumber, aspectCode: 't1', judgeId, value: theory },
  ]);

export async function enterScores(p: TestPlatform, e: EventItem, stage: StageKind, entries: { workNumber: string; aspectCode: string; judgeId: string; value: number }[]): Promise<void> {
  const at = p.clock.now().toISOString();
  for (let i = 0; i < entries.length; i += 90) {
    await inUow(p, e.tenantId, (uow, s) => {
      for (const x of entries.slice(i, i + 90)) {
        const score: ScoreItem = { tenantId: e.tenantId, eventId: e.eventId, stage, ...x, clientId: newId(), enteredAt: at, recordedAt: at, replacedClientIds: [], version: 1 };
        s.addScore(uow, score);
      }
    });
  }
}

/** A judge supersedes a stored score (what judging's submitScores with `supersedes` does). */
export async function correctScore(p: TestPlatform, e: EventItem, stage: StageKind, workNumber: string, aspectCode: string, judgeId: string, value: number): Promise<void> {
  const s = new CompetitionStore(p.runtime.deps.table);
  const before = (await s.scores(e.tenantId, e.eventId, stage)).find((x) => x.workNumber === workNumber && x.aspectCode === aspectCode && x.judgeId === judgeId)!;
  await inUow(p, e.tenantId, (uow) => s.saveScore(uow, { ...before, value, clientId: newId(), replacedClientIds: [...before.replacedClientIds, before.clientId], enteredAt: p.clock.now().toISOString(), version: before.version + 1 }, before.version));
}
