import { describe, expect, it } from 'vitest';
import type { DecideContext } from '@ufp/kit/transition';
import { defaultBenefitAmounts, entitlement, grantSlot } from './benefits.js';
import { defaultLadder, findHonour } from './ladder.js';
import { awardHonour, changeStatus, revokeHonour, type Person } from './person.js';

const ctx = (today: string): DecideContext => ({ now: new Date(`${today}T04:00:00Z`), today, scope: { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'staff', roles: ['federation_staff'] } } });
const base: Person = {
  personId: 'p1', tenantId: 't', name: '王建国', nameMasked: '王**', idMasked: '3212**********0013', idEncrypted: 'x', idIndex: 'i', provinceIndex: 'pi',
  gender: 'male', birthDate: '1970-05-15', ethnicity: '汉族', politicalStatus: 'masses', education: 'secondary', occupation: 'frontline', migrantWorker: false,
  skillGrade: 'grade1', employers: [], deputies: [], status: 'active', statusHistory: [], honours: [], createdBy: 's', version: 1, createdAt: '', updatedAt: '',
};
const award = (p: Person, code: string, year: number) => awardHonour(p, { honourId: `${code}-${year}`, type: findHonour(defaultLadder, code)!, year, conferredBy: '机关' }, ctx('2026-05-10')).after;
const revoke = (p: Person, honourId: string, on: string) => revokeHonour(p, { honourId, on, document: '撤销文件', reason: '弄虚作假' }, ctx('2026-05-10')).after;
const amounts = defaultBenefitAmounts;

describe('benefit amounts by treatment level', () => {
  it('春节慰问 pays ¥500 at 省部级 treatment (a 全国五一奖章) and ¥300 at 市级', () => {
    expect(entitlement(award(base, 'national_may_day_medal', 2024), 'spring_festival', '2026-01-20', amounts)).toEqual({ level: 'provincial', amountFen: 50_000 });
    expect(entitlement(award(base, 'city_model_worker', 2020), 'spring_festival', '2026-01-20', amounts)).toEqual({ level: 'city', amountFen: 30_000 });
  });

  it('荣誉津贴 pays by level; a level without the benefit (0) is refused', () => {
    expect(entitlement(award(base, 'city_model_worker', 2020), 'honour_allowance', '2026-01-20', amounts).amountFen).toBe(6_000);
    expect(() => entitlement(award(base, 'city_model_worker', 2020), 'honour_allowance', '2026-01-20', { ...amounts, honour_allowance: { ...amounts.honour_allowance, city: 0 } })).toThrow(/没有「荣誉津贴」/);
  });

  it('专项补助 pays the amount entered up to its level’s maximum; the fixed kinds take no other amount', () => {
    const p = award(base, 'city_model_worker', 2020);
    expect(entitlement(p, 'special_subsidy', '2026-01-20', amounts, 150_000).amountFen).toBe(150_000);
    expect(() => entitlement(p, 'special_subsidy', '2026-01-20', amounts, 200_001)).toThrow(/不能超过/);
    expect(() => entitlement(p, 'special_subsidy', '2026-01-20', amounts)).toThrow(/请填写/);
    expect(() => entitlement(p, 'spring_festival', '2026-01-20', amounts, 12_345)).toThrow(/按待遇级别发放/);
  });

  it('an honour conferred after the grant day does not count', () => {
    expect(() => entitlement(award(base, 'city_model_worker', 2026), 'spring_festival', '2025-12-31', amounts)).toThrow(/没有有效的劳模荣誉/);
  });
});

describe('revoked honours, deceased and revoked people get nothing', () => {
  const medal = award(base, 'national_may_day_medal', 2024);
  const revoked = revoke(medal, 'national_may_day_medal-2024', '2026-05-10');

  it('a grant on the revocation day is refused naming the honour and the day; the day before still pays', () => {
    expect(() => entitlement(revoked, 'spring_festival', '2026-05-10', amounts)).toThrow('「全国五一劳动奖章」已于 2026-05-10 撤销，自该日起停止待遇');
    expect(() => entitlement(revoked, 'spring_festival', '2026-06-01', amounts)).toThrow(/已于 2026-05-10 撤销/);
    expect(entitlement(revoked, 'spring_festival', '2026-05-09', amounts)).toEqual({ level: 'provincial', amountFen: 50_000 });
  });

  it('a higher honour revoked while a lower one stays in force pays at the lower level and says so', () => {
    const both = revoke(award(award(base, 'city_model_worker', 2020), 'national_may_day_medal', 2024), 'national_may_day_medal-2024', '2026-05-10');
    expect(entitlement(both, 'spring_festival', '2026-05-10', amounts)).toEqual({ level: 'city', amountFen: 30_000, reducedBy: { title: '全国五一劳动奖章', revokedOn: '2026-05-10' } });
  });

  it('a deceased person or one whose title was revoked is refused with the status and its day', () => {
    const dead = changeStatus(medal, { status: 'deceased', on: '2026-03-01' }, ctx('2026-05-10')).after;
    expect(() => entitlement(dead, 'spring_festival', '2026-05-10', amounts)).toThrow('王** 的状态为「去世」（2026-03-01），不能发放待遇');
    const stripped = changeStatus(medal, { status: 'revoked', on: '2026-03-01' }, ctx('2026-05-10')).after;
    expect(() => entitlement(stripped, 'spring_festival', '2026-05-10', amounts)).toThrow(/撤销/);
  });
});

describe('grant slots', () => {
  it('春节慰问 once a year, 荣誉津贴 once a month, 专项补助 unrestricted', () => {
    expect(grantSlot('spring_festival', 'p', '2026-01-20')).toBe('p#2026#spring_festival');
    expect(grantSlot('honour_allowance', 'p', '2026-01-20')).toBe('p#2026-01#honour_allowance');
    expect(grantSlot('special_subsidy', 'p', '2026-01-20')).toBeUndefined();
  });
});
