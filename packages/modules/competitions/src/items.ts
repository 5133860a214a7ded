import { z } from 'zod';
import { CompetitionClass, Gender, SkillGrade, StageKind } from './domain/enums.js';
import { ProtestStatus, ResultsStatus } from './domain/protest.js';
import { registrationRulesSchema } from './domain/registration.js';
import { schemeSchema } from './domain/scheme.js';
import { competitionSchema, eventSchema } from './domain/structure.js';
import { ConflictReason } from './domain/work-numbers.js';

/**
 * What the 技能竞赛 module stores: the domain's shapes plus what the service keeps around them (who, when, version).
 * Personal data (ID number, phone) only as ciphertext, a mask and a blind index.
 */

const bilingual = z.object({ zh: z.string(), en: z.string() });
const stamp = { createdAt: z.string(), updatedAt: z.string(), createdBy: z.string() };

export const competitionItemSchema = competitionSchema.extend({
  /** 主办: the organising federation is the tenant; 承办/协办 units and bodies by name. */
  coOrganisers: z.array(z.string()).default([]),
  /** Whether the public scoreboard and results show names or work numbers only (organiser's choice). */
  publishNames: z.boolean().default(false),
  ...stamp,
});
export type CompetitionItem = z.infer<typeof competitionItemSchema>;

export const panelJudgeSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** The judge's own unit (a judge is kept from contestants of it without declaring). */
  unitId: z.string().optional(),
  chief: z.boolean().default(false),
});
export type PanelJudge = z.infer<typeof panelJudgeSchema>;

export const panelSchema = z.object({
  judges: z.array(panelJudgeSchema).default([]),
  /** 监督仲裁组: decides protests and alone may reveal the work-number mapping (after final results). */
  arbiters: z.array(z.object({ userId: z.string(), name: z.string() })).default([]),
});
export type Panel = z.infer<typeof panelSchema>;

export const declaredConflictSchema = z.object({ judgeId: z.string(), contestantId: z.string(), reason: z.enum(ConflictReason.values), declaredAt: z.string() });

/** A 赛项 with its registration rules, its marking scheme (locked before it starts) and its judging panel. */
export const eventItemSchema = eventSchema.extend({
  tenantId: z.string(),
  registration: registrationRulesSchema,
  scheme: schemeSchema.optional(),
  panel: panelSchema.default({ judges: [], arbiters: [] }),
  conflicts: z.array(declaredConflictSchema).default([]),
  /** Planned contestants for the prize outlay check (prizes by share). */
  ...stamp,
});
export type EventItem = z.infer<typeof eventItemSchema>;

export const ContestantStatus = { values: ['registered', 'withdrawn'] as const };

export const contestantItemSchema = z.object({
  contestantId: z.string(),
  tenantId: z.string(),
  competitionId: z.string(),
  eventId: z.string(),
  unitId: z.string(),
  name: z.string(),
  nameMasked: z.string(),
  idCipher: z.string(),
  idMasked: z.string(),
  /** Blind index of the ID number, per 赛项 (one registration per person and 赛项). */
  idIndex: z.string(),
  birthDate: z.string(),
  gender: z.enum(Gender.values),
  tradeCode: z.string(),
  skillGrade: z.enum(SkillGrade.values),
  member: z.boolean(),
  phoneCipher: z.string().optional(),
  phoneMasked: z.string().optional(),
  status: z.enum(ContestantStatus.values),
  /** The last stage the contestant is in (advancement moves it on). */
  stage: z.enum(StageKind.values),
  version: z.number().int(),
  ...stamp,
});
export type ContestantItem = z.infer<typeof contestantItemSchema>;

/** One stage's blind numbers: the mapping sealed (cipher field `competitions.workNumbers`), the numbers in the clear. */
export const workNumbersItemSchema = z.object({
  tenantId: z.string(),
  eventId: z.string(),
  stage: z.enum(StageKind.values),
  numbers: z.array(z.string()),
  sealedMapping: z.string(),
  drawnAt: z.string(),
  drawnBy: z.string(),
  /** Set when the 监督仲裁组 reveals the mapping (after final results). */
  revealedAt: z.string().optional(),
  revealedBy: z.string().optional(),
});
export type WorkNumbersItem = z.infer<typeof workNumbersItemSchema>;

