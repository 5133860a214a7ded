import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;
const T = '321281';
const ids: Record<string, string> = {};

async function ok<T = any>(res: Promise<{ status: number; data: T; error?: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

async function honoured(name: string, seq: number, code: string, year: number, birth = '19700101') {
  const person = await ok(p.mutate(staffOf(T), 'modelWorkers.people.create', { idNumber: demoIdNumber('321281', birth, seq), name, education: 'secondary', occupation: 'frontline' }));
  const after = await ok(p.mutate(staffOf(T), 'modelWorkers.honours.award', { personId: person.personId, code, year, conferredBy: '人民政府' }));
  ids[name] = person.personId;
  return after;
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-10T02:00:00Z'));
  await createTenant(p, T, T);
  await honoured('甲某', 1, 'city_model_worker', 2018, '19600101');
  await honoured('乙某', 2, 'provincial_model_worker', 2020);
  await honoured('丙某', 3, 'city_model_worker', 2021, '19650101');
});
afterAll(async () => {
  await p?.dispose();
});

describe('疗休养 batches', () => {
  it('orders the next people by rotation, refuses over capacity and anyone who went within the gap', async () => {
    const first = await ok(p.mutate(staffOf(T), 'modelWorkers.recuperation.create', { title: '2025 年劳模疗休养', destination: '无锡', startsOn: '2025-06-01', endsOn: '2025-06-07', capacity: 1 }));
    const got = await ok(p.query(staffOf(T), 'modelWorkers.recuperation.get', { batchId: first.batchId }));
    expect(got.next.map((c: any) => c.nameMasked)).toEqual(['乙*', '甲*', '丙*']);
    const joined = await ok(p.mutate(staffOf(T), 'modelWorkers.recuperation.join', { batchId: first.batchId, version: got.version, personIds: [ids['乙某']] }));
    const full = await p.mutate(staffOf(T), 'modelWorkers.recuperation.join', { batchId: first.batchId, version: joined.version, personIds: [ids['甲某']] });
    expect(full.status).toBe(409);
    expect(full.error?.message).toContain('名额已满');

    const second = await ok(p.mutate(staffOf(T), 'modelWorkers.recuperation.create', { title: '2026 年劳模疗休养', destination: '黄山', startsOn: '2026-06-01', endsOn: '2026-06-07', capacity: 5 }));
    const next = await ok(p.query(staffOf(T), 'modelWorkers.recuperation.get', { batchId: second.batchId }));
    expect(next.next.map((c: any) => c.nameMasked)).toEqual(['甲*', '丙*']);
    expect(next.excluded).toMatchObject([{ nameMasked: '乙*', lastWentOn: '2025-06-01', eligibleFrom: '2028-06-01' }]);
    const again = await p.mutate(staffOf(T), 'modelWorkers.recuperation.join', { batchId: second.batchId, version: next.version, personIds: [ids['乙某']] });
    expect(again.status).toBe(400);
    expect(again.error?.message).toContain('不符合本批次条件');
    await ok(p.mutate(adminOf(T), 'modelWorkers.recuperation.setSettings', { version: 0, gapYears: 0 }));
    await ok(p.mutate(staffOf(T), 'modelWorkers.recuperation.join', { batchId: second.batchId, version: next.version, personIds: [ids['乙某']] }));
  });
});

describe('the 劳模 credential', () => {
  it('a scan answers yes and the level, is audited, and answers no once the honour is revoked', async () => {
    const issued = await ok(p.mutate(staffOf(T), 'modelWorkers.credentials.issue', { personId: ids['乙某'] }));
    expect(issued).toMatchObject({ level: 'provincial', expiresOn: '2027-05-10', verifyPath: `/mw-verify?t=${issued.token}` });
    const yes = await ok(p.query(null, 'modelWorkers.credentials.verify', { token: issued.token }));
    expect(yes).toMatchObject({ valid: true, level: 'provincial', nameMasked: '乙*' });
    expect(JSON.stringify(yes)).not.toContain('321281197');
    const person = await ok(p.query(staffOf(T), 'modelWorkers.people.get', { personId: ids['乙某'] }));
    await ok(p.mutate(staffOf(T), 'modelWorkers.honours.revoke', { personId: ids['乙某'], honourId: person.honours[0].honourId, on: '2026-05-10', document: '撤销文件', reason: '弄虚作假' }));
    const no = await ok(p.query(null, 'modelWorkers.credentials.verify', { token: issued.token }));
    expect(no).toMatchObject({ valid: false, reason: 'no_honour_in_force' });
    const forged = await ok(p.query(null, 'modelWorkers.credentials.verify', { token: `${issued.token.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` }));
    expect(forged).toMatchObject({ valid: false, reason: 'invalid' });
    const audit = await ok(p.query(adminOf(T), 'audit.list', { action: 'modelWorkers.credentials.verify', limit: 10 }));
    expect(audit.items).toHaveLength(2);
    const refused = await p.mutate(staffOf(T), 'modelWorkers.credentials.issue', { personId: ids['乙某'] });
    expect(refused.status).toBe(400);
  });
});
