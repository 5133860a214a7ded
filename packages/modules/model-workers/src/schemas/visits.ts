import { z } from 'zod';
import { limits } from '@ufp/core/validation/limits';
import { isoDateSchema, phoneSchema, text, yearSchema } from '@ufp/core/validation/zod';
import { idInput, pageInput } from '@ufp/kit/schemas';
import { Occupation } from '../domain/enums.js';
import { RequestStatus } from '../domain/visits.js';
import { AchievementKind, ReviewOutcome, SevenHas, StudioLevel } from '../domain/studio.js';

const m = limits.modelWorkers;
const skills = z.array(text(m.skill)).min(1).max(10);

// ── 劳模工匠助企行 ───────────────────────────────────────────────────────────────────────
/** An enterprise's service request (staff file it, or a unit reporter for their own unit). */
export const fileRequestInput = z.object({
  enterprise: text(m.enterprise),
  unitId: idInput.optional(),
  need: text(m.need),
  skills,
  occupation: z.enum(Occupation.values).optional(),
  contactName: text(m.personName),
  contactPhone: phoneSchema,
  filedOn: isoDateSchema.optional(),
});
export const requestIdInput = z.object({ requestId: idInput });
export const listRequestsInput = z.object({ status: z.enum(RequestStatus.values).optional(), year: yearSchema.optional() }).optional();
export const matchInput = z.object({ requestId: idInput, version: z.number().int().min(1), personIds: z.array(idInput).min(1).max(20) });
export const logVisitInput = z.object({
  requestId: idInput,
  version: z.number().int().min(1),
  visitedOn: isoDateSchema,
  personIds: z.array(idInput).min(1).max(20),
  problemsSolved: z.number().int().min(0).max(1000),
  peopleTrained: z.number().int().min(0).max(100_000),
  note: text(m.note).optional(),
  closes: z.boolean(),
});
/** Visits of every request, newest first: a day range (both days included), a person who went, solved a problem or not. */
export const visitLogsInput = z
  .object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    personId: idInput.optional(),
    /** Only visits that solved at least one problem (true) or none (false). */
    solved: z.boolean().optional(),
    ...pageInput,
  })
  .optional();
/** The same filter as a workbook (every visit it keeps, in the language asked for). */
export const exportVisitLogsInput = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional(), personId: idInput.optional(), solved: z.boolean().optional(), lang: z.enum(['zh', 'en']).optional() })
  .optional();
export const revealContactInput = z.object({ requestId: idInput });
export const visitYearInput = z.object({ year: yearSchema });

// ── 创新工作室 ───────────────────────────────────────────────────────────────────────────
const achievement = z.object({
  kind: z.enum(AchievementKind.values),
  title: text(m.achievement),
  year: yearSchema,
  valueFen: z.number().int().min(0).max(100_000_000_000).optional(),
});
const studioFields = {
  name: text(m.studioName),
  level: z.enum(StudioLevel.values),
  leaderId: idInput,
  members: z.array(text(m.personName)).max(100).default([]),
  foundedOn: isoDateSchema,
  unitId: idInput.optional(),
  sevenHas: z.object(Object.fromEntries(SevenHas.values.map((k) => [k, z.boolean()])) as Record<SevenHas, z.ZodBoolean>),
  achievements: z.array(achievement).max(200).default([]),
};
export const createStudioInput = z.object(studioFields);
export const updateStudioInput = z.object({ studioId: idInput, version: z.number().int().min(1), ...studioFields });
export const studioIdInput = z.object({ studioId: idInput });
export const listStudiosInput = z
  .object({
    level: z.enum(StudioLevel.values).optional(),
    leaderId: idInput.optional(),
    /** Only studios meeting all 七有 (true) or missing some (false). */
    complete: z.boolean().optional(),
    /** Only studios whose leader is flagged (deceased, revoked, no honour in force). */
    flagged: z.boolean().optional(),
    q: text(m.search).optional(),
  })
  .optional();
export const reviewStudioInput = z.object({ studioId: idInput, version: z.number().int().min(1), year: yearSchema, outcome: z.enum(ReviewOutcome.values), note: text(m.note).optional() });
