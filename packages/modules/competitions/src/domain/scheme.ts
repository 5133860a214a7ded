import { z } from 'zod';
import { conflict, invalid } from '@ufp/core/errors';
import { PartKind } from './enums.js';
import type { RuleSettings } from './rule-pack.js';
import { schemeProblems } from './scheme-problems.js';
import { instantText } from './time.js';

export { ALL_WEIGHT_BP, PART_TOTAL_HUNDREDTHS, percent, schemeProblems, type SchemeProblem } from './scheme-problems.js';

/**
 * The marking scheme of a 赛项 (WorldSkills CIS concepts, anchors §4): parts (理论, 实操, 答辩 …) weighted in basis points
 * that sum to 10000, each part marked out of 100 marks through its aspects:
 * - judgement: each judge scores 0–3 against a written descriptor per score; the aspect earns maxMarks × score / 3;
 * - measurement: one measured value against a nominal value and a tolerance (full marks within it, none beyond);
 * - marks: each judge enters marks directly, 0 to the aspect's maximum (e.g. a computer-marked theory paper).
 * Marks are integers in hundredths of a mark (`…Hundredths`) so that every sum is exact.
 * The scheme is locked before the 赛项 starts: any change after that is a 409.
 */

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const code = z.string().min(1).max(40);

export const judgementAspectSchema = z.object({
  code,
  kind: z.literal('judgement'),
  name: bilingual,
  maxHundredths: z.number().int().min(1),
  /** What a score of 0, 1, 2 and 3 means, in that order. */
  descriptors: z.tuple([z.string().min(1), z.string().min(1), z.string().min(1), z.string().min(1)]),
});
export const measurementAspectSchema = z.object({
  code,
  kind: z.literal('measurement'),
  name: bilingual,
  maxHundredths: z.number().int().min(1),
  /** The unit the values are counted in (e.g. "0.01 mm"): nominal, tolerance and measured values are integers of it. */
  unit: z.string().min(1),
  nominal: z.number().int(),
  /** Allowed deviation either side, inclusive. */
  tolerance: z.number().int().min(0),
});
export const marksAspectSchema = z.object({ code, kind: z.literal('marks'), name: bilingual, maxHundredths: z.number().int().min(1) });
export const aspectSchema = z.discriminatedUnion('kind', [judgementAspectSchema, measurementAspectSchema, marksAspectSchema]);
export type Aspect = z.infer<typeof aspectSchema>;

export const partSchema = z.object({
  code,
  kind: z.enum(PartKind.values),
  name: bilingual,
  weightBp: z.number().int().min(0).max(10000),
  timeLimitMinutes: z.number().int().min(1).optional(),
  aspects: z.array(aspectSchema),
});
export type Part = z.infer<typeof partSchema>;

export const schemeSchema = z.object({
  schemeId: z.string(),
  competitionId: z.string(),
  eventId: z.string(),
  /** The instant the 赛项 (its first stage to use the scheme) starts: the scheme locks then at the latest. */
  startsAt: z.string(),
  /** Set when staff lock it earlier. */
  lockedAt: z.string().optional(),
  parts: z.array(partSchema),
});
export type Scheme = z.infer<typeof schemeSchema>;

/** Refuses an incomplete or rule-breaking scheme with its first problem. */
export function assertSchemeValid(scheme: Pick<Scheme, 'parts'>, settings: Pick<RuleSettings, 'theoryWeightMaxBp'>): void {
  const first = schemeProblems(scheme, settings)[0];
  if (first) throw invalid(first.text, { field: first.field });
}

/** Locked from the instant staff locked it, and in any case from the instant the 赛项 starts. */
export function isSchemeLocked(scheme: Pick<Scheme, 'startsAt' | 'lockedAt'>, now: Date): boolean {
  const t = now.getTime();
  return t >= Date.parse(scheme.startsAt) || (scheme.lockedAt !== undefined && t >= Date.parse(scheme.lockedAt));
}

/** A change to a locked scheme is a conflict (409). */
export function assertSchemeEditable(scheme: Pick<Scheme, 'startsAt' | 'lockedAt'>, now: Date): void {
  if (!isSchemeLocked(scheme, now)) return;
  const since = scheme.lockedAt && Date.parse(scheme.lockedAt) <= Date.parse(scheme.startsAt) ? scheme.lockedAt : scheme.startsAt;
  throw conflict({ zh: `评分方案已于 ${instantText(since).zh} 锁定，不能再修改`, en: `The marking scheme was locked at ${instantText(since).en} and can no longer change` }, { field: 'schemeId', reason: 'scheme_locked' });
}

/** Locks a valid scheme now (before the 赛项 starts). */
export function lockScheme(scheme: Scheme, settings: Pick<RuleSettings, 'theoryWeightMaxBp'>, now: Date): Scheme {
  assertSchemeEditable(scheme, now);
  assertSchemeValid(scheme, settings);
  return { ...scheme, lockedAt: now.toISOString() };
}

export const findAspect = (scheme: Pick<Scheme, 'parts'>, aspectCode: string): { part: Part; aspect: Aspect } | undefined => {
  for (const part of scheme.parts) {
    const aspect = part.aspects.find((a) => a.code === aspectCode);
    if (aspect) return { part, aspect };
  }
  return undefined;
};
