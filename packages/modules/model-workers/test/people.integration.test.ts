import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import { ok, adminOf, createTenant, createUnit, leaderOf, operator, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;
const CITY = '3212';
const COUNTY = '321281';
const OTHER = '321282';
let unitCounty: string;


const idOf = (seq: number) => demoIdNumber('321281', '19700515', seq);
const person = (seq: number, over: Record<string, unknown> = {}) => ({ idNumber: idOf(seq), name: `劳模测试${seq}`, education: 'secondary', occupation: 'frontline', phone: '13912345678', ...over });

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-10T02:00:00Z'));
  await createTenant(p, CITY, '321200', 'city');
  await createTenant(p, COUNTY, COUNTY);
  await createTenant(p, OTHER, OTHER);
  unitCounty = (await createUnit(p, COUNTY, { type: 'regional', uscc: undefined })).unitId;
});
afterAll(async () => {
  await p?.dispose();
});

describe('劳模 person records', () => {
  it('takes gender and birth date from the ID number, stores the ID only encrypted and answers it masked', async () => {
    const created = await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.people.create', person(1, { unitId: unitCounty })));
    expect(created).toMatchObject({ gender: 'male', birthDate: '1970-05-15', status: 'active', idMasked: expect.stringMatching(/^3212\*+\d{3}[\dX]$/), phoneMasked: expect.stringContaining('*') });
    expect(JSON.stringify(created)).not.toMatch(/Encrypted|idIndex|provinceIndex|13912345678/);
    const items = await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name }));
    expect(JSON.stringify(items.Items)).not.toContain(idOf(1));
  });

  it('one record per person per tenant (409 on the same ID, lower-case x included); another federation keeps its own', async () => {
    await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.people.create', person(2)));
    const again = await p.mutate(adminOf(COUNTY), 'modelWorkers.people.create', person(2, { name: '另一个名字' }));
    expect(again.status).toBe(409);
    expect(again.error?.data.issues?.[0]?.path).toEqual(['idNumber']);
    await ok(p.mutate(staffOf(OTHER), 'modelWorkers.people.create', person(2)));
  });

  it('finds a person by a whole ID number (blind index) or a part of the name; a reporter sees only their unit', async () => {
    const byId = await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { q: idOf(2) }));
    expect(byId.items.map((i: any) => i.name)).toEqual(['劳模测试2']);
    const byName = await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { q: '测试1' }));
    expect(byName.items.map((i: any) => i.name)).toEqual(['劳模测试1']);
    const reporter = await ok(p.query(reporterOf(COUNTY, unitCounty), 'modelWorkers.people.list', {}));
    expect(reporter.items.map((i: any) => i.name)).toEqual(['劳模测试1']);
  });

  it('records honours from the ladder, filters by level, and refuses an honour the ladder lacks', async () => {
    const [created] = (await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { q: '测试1' }))).items;
    let v = await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.honours.award', { personId: created.personId, code: 'national_may_day_medal', year: 2024, conferredBy: '中华全国总工会', certificateNo: 'QG2024-001' }));
    expect(v).toMatchObject({ highestLevel: 'national', treatmentLevel: 'provincial' });
    const twice = await p.mutate(staffOf(COUNTY), 'modelWorkers.honours.award', { personId: created.personId, code: 'national_may_day_medal', year: 2024, conferredBy: '中华全国总工会' });
    expect(twice.status).toBe(409);
    const unknown = await p.mutate(staffOf(COUNTY), 'modelWorkers.honours.award', { personId: created.personId, code: 'no_such_honour', year: 2024, conferredBy: '某机关' });
    expect(unknown.status).toBe(400);
    v = await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.honours.award', { personId: created.personId, code: 'city_model_worker', year: 2019, conferredBy: '泰州市人民政府' }));
    const national = await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { level: 'national' }));
    expect(national.items.map((i: any) => i.name)).toEqual(['劳模测试1']);
  });

  it('revoking an honour (撤销) records date and document, shows in the list and stops counting from that day', async () => {
    const [row] = (await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { q: '测试1' }))).items;
    const medal = row.honours.find((h: any) => h.level === 'national');
    const future = await p.mutate(staffOf(COUNTY), 'modelWorkers.honours.revoke', { personId: row.personId, honourId: medal.honourId, on: '2026-06-01', document: '苏工发〔2026〕1号', reason: '弄虚作假骗取荣誉' });
    expect(future.status).toBe(400);
    const v = await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.honours.revoke', { personId: row.personId, honourId: medal.honourId, on: '2026-05-10', document: '苏工发〔2026〕1号', reason: '弄虚作假骗取荣誉' }));
    expect(v).toMatchObject({ highestLevel: 'city', treatmentLevel: 'city' });
    const [after] = (await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { q: '测试1' }))).items;
    expect(after.honours.find((h: any) => h.honourId === medal.honourId).revokedOn).toBe('2026-05-10');
    const national = await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { level: 'national' }));
    expect(national.items).toEqual([]);
    const again = await p.mutate(staffOf(COUNTY), 'modelWorkers.honours.revoke', { personId: row.personId, honourId: medal.honourId, on: '2026-05-10', document: 'x', reason: '重复撤销' });
    expect(again.status).toBe(409);
  });

  it('a stale version is 409 and changes nothing; status moves 在职 → 退休 → 去世 and no further', async () => {
    const [row] = (await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { q: '测试2' }))).items;
    const retired = await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.people.setStatus', { personId: row.personId, version: row.version, status: 'retired', on: '2026-04-30' }));
    expect(retired.status).toBe('retired');
    const stale = await p.mutate(staffOf(COUNTY), 'modelWorkers.people.setStatus', { personId: row.personId, version: row.version, status: 'deceased', on: '2026-05-01' });
    expect(stale.status).toBe(409);
    const dead = await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.people.setStatus', { personId: row.personId, version: retired.version, status: 'deceased', on: '2026-05-02' }));
    const back = await p.mutate(staffOf(COUNTY), 'modelWorkers.people.setStatus', { personId: row.personId, version: dead.version, status: 'active', on: '2026-05-03' });
    expect(back.status).toBe(409);
  });

  it('reveals the ID number only through an audited read', async () => {
    const [row] = (await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { q: '测试1' }))).items;
    const revealed = await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.people.reveal', { personId: row.personId, fields: ['idNumber', 'phone'] }));
    expect(revealed).toEqual({ idNumber: idOf(1), phone: '13912345678' });
    const audit = await ok(p.query(adminOf(COUNTY), 'audit.list', { action: 'pii.reveal', limit: 10 }));
    expect(audit.items.some((e: any) => e.entityId === row.personId && e.summary.includes('身份证号'))).toBe(true);
  });

  it('the province sees one person recorded by a city and a county, with both honours and no PII', async () => {
    const county = await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.people.create', person(7)));
    await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.honours.award', { personId: county.personId, code: 'provincial_model_worker', year: 2020, conferredBy: '江苏省人民政府' }));
    const city = await ok(p.mutate(staffOf(CITY), 'modelWorkers.people.create', person(7)));
    await ok(p.mutate(staffOf(CITY), 'modelWorkers.honours.award', { personId: city.personId, code: 'city_model_worker', year: 2012, conferredBy: '泰州市人民政府' }));
    const summary = await ok(p.query(leaderOf('32'), 'modelWorkers.province.summary', undefined));
    // 劳模测试1 (county: city honour in force), 7 (county + city: one person, two honours); 2 has none but two federations record them.
    expect(summary).toMatchObject({ scope: '32', people: 2, multiFederation: 2, byHighestLevel: { national: 0, provincial: 1, city: 1, county: 0 }, revokedHonours: 1 });
    expect(summary.honoursByLevel).toMatchObject({ provincial: 1, city: 2 });
    expect(JSON.stringify(summary)).not.toMatch(/劳模测试|3212\d{4}|\*\*\*/);
    const own = await ok(p.query(adminOf(OTHER), 'modelWorkers.province.summary', undefined));
    expect(own.people).toBe(0);
  });

  it('the operator keeps the ladder; a ladder with a repeated code is refused', async () => {
    const before = await ok(p.query(adminOf(COUNTY), 'modelWorkers.honours.ladder', undefined));
    expect(before).toMatchObject({ custom: false, version: 0 });
    expect(before.honours[0].level).toBe('national');
    const dup = await p.mutate(operator, 'modelWorkers.honours.setLadder', { version: 0, honours: [before.honours[0], before.honours[0]] });
    expect(dup.status).toBe(400);
    const saved = await ok(p.mutate(operator, 'modelWorkers.honours.setLadder', { version: 0, honours: [...before.honours, { code: 'county_model_worker', name: { zh: '县级劳动模范', en: 'County Model Worker' }, category: 'model_worker', level: 'county', periodYears: 5 }] }));
    expect(saved.version).toBe(1);
    const [row] = (await ok(p.query(staffOf(COUNTY), 'modelWorkers.people.list', { q: '测试1' }))).items;
    await ok(p.mutate(staffOf(COUNTY), 'modelWorkers.honours.award', { personId: row.personId, code: 'county_model_worker', year: 2018, conferredBy: '兴化市人民政府' }));
  });
});
