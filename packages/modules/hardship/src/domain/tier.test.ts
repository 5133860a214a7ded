import { describe, expect, it } from 'vitest';
import { defaultRulePack } from './rules.js';
import { classifyHousehold, monthsBetween } from './tier.js';

const rules = defaultRulePack(2026); // 低保 ¥780, ×2, 80%
const household = (annualIncomeFen: number, rigidExpensesFen = 0, householdSize = 3, extra = {}) => classifyHousehold({ householdSize, annualIncomeFen, rigidExpensesFen, ...extra }, rules);

describe('tier classifier (golden cases with the explanation text)', () => {
  it('explains the spec example: ¥1,000.00 per person per month is 相对困难', () => {
    expect(household(4_800_000, 1_200_000)).toEqual({
      tier: 'relative',
      perCapitaMonthlyFen: 100_000,
      explanation: '(48,000 − 12,000) ÷ 12 ÷ 3 = ¥1,000.00/人/月 < 2 × 低保 ¥780 = ¥1,560 ⇒ 相对困难',
      explanationEn: '(48,000 − 12,000) ÷ 12 ÷ 3 = ¥1,000.00 per person per month < 2 × subsistence line ¥780 = ¥1,560 ⇒ relative hardship',
    });
  });

  it('is 深度困难 just below 低保 and 相对困难 exactly at 低保', () => {
    // 36 × 780 = 28,080: per capita exactly ¥780.00 is not below the line.
    expect(household(2_808_000)).toMatchObject({ tier: 'relative', explanation: '(28,080 − 0) ÷ 12 ÷ 3 = ¥780.00/人/月 < 2 × 低保 ¥780 = ¥1,560 ⇒ 相对困难' });
    expect(household(2_807_964)).toMatchObject({ tier: 'deep', explanation: '(28,079.64 − 0) ÷ 12 ÷ 3 = ¥779.99/人/月 < 低保 ¥780 ⇒ 深度困难' });
  });

  it('rounds the per-capita figure half-up to the fen and compares that rounded figure', () => {
    // 2,807,982 ÷ 36 = 77,999.5 fen → ¥780.00 (half-up) → not below 低保.
    expect(household(2_807_982)).toMatchObject({ tier: 'relative', perCapitaMonthlyFen: 78_000 });
    // 2,807,981 ÷ 36 = 77,999.47 fen → ¥779.99 → 深度.
    expect(household(2_807_981)).toMatchObject({ tier: 'deep', perCapitaMonthlyFen: 77_999 });
  });

  it('matches the spec shape "(X − Y)/12/3 = 612.50 < 低保 780 ⇒ 深度困难"', () => {
    expect(household(3_405_000, 1_200_000).explanation).toBe('(34,050 − 12,000) ÷ 12 ÷ 3 = ¥612.50/人/月 < 低保 ¥780 ⇒ 深度困难');
  });

  it('is not eligible exactly at 2 × 低保 and 相对困难 one fen below', () => {
    expect(household(5_616_000)).toMatchObject({
      tier: 'not_eligible',
      explanation: '(56,160 − 0) ÷ 12 ÷ 3 = ¥1,560.00/人/月 ≥ 2 × 低保 ¥780 = ¥1,560 ⇒ 不符合困难职工条件',
    });
    expect(household(5_615_964)).toMatchObject({ tier: 'relative', perCapitaMonthlyFen: 155_999 });
  });

  it('treats income below rigid expenses as 深度困难 with a negative per-capita figure', () => {
    expect(household(1_200_000, 1_500_000, 2).explanation).toBe('(12,000 − 15,000) ÷ 12 ÷ 2 = −¥125.00/人/月 < 低保 ¥780 ⇒ 深度困难');
  });

  it('is 意外致困 when hardship costs exceed 80% of income, not at exactly 80%', () => {
    expect(household(6_000_000, 0, 3, { hardshipCostsFen: 4_800_000 })).toMatchObject({
      tier: 'not_eligible',
      explanation:
        '(60,000 − 0) ÷ 12 ÷ 3 = ¥1,666.67/人/月 ≥ 2 × 低保 ¥780 = ¥1,560；年内困难支出 ¥48,000 ≤ 80% × 家庭年收入 ¥60,000 = ¥48,000 ⇒ 不符合困难职工条件',
    });
    expect(household(6_000_000, 0, 3, { hardshipCostsFen: 4_800_001 })).toMatchObject({
      tier: 'accidental',
      explanation: '(60,000 − 0) ÷ 12 ÷ 3 = ¥1,666.67/人/月 ≥ 2 × 低保 ¥780 = ¥1,560；年内困难支出 ¥48,000.01 > 80% × 家庭年收入 ¥60,000 = ¥48,000 ⇒ 意外致困',
    });
  });

  it('is 意外致困 after a major illness whatever the income', () => {
    expect(household(20_000_000, 0, 2, { events: ['major_illness'] })).toMatchObject({ tier: 'accidental', explanation: expect.stringMatching(/本人或家庭成员患重大疾病 ⇒ 意外致困$/) });
  });

  it('puts 深度 before 意外 when both apply', () => {
    expect(household(1_000_000, 0, 3, { events: ['disaster'] }).tier).toBe('deep');
  });

  it('uses the tenant rule pack: a 1.5× multiplier and another 低保', () => {
    const pack = { ...rules, dibaoMonthlyFen: 85_000, relativeMultiplier: 1.5 };
    const a = classifyHousehold({ householdSize: 4, annualIncomeFen: 6_000_000, rigidExpensesFen: 0 }, pack);
    expect(a.explanation).toBe('(60,000 − 0) ÷ 12 ÷ 4 = ¥1,250.00/人/月 < 1.5 × 低保 ¥850 = ¥1,275 ⇒ 相对困难');
  });

  it('excludes migrant workers with under 12 months of labour relation, and high-fee schooling', () => {
    expect(household(1_000_000, 0, 3, { migrant: { laborRelationMonths: 11, unionMember: true } })).toMatchObject({ tier: 'not_eligible', explanation: '农民工劳动关系 11 个月 < 12 个月 ⇒ 不符合困难职工条件' });
    expect(household(1_000_000, 0, 3, { migrant: { laborRelationMonths: 12, unionMember: true } }).tier).toBe('deep');
    expect(household(1_000_000, 0, 3, { migrant: { laborRelationMonths: 30, unionMember: false } }).tier).toBe('not_eligible');
    expect(household(1_000_000, 0, 3, { excludedSchooling: true }).tier).toBe('not_eligible');
  });

  it('rejects impossible figures instead of guessing', () => {
    expect(() => household(100, 0, 0)).toThrow(RangeError);
    expect(() => household(1.5)).toThrow(RangeError);
    expect(() => household(-1)).toThrow(RangeError);
  });

  it('counts whole months of labour relation', () => {
    expect(monthsBetween('2025-03-15', '2026-03-14')).toBe(11);
    expect(monthsBetween('2025-03-15', '2026-03-15')).toBe(12);
  });
});
