import { z } from 'zod';
import { conflict, invalid, type Bilingual } from '@ufp/core/errors';
import { PartKind } from './enums.js';
import type { RuleSettings } from './rule-pack.js';
import { instantText } from './time.js';

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

/** Every part is marked out of 100 marks. */
export const PART_TOTAL_HUNDREDTHS = 10000;
export const ALL_WEIGHT_BP = 10000;

/** 3001 → "30.01%", 3000 → "30%". */
export const percent = (bp: number): string => `${Number((bp / 100).toFixed(2))}%`;

export interface SchemeProblem {
  field: string;
  text: Bilingual;
}

/** What keeps a scheme from being locked, in the order to fix them (empty: it may be locked). */
export function schemeProblems(scheme: Pick<Scheme, 'parts'>, settings: Pick<RuleSettings, 'theoryWeightMaxBp'>): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const parts = scheme.parts;
  if (parts.length === 0) return [{ field: 'parts', text: { zh: '评分方案至少需要一个部分', en: 'A marking scheme needs at least one part' } }];
  const dup = duplicates(parts.map((p) => p.code));
  if (dup.length) problems.push({ field: 'parts', text: { zh: `部分代码重复：${dup.join('、')}`, en: `Duplicate part codes: ${dup.join(', ')}` } });
  const weights = parts.reduce((s, p) => s + p.weightBp, 0);
  if (weights !== ALL_WEIGHT_BP) problems.push({ field: 'parts.weightBp', text: { zh: `各部分权重合计 ${percent(weights)}，应为 100%`, en: `The parts' weights add up to ${percent(weights)}, not 100%` } });
  for (const p of parts.filter((x) => x.weightBp === 0)) problems.push({ field: 'parts.weightBp', text: { zh: `「${p.name.zh}」权重为 0`, en: `"${p.name.en}" has no weight` } });
  const theory = parts.filter((p) => p.kind === 'theory').reduce((s, p) => s + p.weightBp, 0);
  if (theory > settings.theoryWeightMaxBp) {
    problems.push({ field: 'parts.weightBp', text: { zh: `理论权重 ${percent(theory)} 超过规则上限 ${percent(settings.theoryWeightMaxBp)}`, en: `Theory weighs ${percent(theory)}, over the rule's cap of ${percent(settings.theoryWeightMaxBp)}` } });
  }
  const aspectDup = duplicates(parts.flatMap((p) => p.aspects.map((a) => a.code)));
  if (aspectDup.length) problems.push({ field: 'parts.aspects', text: { zh: `评分项代码重复：${aspectDup.join('、')}`, en: `Duplicate aspect codes: ${aspectDup.join(', ')}` } });
  for (const p of parts) {
    const marks = p.aspects.reduce((s, a) => s + a.maxHundredths, 0);
    if (marks !== PART_TOTAL_HUNDREDTHS) {
      problems.push({ field: 'parts.aspects', text: { zh: `「${p.name.zh}」各评分项满分合计 ${marks / 100} 分，应为 100 分`, en: `The aspects of "${p.name.en}" total ${marks / 100} marks, not 100` } });
    }
  }
  return problems;
}

function duplicates(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
}

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
