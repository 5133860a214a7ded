import type { Bilingual } from '@ufp/core/errors';
import type { RuleSettings } from './rule-pack.js';
import type { Scheme } from './scheme.js';

/**
 * What keeps a marking scheme from being locked. Zod-free (types only from scheme.ts), so the console runs the same rule
 * live in the scheme editor that the server applies on lock.
 */

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

