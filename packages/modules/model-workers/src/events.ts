import { z } from 'zod';
import { defineEvent, metricFields } from '@ufp/kit/event';
import { HonourLevel } from './domain/ladder.js';
import { BenefitKind, NominationStatus, PersonStatus } from './domain/enums.js';

/**
 * Every event the 劳模 module publishes. Data carries ids, codes, levels and numbers, never a name or
 * an ID number. The survey hand-over to hardship carries the household only sealed (ciphertext under
 * the tenant's key, context `modelWorkers.survey.handoff`), never in clear.
 */

const level = z.enum(HonourLevel.values);

export const personCreated = defineEvent('modelWorkers.person.created', z.object({ personId: z.string(), ...metricFields }));
export const personHonoured = defineEvent('modelWorkers.person.honoured', z.object({ personId: z.string(), honourId: z.string(), code: z.string(), level, ...metricFields, year: z.number().int() }));
export const honourRevoked = defineEvent('modelWorkers.honour.revoked', z.object({ personId: z.string(), honourId: z.string(), code: z.string(), level, revokedOn: z.string(), ...metricFields }));
export const personStatusChanged = defineEvent(
  'modelWorkers.person.statusChanged',
  z.object({ personId: z.string(), from: z.enum(PersonStatus.values), to: z.enum(PersonStatus.values), on: z.string(), ...metricFields }),
);
export const nominationApproved = defineEvent(
  'modelWorkers.nomination.approved',
  z.object({ campaignId: z.string(), nominationId: z.string(), personId: z.string(), code: z.string(), level, ...metricFields }),
);
/** A nomination's step other than the approval (基层推荐, 县审核, 退回, 撤回), with the campaign's honour level. */
export const nominationStepped = defineEvent(
  'modelWorkers.nomination.stepped',
  z.object({ campaignId: z.string(), nominationId: z.string(), status: z.enum(NominationStatus.values), level, ...metricFields }),
);
/** A campaign's first approval: its list's quota state recorded once (which rules held; counts only). */
export const campaignQuotaRecorded = defineEvent(
  'modelWorkers.campaign.quotaRecorded',
  z.object({ campaignId: z.string(), level, holds: z.boolean(), broken: z.array(z.string()), ...metricFields }),
);
/** A benefit granted (the grant's year in `year`); the person is not named. */
export const benefitGranted = defineEvent('modelWorkers.benefit.granted', z.object({ grantId: z.string(), kind: z.enum(BenefitKind.values), level, amountFen: z.number().int(), ...metricFields }));
/** 疗休养 places offered or taken (the batch's starting year in `year`). */
export const recuperationChanged = defineEvent('modelWorkers.recuperation.changed', z.object({ batchId: z.string(), ...metricFields }));
/**
 * A 生活状况调查 was submitted. `belowThreshold` is the survey's own reading against the tenant's hardship
 * line; the hardship module decides with its own classifier from the sealed household.
 */
export const surveySubmitted = defineEvent(
  'modelWorkers.survey.submitted',
  z.object({
    surveyId: z.string(),
    personId: z.string(),
    unitId: z.string(),
    year: z.number().int(),
    householdSize: z.number().int(),
    /** JSON of the person and household (name, ID number, incomes …), encrypted with the tenant's key. */
    sealedHousehold: z.string(),
    metrics: z.record(z.string(), z.number()).optional(),
  }),
);
/**
 * A 助企行 visit was logged: the numbers only (problems solved, workers trained 人次, 劳模工匠 sent), and `year`, the
 * visit's own year (a visit of December logged in January counts in December's year). 十件实事 targets sum these.
 */
export const visitLogged = defineEvent(
  'modelWorkers.visit.logged',
  z.object({
    visitId: z.string(),
    requestId: z.string(),
    problemsSolved: z.number().int(),
    peopleTrained: z.number().int(),
    workers: z.number().int(),
    closes: z.boolean(),
    ...metricFields,
  }),
);

/** A background 劳模台账 import's next step is due (the check, or the next batch of writes): see service/registry-job.ts. */
export const registryImportStepQueued = defineEvent('modelWorkers.registry.queued', z.object({ jobId: z.string(), step: z.number().int().min(1) }));

export const publishedEvents = [
  personCreated,
  personHonoured,
  honourRevoked,
  personStatusChanged,
  nominationApproved,
  nominationStepped,
  campaignQuotaRecorded,
  benefitGranted,
  recuperationChanged,
  surveySubmitted,
  visitLogged,
  registryImportStepQueued,
] as const;

/** The delta the hardship hand-over puts on its own event when a survey's household is below the line (declared here). */
export { surveyBelowThresholdMetrics } from './metrics-deltas.js';
