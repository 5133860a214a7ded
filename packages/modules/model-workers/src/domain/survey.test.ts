import { describe, expect, it } from 'vitest';
import { dropPercent, householdIncomeFen, surveyChanges, type SurveyAnswers } from './survey.js';

const lastYear: SurveyAnswers = {
  personIncomeFen: 6_000_000,
  spouseIncomeFen: 3_000_000,
  members: [{ relation: '子女', name: '王小明', annualIncomeFen: 1_000_000 }],
  householdSize: 3,
  illness: false,
  pensionInsurance: true,
  medicalInsurance: true,
  housingType: 'owned',
  housingAreaM2: 80,
  employmentStatus: 'employed',
  hardshipCategory: 'none',
};
const codes = (prev: SurveyAnswers | undefined, cur: SurveyAnswers, threshold?: number) => surveyChanges(prev, cur, threshold).map((f) => f.code);

describe('the survey: change from last year', () => {
  it('a first survey flags nothing; the same answers flag nothing', () => {
    expect(codes(undefined, lastYear)).toEqual([]);
    expect(codes(lastYear, { ...lastYear })).toEqual([]);
  });

  it('household income counts the person, the spouse and every member', () => {
    expect(householdIncomeFen(lastYear)).toBe(10_000_000);
  });

  it('flags a household income fall of more than the threshold, not one of exactly the threshold', () => {
    // 10,000,000 → 8,000,000 is exactly 20 %: not flagged at 20; → 7,999,900 is 20.001 %, floored to 20: still not.
    expect(codes(lastYear, { ...lastYear, personIncomeFen: 4_000_000 })).not.toContain('income_down');
    const fell = surveyChanges(lastYear, { ...lastYear, personIncomeFen: 3_000_000 });
    expect(fell.map((f) => f.code)).toEqual(['income_down', 'personal_income_down']);
    expect(fell[0]!.zh).toBe('家庭年收入下降 30%（¥100,000 → ¥70,000）');
    expect(codes(lastYear, { ...lastYear, personIncomeFen: 4_000_000 }, 10)).toContain('income_down');
  });

  it('the fall in percent is rounded down and is zero for a rise or a zero base', () => {
    expect(dropPercent(300, 200)).toBe(33);
    expect(dropPercent(100, 150)).toBe(0);
    expect(dropPercent(0, 0)).toBe(0);
  });

  it('flags a new illness, not an illness already reported', () => {
    expect(codes(lastYear, { ...lastYear, illness: true })).toEqual(['new_illness']);
    expect(codes({ ...lastYear, illness: true }, { ...lastYear, illness: true })).toEqual([]);
  });

  it('flags housing type or area changes, lost insurance, employment and household changes and a newly reported hardship', () => {
    expect(surveyChanges(lastYear, { ...lastYear, housingType: 'rented' })[0]!.zh).toBe('住房由「自有住房」变为「租房」');
    expect(codes(lastYear, { ...lastYear, housingAreaM2: 60 })).toEqual(['housing_changed']);
    expect(surveyChanges(lastYear, { ...lastYear, pensionInsurance: false, medicalInsurance: false })[0]!.zh).toBe('失去养老保险、医疗保险');
    expect(codes({ ...lastYear, medicalInsurance: false }, lastYear)).toEqual([]);
    expect(codes(lastYear, { ...lastYear, employmentStatus: 'laid_off' })).toEqual(['employment_changed']);
    expect(codes(lastYear, { ...lastYear, householdSize: 4 })).toEqual(['household_changed']);
    expect(codes(lastYear, { ...lastYear, hardshipCategory: 'illness' })).toEqual(['newly_in_hardship']);
    expect(codes({ ...lastYear, hardshipCategory: 'illness' }, { ...lastYear, hardshipCategory: 'other' })).toEqual([]);
  });
});
