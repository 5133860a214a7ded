// What keeps a marking scheme from being locked, as the server's rule layer says (domain/scheme.ts
// `schemeProblems`), checked in the browser while staff edit (the server checks again on save and lock).
import type { Bilingual, Part } from './contract';
import { pct } from './shared';

export function schemeProblems(parts: readonly Part[], theoryWeightMaxBp: number): Bilingual[] {
  if (parts.length === 0) return [{ zh: '评分方案至少需要一个部分', en: 'A marking scheme needs at least one part' }];
  const out: Bilingual[] = [];
  const dup = duplicates(parts.map((p) => p.code));
  if (dup.length) out.push({ zh: `部分代码重复：${dup.join('、')}`, en: `Duplicate part codes: ${dup.join(', ')}` });
  const weights = parts.reduce((s, p) => s + p.weightBp, 0);
  if (weights !== 10000) out.push({ zh: `各部分权重合计 ${pct(weights)}，应为 100%`, en: `The parts' weights add up to ${pct(weights)}, not 100%` });
  for (const p of parts.filter((x) => x.weightBp === 0)) out.push({ zh: `「${p.name.zh}」权重为 0`, en: `"${p.name.en}" has no weight` });
  const theory = parts.filter((p) => p.kind === 'theory').reduce((s, p) => s + p.weightBp, 0);
  if (theory > theoryWeightMaxBp) out.push({ zh: `理论权重 ${pct(theory)} 超过规则上限 ${pct(theoryWeightMaxBp)}`, en: `Theory weighs ${pct(theory)}, over the rule's cap of ${pct(theoryWeightMaxBp)}` });
  const aspectDup = duplicates(parts.flatMap((p) => p.aspects.map((a) => a.code)));
  if (aspectDup.length) out.push({ zh: `评分项代码重复：${aspectDup.join('、')}`, en: `Duplicate aspect codes: ${aspectDup.join(', ')}` });
  for (const p of parts) {
    const marks = p.aspects.reduce((s, a) => s + a.maxHundredths, 0);
    if (marks !== 10000) out.push({ zh: `「${p.name.zh}」各评分项满分合计 ${marks / 100} 分，应为 100 分`, en: `The aspects of "${p.name.en}" total ${marks / 100} marks, not 100` });
  }
  return out;
}

function duplicates(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
}
