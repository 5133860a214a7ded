import { z } from 'zod';
import { invalid, type Bilingual } from '@ufp/core/errors';
import type { PartKind } from './enums.js';
import { TieBreakRule, type RuleSettings } from './rule-pack.js';
import { marksText, roundHalfUp, type ContestantScore } from './scoring.js';
import { durationText } from './completion.js';

/**
 * Ranks from totals. Equal totals are separated by the pack's tie-break cascade, one rule at a time (a rule that does not
 * separate anyone passes to the next); those still equal after the last rule share the rank, and the next rank skips
 * (1, 2, 2, 4). Each entry that was tied on total says which rules placed it and why, in both languages.
 */

export interface RankingEntry {
  contestantId: string;
  /** Exact weighted total (scoring.ts `totalUnits`). */
  totalUnits: number;
  /** Completion time in seconds; absent (did not finish) sorts after every time. */
  completionSeconds?: number;
  /** Hundredths per part kind (several parts of a kind added): what the 实操 / 理论 / 答辩 steps compare. */
  partHundredths: Partial<Record<PartKind, number>>;
}

export interface TieStep {
  rule: TieBreakRule;
  /** The entry's value under the rule (seconds or hundredths), null when it has none. */
  value: number | null;
}

export interface TieInfo {
  /** Everyone else with the same total. */
  tiedOnTotalWith: string[];
  /** The rules that separated this entry from some of them, in cascade order (the last one decided its place). */
  steps: TieStep[];
  /** Still equal after the whole cascade: shares its rank. */
  shared: boolean;
  explanation: Bilingual;
}

export interface RankedEntry {
  contestantId: string;
  rank: number;
  totalUnits: number;
  /** Others who share this rank. */
  sharedWith: string[];
  tie: TieInfo | null;
}

const partOf: Record<Exclude<TieBreakRule, 'completionTime'>, PartKind> = { practical: 'practical', theory: 'theory', defence: 'defence' };

/** A ranking entry from a contestant's score: parts of the same kind are added (each out of 100 marks). */
export function rankingEntry(contestantId: string, score: Pick<ContestantScore, 'parts' | 'totalUnits'>, completionSeconds?: number): RankingEntry {
  const partHundredths: Partial<Record<PartKind, number>> = {};
  for (const p of score.parts) partHundredths[p.kind] = (partHundredths[p.kind] ?? 0) + p.hundredths;
  return { contestantId, totalUnits: score.totalUnits, ...(completionSeconds === undefined ? {} : { completionSeconds }), partHundredths };
}

function valueOf(rule: TieBreakRule, e: RankingEntry): number | null {
  return rule === 'completionTime' ? (e.completionSeconds ?? null) : (e.partHundredths[partOf[rule]] ?? null);
}

/** Lower sorts first: a shorter time, a higher part score; no value sorts last. */
function sortKey(rule: TieBreakRule, e: RankingEntry): number {
  const v = valueOf(rule, e);
  if (v === null) return Number.POSITIVE_INFINITY;
  return rule === 'completionTime' ? v : -v;
}

