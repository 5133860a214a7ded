import { randomInt } from 'node:crypto';
import { forbidden, invalid } from '@ufp/core/errors';
import { defineEnum } from '@ufp/kit/enum';
import type { RuleSettings } from './rule-pack.js';

/**
 * Blind marking (加密): each contestant's work carries a random work number (加密号) that judges see instead of a name;
 * the number ↔ contestant mapping is kept apart (its own item, read only through an audited 解密 after final results).
 * Judges declare conflicts (same unit, relatives, other) and are kept from those contestants; a judge from the
 * contestant's own unit is kept away without declaring it. The refusal never says why, so it does not unmask the work.
 */

export interface WorkNumberAssignment {
  contestantId: string;
  workNumber: string;
}

export interface WorkNumbers {
  /** The mapping: stored apart from scores, never sent to judges. */
  mapping: WorkNumberAssignment[];
  /** What judges see: the numbers alone, in number order (not in the contestants' order). */
  numbers: string[];
}

/** A random integer in [0, maxExclusive): crypto.randomInt unless a test passes its own. */
export type RandomInt = (maxExclusive: number) => number;

/**
 * Draws a unique random number of `workNumberDigits` digits (no leading zero) for each contestant, avoiding `taken`
 * (numbers already used in this 赛项, e.g. for a late entry).
 */
export function drawWorkNumbers(contestantIds: readonly string[], settings: Pick<RuleSettings, 'workNumberDigits'>, taken: ReadonlySet<string> = new Set(), random: RandomInt = randomInt): WorkNumbers {
  const low = 10 ** (settings.workNumberDigits - 1);
  const capacity = 9 * low;
  if (new Set(contestantIds).size !== contestantIds.length) throw invalid({ zh: '选手重复', en: 'A contestant is listed twice' }, { field: 'contestantIds' });
  if (contestantIds.length + taken.size > capacity) {
    throw invalid({ zh: `${settings.workNumberDigits} 位加密号最多 ${capacity} 个，不够分配`, en: `${settings.workNumberDigits}-digit work numbers run out at ${capacity}` }, { field: 'contestantIds' });
  }
  const used = new Set(taken);
  const mapping = contestantIds.map((contestantId) => {
    let n: string;
    do n = String(low + random(capacity));
    while (used.has(n));
    used.add(n);
    return { contestantId, workNumber: n };
  });
  return { mapping, numbers: mapping.map((m) => m.workNumber).sort() };
}

export const ConflictReason = defineEnum({
  same_unit: { zh: '同一单位', en: 'Same unit' },
  relative: { zh: '亲属关系', en: 'Relative' },
  other: { zh: '其他利害关系', en: 'Other interest' },
});
export type ConflictReason = (typeof ConflictReason.values)[number];

export interface DeclaredConflict {
  judgeId: string;
  contestantId: string;
  reason: ConflictReason;
}

export interface Judge {
  judgeId: string;
  unitId?: string;
}

export interface Contestant {
  contestantId: string;
  unitId: string;
}

/** A judge's conflicts among `contestants`: those declared, and every contestant of the judge's own unit. One entry per contestant. */
export function conflictsOf(judge: Judge, contestants: readonly Contestant[], declared: readonly DeclaredConflict[]): DeclaredConflict[] {
  const ids = new Set(contestants.map((c) => c.contestantId));
  const out = new Map<string, DeclaredConflict>();
  for (const d of declared) if (d.judgeId === judge.judgeId && ids.has(d.contestantId) && !out.has(d.contestantId)) out.set(d.contestantId, d);
  for (const c of contestants) {
    if (judge.unitId !== undefined && c.unitId === judge.unitId && !out.has(c.contestantId)) out.set(c.contestantId, { judgeId: judge.judgeId, contestantId: c.contestantId, reason: 'same_unit' });
  }
  return [...out.values()];
}

/** The contestants a judge may mark. */
export function markableBy(judge: Judge, contestants: readonly Contestant[], declared: readonly DeclaredConflict[]): Contestant[] {
  const excluded = new Set(conflictsOf(judge, contestants, declared).map((c) => c.contestantId));
  return contestants.filter((c) => !excluded.has(c.contestantId));
}

/** The judges who may mark a contestant. */
export function panelFor(contestant: Contestant, judges: readonly Judge[], declared: readonly DeclaredConflict[]): Judge[] {
  return judges.filter((j) => !conflictsOf(j, [contestant], declared).length);
}

/**
 * Refuses a judge's score for a work they must not mark (403). The service resolves the work number to the contestant
 * through the mapping; the text names neither the contestant nor the reason.
 */
export function assertMayMark(judge: Judge, contestant: Contestant, declared: readonly DeclaredConflict[]): void {
  if (conflictsOf(judge, [contestant], declared).length) throw forbidden({ zh: '您须回避该作品，不能评分', en: 'You are recused from this work and cannot mark it' });
}
