import { z } from 'zod';
import { limits } from '@ufp/core/validation/limits';
import { isoDateSchema, text, yearSchema } from '@ufp/core/validation/zod';
import { idInput } from '@ufp/kit/schemas';
import { BenefitKind } from '../domain/benefits.js';
import { HonourLevel } from '../domain/ladder.js';
import { EmploymentStatus, HardshipCategory, HousingType } from '../domain/survey.js';

const m = limits.modelWorkers;
/** Money in fen (the console converts the yuan typed). Up to ¥100,000,000. */
const fen = (max = 10_000_000_000) => z.number().int().min(0).max(max);

const member = z.object({
  relation: text(m.relation),
  name: text(m.personName),
  annualIncomeFen: fen().optional(),
  health: text(m.health).optional(),
});

/** The 劳模生活状况调查 form (one per person per year). `version` is absent on the year's first submission and names the version corrected after. */
export const submitSurveyInput = z.object({
  personId: idInput,
  year: yearSchema,
  version: z.number().int().min(1).optional(),
  /** The person's union, when the record has none yet (staff only; a unit reporter files for their own unit). */
  unitId: idInput.optional(),
  personIncomeFen: fen(),
  spouseName: text(m.personName).optional(),
  /** Present when there is a spouse. */
  spouseIncomeFen: fen().optional(),
  members: z.array(member).max(18).default([]),
  householdSize: z.number().int().min(1).max(20),
  rigidExpensesFen: fen().optional(),
  illness: z.boolean(),
  health: text(m.health).optional(),
  pensionInsurance: z.boolean(),
  medicalInsurance: z.boolean(),
  housingType: z.enum(HousingType.values),
  housingAreaM2: z.number().min(0).max(10_000),
  employmentStatus: z.enum(EmploymentStatus.values),
  difficulties: text(m.difficulty).optional(),
  hardshipCategory: z.enum(HardshipCategory.values),
});
export type SubmitSurveyInput = z.output<typeof submitSurveyInput>;

export const surveyOfYearInput = z.object({ personId: idInput, year: yearSchema });
export const surveysOfPersonInput = z.object({ personId: idInput });

// ── benefits ─────────────────────────────────────────────────────────────────────────────
const levelAmounts = z.object(Object.fromEntries(HonourLevel.values.map((l) => [l, fen(10_000_000)])) as Record<HonourLevel, ReturnType<typeof fen>>);

export const benefitYearInput = z.object({ year: yearSchema });
export const setBenefitBudgetInput = z.object({ year: yearSchema, budgetFen: fen(100_000_000_000), version: z.number().int().min(0) });
export const setBenefitAmountsInput = z.object({
  amounts: z.object(Object.fromEntries(BenefitKind.values.map((k) => [k, levelAmounts])) as Record<BenefitKind, typeof levelAmounts>),
  version: z.number().int().min(0),
});

export const grantBenefitInput = z.object({
  personId: idInput,
  kind: z.enum(BenefitKind.values),
  grantedOn: isoDateSchema,
  /** 专项补助 only: the amount granted (the other kinds pay their level's amount). */
  amountFen: fen(10_000_000).optional(),
  note: text(m.note).optional(),
});
export type GrantBenefitInput = z.output<typeof grantBenefitInput>;

export const listBenefitsInput = z.object({ year: yearSchema, personId: idInput.optional() });
