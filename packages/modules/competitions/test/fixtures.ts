import { UnitOfWork } from '@ufp/db/unit-of-work';
import type { TestPlatform } from '@ufp/testing/platform';
import type { StageKind } from '../src/domain/enums.js';
import type { ResultsItem } from '../src/items.js';
import { CompetitionStore } from '../src/store.js';

/**
 * TEST FIXTURE, not the product path: a stage's published results written straight through CompetitionStore, so the
 * judging tests can show what is refused once results exist without marking a whole stage to completion first.
 */

export interface FixtureEvent {
  competitionId: string;
  eventId: string;
  /** Contestant name → id. */
  contestants: Record<string, string>;
}

const uowFor = (p: TestPlatform, tenantId: string) =>
  new UnitOfWork(p.runtime.deps.table, { scope: { kind: 'tenant', tenantId, divisionCode: tenantId, actor: { sub: 'fixture', roles: ['federation_admin'] } }, correlationId: 'fixture', now: p.clock.now() });

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
