import { z } from 'zod';
import { defaultSettings, ReportCycle } from './domain/status.js';
import { limits } from '@ufp/core/validation/limits';
import { isoDateSchema, recordId, text, yearSchema } from '@ufp/core/validation/zod';
import { declaredFileInput, evidenceIdInput, idInput, langInput, pageInput } from '@ufp/kit/schemas';
import { ItemCategory } from './domain/model.js';
import { MAX_CANDIDATES, MAX_TARGETS } from './domain/plan.js';
import { Comparator, linkableEventTypes } from './domain/targets.js';

const votes = z.number().int().min(0).max(10_000);

export const settingsInput = z.object({
  version: z.number().int().min(0),
  maxAdopted: z.number().int().min(1).max(30),
  atRiskPoints: z.number().min(1).max(100),
  behindPoints: z.number().min(1).max(100),
  reportCycle: z.enum(ReportCycle.values).default(defaultSettings.reportCycle),
  evaluationFloorPercent: z.number().int().min(1).max(100).default(defaultSettings.evaluationFloorPercent),
});

export const planCreateInput = z.object({ year: yearSchema, title: text(limits.tenThings.planTitle) });
export const planListInput = z.object({ ...pageInput, year: yearSchema.optional() }).optional();
export const planInput = z.object({ planId: idInput });

const forms = z.number().int().min(0).max(10_000);
/** The year-end 测评: the representatives' forms per adopted item (满意 / 基本满意 / 不满意). */
export const evaluationInput = z.object({
  planId: idInput,
  respondents: z.number().int().min(1).max(10_000),
  items: z.array(z.object({ itemId: idInput, satisfied: forms, basic: forms, dissatisfied: forms })).min(1).max(MAX_CANDIDATES),
});

export const voteInput = z.object({
  planId: idInput,
  representativesTotal: z.number().int().min(1).max(10_000),
  present: z.number().int().min(0).max(10_000),
  ballots: z.array(z.object({ candidateId: idInput, for: votes, against: votes, abstain: votes })).min(1).max(MAX_CANDIDATES),
});
export const tieInput = z.object({ planId: idInput, candidateIds: z.array(idInput).max(30) });

const linkInput = z.object({
  eventType: z.enum(linkableEventTypes),
  filter: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), z.union([text({ max: 60 }), z.number(), z.boolean()])).optional(),
  measure: z.union([z.literal('count'), z.string().regex(/^sum:[A-Za-z][A-Za-z0-9_]{0,39}$/)]) as z.ZodType<'count' | `sum:${string}`>,
});
const targetInput = z.object({
  indicator: text(limits.tenThings.indicator),
  unit: text(limits.tenThings.unit),
  comparator: z.enum(Comparator.values),
  target: z.number().positive().max(1e10),
  baseline: z.number().min(0).max(1e10).optional(),
  deadline: isoDateSchema.optional(),
  link: linkInput.optional(),
});

export const targetsTextInput = z.object({ targetsText: text(limits.tenThings.targetsText) });
/** 征集: a unit reporter's proposal (the lead department and budget are set by staff at 初定). */
export const solicitInput = z.object({
  planId: idInput,
  title: text(limits.tenThings.title),
  description: text(limits.tenThings.description).optional(),
  category: z.enum(ItemCategory.values),
  targetsText: text(limits.tenThings.targetsText),
});
/** 初定: a proposal onto the candidate list, with its lead department (and budget). */
export const shortlistInput = z.object({
  itemId: idInput,
  version: z.number().int().min(1),
  leadDept: text(limits.tenThings.leadDept),
  budgetFen: z.number().int().min(0).max(1e13).optional(),
});
/** A duplicate proposal merged into another proposal or a candidate, which keeps its proposers. */
export const mergeInput = z.object({ itemId: idInput, intoItemId: idInput });

export const proposeInput = solicitInput.omit({ targetsText: true }).extend({
  leadDept: text(limits.tenThings.leadDept),
  budgetFen: z.number().int().min(0).max(1e13).optional(),
  targets: z.array(targetInput).max(MAX_TARGETS).optional(),
  targetsText: text(limits.tenThings.targetsText).optional(),
});

export const itemPageInput = z.object({ itemId: idInput, ...pageInput });
export const assignInput = z.object({
  itemId: idInput,
  version: z.number().int().min(1),
  leadDept: text(limits.tenThings.leadDept),
  coUnitIds: z.array(idInput).max(50),
  milestones: z.array(z.object({ quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), share: z.number().min(0).max(100) })).max(4),
});

export const createUploadInput = z.object({ itemId: idInput, ...declaredFileInput });
export const evidenceInput = evidenceIdInput;

export const reportInput = z.object({
  itemId: idInput,
  targetIndex: z.number().int().min(0).max(MAX_TARGETS - 1),
  quantity: z.number().positive().max(1e9),
  occurredOn: isoDateSchema,
  note: text(limits.tenThings.note).optional(),
  evidenceIds: z
    .array(idInput)
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, { message: '佐证材料重复\u241eThe same evidence is listed twice' })
    .optional(),
});
export const correctInput = z.object({ itemId: idInput, entryId: idInput, reason: text(limits.tenThings.reason) });

export const annualXlsxInput = z.object({ planId: idInput, lang: langInput });

export const publicItemInput = z.object({ tenantId: recordId(40), itemId: idInput });
export const rateInput = publicItemInput.extend({ score: z.number().int().min(1).max(5) });
