import { describe, expect, it } from 'vitest';
import type { DomainError } from '@ufp/core/errors';
import { assertWithinBudget, plannedOutlayFen, prizeRuleProblems, prizesFor, shareTierEnds, totalFen, yuanText } from './prizes.js';
import type { RankedEntry } from './ranking.js';
import { enterprisePack, provinceClass1Pack, type PrizeRule } from './rule-pack.js';

const ranked = (...ranks: number[]): RankedEntry[] => ranks.map((rank, i) => ({ contestantId: `c${i + 1}`, rank, totalUnits: 0, sharedWith: [], tie: null }));
const byRank = enterprisePack.settings.prizes;
const byShare = provinceClass1Pack.settings.prizes as Extract<PrizeRule, { kind: 'byShare' }>;

describe('prizes by rank (企业赛规则: ¥100,000 / ¥50,000 / ¥30,000 / 4th–6th ¥20,000)', () => {
  it('pays ranks 1–6 and nobody from 7th, in fen', () => {
    const awards = prizesFor(ranked(1, 2, 3, 4, 5, 6, 7), byRank);
    expect(awards.map((a) => [a.contestantId, a.amountFen])).toEqual([['c1', 10_000_000], ['c2', 5_000_000], ['c3', 3_000_000], ['c4', 2_000_000], ['c5', 2_000_000], ['c6', 2_000_000]]);
    expect(totalFen(awards)).toBe(24_000_000);
    expect(awards[3]!.prize.label.zh).toBe('第四至六名');
  });

  it('two sharing 2nd both take the 2nd prize; the next rank is 4th', () => {
    const awards = prizesFor(ranked(1, 2, 2, 4), byRank);
    expect(awards.map((a) => a.amountFen)).toEqual([10_000_000, 5_000_000, 5_000_000, 2_000_000]);
  });

  it('refuses overlapping or reversed ranges', () => {
    const bad: PrizeRule = { kind: 'byRank', table: [{ fromRank: 1, toRank: 3, label: { zh: 'a', en: 'a' }, amountFen: 1 }, { fromRank: 3, toRank: 2, label: { zh: 'b', en: 'b' }, amountFen: 1 }] };
    expect(prizeRuleProblems(bad).map((p) => p.zh)).toEqual(['名次范围 1–3 与 3–2 重叠', '名次范围 3–2 起止颠倒']);
    expect(() => prizesFor(ranked(1), bad)).toThrow(/重叠/);
  });
});

describe('prizes by share (一等奖 10% / 二等奖 20% / 三等奖 30%)', () => {
  it('of 10: 1 first, 2 second, 3 third; of 25: 2, 5, 8 (cumulative shares rounded down)', () => {
    expect(shareTierEnds(byShare, 10)).toEqual([1, 3, 6]);
    expect(shareTierEnds(byShare, 25)).toEqual([2, 7, 15]);
    const awards = prizesFor(ranked(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), byShare);
    expect(awards.map((a) => a.prize.code)).toEqual(['first', 'second', 'second', 'third', 'third', 'third']);
  });

  it('a tie across a tier edge takes the better tier', () => {
    const awards = prizesFor(ranked(1, 2, 3, 3, 5, 6, 7, 8, 9, 10), byShare);
    expect(awards.map((a) => `${a.contestantId}:${a.prize.code}`)).toEqual(['c1:first', 'c2:second', 'c3:second', 'c4:second', 'c5:third', 'c6:third']);
  });

  it('refuses shares over 100%', () => {
    expect(prizeRuleProblems({ ...byShare, tiers: [...byShare.tiers, { code: 'x', label: { zh: 'x', en: 'x' }, shareBp: 4001, amountFen: 0 }] })[0]!.zh).toBe('各奖项比例合计 100.01%，超过 100%');
  });
});

describe('the prize budget', () => {
  it('plans the outlay for a field and checks the awards against the budget', () => {
    expect(plannedOutlayFen(byRank, 20)).toBe(24_000_000);
    expect(plannedOutlayFen(byRank, 4)).toBe(20_000_000);
    expect(plannedOutlayFen({ ...byShare, tiers: byShare.tiers.map((t, i) => ({ ...t, amountFen: [50_000, 30_000, 10_000][i]! })) }, 10)).toBe(50_000 + 60_000 + 30_000);
    const awards = prizesFor(ranked(1, 2, 3, 4, 5, 6), byRank);
    expect(() => assertWithinBudget(awards, 24_000_000)).not.toThrow();
    try {
      assertWithinBudget(awards, 23_999_999);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).text.zh).toBe('奖金合计 ¥240,000.00 超出预算 ¥239,999.99');
    }
  });

  it('formats fen as yuan', () => {
    expect([yuanText(0), yuanText(5), yuanText(123_456_789), yuanText(-100)]).toEqual(['¥0.00', '¥0.05', '¥1,234,567.89', '-¥1.00']);
  });
});
