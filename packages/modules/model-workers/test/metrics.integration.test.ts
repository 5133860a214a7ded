import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import type { Claims } from '@ufp/kit/auth';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, leaderOf, staffOf, startTestPlatform, type ApiResult, type TestPlatform } from '@ufp/testing/platform';
import { fileMinutes } from './minutes.js';

/**
 * The 劳模 rollup indicators a province reads (issue #15): nominations by step and honour level, a campaign's quota
 * compliance recorded once at its first approval, benefits granted by kind (count and fen), surveys submitted and
 * those below the hardship line, 疗休养 places offered and used — equal to a recount of what was done, free of any
 * person's data, and unchanged however often the events behind them are delivered again.
 */
let p: TestPlatform;
const T = '321281';
const staff = staffOf(T);
const admin = adminOf(T);
const nominator: Claims = { sub: `nominator-${T}`, roles: ['federation_staff'], tenantId: T };
let unitId: string;
let campaignId: string;
const people: Record<string, string> = {};
const nominations: Record<string, string> = {};

async function ok<R = any>(res: Promise<ApiResult<R>>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}
const at = (day: string) => p.clock.set(new Date(`${day}T02:00:00Z`));
const deeds = { minutesRef: '职代会决议〔2026〕7号', deedsShort: '扎根一线二十年。', deedsLong: '扎根一线二十年，技术革新十二项，带出徒弟三十人。' };
const overview = async (who: Claims) => (await ok(p.query(who, 'rollups.overview', { year: 2026 }))) as { totals: Record<string, number>; derived: Record<string, number | null> };

async function outboxEnvelopes(): Promise<EventEnvelope[]> {
  const out: EventEnvelope[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name, FilterExpression: 'kind = :k', ExpressionAttributeValues: { ':k': 'event' }, ExclusiveStartKey: start }));
    for (const i of res.Items ?? []) out.push(JSON.parse(String(i.envelope)));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

beforeAll(async () => {
  p = await startTestPlatform();
  at('2026-05-10');
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T, { name: '丙机械厂工会' })).unitId;
  const make = async (key: string, seq: number, over: Record<string, unknown>) => {
    people[key] = (await ok(p.mutate(staff, 'modelWorkers.people.create', { idNumber: demoIdNumber(T, '19720301', seq), name: `统计测试${key}`, education: 'secondary', occupation: 'frontline', phone: '13900002222', unitId, ...over }))).personId;
  };
  await make('甲', 31, { gender: 'female' });
  await make('乙', 32, { occupation: 'technical' });
  await make('丙', 33, { occupation: 'manager' });
  await make('丁', 34, {});
}, 120_000);
afterAll(() => p?.dispose());

