import { describe, expect, it } from 'vitest';
import { ageOn, assertEligible, meetsAgeLimit, registrationRefusals, registrationRulesSchema, type Applicant } from './registration.js';
import { refusal } from '@ufp/testing/refusal';

const rules = registrationRulesSchema.parse({
  opensAt: '2026-03-25T00:00:00.000Z',
  closesAt: '2026-04-30T09:00:00.000Z',
  trades: ['instrument_fitter', 'chemical_tester'],
  minGrade: 'grade3',
  ageLimits: [{ years: 35, wording: 'atMost', referenceDate: '2026-06-01', basis: { zh: '青年岗位能手', en: 'Youth Post Expert' } }],
});
const ok: Applicant = { personId: 'p1', unitId: 'u1', member: true, birthDate: '1995-01-01', trade: 'instrument_fitter', skillGrade: 'grade2' };
const open = new Date('2026-04-01T00:00:00.000Z');
const rulesOf = (a: Applicant, now = open) => registrationRefusals(rules, a, 'u1', now).map((r) => r.rule);

describe('age in full years', () => {
  it('counts the birthday itself; a 02-29 birthday comes on 03-01 in a common year', () => {
    expect(ageOn('1991-06-01', '2026-06-01')).toBe(35);
    expect(ageOn('1991-06-02', '2026-06-01')).toBe(34);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });

  it('the wording decides the boundary (民法典 第1259条): 以下 includes 35, 不满 does not', () => {
    expect(meetsAgeLimit(35, { years: 35, wording: 'atMost' })).toBe(true);
    expect(meetsAgeLimit(36, { years: 35, wording: 'atMost' })).toBe(false);
    expect(meetsAgeLimit(35, { years: 35, wording: 'under' })).toBe(false);
    expect(meetsAgeLimit(18, { years: 18, wording: 'atLeast' })).toBe(true);
    expect(meetsAgeLimit(60, { years: 60, wording: 'over' })).toBe(false);
  });
});

describe('registration eligibility', () => {
  it('accepts an own-unit member of an accepted trade and grade, within the window', () => {
    expect(rulesOf(ok)).toEqual([]);
    expect(() => assertEligible(rules, ok, 'u1', open)).not.toThrow();
  });

  it('35周岁以下: exactly 35 on the reference date passes (to the day before the 36th birthday); 36 is refused naming the rule', () => {
    expect(rulesOf({ ...ok, birthDate: '1991-06-01' })).toEqual([]);
    expect(rulesOf({ ...ok, birthDate: '1990-06-02' })).toEqual([]);
    const refusals = registrationRefusals(rules, { ...ok, birthDate: '1990-06-01' }, 'u1', open);
    expect(refusals).toEqual([
      { rule: 'age', field: 'birthDate', text: { zh: '年龄须35周岁以下（含35周岁）（青年岗位能手）：截至 2026-06-01 为 36 周岁', en: 'Age must be 35 years or younger (Youth Post Expert): 36 on 2026-06-01' } },
    ]);
  });

  it('不满35周岁 refuses exactly 35', () => {
    const under = { ...rules, ageLimits: [{ years: 35, wording: 'under' as const, referenceDate: '2026-06-01' }] };
    expect(registrationRefusals(under, { ...ok, birthDate: '1991-06-01' }, 'u1', open)[0]!.text.zh).toBe('年龄须不满35周岁：截至 2026-06-01 为 35 周岁');
  });

  it('the window includes its first and last instants (platform clock)', () => {
    expect(rulesOf(ok, new Date('2026-03-25T00:00:00.000Z'))).toEqual([]);
    expect(rulesOf(ok, new Date('2026-04-30T09:00:00.000Z'))).toEqual([]);
    expect(rulesOf(ok, new Date('2026-04-30T09:00:00.001Z'))).toEqual(['window']);
    expect(rulesOf(ok, new Date('2026-03-24T23:59:59.999Z'))).toEqual(['window']);
    expect(registrationRefusals(rules, ok, 'u1', new Date('2026-05-01T00:00:00.000Z'))[0]!.text.zh).toBe('报名时间为 2026-03-25 08:00 至 2026-04-30 17:00，现在不在报名时间内');
  });

  it('names trade, grade, unit and membership refusals', () => {
    expect(registrationRefusals(rules, { ...ok, trade: 'welder' }, 'u1', open)[0]!.text.zh).toBe('本赛项只接受工种：instrument_fitter、chemical_tester');
    expect(registrationRefusals(rules, { ...ok, skillGrade: 'grade4' }, 'u1', open)[0]!.text.zh).toBe('职业技能等级须为高级工及以上（本人：中级工）');
    expect(rulesOf({ ...ok, skillGrade: 'grade3' })).toEqual([]);
    expect(registrationRefusals({ ...rules, maxGrade: 'grade3' }, ok, 'u1', open)[0]!.text.en).toBe('The skill grade must be Senior worker or below (theirs: Technician)');
    expect(rulesOf({ ...ok, unitId: 'u2', member: false })).toEqual(['unit', 'membership']);
  });

  it('throws the first refusal: outside the window a conflict, otherwise invalid with the field', () => {
    expect(refusal(() => assertEligible(rules, { ...ok, trade: 'x' }, 'u1', new Date('2026-05-01T00:00:00.000Z')))).toMatchObject({ kind: 'conflict', details: { rule: 'window' } });
    expect(refusal(() => assertEligible(rules, { ...ok, trade: 'x' }, 'u1', open))).toMatchObject({ kind: 'invalid', details: { field: 'trade', rule: 'trade' } });
  });
});
