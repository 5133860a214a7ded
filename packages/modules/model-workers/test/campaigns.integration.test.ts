import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, reporterOf, SAMPLE_PDF, staffOf, startTestPlatform, type ApiResult, type TestPlatform } from '@ufp/testing/platform';
import { fileMinutes } from './minutes.js';

/** A 市劳模 campaign end to end: the list with its live quota, 县审核, 公示 across 国庆 with public objections, 联审, a refused and a granted 审批. */
let p: TestPlatform;
const T = '321281';
const staff = staffOf(T);
const admin = adminOf(T);
let unitA: string;
let unitB: string;
let campaignId: string;
const people: Record<string, string> = {};

async function ok<T = any>(res: Promise<ApiResult<T>>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}
const at = (day: string) => p.clock.set(new Date(`${day}T02:00:00Z`));
const deeds = { minutesRef: '职代会决议〔2026〕3号', deedsShort: '扎根一线二十年，技术革新十二项。', deedsLong: '扎根一线二十年，技术革新十二项，带出徒弟三十人，其中高级技师五人。' };
const nominate = (who: any, key: string, extra: Record<string, unknown> = {}) => p.mutate(who, 'modelWorkers.nominations.create', { campaignId, personId: people[key], ...deeds, ...extra });

beforeAll(async () => {
  p = await startTestPlatform();
  at('2026-05-10');
  await createTenant(p, T, T);
  unitA = (await createUnit(p, T, { name: '甲机械厂工会' })).unitId;
  unitB = (await createUnit(p, T, { name: '乙纺织厂工会' })).unitId;
  const make = async (key: string, seq: number, over: Record<string, unknown>) => {
    people[key] = (await ok(p.mutate(staff, 'modelWorkers.people.create', { idNumber: demoIdNumber(T, '19750301', seq), name: `评选测试${key}`, education: 'secondary', occupation: 'frontline', ...over }))).personId;
  };
  await make('甲', 11, { unitId: unitA });
  await make('乙', 12, { unitId: unitB, occupation: 'manager' });
  await make('丙', 13, { unitId: unitA, occupation: 'technical' });
  await make('丁', 14, { unitId: unitB });
  await ok(p.mutate(staff, 'modelWorkers.honours.award', { personId: people['丁'], code: 'city_model_worker', year: 2023, conferredBy: '泰州市人民政府' }));
});
afterAll(() => p?.dispose());

