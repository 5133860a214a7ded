import { z } from 'zod';
import { limits } from '@ufp/core/validation/limits';
import { idNumberSchema, isoDateSchema, isoDateTimeSchema, isoDateTimeUntilSchema, phoneSchema, recordId, text, yearSchema } from '@ufp/core/validation/zod';
import { idInput, langInput } from '@ufp/kit/schemas';
import { CompetitionClass, Gender, HonourLevel, PartKind, SkillGrade, StageKind } from '../domain/enums.js';
import { AgeWording } from '../domain/registration.js';
import { TieBreakRule } from '../domain/rule-pack.js';

/**
 * Inputs of 技能竞赛 structure and registration: competitions, 赛项 with stages, registration rules, the marking scheme
 * and the panel, contestants. Free text within `limits.competitions`; codes are ASCII tokens; instants are ISO 8601
 * with a zone (a bare date is a day in China: the start of it, or its end for `closesAt`).
 */
const c = limits.competitions;
const version = z.number().int().min(1);
const label = z.object({ zh: text(c.label), en: text(c.label) });
const code = recordId(40);
const rank = z.number().int().min(1).max(100_000);
const fen = z.number().int().min(0).max(100_000_000_000);
const bp = z.number().int().min(0).max(10_000);

/** A competition's changes to its rule pack's settings: each setting replaced whole (rule-pack.ts `customise`). */
export const overridesInput = z
  .object({
    theoryWeightMaxBp: bp,
    dropHighLowMinJudges: z.number().int().min(3).max(99),
    judgementSpreadMaxPoints: z.number().int().min(1).max(3),
    marksSpreadMaxBp: bp.min(1),
    tieBreak: z.array(z.enum(TieBreakRule.values)).max(4),
    protestWindowMinutes: z.number().int().min(0).max(7 * 24 * 60),
    prizes: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('byRank'), table: z.array(z.object({ fromRank: rank, toRank: rank, label, amountFen: fen })).max(50) }),
      z.object({ kind: z.literal('byShare'), tiers: z.array(z.object({ code, label, shareBp: bp.min(1), amountFen: fen })).max(10) }),
    ]),
    honours: z
      .array(
        z.object({
          fromRank: rank,
          toRank: rank,
          classes: z.array(z.enum(CompetitionClass.values)).min(1).max(5).optional(),
          maxAge: z.number().int().min(1).max(100).optional(),
          award: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('recommendation'), honourCode: recordId(60), level: z.enum(HonourLevel.values), name: label }),
            z.object({ kind: z.literal('skillGradeUp') }),
          ]),
        }),
      )
      .max(30),
    workNumberDigits: z.number().int().min(3).max(8),
  })
  .partial();

const competitionFields = {
  name: text(c.name),
  nameEn: text(c.nameEn).optional(),
  class: z.enum(CompetitionClass.values),
  year: yearSchema,
  packCode: code,
  overrides: overridesInput.optional(),
  prizeBudgetFen: fen.optional(),
  coOrganisers: z.array(text(c.coOrganiser)).max(20).optional(),
  publishNames: z.boolean().optional(),
};
export const createCompetitionInput = z.object(competitionFields);
export const updateCompetitionInput = z.object({ competitionId: idInput, version, ...competitionFields });
export const competitionIdInput = z.object({ competitionId: idInput });

const stageInput = z.object({
  kind: z.enum(StageKind.values),
  startsAt: isoDateTimeSchema,
  advancement: z.discriminatedUnion('kind', [z.object({ kind: z.literal('topN'), n: rank }), z.object({ kind: z.literal('topShare'), shareBp: bp.min(1) })]).optional(),
});
const ageLimitInput = z.object({
  years: z.number().int().min(1).max(100),
  wording: z.enum(AgeWording.values),
  referenceDate: isoDateSchema,
  basis: label.optional(),
});
const registrationInput = z.object({
  opensAt: isoDateTimeSchema,
  closesAt: isoDateTimeUntilSchema,
  trades: z.array(text(c.tradeCode)).min(1).max(20),
  minGrade: z.enum(SkillGrade.values).optional(),
  maxGrade: z.enum(SkillGrade.values).optional(),
  ageLimits: z.array(ageLimitInput).max(5).optional(),
});
const eventFields = {
  name: text(c.name),
  nameEn: text(c.nameEn).optional(),
  tradeCode: text(c.tradeCode),
  stages: z.array(stageInput).min(1).max(5),
  registration: registrationInput,
};
export const createEventInput = z.object({ competitionId: idInput, ...eventFields });
export const updateEventInput = z.object({ eventId: idInput, version, ...eventFields });
export const eventIdInput = z.object({ eventId: idInput });
export const listEventsInput = z.object({ competitionId: idInput.optional() }).optional();

const hundredths = z.number().int().min(1).max(10_000);
const aspectInput = z.discriminatedUnion('kind', [
  z.object({ code, kind: z.literal('judgement'), name: label, maxHundredths: hundredths, descriptors: z.tuple([text(c.descriptor), text(c.descriptor), text(c.descriptor), text(c.descriptor)]) }),
  z.object({
    code,
    kind: z.literal('measurement'),
    name: label,
    maxHundredths: hundredths,
    unit: text(c.measureUnit),
    nominal: z.number().int().min(-1_000_000_000).max(1_000_000_000),
    tolerance: z.number().int().min(0).max(1_000_000_000),
  }),
  z.object({ code, kind: z.literal('marks'), name: label, maxHundredths: hundredths }),
]);
const partInput = z.object({
  code,
  kind: z.enum(PartKind.values),
  name: label,
  weightBp: bp,
  timeLimitMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
  aspects: z.array(aspectInput).max(50),
});
export const saveSchemeInput = z.object({ eventId: idInput, version, startsAt: isoDateTimeSchema.optional(), parts: z.array(partInput).max(20) });
export const lockSchemeInput = z.object({ eventId: idInput, version });
export const panelCandidatesInput = z.object({ q: text(limits.user.search).optional() });
export const setPanelInput = z.object({
  eventId: idInput,
  version,
  judges: z.array(z.object({ userId: idInput, chief: z.boolean().default(false) })).max(50),
  arbiters: z.array(idInput).max(20),
});

export const registerInput = z.object({
  eventId: idInput,
  unitId: idInput,
  name: text(c.contestantName),
  idNumber: idNumberSchema,
  phone: phoneSchema.optional(),
  gender: z.enum(Gender.values),
  tradeCode: text(c.tradeCode),
  skillGrade: z.enum(SkillGrade.values),
  member: z.boolean(),
});
export const withdrawInput = z.object({ eventId: idInput, contestantId: idInput, version });
export const exportContestantsInput = z.object({ eventId: idInput, lang: langInput });

type In<S extends z.ZodType> = z.output<S>;
export type CreateCompetitionInput = In<typeof createCompetitionInput>;
export type UpdateCompetitionInput = In<typeof updateCompetitionInput>;
export type CreateEventInput = In<typeof createEventInput>;
export type UpdateEventInput = In<typeof updateEventInput>;
export type SaveSchemeInput = In<typeof saveSchemeInput>;
export type SetPanelInput = In<typeof setPanelInput>;
export type RegisterInput = In<typeof registerInput>;
export type WithdrawInput = In<typeof withdrawInput>;