/** One judge's score of one aspect of one work number, as entered (offline entries carry the tablet's client id). */
export const scoreItemSchema = z.object({
  tenantId: z.string(),
  eventId: z.string(),
  stage: z.enum(StageKind.values),
  workNumber: z.string(),
  aspectCode: z.string(),
  judgeId: z.string(),
  /** 0–3, hundredths of a mark, or the measured value (measurement aspects: entered by one judge). */
  value: z.number().int(),
  clientId: z.string(),
  enteredAt: z.string(),
  /** When it was written on the device (offline entries are older than their sync). */
  recordedAt: z.string(),
  version: z.number().int(),
  /** Client ids this entry replaced (a supersede or a resolved conflict): a re-sent old entry is then a duplicate, not a new conflict. */
  replacedClientIds: z.array(z.string()).default([]),
});
export type ScoreItem = z.infer<typeof scoreItemSchema>;

/** A second entry for a mark that already has one under another client id: kept, never merged, until the judge picks. */
export const scoreConflictItemSchema = scoreItemSchema.omit({ version: true, replacedClientIds: true }).extend({ existingClientId: z.string(), existingValue: z.number().int(), resolvedAt: z.string().optional() });
export type ScoreConflictItem = z.infer<typeof scoreConflictItemSchema>;

export const resultLineSchema = z.object({
  contestantId: z.string(),
  rank: z.number().int(),
  totalUnits: z.number().int(),
  totalHundredths: z.number().int(),
  parts: z.array(z.object({ code: z.string(), hundredths: z.number().int() })),
  completionSeconds: z.number().int().optional(),
  tie: z.unknown().optional(),
});

/** One stage's results: the ranked lines (on work numbers), their state, and the hash once final. */
export const resultsItemSchema = z.object({
  tenantId: z.string(),
  competitionId: z.string(),
  eventId: z.string(),
  stage: z.enum(StageKind.values),
  content: z.object({ competitionId: z.string(), eventId: z.string(), stage: z.enum(StageKind.values), schemeId: z.string(), lines: z.array(z.record(z.string(), z.unknown())) }),
  status: z.enum(ResultsStatus.values),
  publishedAt: z.string(),
  protestWindowEndsAt: z.string(),
  finalizedAt: z.string().optional(),
  hash: z.string().optional(),
  /** Each publication (the first and every revision after an upheld protest), with its reason. */
  revisions: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string() })).default([]),
  version: z.number().int(),
});
export type ResultsItem = z.infer<typeof resultsItemSchema>;

export const protestItemSchema = z.object({
  protestId: z.string(),
  tenantId: z.string(),
  eventId: z.string(),
  stage: z.enum(StageKind.values),
  contestantId: z.string(),
  unitId: z.string(),
  grounds: z.string(),
  filedAt: z.string(),
  filedBy: z.string(),
  status: z.enum(ProtestStatus.values),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  ruling: z.string().optional(),
  version: z.number().int(),
});
export type ProtestItem = z.infer<typeof protestItemSchema>;

/** 完成用时 of one work in a stage (on its work number): whole seconds, corrected while scores are open. */
export const completionTimeItemSchema = z.object({
  tenantId: z.string(),
  eventId: z.string(),
  stage: z.enum(StageKind.values),
  workNumber: z.string(),
  seconds: z.number().int(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  version: z.number().int(),
});
export type CompletionTimeItem = z.infer<typeof completionTimeItemSchema>;

const panelTallySchema = z.object({ judges: z.number().int(), marks: z.number().int(), flagged: z.number().int(), sumAbsBp: z.number().int(), biasSpreadBp: z.number().int() });

/** A stage made final, as the analytics name it (no contestant). */
const finalisedStageFields = {
  tenantId: z.string(),
  competitionName: bilingual,
  competitionClass: z.enum(CompetitionClass.values),
  eventId: z.string(),
  eventName: bilingual,
  tradeCode: z.string(),
  stage: z.enum(StageKind.values),
  year: z.number().int(),
  finalizedAt: z.string(),
  panel: panelTallySchema,
};

/** What a stage's final results leave for 裁判宽严分析 (tenant): each judge's deviation tallies. No contestant, no score. */
export const panelReportItemSchema = z.object({
  ...finalisedStageFields,
  competitionId: z.string(),
  judges: z.array(z.object({ judgeId: z.string(), name: z.string(), marks: z.number().int(), flagged: z.number().int(), sumBp: z.number().int(), sumAbsBp: z.number().int() })),
});
export type PanelReportItem = z.infer<typeof panelReportItemSchema>;

/**
 * The same stage as the province reads it (a rollup row): the panel as a whole, and on a 赛项's last stage its
 * contestants, winners and honours. Counts only: no judge, no contestant.
 */
export const stageRollupItemSchema = z.object({
  ...finalisedStageFields,
  divisionCode: z.string(),
  contestants: z.number().int(),
  lastStage: z.boolean(),
  winners: z.number().int(),
  honoursRecommended: z.number().int(),
});
export type StageRollupItem = z.infer<typeof stageRollupItemSchema>;

export { bilingual as bilingualSchema, CompetitionClass };