describe('the 劳模 rollups', () => {
  it('count each nomination step by the campaign’s honour level, and a campaign’s quota compliance once, at its first approval', async () => {
    // Women ≥ 60% is set: with one woman of two on the list at approval, that rule is broken; the others hold.
    const c = await ok(p.mutate(staff, 'modelWorkers.campaigns.create', { code: 'city_model_worker', title: '2026年度市劳动模范推荐（统计）', year: 2026, opensOn: '2026-05-01', closesOn: '2026-09-30', places: 3, rules: { womenMin: 60 } }));
    campaignId = c.campaignId;
    await ok(p.mutate(staff, 'modelWorkers.campaigns.publish', { campaignId }));
    for (const key of ['甲', '乙', '丙']) nominations[key] = (await ok(p.mutate(nominator, 'modelWorkers.nominations.create', { campaignId, personId: people[key], ...deeds, acknowledgeQuota: true }))).nominationId;
    await ok(p.mutate(nominator, 'modelWorkers.nominations.withdraw', { campaignId, nominationId: nominations['丙'], reason: '本人申请撤回' }));
    for (const key of ['甲', '乙']) await fileMinutes(p, nominator, { campaignId, nominationId: nominations[key]! });
    for (const key of ['甲', '乙']) await ok(p.mutate(staff, 'modelWorkers.nominations.review', { campaignId, nominationId: nominations[key], note: '材料齐全' }));
    at('2026-09-30');
    await ok(p.mutate(staff, 'modelWorkers.campaigns.startPublicity', { campaignId, startsOn: '2026-09-30' }));
    at('2026-10-13');
    for (const key of ['甲', '乙']) {
      for (const agency of ['工商', '税务', '纪检', '人社', '安监']) await ok(p.mutate(staff, 'modelWorkers.nominations.vet', { campaignId, nominationId: nominations[key], agency, on: '2026-10-09', document: `${agency}意见` }));
    }
    await ok(p.mutate(admin, 'modelWorkers.nominations.approve', { campaignId, nominationId: nominations['甲'], conferredBy: '泰州市人民政府' }));
    const recorded = await ok(p.query(staff, 'modelWorkers.campaigns.get', { campaignId }));
    expect(recorded.quotaAtApproval).toMatchObject({ on: '2026-10-13', holds: false, count: 2, places: 3, placesHold: true });
    expect(recorded.quotaAtApproval.rules.find((r: any) => r.rule === 'womenMin')).toMatchObject({ percent: 50, limit: 60, holds: false });
    await ok(p.mutate(admin, 'modelWorkers.nominations.approve', { campaignId, nominationId: nominations['乙'], conferredBy: '泰州市人民政府' }));
    await p.settle();

    const { totals, derived } = await overview(leaderOf('32'));
    expect(totals).toMatchObject({
      'modelWorkers.nominations.nominated': 3,
      'modelWorkers.nominations.nominated.city': 3,
      'modelWorkers.nominations.withdrawn.city': 1,
      'modelWorkers.nominations.reviewed.city': 2,
      'modelWorkers.nominations.approved': 2,
      'modelWorkers.nominations.approved.city': 2,
      // One campaign, checked once though two nominees were approved.
      'modelWorkers.quota.campaigns': 1,
      'modelWorkers.quota.held.managerMax': 1,
      'modelWorkers.quota.held.frontlineTechnicalMin': 1,
      'modelWorkers.quota.broken.womenMin': 1,
      'modelWorkers.quota.places.held': 1,
    });
    expect(totals['modelWorkers.quota.campaignsHeld']).toBeUndefined();
    expect(totals['modelWorkers.nominations.rejected']).toBeUndefined();
    expect(totals['modelWorkers.quota.held.migrantMin'] ?? totals['modelWorkers.quota.broken.migrantMin']).toBeUndefined(); // a rule the campaign does not set
    expect(derived['modelWorkers.quota.complianceRate']).toBe(0);
  });

  it('count benefits granted by kind in count and fen, in the year of the grant', async () => {
    await ok(p.mutate(admin, 'modelWorkers.benefits.setBudget', { year: 2026, budgetFen: 100_000, version: 0 }));
    await ok(p.mutate(staff, 'modelWorkers.benefits.grant', { personId: people['甲'], kind: 'spring_festival', grantedOn: '2026-10-13' }));
    await ok(p.mutate(staff, 'modelWorkers.benefits.grant', { personId: people['乙'], kind: 'honour_allowance', grantedOn: '2026-10-13' }));
    await ok(p.mutate(staff, 'modelWorkers.benefits.grant', { personId: people['乙'], kind: 'special_subsidy', amountFen: 12_345, grantedOn: '2026-10-13' }));
    await p.settle();
    const { totals } = await overview(admin);
    expect(totals).toMatchObject({
      'modelWorkers.benefits.grants': 3,
      'modelWorkers.benefits.amountFen': 30_000 + 6_000 + 12_345,
      'modelWorkers.benefits.grants.spring_festival': 1,
      'modelWorkers.benefits.amountFen.spring_festival': 30_000,
      'modelWorkers.benefits.amountFen.honour_allowance': 6_000,
      'modelWorkers.benefits.amountFen.special_subsidy': 12_345,
    });
  });

  it('count a survey once however often it is corrected, and the hand-overs below the hardship line', async () => {
    const survey = {
      personId: people['甲'],
      year: 2026,
      personIncomeFen: 3_000_000,
      spouseName: '周建国',
      spouseIncomeFen: 1_800_000,
      members: [{ relation: '子女', name: '周小兰', annualIncomeFen: 0, health: '在读' }],
      householdSize: 3,
      illness: true,
      health: '慢性病',
      pensionInsurance: true,
      medicalInsurance: true,
      housingType: 'owned',
      housingAreaM2: 56,
      employmentStatus: 'laid_off',
      difficulties: '医疗支出大',
      hardshipCategory: 'illness',
    };
    const first = await ok(p.mutate(staff, 'modelWorkers.surveys.submit', survey));
    await ok(p.mutate(staff, 'modelWorkers.surveys.submit', { ...survey, version: first.version, housingAreaM2: 58 }));
    await ok(p.mutate(staff, 'modelWorkers.surveys.submit', { ...survey, personId: people['乙'], personIncomeFen: 20_000_000, illness: false, health: undefined, employmentStatus: 'employed', hardshipCategory: 'none' }));
    await p.settle();
    const { totals } = await overview(admin);
    expect(totals).toMatchObject({ 'modelWorkers.surveys.submitted': 2, 'modelWorkers.surveys.belowThreshold': 1 });
  });

  it('count 疗休养 places offered and used in the year the batch starts, a cancellation given back', async () => {
    const batch = await ok(p.mutate(staff, 'modelWorkers.recuperation.create', { title: '2026 年劳模疗休养（统计）', destination: '黄山', startsOn: '2026-11-01', endsOn: '2026-11-07', capacity: 4 }));
    const joined = await ok(p.mutate(staff, 'modelWorkers.recuperation.join', { batchId: batch.batchId, version: batch.version, personIds: [people['甲'], people['乙']] }));
    await ok(p.mutate(staff, 'modelWorkers.recuperation.leave', { batchId: batch.batchId, version: joined.version, personId: people['乙'] }));
    await p.settle();
    const { totals, derived } = await overview(admin);
    expect(totals).toMatchObject({ 'modelWorkers.recuperation.places': 4, 'modelWorkers.recuperation.placesUsed': 1 });
    expect(derived['modelWorkers.recuperation.utilisation']).toBe(2500);
  });

  it('reach the province’s leadership summary for the year, with no person in them', async () => {
    const summary = await ok(p.query(leaderOf('32'), 'modelWorkers.province.summary', undefined));
    expect(summary.indicators).toMatchObject({ year: 2026, values: { 'modelWorkers.nominations.approved': 2, 'modelWorkers.quota.campaigns': 1, 'modelWorkers.benefits.grants': 3, 'modelWorkers.surveys.submitted': 2, 'modelWorkers.recuperation.placesUsed': 1 } });
    expect(Object.keys(summary.indicators.values).every((k: string) => k.startsWith('modelWorkers.'))).toBe(true);
    // The headline figures a leader reads: labelled, formatted by kind, without the per-level breakdown.
    const figure = (key: string) => summary.indicators.figures.find((f: any) => f.key === key);
    expect(figure('modelWorkers.benefits.grants')).toMatchObject({ label: { zh: expect.any(String) }, format: 'integer', value: 3 });
    expect(figure('modelWorkers.recuperation.utilisation')).toMatchObject({ format: 'percent', value: 2500 });
    expect(summary.indicators.figures.some((f: any) => /\.(national|provincial|city)$/.test(f.key))).toBe(false);
    expect(figure('modelWorkers.people')).toBeUndefined();
    const all = JSON.stringify([summary, await overview(leaderOf('32')), await overview(leaderOf('3212'))]);
    expect(all).not.toMatch(/统计测试|周建国|周小兰|1390000|19720301|nominator-|personId|nominationId|surveyId/);
    for (const id of [...Object.values(people), ...Object.values(nominations), campaignId]) expect(all).not.toContain(id);
  });

  it('stay as they are when every event is delivered three more times', async () => {
    await p.settle();
    const before = [await overview(leaderOf('32')), await overview(admin), await ok(p.query(leaderOf('32'), 'modelWorkers.province.summary', undefined))];
    const envelopes = await outboxEnvelopes();
    expect(envelopes.filter((e) => e['detail-type'].startsWith('modelWorkers.') || e['detail-type'] === 'hardship.survey.referred').length).toBeGreaterThan(15);
    for (let round = 0; round < 3; round++) await Promise.all(envelopes.map((e) => p.bus.publish(e)));
    await p.settle();
    const after = [await overview(leaderOf('32')), await overview(admin), await ok(p.query(leaderOf('32'), 'modelWorkers.province.summary', undefined))];
    expect(after).toEqual(before);
  });
});
