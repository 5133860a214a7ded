import { UnitOfWork } from '@ufp/db/unit-of-work';
import type { TestPlatform } from '@ufp/testing/platform';
import type { StageKind } from '../src/domain/enums.js';
import { fromPack, provinceClass1Pack } from '../src/domain/rule-pack.js';
import type { Scheme } from '../src/domain/scheme.js';
import type { CompetitionItem, ContestantItem, EventItem, PanelJudge, ResultsItem } from '../src/items.js';
import { CompetitionStore } from '../src/store.js';

/**
 * TEST FIXTURE, not the product path: writes a competition, a 赛项 with a locked scheme and a panel, and registered
 * contestants straight through CompetitionStore, for the judging tests to run before structure and registration
 * (competitions.competitions.create, events.saveScheme/lockScheme/setPanel, contestants.register) are on main.
 */

export interface FixtureEvent {
  competitionId: string;
  eventId: string;
  /** Contestant name → id. */
  contestants: Record<string, string>;
}

const uowFor = (p: TestPlatform, tenantId: string) =>
  new UnitOfWork(p.runtime.deps.table, { scope: { kind: 'tenant', tenantId, divisionCode: tenantId, actor: { sub: 'fixture', roles: ['federation_admin'] } }, correlationId: 'fixture', now: p.clock.now() });

/** One practical part of 100 marks: a judgement aspect (40), a marks aspect (40) and a measurement aspect (20, 5.00 mm ± 0.05). */
export const fixtureScheme = (competitionId: string, eventId: string, startsAt: string, lockedAt: string): Scheme => ({
  schemeId: `scheme-${eventId}`,
  competitionId,
  eventId,
  startsAt,
  lockedAt,
  parts: [
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
  ],
});

export async function seedJudgingEvent(
  p: TestPlatform,
  tenantId: string,
  opts: { judges: PanelJudge[]; arbiters?: { userId: string; name: string }[]; contestants: { name: string; unitId: string }[]; stage?: StageKind },
): Promise<FixtureEvent> {
  const now = p.clock.now();
  const iso = now.toISOString();
  const stage = opts.stage ?? 'final';
  const competitionId = `cmp-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const eventId = `evt-${competitionId}`;
  const stamp = { createdAt: iso, updatedAt: iso, createdBy: 'fixture' };
  const competition: CompetitionItem = {
    competitionId,
    tenantId,
    name: { zh: '测试职工技能大赛', en: 'Test skills competition' },
    class: 'city',
    year: now.getUTCFullYear(),
    rules: fromPack(provinceClass1Pack),
    version: 1,
    coOrganisers: [],
    publishNames: false,
    ...stamp,
  };
  const startsAt = new Date(now.getTime() - 3600_000).toISOString();
  const event: EventItem = {
    eventId,
    competitionId,
    tenantId,
    name: { zh: '焊工', en: 'Welding' },
    tradeCode: '6-18-02-04',
    stages: [{ kind: stage, startsAt }],
    registration: { opensAt: new Date(now.getTime() - 30 * 86400_000).toISOString(), closesAt: new Date(now.getTime() - 86400_000).toISOString(), trades: ['6-18-02-04'], ageLimits: [] },
    scheme: fixtureScheme(competitionId, eventId, startsAt, new Date(now.getTime() - 7200_000).toISOString()),
    panel: { judges: opts.judges, arbiters: opts.arbiters ?? [] },
    conflicts: [],
    version: 1,
    ...stamp,
  };
  const contestants: Record<string, string> = {};
  const items: ContestantItem[] = opts.contestants.map((c, i) => {
    const contestantId = `${eventId}-c${i + 1}`;
    contestants[c.name] = contestantId;
    return {
      contestantId,
      tenantId,
      competitionId,
      eventId,
      unitId: c.unitId,
      name: c.name,
      nameMasked: `${c.name.slice(0, 1)}*`,
      idCipher: 'fixture-cipher',
      idMasked: '3212**********001X',
      idIndex: `fixture-index-${contestantId}`,
      birthDate: '1990-01-01',
      gender: 'male',
      tradeCode: '6-18-02-04',
      skillGrade: 'grade3',
      member: true,
      status: 'registered',
      stage,
      version: 1,
      ...stamp,
    };
  });
  const store = new CompetitionStore(p.runtime.deps.table);
  const uow = uowFor(p, tenantId);
  store.addCompetition(uow, competition);
  store.addEvent(uow, event);
  for (const c of items) store.addContestant(uow, c);
  await uow.commit();
  return { competitionId, eventId, contestants };
}

/** Published (provisional) results for a stage, as the results area stores them: scores are refused after this. */
export async function seedPublishedResults(p: TestPlatform, tenantId: string, ev: FixtureEvent, stage: StageKind = 'final'): Promise<void> {
  const iso = p.clock.now().toISOString();
  const results: ResultsItem = {
    tenantId,
    competitionId: ev.competitionId,
    eventId: ev.eventId,
    stage,
    content: { competitionId: ev.competitionId, eventId: ev.eventId, stage, schemeId: `scheme-${ev.eventId}`, lines: [] },
    status: 'provisional',
    publishedAt: iso,
    protestWindowEndsAt: new Date(p.clock.now().getTime() + 7200_000).toISOString(),
    revisions: [{ at: iso, by: 'fixture', reason: '首次公布' }],
    version: 1,
  };
  const uow = uowFor(p, tenantId);
  new CompetitionStore(p.runtime.deps.table).addResults(uow, results);
  await uow.commit();
}