describe('a nomination campaign', () => {
  it('staff create it with the default quota rules and agencies, and open it', async () => {
    const c = await ok(p.mutate(staff, 'modelWorkers.campaigns.create', { code: 'city_model_worker', title: '2026年度市劳动模范推荐', year: 2026, opensOn: '2026-05-01', closesOn: '2026-09-30', places: 3 }));
    expect(c).toMatchObject({ status: 'draft', rules: { managerMax: 22, frontlineTechnicalMin: 55 }, agencies: ['工商', '税务', '纪检', '人社', '安监'], publicityDays: 5 });
    campaignId = c.campaignId;
    const closed = await nominate(staff, '甲');
    expect(closed.status).toBe(409);
    await ok(p.mutate(staff, 'modelWorkers.campaigns.publish', { campaignId }));
  });

  it('a unit reporter nominates their own union’s people only; a person once per campaign', async () => {
    await ok(nominate(reporterOf(T, unitA), '甲'));
    const other = await nominate(reporterOf(T, unitA), '乙', { acknowledgeQuota: true });
    expect(other.status).toBe(404);
    const again = await nominate(staff, '甲');
    expect(again.status).toBe(409);
    expect(again.error?.message).toContain('每次评选只推荐一次');
  });

  it('what-if warns BEFORE saving that adding the 企业负责人 breaks the rule; saving without acknowledging is 409 naming it', async () => {
    const w = await ok(p.query(staff, 'modelWorkers.campaigns.whatIf', { campaignId, add: people['乙'] }));
    expect(w.warnings.map((x: any) => x.zh)).toContain('加入后 企业负责人占比 50% > 22%');
    expect((await ok(p.query(staff, 'modelWorkers.campaigns.quota', { campaignId }))).count).toBe(1);
    const refused = await nominate(admin, '乙');
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toContain('企业负责人占比 50% > 22%');
    expect((await ok(p.query(staff, 'modelWorkers.campaigns.quota', { campaignId }))).count).toBe(1);
    const added = await ok(nominate(admin, '乙', { acknowledgeQuota: true }));
    expect(added.quotaAcknowledged).toContain('managerMax');
    const q = await ok(p.query(staff, 'modelWorkers.campaigns.quota', { campaignId }));
    expect(q.rules.find((r: any) => r.rule === 'managerMax')).toMatchObject({ count: 1, total: 2, percent: 50, holds: false });
  });

  it('refuses a person who holds the honour within its period, naming the year; over the places is refused', async () => {
    const excluded = await nominate(staff, '丁', { acknowledgeQuota: true });
    expect(excluded.status).toBe(409);
    expect(excluded.error?.message).toContain('已于 2023 年获得「市级劳动模范」');
    await ok(nominate(reporterOf(T, unitA), '丙'));
    const w = await ok(p.query(staff, 'modelWorkers.campaigns.whatIf', { campaignId, add: people['丁'] }));
    expect(w.overPlaces).toBe(true);
  });

  it('the minutes file: the nominating union’s reporter uploads it; another union’s reporter cannot see or replace it; review waits for it', async () => {
    const list = await ok(p.query(staff, 'modelWorkers.nominations.list', { campaignId }));
    const first = list.find((n: any) => n.unitId === unitA);
    const ref = { campaignId, nominationId: first.nominationId };
    const early = await p.mutate(staff, 'modelWorkers.nominations.review', { ...ref, note: '材料齐全' });
    expect(early.status).toBe(409);
    expect(early.error?.message).toContain('尚未上传职代会/民主推荐会议纪要');
    const stranger = await p.mutate(reporterOf(T, unitB), 'modelWorkers.evidence.createMinutesUpload', { ...ref, fileName: '纪要.pdf', contentType: 'application/pdf', sizeBytes: SAMPLE_PDF.length });
    expect(stranger.status).toBe(404);
    const spreadsheet = await p.mutate(reporterOf(T, unitA), 'modelWorkers.evidence.createMinutesUpload', { ...ref, fileName: '纪要.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 100 });
    expect(spreadsheet.status).toBe(400);
    expect(spreadsheet.error?.message).toContain('会议纪要只接受');
    const filed = await fileMinutes(p, reporterOf(T, unitA), ref);
    expect(filed.minutes).toMatchObject({ fileName: '职代会决议.pdf', contentType: 'application/pdf' });
    const evidenceId = filed.minutes.evidenceId;
    expect((await p.mutate(reporterOf(T, unitB), 'modelWorkers.evidence.url', { evidenceId })).status).toBe(404);
    const link = await ok(p.mutate(staff, 'modelWorkers.evidence.url', { evidenceId }));
    expect(new Uint8Array(await (await p.runtime.app.request(link.url)).arrayBuffer())).toEqual(SAMPLE_PDF);
    const audit = await ok(p.query(admin, 'audit.list', { action: 'modelWorkers.nominations.attachMinutes' }));
    expect(audit.items.map((a: any) => a.summary)).toEqual(expect.arrayContaining([expect.stringContaining('上传推荐会议纪要 职代会决议.pdf')]));
  });

  it('county review by staff (never the nominator), then 公示 for 5 working days across 国庆', async () => {
    const list = await ok(p.query(staff, 'modelWorkers.nominations.list', { campaignId }));
    for (const n of list.filter((n: any) => !n.minutes)) await fileMinutes(p, admin, { campaignId, nominationId: n.nominationId });
    for (const n of list) await ok(p.mutate(staff, 'modelWorkers.nominations.review', { campaignId, nominationId: n.nominationId, note: '材料齐全' }));
    const reviewed = list[0];
    const late = await p.mutate(admin, 'modelWorkers.evidence.createMinutesUpload', { campaignId, nominationId: reviewed.nominationId, fileName: '纪要.pdf', contentType: 'application/pdf', sizeBytes: SAMPLE_PDF.length });
    expect(late.status).toBe(409);
    at('2026-09-30');
    const c = await ok(p.mutate(staff, 'modelWorkers.campaigns.startPublicity', { campaignId, startsOn: '2026-09-30' }));
    expect(c.publicity).toMatchObject({ startsOn: '2026-09-30', endsOn: '2026-10-12' });
    const notice = await ok(p.query(null, 'modelWorkers.objections.notice', { tenantId: T, campaignId }));
    expect(notice.entries).toHaveLength(3);
    expect(notice.entries.map((e: any) => e.nameMasked)).toEqual(expect.arrayContaining([expect.stringMatching(/^评\*+$/)]));
    expect(notice.entries.find((e: any) => e.unitName === '甲机械厂工会')).toBeTruthy();
    expect(JSON.stringify(notice)).not.toMatch(/评选测试|idMasked|\d{17}|staff-/);
  });

  it('takes public objections during 公示 only (one per client, nominee and day); an upheld one rejects the nominee', async () => {
    const list = await ok(p.query(staff, 'modelWorkers.nominations.list', { campaignId }));
    const byName = (k: string) => list.find((n: any) => n.personId === people[k]);
    at('2026-10-08');
    await ok(p.mutate(null, 'modelWorkers.objections.submit', { tenantId: T, campaignId, nominationId: byName('甲').nominationId, text: '该同志事迹中的技术革新项目数量存疑' }));
    const twice = await p.mutate(null, 'modelWorkers.objections.submit', { tenantId: T, campaignId, nominationId: byName('甲').nominationId, text: '再次反映技术革新项目数量存疑' });
    expect(twice.status).toBe(409);
    await ok(p.mutate(null, 'modelWorkers.objections.submit', { tenantId: T, campaignId, nominationId: byName('乙').nominationId, text: '该企业负责人所在企业存在欠薪问题' }));
    const objections = await ok(p.query(staff, 'modelWorkers.objections.list', { campaignId }));
    expect(objections).toHaveLength(2);
    const onB = objections.find((o: any) => o.nominationId === byName('乙').nominationId);
    await ok(p.mutate(staff, 'modelWorkers.objections.decide', { campaignId, objectionId: onB.objectionId, outcome: 'upheld', reason: '经人社部门核实存在欠薪' }));
    expect((await ok(p.query(staff, 'modelWorkers.nominations.get', { campaignId, nominationId: byName('乙').nominationId }))).status).toBe('rejected');
    // Off the list: the live quota no longer counts the rejected 企业负责人.
    const q = await ok(p.query(staff, 'modelWorkers.campaigns.quota', { campaignId }));
    expect(q.count).toBe(2);
    expect(q.rules.find((r: any) => r.rule === 'managerMax')).toMatchObject({ count: 0, holds: true });
    at('2026-10-13');
    const late = await p.mutate(null, 'modelWorkers.objections.submit', { tenantId: T, campaignId, nominationId: byName('甲').nominationId, text: '公示结束后的异议内容' });
    expect(late.status).toBe(409);
  });

  it('审批 is refused during 公示, with an undecided objection or missing vetting; the approval records the honour on the person', async () => {
    const list = await ok(p.query(staff, 'modelWorkers.nominations.list', { campaignId }));
    const n = list.find((x: any) => x.personId === people['甲']);
    const approve = () => p.mutate(admin, 'modelWorkers.nominations.approve', { campaignId, nominationId: n.nominationId, conferredBy: '泰州市人民政府' });
    at('2026-10-12');
    expect((await approve()).error?.message).toContain('公示期至 2026-10-12');
    at('2026-10-13');
    const undecided = await approve();
    expect(undecided.status).toBe(409);
    expect(undecided.error?.message).toContain('公示异议尚未处理');
    const [objection] = (await ok(p.query(staff, 'modelWorkers.objections.list', { campaignId }))).filter((o: any) => o.nominationId === n.nominationId);
    await ok(p.mutate(staff, 'modelWorkers.objections.decide', { campaignId, objectionId: objection.objectionId, outcome: 'dismissed', reason: '经核实事迹属实' }));
    await ok(p.mutate(staff, 'modelWorkers.nominations.vet', { campaignId, nominationId: n.nominationId, agency: '税务', on: '2026-10-09', document: '完税证明' }));
    const missing = await approve();
    expect(missing.status).toBe(409);
    expect(missing.error?.message).toContain('尚缺联审意见：工商、纪检、人社、安监');
    for (const agency of ['工商', '纪检', '人社', '安监']) await ok(p.mutate(staff, 'modelWorkers.nominations.vet', { campaignId, nominationId: n.nominationId, agency, on: '2026-10-09', document: `${agency}意见` }));
    const byStaff = await p.mutate(staff, 'modelWorkers.nominations.approve', { campaignId, nominationId: n.nominationId, conferredBy: '泰州市人民政府' });
    expect(byStaff.status).toBe(403);
    const approved = await ok(approve());
    expect(approved).toMatchObject({ status: 'approved', approved: { by: admin.sub, on: '2026-10-13' } });
    const person = await ok(p.query(staff, 'modelWorkers.people.get', { personId: people['甲'] }));
    expect(person.honours).toEqual([expect.objectContaining({ code: 'city_model_worker', year: 2026, nominationId: n.nominationId, honourId: approved.approved.honourId })]);
    const audit = await ok(p.query(admin, 'audit.list', { limit: 50 }));
    const actions = audit.items.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['modelWorkers.nominations.approve', 'modelWorkers.honours.award', 'modelWorkers.objections.submit', 'modelWorkers.objections.decide', 'modelWorkers.campaigns.startPublicity']));
    expect((await approve()).status).toBe(409);
  });

  it('two additions racing for the last place cannot both pass the places check', async () => {
    at('2026-11-02');
    const c = await ok(p.mutate(staff, 'modelWorkers.campaigns.create', { code: 'city_craftsman', title: '2026年度市工匠推荐', year: 2026, opensOn: '2026-11-01', closesOn: '2026-11-30', places: 1 }));
    await ok(p.mutate(staff, 'modelWorkers.campaigns.publish', { campaignId: c.campaignId }));
    const race = await Promise.all(['丙', '丁'].map((k) => p.mutate(staff, 'modelWorkers.nominations.create', { campaignId: c.campaignId, personId: people[k], ...deeds })));
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await ok(p.query(staff, 'modelWorkers.campaigns.quota', { campaignId: c.campaignId }))).count).toBe(1);
    expect(await ok(p.query(staff, 'modelWorkers.nominations.list', { campaignId: c.campaignId }))).toHaveLength(1);
  });
});
