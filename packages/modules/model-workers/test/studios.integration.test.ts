import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** The 创新工作室 registry: register with the 七有 checklist and achievements, one leader leading several, a flagged leader, the annual review. */
let p: TestPlatform;
const T = '321281';
const staff = staffOf(T);
const admin = adminOf(T);
const ids: Record<string, string> = {};
let unitId: string;

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

async function person(name: string, seq: number) {
  const created = await ok(p.mutate(staff, 'modelWorkers.people.create', { idNumber: demoIdNumber(T, '19700101', seq), name, education: 'secondary', occupation: 'frontline', trade: '焊工' }));
  await ok(p.mutate(staff, 'modelWorkers.honours.award', { personId: created.personId, code: 'city_model_worker', year: 2020, conferredBy: '人民政府' }));
  ids[name] = created.personId;
}

const all = { venue: true, equipment: true, team: true, projects: true, rules: true, funding: true, results: true };
const studio = (name: string, leader: string, extra: Record<string, unknown> = {}) => ({
  name,
  level: 'city',
  leaderId: ids[leader],
  members: ['成员甲', '成员乙'],
  foundedOn: '2021-04-28',
  sevenHas: { ...all, funding: false },
  achievements: [
    { kind: 'patent', title: '一种不锈钢薄板焊接夹具', year: 2023 },
    { kind: 'result', title: '焊接工艺改进', year: 2024, valueFen: 12_000_000 },
  ],
  ...extra,
});

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-10T02:00:00Z'));
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T)).unitId;
  await person('王建国', 1);
  await person('李秀梅', 2);
}, 90_000);
afterAll(async () => {
  await p?.dispose();
});

describe('registering studios', () => {
  let studioId: string;
  it('registers a studio with its 七有 ticks and achievements, audited; the same name twice is 409', async () => {
    const created = await ok(p.mutate(staff, 'modelWorkers.studios.create', studio('王建国焊接创新工作室', '王建国', { unitId })));
    studioId = created.studioId;
    expect(created).toMatchObject({ sevenHasCount: 6, complete: false, achievementsValueFen: 12_000_000, leader: { name: '王建国', flag: null, highestLevel: 'city' } });
    const dup = await p.mutate(staff, 'modelWorkers.studios.create', studio('王建国焊接创新工作室', '李秀梅'));
    expect(dup.status).toBe(409);
    expect(dup.error?.data.issues?.[0]?.path).toEqual(['name']);
    const audit = await ok(p.query(admin, 'audit.list', { action: 'modelWorkers.studios.create', limit: 10 }));
    expect(audit.items).toHaveLength(1);
  });

  it('one leader may lead several studios; the list filters by leader, level and 七有 complete', async () => {
    await ok(p.mutate(staff, 'modelWorkers.studios.create', studio('王建国数控创新工作室', '王建国', { level: 'provincial', sevenHas: all })));
    await ok(p.mutate(staff, 'modelWorkers.studios.create', studio('李秀梅技能大师工作室', '李秀梅', { level: 'county' })));
    const byLeader = await ok(p.query(staff, 'modelWorkers.studios.list', { leaderId: ids['王建国'] }));
    expect(byLeader.map((s: any) => s.name).sort()).toEqual(['王建国数控创新工作室', '王建国焊接创新工作室']);
    expect((await ok(p.query(staff, 'modelWorkers.studios.list', { complete: true }))).map((s: any) => s.name)).toEqual(['王建国数控创新工作室']);
    expect((await ok(p.query(staff, 'modelWorkers.studios.list', { level: 'county' }))).map((s: any) => s.name)).toEqual(['李秀梅技能大师工作室']);
    expect((await ok(p.query(staff, 'modelWorkers.studios.list', {}))).length).toBe(3);
    // a unit reporter sees their unit's studio only
    expect((await ok(p.query(reporterOf(T, unitId), 'modelWorkers.studios.list', {}))).map((s: any) => s.name)).toEqual(['王建国焊接创新工作室']);
  });

  it('refuses a founding date after today and an achievement year after this year, at their fields', async () => {
    const late = await p.mutate(staff, 'modelWorkers.studios.create', studio('未来工作室', '李秀梅', { foundedOn: '2026-05-11' }));
    expect(late.status).toBe(400);
    expect(late.error?.data.issues?.[0]?.path).toEqual(['foundedOn']);
    const ach = await p.mutate(staff, 'modelWorkers.studios.create', studio('未来成果工作室', '李秀梅', { achievements: [{ kind: 'patent', title: '未来专利', year: 2027 }] }));
    expect(ach.status).toBe(400);
  });

  it('edits a studio (a rename moves the name guard) and records one review a year', async () => {
    const got = await ok(p.query(staff, 'modelWorkers.studios.get', { studioId }));
    const edited = await ok(p.mutate(staff, 'modelWorkers.studios.update', { ...studio('王建国焊接技能创新工作室', '王建国', { unitId, sevenHas: all }), studioId, version: got.version }));
    expect(edited).toMatchObject({ name: '王建国焊接技能创新工作室', complete: true });
    // the old name is free again
    await ok(p.mutate(staff, 'modelWorkers.studios.create', studio('王建国焊接创新工作室', '李秀梅')));
    const reviewed = await ok(p.mutate(staff, 'modelWorkers.studios.review', { studioId, version: edited.version, year: 2025, outcome: 'excellent', note: '成果转化显著' }));
    expect(reviewed.latestReview).toMatchObject({ year: 2025, outcome: 'excellent' });
    const again = await p.mutate(staff, 'modelWorkers.studios.review', { studioId, version: reviewed.version, year: 2025, outcome: 'passed' });
    expect(again.status).toBe(409);
    const view = await ok(p.query(staff, 'modelWorkers.studios.get', { studioId }));
    expect(view.reviews).toEqual([expect.objectContaining({ year: 2025, outcome: 'excellent', note: '成果转化显著' })]);
  });

  it('flags a studio whose leader has died, and refuses a dead leader for a new studio', async () => {
    const li = await ok(p.query(staff, 'modelWorkers.people.get', { personId: ids['李秀梅'] }));
    await ok(p.mutate(staff, 'modelWorkers.people.setStatus', { personId: ids['李秀梅'], version: li.version, status: 'deceased', on: '2026-05-01' }));
    const flagged = await ok(p.query(staff, 'modelWorkers.studios.list', { flagged: true }));
    expect(flagged.map((s: any) => [s.name, s.leader.flag]).sort()).toEqual([
      ['李秀梅技能大师工作室', 'deceased'],
      ['王建国焊接创新工作室', 'deceased'],
    ]);
    const refused = await p.mutate(staff, 'modelWorkers.studios.create', studio('新工作室', '李秀梅'));
    expect(refused.status).toBe(400);
    expect(refused.error?.data.issues?.[0]?.path).toEqual(['leaderId']);
    const unknown = await p.mutate(staff, 'modelWorkers.studios.create', { ...studio('无名工作室', '王建国'), leaderId: 'no-such-person' });
    expect(unknown.status).toBe(404);
  });
});
