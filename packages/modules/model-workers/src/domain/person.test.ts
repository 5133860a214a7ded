import { describe, expect, it } from 'vitest';
import type { DecideContext } from '@ufp/kit/transition';
import { defaultLadder, findHonour } from './ladder.js';
import { assertLadder } from './ladder-rules.js';
import { awardHonour, changeStatus, honourMetrics, honoursInForce, revokeHonour, treatmentLevelOn, type Person } from './person.js';
import { provinceSummary } from './province.js';

const ctx = (today: string): DecideContext => ({ now: new Date(`${today}T04:00:00Z`), today, scope: { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub: 'staff', roles: ['federation_staff'] } } });
const base: Person = {
  personId: 'p1', tenantId: 't', name: '王建国', nameMasked: '王**', idMasked: '3212**********0013', idEncrypted: 'x', idIndex: 'i', provinceIndex: 'pi',
  gender: 'male', birthDate: '1970-05-15', ethnicity: '汉族', politicalStatus: 'masses', education: 'secondary', occupation: 'frontline', migrantWorker: false,
  skillGrade: 'grade1', employers: [], deputies: [], status: 'active', statusHistory: [], honours: [], createdBy: 's', version: 1, createdAt: '', updatedAt: '',
};
const award = (p: Person, code: string, year: number, today = '2026-05-10') => awardHonour(p, { honourId: `${code}-${year}`, type: findHonour(defaultLadder, code)!, year, conferredBy: '机关' }, ctx(today)).after;

describe('honours of a person', () => {
  it('a 全国五一奖章 gives national level and 省部级 treatment', () => {
    const p = award(base, 'national_may_day_medal', 2024);
    expect(treatmentLevelOn(p, '2026-05-10')).toBe('provincial');
  });

  it('the same honour twice in a year is refused; a year after this one is refused', () => {
    const p = award(base, 'city_model_worker', 2024);
    expect(() => award(p, 'city_model_worker', 2024)).toThrow(/已记录/);
    expect(() => award(base, 'city_model_worker', 2027)).toThrow(/晚于今年/);
  });

  it('revocation stops the honour from its day: in force the day before, not on the day', () => {
    const p = award(base, 'provincial_model_worker', 2020);
    const revoked = revokeHonour(p, { honourId: 'provincial_model_worker-2020', on: '2026-03-01', document: '文件', reason: '撤销原因' }, ctx('2026-05-10')).after;
    expect(honoursInForce(revoked, '2026-02-28')).toHaveLength(1);
    expect(honoursInForce(revoked, '2026-03-01')).toHaveLength(0);
    expect(treatmentLevelOn(revoked, '2026-03-01')).toBeUndefined();
  });

  it('a revocation dated before the year conferred or after today is refused', () => {
    const p = award(base, 'provincial_model_worker', 2020);
    expect(() => revokeHonour(p, { honourId: 'provincial_model_worker-2020', on: '2019-12-31', document: 'd', reason: 'rr' }, ctx('2026-05-10'))).toThrow(/早于授予年度/);
    expect(() => revokeHonour(p, { honourId: 'provincial_model_worker-2020', on: '2026-05-11', document: 'd', reason: 'rr' }, ctx('2026-05-10'))).toThrow(/晚于今天/);
  });

  it('rollup deltas move a person between level buckets, never double count', () => {
    const p = award(base, 'city_model_worker', 2020);
    expect(honourMetrics(undefined, p, '2026-05-10')).toEqual({ 'modelWorkers.people': 1, 'modelWorkers.people.city': 1, 'modelWorkers.people.status.active': 1 });
    const q = award(p, 'provincial_model_worker', 2025);
    expect(honourMetrics(p, q, '2026-05-10')).toEqual({ 'modelWorkers.people.city': -1, 'modelWorkers.people.provincial': 1 });
  });
});

describe('status of a person', () => {
  it('在职 → 退休 → 去世 is allowed; 去世 is final; a date before the last change is refused', () => {
    const retired = changeStatus(base, { status: 'retired', on: '2026-01-01' }, ctx('2026-05-10')).after;
    expect(() => changeStatus(retired, { status: 'deceased', on: '2025-12-31' }, ctx('2026-05-10'))).toThrow(/早于上一次/);
    const dead = changeStatus(retired, { status: 'deceased', on: '2026-02-01' }, ctx('2026-05-10')).after;
    expect(() => changeStatus(dead, { status: 'active', on: '2026-03-01' }, ctx('2026-05-10'))).toThrow(/不能从/);
  });
});

describe('the ladder', () => {
  it('the shipped ladder passes its own rules; a repeated code and a prerequisite above the level are refused', () => {
    expect(() => assertLadder(defaultLadder)).not.toThrow();
    expect(() => assertLadder([defaultLadder[0]!, defaultLadder[0]!])).toThrow(/重复/);
    expect(() => assertLadder([{ ...findHonour(defaultLadder, 'city_model_worker')!, prerequisiteLevel: 'national' }])).toThrow(/前置/);
    expect(() => assertLadder([defaultLadder[0]!], new Set(['city_model_worker']))).toThrow(/不能删除/);
  });
});

describe('the province view', () => {
  it('counts a person recorded by two federations once, with the same honour recorded twice as one', () => {
    const s = provinceSummary(
      [
        { provinceIndex: 'a', tenantId: 'city', honours: [{ code: 'city_model_worker', level: 'city', year: 2012 }] },
        { provinceIndex: 'a', tenantId: 'county', honours: [{ code: 'city_model_worker', level: 'city', year: 2012 }, { code: 'provincial_model_worker', level: 'provincial', year: 2020 }] },
        { provinceIndex: 'b', tenantId: 'county', honours: [{ code: 'city_model_worker', level: 'city', year: 2015, revokedOn: '2026-01-01' }] },
      ],
      '2026-05-10',
    );
    expect(s).toMatchObject({ people: 1, multiFederation: 1, honours: 2, revokedHonours: 1, byHighestLevel: { provincial: 1, city: 0 } });
  });
});
