import { describe, expect, it } from 'vitest';
import type { Role } from '@ufp/core/roles';
import type { DecideContext } from '@ufp/kit/transition';
import { campaignSettings, newCampaign, type Campaign } from './campaign.js';
import { defaultLadder, findHonour } from './ladder.js';
import { approve, assertApprovable, assertEligible, assertNominator, close, review, vet, type Nomination } from './nomination.js';
import { awardHonour, type Person } from './person.js';

const ctx = (today: string, sub = 'staff', roles: Role[] = ['federation_staff'], unitId?: string): DecideContext => ({
  now: new Date(`${today}T04:00:00Z`),
  today,
  scope: { kind: 'tenant', tenantId: 't', divisionCode: '321281', actor: { sub, roles }, ...(unitId ? { unitId } : {}) },
});
const person: Person = {
  personId: 'p1', tenantId: 't', name: '王建国', nameMasked: '王**', idMasked: '3212**********0013', idEncrypted: 'x', idIndex: 'i', provinceIndex: 'pi',
  gender: 'male', birthDate: '1970-05-15', ethnicity: '汉族', politicalStatus: 'masses', education: 'secondary', occupation: 'frontline', migrantWorker: false,
  skillGrade: 'grade1', unitId: 'u1', employers: [], deputies: [], status: 'active', statusHistory: [], honours: [], createdBy: 's', version: 1, createdAt: '', updatedAt: '',
};
const type = (code: string) => findHonour(defaultLadder, code)!;
const holding = (code: string, year: number) => awardHonour(person, { honourId: `${code}-${year}`, type: type(code), year, conferredBy: '机关' }, ctx('2026-05-10')).after;

const campaign: Campaign = {
  ...newCampaign(type('city_model_worker'), { title: '2026年市劳模评选', year: 2026, opensOn: '2026-03-01', closesOn: '2026-06-30', places: 10 }, { campaignId: 'c1', tenantId: 't' }, ctx('2026-03-01')),
  status: 'publicity',
  publicity: { startsOn: '2026-09-30', endsOn: '2026-10-12', by: 'staff' },
};
const nomination: Nomination = {
  nominationId: 'n1', tenantId: 't', campaignId: 'c1', personId: 'p1', nameMasked: '王**', name: '王建国', unitId: 'u1', occupation: 'frontline', gender: 'male', migrantWorker: false,
  minutesRef: '职代会纪要', minutes: { evidenceId: 'e1', fileName: '职代会纪要.pdf', contentType: 'application/pdf', sizeBytes: 64 }, deedsShort: '事迹', deedsLong: '详细事迹', status: 'nominated', quotaAcknowledged: [], nominated: { by: 'reporter', on: '2026-05-01' }, vetting: {}, version: 1, createdAt: '', updatedAt: '',
};
const vetted = (n: Nomination) => campaign.agencies.reduce((acc, agency) => vet(acc, { agency, on: '2026-10-09', document: `${agency}证明`, agencies: campaign.agencies }, ctx('2026-10-10')).after, n);

describe('campaign settings', () => {
  it('start from the defaults (≤ 22%, ≥ 55%, five agencies, 5 working days) and a campaign can change each', () => {
    expect(campaign).toMatchObject({ rules: { managerMax: 22, frontlineTechnicalMin: 55, womenMin: 0, migrantMin: 0 }, agencies: ['工商', '税务', '纪检', '人社', '安监'], publicityDays: 5 });
    const s = campaignSettings({ title: 't', year: 2026, opensOn: '2026-03-01', closesOn: '2026-03-31', places: 5, rules: { womenMin: 30 }, agencies: ['纪检'], publicityDays: 7 });
    expect(s).toMatchObject({ rules: { managerMax: 22, womenMin: 30 }, agencies: ['纪检'], publicityDays: 7 });
    expect(() => campaignSettings({ title: 't', year: 2026, opensOn: '2026-03-31', closesOn: '2026-03-01', places: 5 })).toThrow(/早于开始日/);
  });
});

