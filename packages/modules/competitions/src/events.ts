import { z } from 'zod';
import { defineEvent, metricFields } from '@ufp/kit/event';
import { CompetitionClass, HonourLevel, SkillGrade, StageKind } from './domain/enums.js';

/**
 * Every event the 技能竞赛 module publishes. Data carries ids, codes, ranks and numbers; the one hand-over that needs the
 * person (results.finalized → 劳模 nomination drafts) carries them sealed under the tenant's key (cipher field
 * `competitions.results.handoff`), never in clear — as the 劳模 survey hands a household to 帮扶.
 */

/** A contestant registered (`competitions.contestants` +1 in the competition's year). */
export const contestantRegistered = defineEvent(
  'competitions.contestant.registered',
  z.object({ competitionId: z.string(), eventId: z.string(), contestantId: z.string(), tradeCode: z.string(), ...metricFields }),
);

/** A stage's provisional results were published (again after an upheld protest: `revision` > 1). */
export const resultsPublished = defineEvent(
  'competitions.results.published',
  z.object({ competitionId: z.string(), eventId: z.string(), stage: z.enum(StageKind.values), revision: z.number().int().min(1), protestWindowEndsAt: z.string(), ...metricFields }),
);

export const winnerSchema = z.object({
  contestantId: z.string(),
  rank: z.number().int().min(1),
  recommendations: z.array(z.object({ honourCode: z.string(), level: z.enum(HonourLevel.values) })),
  skillGradeUp: z.object({ from: z.enum(SkillGrade.values), to: z.enum(SkillGrade.values) }).optional(),
  /** JSON of { name, idNumber, gender, birthDate, unitId, phone? }, encrypted with the tenant's key. */
  sealedPerson: z.string(),
});
export type Winner = z.infer<typeof winnerSchema>;

/**
 * A 赛项's final-stage results became final and immutable. `winners` are the contestants an honour rule names (a
 * recommendation or a grade raise); 劳模 opens one pre-filled nomination draft per recommendation, exactly once.
 */
export const resultsFinalized = defineEvent(
  'competitions.results.finalized',
  z.object({
    competitionId: z.string(),
    eventId: z.string(),
    stage: z.enum(StageKind.values),
    competitionClass: z.enum(CompetitionClass.values),
    tradeCode: z.string(),
    /** The 赛项's name, for the draft's 事迹 line (a public fact, not personal data). */
    eventName: z.object({ zh: z.string(), en: z.string() }),
    competitionName: z.object({ zh: z.string(), en: z.string() }),
    resultsHash: z.string(),
    finalizedAt: z.string(),
    winners: z.array(winnerSchema),
    ...metricFields,
  }),
);

export const publishedEvents = [contestantRegistered, resultsPublished, resultsFinalized] as const;