function groupBy<T>(items: readonly T[], key: (t: T) => number): T[][] {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  const groups: T[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && key(last[0]!) === key(item)) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/** Splits a group of equal totals into blocks of equal standing, recording for each entry the rules that split it. */
function separate(group: RankingEntry[], rules: readonly TieBreakRule[], from: number, steps: Map<string, TieStep[]>): RankingEntry[][] {
  if (group.length === 1) return [group];
  for (let i = from; i < rules.length; i++) {
    const rule = rules[i]!;
    const parts = groupBy(group, (e) => sortKey(rule, e));
    if (parts.length === 1) continue;
    for (const e of group) steps.get(e.contestantId)!.push({ rule, value: valueOf(rule, e) });
    return parts.flatMap((p) => separate(p, rules, i + 1, steps));
  }
  return [[...group].sort((a, b) => a.contestantId.localeCompare(b.contestantId))];
}

const stepText = (s: TieStep): Bilingual => {
  const label = TieBreakRule.labels[s.rule];
  const v = s.value === null ? { zh: '无', en: 'none' } : s.rule === 'completionTime' ? { zh: `${durationText(s.value)}（${s.value} 秒）`, en: `${durationText(s.value)} (${s.value} s)` } : { zh: `${marksText(s.value)} 分`, en: marksText(s.value) };
  return { zh: `按${label.zh}：${v.zh}`, en: `by ${label.en}: ${v.en}` };
};

function explain(total: number, others: string[], steps: TieStep[], shared: boolean, rank: number): Bilingual {
  const t = marksText(roundHalfUp(total, 10000));
  const texts = steps.map(stepText);
  const zh = [`总分 ${t} 与 ${others.join('、')} 相同`, ...texts.map((x) => x.zh), ...(shared ? [`${steps.length ? '仍相同，' : ''}并列第 ${rank} 名`] : [])];
  const en = [`Total ${t} equal to ${others.join(', ')}`, ...texts.map((x) => x.en), ...(shared ? [`${steps.length ? 'still equal: ' : ''}shares rank ${rank}`] : [])];
  return { zh: zh.join('；'), en: en.join('; ') };
}

/** Ranks the entries: totals high to low, the cascade inside equal totals, shared ranks 1, 2, 2, 4. */
export function rank(entries: readonly RankingEntry[], settings: Pick<RuleSettings, 'tieBreak'>): RankedEntry[] {
  const ids = new Set(entries.map((e) => e.contestantId));
  if (ids.size !== entries.length) throw invalid({ zh: '同一选手在排名中出现两次', en: 'A contestant appears twice in the ranking' }, { field: 'contestantId' });
  const steps = new Map(entries.map((e) => [e.contestantId, [] as TieStep[]]));
  const byTotal = groupBy(entries, (e) => -e.totalUnits);
  const out: RankedEntry[] = [];
  for (const group of byTotal) {
    for (const block of separate(group, settings.tieBreak, 0, steps)) {
      const r = out.length + 1;
      for (const e of block) {
        const others = group.filter((o) => o !== e).map((o) => o.contestantId).sort();
        const shared = block.length > 1;
        const s = steps.get(e.contestantId)!;
        const tie = others.length ? { tiedOnTotalWith: others, steps: s, shared, explanation: explain(e.totalUnits, others, s, shared, r) } : null;
        out.push({ contestantId: e.contestantId, rank: r, totalUnits: e.totalUnits, sharedWith: block.filter((o) => o !== e).map((o) => o.contestantId), tie });
      }
    }
  }
  return out;
}

/** Who goes on to the next stage: the top N, or the top share of the field (rounded down, at least one). */
export const advancementRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('topN'), n: z.number().int().min(1) }),
  z.object({ kind: z.literal('topShare'), shareBp: z.number().int().min(1).max(10000) }),
]);
export type AdvancementRule = z.infer<typeof advancementRuleSchema>;

/** The places a rule gives a field of `count` (30% of 47 → 14). */
export function advancementPlaces(rule: AdvancementRule, count: number): number {
  if (count === 0) return 0;
  return rule.kind === 'topN' ? Math.min(rule.n, count) : Math.max(1, Math.floor((count * rule.shareBp) / 10000));
}

export interface Advancement {
  places: number;
  advancing: string[];
  /** Beyond the places but tied at the cut: they advance too. */
  tiedAtCut: string[];
  eliminated: string[];
}

/** Everyone whose rank is within the places advances, so everyone tied at the cut goes on. */
export function advancement(ranked: readonly RankedEntry[], rule: AdvancementRule): Advancement {
  const places = advancementPlaces(rule, ranked.length);
  const inOrder = [...ranked].sort((a, b) => a.rank - b.rank);
  const advancing = inOrder.filter((e) => e.rank <= places);
  return {
    places,
    advancing: advancing.map((e) => e.contestantId),
    tiedAtCut: advancing.slice(places).map((e) => e.contestantId),
    eliminated: inOrder.filter((e) => e.rank > places).map((e) => e.contestantId),
  };
}
