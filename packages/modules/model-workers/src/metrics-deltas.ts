import type { BenefitKind } from './domain/benefits.js';
import type { HonourLevel } from './domain/ladder.js';
import type { NominationStatus } from './domain/nomination.js';
import type { QuotaState } from './domain/quota.js';

/**
 * The rollup deltas the 劳模 services put on their events (declared in metrics-campaigns.ts and metrics-services.ts).
 * Counts and fen only: no person, name or unit ever reaches a rollup. Each delta rides on exactly one event, and the
 * rollup projector applies an event once however often it is delivered.
 */

/** A nomination reached `status` (基层推荐, 县审核, 审批, 退回, 撤回): in all and by the campaign's honour level (flow). */
export const nominationStepMetrics = (status: NominationStatus, level: HonourLevel): Record<string, number> => ({ [`modelWorkers.nominations.${status}`]: 1, [`modelWorkers.nominations.${status}.${level}`]: 1 });

/** A benefit granted: one grant and its amount, in all and by kind (flow, in the grant's year). */
export const benefitGrantMetrics = (kind: BenefitKind, amountFen: number): Record<string, number> => ({
  'modelWorkers.benefits.grants': 1,
  [`modelWorkers.benefits.grants.${kind}`]: 1,
  'modelWorkers.benefits.amountFen': amountFen,
  [`modelWorkers.benefits.amountFen.${kind}`]: amountFen,
});

/** A survey submitted for the first time (a correction is the same survey: no delta), in the survey's year. */
export const surveySubmittedMetrics = (first: boolean): Record<string, number> => (first ? { 'modelWorkers.surveys.submitted': 1 } : {});

/** A survey household the hardship hand-over found below the hardship line (once per survey, in the survey's year). */
export const surveyBelowThresholdMetrics = (): Record<string, number> => ({ 'modelWorkers.surveys.belowThreshold': 1 });

/** 疗休养: places offered by a new batch, and places taken (+) or given back (−), in the year the batch starts. */
export const recuperationMetrics = (change: { capacity?: number; used?: number }): Record<string, number> => ({
  ...(change.capacity ? { 'modelWorkers.recuperation.places': change.capacity } : {}),
  ...(change.used ? { 'modelWorkers.recuperation.placesUsed': change.used } : {}),
});

/**
 * A campaign's quota compliance, recorded once, when its first nominee is approved (the list as it went through
 * 公示 and into approval): one campaign checked, held or not in all, and each rule the campaign applies held or
 * broken; the places likewise.
 */
export function quotaComplianceMetrics(state: Pick<QuotaState, 'holds' | 'placesHold'> & { rules: readonly Pick<QuotaState['rules'][number], 'rule' | 'holds'>[] }): Record<string, number> {
  const out: Record<string, number> = { 'modelWorkers.quota.campaigns': 1, [`modelWorkers.quota.places.${state.placesHold ? 'held' : 'broken'}`]: 1 };
  if (state.holds) out['modelWorkers.quota.campaignsHeld'] = 1;
  for (const r of state.rules) out[`modelWorkers.quota.${r.holds ? 'held' : 'broken'}.${r.rule}`] = 1;
  return out;
}
