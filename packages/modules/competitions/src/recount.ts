import { provinceOf } from '@ufp/core/rollups/scopes';
import type { Tenant } from '@ufp/core/tenancy/scope';
import type { ConsumerDeps, NotRecountable } from '@ufp/kit/module';
import { finalStage } from './domain/structure.js';
import type { StageRollupItem } from './items.js';
import { resultsFinalizedMetrics } from './metrics-deltas.js';
import { asContent, outcomesOf } from './service/results.js';
import { workNumberMapping } from './service/score-reading.js';
import { CompetitionStore } from './store.js';

/**
 * A year's figures from the finalised 赛项 of the tenant's competitions of that year (every delta carries the
 * competition's year): each last stage made final counts one event held with the winners and honours its final
 * results produced (as recorded for the province beside it) and the grade raises its ranks give under the rules.
 */
export function finalFigures(finals: readonly Pick<StageRollupItem, 'winners' | 'honoursRecommended'>[], gradeRaises: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of finals) {
    for (const [k, v] of Object.entries(resultsFinalizedMetrics({ winners: f.winners, honoursRecommended: f.honoursRecommended, gradeRaises: 0 }))) out[k] = (out[k] ?? 0) + v;
  }
  if (gradeRaises) out['competitions.gradeRaises'] = gradeRaises;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
}

/** Every 技能竞赛 indicator is recountable: registrations stay on file when withdrawn, final results never change. */
export const notRecountable: readonly NotRecountable[] = [];

export async function recount(deps: ConsumerDeps, tenant: Tenant, year: number): Promise<Record<string, number>> {
  const s = new CompetitionStore(deps.table);
  const competitions = (await s.competitions(tenant.id)).filter((c) => c.year === year);
  if (!competitions.length) return {};
  const ids = new Set(competitions.map((c) => c.competitionId));
  const byId = new Map(competitions.map((c) => [c.competitionId, c]));
  const events = (await s.events(tenant.id)).filter((e) => ids.has(e.competitionId));
  const rollups = (await s.stageRollups(provinceOf(tenant.divisionCode))).filter((r) => r.tenantId === tenant.id && r.year === year && r.lastStage);
  let contestants = 0;
  let gradeRaises = 0;
  const finals: Pick<StageRollupItem, 'winners' | 'honoursRecommended'>[] = [];
  for (const event of events) {
    const list = await s.contestants(tenant.id, event.eventId);
    contestants += list.length;
    const last = finalStage(event);
    const results = last && (await s.findResults(tenant.id, event.eventId, last.kind));
    if (!last || results?.status !== 'final') continue;
    const recorded = rollups.find((r) => r.eventId === event.eventId && r.stage === last.kind);
    finals.push(recorded ?? { winners: 0, honoursRecommended: 0 });
    const wn = await s.findWorkNumbers(tenant.id, event.eventId, last.kind);
    if (!wn) continue;
    const mapping = new Map((await workNumberMapping({ deps }, wn)).map((m) => [m.workNumber, m.contestantId]));
    const outcomes = outcomesOf({ event, competition: byId.get(event.competitionId)! }, asContent(results), mapping, new Map(list.map((c) => [c.contestantId, c])));
    gradeRaises += outcomes.filter((o) => o.skillGradeUp).length;
  }
  return { ...(contestants ? { 'competitions.contestants': contestants } : {}), ...finalFigures(finals, gradeRaises) };
}

export const recounting = { recount, notRecountable };