describe('who may be nominated', () => {
  it('「全国五一劳动奖章」needs an honour of 省部级 or above in force; a city honour is not enough', () => {
    expect(() => assertEligible(holding('city_model_worker', 2020), type('national_may_day_medal'), 2026, '2026-05-10')).toThrow('「全国五一劳动奖章」须已获得省部级及以上荣誉');
    expect(() => assertEligible(holding('provincial_model_worker', 2020), type('national_may_day_medal'), 2026, '2026-05-10')).not.toThrow();
  });

  it('a revoked prerequisite does not count', () => {
    const p = holding('provincial_model_worker', 2020);
    const revoked = { ...p, honours: p.honours.map((h) => ({ ...h, revoked: { on: '2025-01-01', document: 'd', reason: 'r', by: 's' } })) };
    expect(() => assertEligible(revoked, type('national_may_day_medal'), 2026, '2026-05-10')).toThrow(/须已获得省部级/);
  });

  it('the same honour within its period excludes, naming the year: 市劳模 2022 excludes 2026 (5 years), 2021 does not', () => {
    expect(() => assertEligible(holding('city_model_worker', 2022), type('city_model_worker'), 2026, '2026-05-10')).toThrow('王** 已于 2022 年获得「市级劳动模范」，5 年内不再推荐');
    expect(() => assertEligible(holding('city_model_worker', 2021), type('city_model_worker'), 2026, '2026-05-10')).not.toThrow();
  });

  it('a unit reporter nominates only their own union’s people', () => {
    expect(() => assertNominator(person, ctx('2026-05-10', 'r', ['unit_reporter'], 'u2').scope)).toThrow(/本单位/);
    expect(() => assertNominator(person, ctx('2026-05-10', 'r', ['unit_reporter'], 'u1').scope)).not.toThrow();
  });
});

describe('each step by a different person and role', () => {
  it('县审核 is federation staff’s, and never the nominator’s', () => {
    expect(() => review(nomination, {}, ctx('2026-07-01', 'admin', ['federation_admin']))).toThrow(/工会工作人员/);
    expect(() => review({ ...nomination, nominated: { by: 'staff', on: '2026-05-01' } }, {}, ctx('2026-07-01'))).toThrow(/推荐人不能审核/);
    expect(review(nomination, {}, ctx('2026-07-01')).after).toMatchObject({ status: 'reviewed', reviewed: { by: 'staff' } });
  });

  it('审批 is the admin’s, never the reviewer’s, after the 公示, with every objection decided and every agency’s vetting', () => {
    const reviewed = review(nomination, {}, ctx('2026-07-01')).after;
    const admin = (today: string, sub = 'admin') => ctx(today, sub, ['federation_admin']);
    expect(() => assertApprovable(vetted(reviewed), campaign, 0, ctx('2026-10-13'))).toThrow(/工会负责人/);
    expect(() => assertApprovable(vetted(reviewed), campaign, 0, { ...admin('2026-10-13', 'staff'), scope: { ...admin('2026-10-13').scope, actor: { sub: 'staff', roles: ['federation_admin', 'federation_staff'] } } })).toThrow(/审核人/);
    expect(() => assertApprovable(vetted(reviewed), campaign, 0, admin('2026-10-12'))).toThrow('公示期至 2026-10-12，公示结束后方可审批');
    expect(() => assertApprovable(vetted(reviewed), campaign, 1, admin('2026-10-13'))).toThrow(/1 条公示异议尚未处理/);
    const partly = vet(reviewed, { agency: '税务', on: '2026-10-09', document: '完税证明', agencies: campaign.agencies }, ctx('2026-10-10')).after;
    expect(() => assertApprovable(partly, campaign, 0, admin('2026-10-13'))).toThrow('尚缺联审意见：工商、纪检、人社、安监');
    expect(() => assertApprovable(vetted(reviewed), campaign, 0, admin('2026-10-13'))).not.toThrow();
    expect(approve(vetted(reviewed), { honourId: 'h' }, admin('2026-10-13'))).toMatchObject({ status: 'approved', approved: { by: 'admin', honourId: 'h' } });
  });

  it('vetting names only the campaign’s agencies; a withdrawn nomination takes no further step', () => {
    expect(() => vet(nomination, { agency: '海关', on: '2026-10-09', document: 'd', agencies: campaign.agencies }, ctx('2026-10-10'))).toThrow(/不在本次评选的联审部门中/);
    const withdrawn = close(nomination, { to: 'withdrawn', reason: '本人申请' }, ctx('2026-07-01', 'reporter', ['unit_reporter'])).after;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', closed: { reason: '本人申请' } });
    expect(() => review(withdrawn, {}, ctx('2026-07-01'))).toThrow(/不能再审核/);
  });
});
