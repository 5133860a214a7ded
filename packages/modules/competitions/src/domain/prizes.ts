import { conflict, invalid, type Bilingual } from '@ufp/core/errors';
import type { RankedEntry } from './ranking.js';
import type { PrizeRule } from './rule-pack.js';

/**
 * Prizes from final ranks, money in integer fen. By rank: a table of rank ranges (the 兴发工匠杯 seed: 1st ¥100,000,
 * 2nd ¥50,000, 3rd ¥30,000, 4th–6th ¥20,000 each), everyone sharing a rank in a range is paid. By share: tiers counted
 * down from the top with cumulative shares rounded down (一等奖 10% / 二等奖 20% / 三等奖 30% of 10 → ranks 1, 2–3, 4–6);
 * a tie across a tier's edge takes the better tier, as a tie at an advancement cut advances.
 */

export interface PrizeAward {
  contestantId: string;
  rank: number;
  prize: { code: string; label: Bilingual };
  amountFen: number;
}

/** What is wrong with a prize rule (empty when none): ranges reversed or overlapping, shares over 100%. */
export function prizeRuleProblems(rule: PrizeRule): Bilingual[] {
  if (rule.kind === 'byShare') {
    const total = rule.tiers.reduce((s, t) => s + t.shareBp, 0);
    return total > 10000 ? [{ zh: `各奖项比例合计 ${total / 100}%，超过 100%`, en: `The prize shares add up to ${total / 100}%, over 100%` }] : [];
  }
  const problems: Bilingual[] = [];
  const rows = [...rule.table].sort((a, b) => a.fromRank - b.fromRank);
  rows.forEach((r, i) => {
    if (r.fromRank > r.toRank) problems.push({ zh: `名次范围 ${r.fromRank}–${r.toRank} 起止颠倒`, en: `Rank range ${r.fromRank}–${r.toRank} is reversed` });
    const next = rows[i + 1];
    if (next && next.fromRank <= r.toRank) problems.push({ zh: `名次范围 ${r.fromRank}–${r.toRank} 与 ${next.fromRank}–${next.toRank} 重叠`, en: `Rank ranges ${r.fromRank}–${r.toRank} and ${next.fromRank}–${next.toRank} overlap` });
  });
  return problems;
}

export function assertPrizeRule(rule: PrizeRule): void {
  const first = prizeRuleProblems(rule)[0];
  if (first) throw invalid(first, { field: 'settings.prizes' });
}

/** The last position (1-based, cumulative) of each share tier for a field of `count`. */
export function shareTierEnds(rule: Extract<PrizeRule, { kind: 'byShare' }>, count: number): number[] {
  let cumulative = 0;
  return rule.tiers.map((t) => {
    cumulative += t.shareBp;
    return Math.floor((count * cumulative) / 10000);
  });
}

/** The prize of each ranked contestant who wins one, best rank first. */
export function prizesFor(ranked: readonly RankedEntry[], rule: PrizeRule): PrizeAward[] {
  assertPrizeRule(rule);
  const inOrder = [...ranked].sort((a, b) => a.rank - b.rank);
  if (rule.kind === 'byRank') {
    return inOrder.flatMap((e) => {
      const row = rule.table.find((r) => r.fromRank <= e.rank && e.rank <= r.toRank);
      return row ? [{ contestantId: e.contestantId, rank: e.rank, prize: { code: `rank${row.fromRank}-${row.toRank}`, label: row.label }, amountFen: row.amountFen }] : [];
    });
  }
  const ends = shareTierEnds(rule, ranked.length);
  return inOrder.flatMap((e) => {
    const i = ends.findIndex((end) => e.rank <= end);
    const tier = i < 0 ? undefined : rule.tiers[i]!;
    return tier ? [{ contestantId: e.contestantId, rank: e.rank, prize: { code: tier.code, label: tier.label }, amountFen: tier.amountFen }] : [];
  });
}

export const totalFen = (awards: readonly Pick<PrizeAward, 'amountFen'>[]): number => awards.reduce((s, a) => s + a.amountFen, 0);

/** "¥1,234,567.89" from fen. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(abs % 100).padStart(2, '0')}`;
}

/** What the rule pays a field of `count` without ties (ties can only add to it under a rank table): for the budget. */
export function plannedOutlayFen(rule: PrizeRule, count: number): number {
  if (rule.kind === 'byRank') return rule.table.reduce((s, r) => s + Math.max(0, Math.min(r.toRank, count) - r.fromRank + 1) * r.amountFen, 0);
  const ends = shareTierEnds(rule, count);
  return rule.tiers.reduce((s, t, i) => s + (ends[i]! - (i === 0 ? 0 : ends[i - 1]!)) * t.amountFen, 0);
}

/** The prizes must fit the prize budget (409 naming both sums). */
export function assertWithinBudget(awards: readonly Pick<PrizeAward, 'amountFen'>[], budgetFen: number): void {
  const total = totalFen(awards);
  if (total > budgetFen) {
    throw conflict({ zh: `奖金合计 ${yuanText(total)} 超出预算 ${yuanText(budgetFen)}`, en: `Prizes total ${yuanText(total)}, over the budget of ${yuanText(budgetFen)}` }, { field: 'budgetFen', reason: 'over_budget', totalFen: total, budgetFen });
  }
}
