import { describe, expect, it } from 'vitest';
import { defaultQuotaRules, quotaState, ruleHolds, whatIf, type QuotaEntry } from './quota.js';

const manager: QuotaEntry = { occupation: 'manager', gender: 'male', migrantWorker: false };
const frontline: QuotaEntry = { occupation: 'frontline', gender: 'male', migrantWorker: false };
const technical: QuotaEntry = { occupation: 'technical', gender: 'female', migrantWorker: false };
const civil: QuotaEntry = { occupation: 'civil_servant', gender: 'female', migrantWorker: true };
const list = (m: number, f: number, other = 0): QuotaEntry[] => [...Array(m).fill(manager), ...Array(f).fill(frontline), ...Array(other).fill(civil)];
const rule = (s: ReturnType<typeof quotaState>, r: string) => s.rules.find((x) => x.rule === r)!;

describe('the quota check of a nomination list', () => {
  it('企业负责人 ≤ 22%: exactly 22% (11 of 50) holds, 12 of 50 breaks', () => {
    expect(rule(quotaState(list(11, 39), defaultQuotaRules, 50), 'managerMax')).toMatchObject({ count: 11, total: 50, percent: 22, holds: true });
    expect(rule(quotaState(list(12, 38), defaultQuotaRules, 50), 'managerMax')).toMatchObject({ count: 12, percent: 24, holds: false });
  });

  it('一线 + 专技 ≥ 55%: exactly 55% (11 of 20) holds, 10 of 20 breaks; both occupations count', () => {
    const at = [...Array(6).fill(frontline), ...Array(5).fill(technical), ...Array(9).fill(civil)];
    expect(rule(quotaState(at, defaultQuotaRules, 20), 'frontlineTechnicalMin')).toMatchObject({ count: 11, percent: 55, holds: true });
    expect(rule(quotaState(at.slice(1), defaultQuotaRules, 20), 'frontlineTechnicalMin')).toMatchObject({ count: 10, holds: false });
  });

  it('the boundary is exact arithmetic, not float rounding (a 22.5% limit: 9 of 40 holds, 10 of 40 breaks)', () => {
    expect(ruleHolds('max', 9, 40, 22.5)).toBe(true);
    expect(ruleHolds('max', 10, 40, 22.5)).toBe(false);
    expect(ruleHolds('min', 0, 0, 55)).toBe(true);
  });

  it('women and 农民工 rules are off at 0 and counted when the campaign sets a share', () => {
    expect(quotaState(list(1, 3), defaultQuotaRules, 10).rules.map((r) => r.rule)).toEqual(['managerMax', 'frontlineTechnicalMin']);
    const s = quotaState([frontline, technical, civil, frontline], { ...defaultQuotaRules, womenMin: 50, migrantMin: 30 }, 10);
    expect(rule(s, 'womenMin')).toMatchObject({ count: 2, percent: 50, holds: true });
    expect(rule(s, 'migrantMin')).toMatchObject({ count: 1, percent: 25, holds: false });
  });

  it('counts the list against the places', () => {
    expect(quotaState(list(0, 3), defaultQuotaRules, 3)).toMatchObject({ count: 3, places: 3, placesHold: true, holds: true });
    expect(quotaState(list(0, 4), defaultQuotaRules, 3)).toMatchObject({ placesHold: false, holds: false });
  });
});

describe('what-if before a change is saved', () => {
  it('names the rule an added 企业负责人 would break, with the share after: 3 of 13 = 23.1% > 22%', () => {
    const w = whatIf(list(2, 10), { add: manager }, defaultQuotaRules, 50);
    expect(w.before.holds).toBe(true);
    expect(w.breaks.map((b) => b.rule)).toEqual(['managerMax']);
    expect(w.warnings[0]!.zh).toBe('加入后 企业负责人占比 23.1% > 22%');
    expect(w.warnings[0]!.en).toBe('After adding: Share of enterprise heads 23.1% > 22%');
  });

  it('adding a front-line worker breaks nothing; removing one can break the ≥ 55% rule', () => {
    expect(whatIf(list(2, 10), { add: frontline }, defaultQuotaRules, 50).breaks).toEqual([]);
    const w = whatIf(list(0, 11, 9), { removeIndex: 0 }, defaultQuotaRules, 50);
    expect(w.breaks.map((b) => b.rule)).toEqual(['frontlineTechnicalMin']);
    expect(w.warnings[0]!.zh).toMatch(/^移出后 一线工人和专业技术人员占比 52.6% < 55%$/);
  });

  it('a rule already broken is not reported as newly broken; going over the places is', () => {
    const w = whatIf(list(5, 5), { add: manager }, defaultQuotaRules, 11);
    expect(w.breaks).toEqual([]);
    expect(w.after.holds).toBe(false);
    expect(whatIf(list(0, 3), { add: frontline }, defaultQuotaRules, 3).overPlaces).toBe(true);
  });
});
