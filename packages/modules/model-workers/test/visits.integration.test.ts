import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** 劳模工匠助企行 end to end: a request filed, matched, visited twice and closed; the visit feeds 十件实事 and the rollups once. */
let p: TestPlatform;
const T = '321281';
const staff = staffOf(T);
const admin = adminOf(T);
const ids: Record<string, string> = {};
let unitId: string;
let otherUnitId: string;
const logged: EventEnvelope[] = [];

async function ok<R = any>(res: Promise<{ status: number; data: R; error?: unknown }>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

async function honoured(name: string, seq: number, trade: string, code: string, extra: Record<string, unknown> = {}) {
  const person = await ok(p.mutate(staff, 'modelWorkers.people.create', { idNumber: demoIdNumber(T, '19700101', seq), name, education: 'secondary', occupation: 'frontline', trade, ...extra }));
  await ok(p.mutate(staff, 'modelWorkers.honours.award', { personId: person.personId, code, year: 2020, conferredBy: '人民政府' }));
  ids[name] = person.personId;
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-03-02T02:00:00Z'));
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T, { name: '兴化某不锈钢厂工会' })).unitId;
  otherUnitId = (await createUnit(p, T, { name: '兴化另一企业工会' })).unitId;
  await honoured('王焊工', 1, '电焊工', 'city_model_worker');
  await honoured('李数控', 2, '数控车工', 'provincial_model_worker');
  await honoured('赵焊工', 3, '焊工', 'provincial_model_worker');
  await honoured('钱钳工', 4, '钳工', 'city_model_worker');
  const zhao = await ok(p.query(staff, 'modelWorkers.people.get', { personId: ids['赵焊工'] }));
  await ok(p.mutate(staff, 'modelWorkers.people.setStatus', { personId: ids['赵焊工'], version: zhao.version, status: 'deceased', on: '2026-03-01' }));
  // every visit event the bus delivers, to redeliver it
  const publish = p.bus.publish.bind(p.bus);
  p.bus.publish = async (envelope) => {
    if (envelope['detail-type'] === 'modelWorkers.visit.logged') logged.push(envelope as EventEnvelope);
    return publish(envelope);
  };
}, 90_000);
afterAll(async () => {
  await p?.dispose();
});

const request = { enterprise: '兴化某不锈钢厂', need: '不锈钢薄板焊缝开裂，需要焊接工艺指导', skills: ['焊工', '数控'], contactName: '张经理', contactPhone: '13905261234' };
let requestId: string;

describe('filing a request', () => {
  it('files with the contact masked; the clear contact is an audited read', async () => {
    const filed = await ok(p.mutate(staff, 'modelWorkers.visits.file', { ...request, unitId }));
    requestId = filed.requestId;
    expect(filed).toMatchObject({ status: 'open', contactNameMasked: '张**', phoneMasked: '139****1234', filedOn: '2026-03-02', visitCount: 0 });
    expect(JSON.stringify(filed)).not.toContain('13905261234');
    expect(filed).not.toHaveProperty('contactEncrypted');
    const clear = await ok(p.mutate(staff, 'modelWorkers.visits.reveal', { requestId }));
    expect(clear).toEqual({ contactName: '张经理', contactPhone: '13905261234' });
    const audit = await ok(p.query(admin, 'audit.list', { action: 'pii.reveal', limit: 10 }));
    expect(audit.items.some((e: any) => e.entityId === requestId)).toBe(true);
  });

  it('a unit reporter files for their own unit only, and sees only their unit’s requests', async () => {
    const mine = await ok(p.mutate(reporterOf(T, otherUnitId), 'modelWorkers.visits.file', { ...request, enterprise: '兴化另一企业' }));
    expect(mine.unitId).toBe(otherUnitId);
    const theirs = await p.mutate(reporterOf(T, otherUnitId), 'modelWorkers.visits.file', { ...request, unitId });
    expect(theirs.status).toBe(400);
    expect(theirs.error?.data.issues?.[0]?.path).toEqual(['unitId']);
    const seen = await ok(p.query(reporterOf(T, otherUnitId), 'modelWorkers.visits.list', {}));
    expect(seen.map((r: any) => r.enterprise)).toEqual(['兴化另一企业']);
    expect((await p.query(reporterOf(T, otherUnitId), 'modelWorkers.visits.get', { requestId })).status).toBe(404);
  });

  it('refuses a filing date after today and a skill list that is empty', async () => {
    const late = await p.mutate(staff, 'modelWorkers.visits.file', { ...request, filedOn: '2026-03-03' });
    expect(late.status).toBe(400);
    expect(late.error?.message).toContain('晚于今天');
    expect((await p.mutate(staff, 'modelWorkers.visits.file', { ...request, skills: [] })).status).toBe(400);
  });
});

describe('matching and visits', () => {
  it('suggests living 劳模 by skill first, leaving out the deceased and the unmatched', async () => {
    const suggested = await ok(p.query(staff, 'modelWorkers.visits.suggest', { requestId }));
    expect(suggested.map((c: any) => c.name)).toEqual(['李数控', '王焊工']);
    expect(suggested[1]).toMatchObject({ skillMatches: ['焊工'], visitsThisYear: 0, level: 'city' });
  });

  it('matches people; someone deceased is refused', async () => {
    const got = await ok(p.query(staff, 'modelWorkers.visits.get', { requestId }));
    const dead = await p.mutate(staff, 'modelWorkers.visits.match', { requestId, version: got.version, personIds: [ids['赵焊工']] });
    expect(dead.status).toBe(400);
    expect(dead.error?.message).toContain('已去世');
    const matched = await ok(p.mutate(staff, 'modelWorkers.visits.match', { requestId, version: got.version, personIds: [ids['王焊工'], ids['李数控']] }));
    expect(matched).toMatchObject({ status: 'matched', matchedPersonIds: [ids['王焊工'], ids['李数控']] });
  });

  it('logs a visit: the request goes into service with its totals, a stale version is 409, the next suggestion puts who has not gone yet first', async () => {
    const got = await ok(p.query(staff, 'modelWorkers.visits.get', { requestId }));
    const first = await ok(p.mutate(staff, 'modelWorkers.visits.log', { requestId, version: got.version, visitedOn: '2026-03-02', personIds: [ids['李数控']], problemsSolved: 3, peopleTrained: 40, note: '现场指导焊接参数', closes: false }));
    expect(first).toMatchObject({ status: 'in_progress', visitCount: 1, problemsSolved: 3, peopleTrained: 40, lastVisitOn: '2026-03-02' });
    const stale = await p.mutate(staff, 'modelWorkers.visits.log', { requestId, version: got.version, visitedOn: '2026-03-02', personIds: [ids['李数控']], problemsSolved: 3, peopleTrained: 40, closes: false });
    expect(stale.status).toBe(409);
    const suggested = await ok(p.query(staff, 'modelWorkers.visits.suggest', { requestId }));
    expect(suggested.map((c: any) => [c.name, c.visitsThisYear])).toEqual([['王焊工', 0], ['李数控', 1]]);
    const view = await ok(p.query(staff, 'modelWorkers.visits.get', { requestId }));
    expect(view.visits).toHaveLength(1);
    expect(view.visits[0]).toMatchObject({ visitedOn: '2026-03-02', problemsSolved: 3, peopleTrained: 40, people: [{ name: '李数控', nameMasked: '李**' }] });
    const audit = await ok(p.query(admin, 'audit.list', { action: 'modelWorkers.visits.log', limit: 10 }));
    expect(audit.items).toHaveLength(1);
  });

  it('a visit dated before the filing or after today is refused at its field', async () => {
    const got = await ok(p.query(staff, 'modelWorkers.visits.get', { requestId }));
    const early = await p.mutate(staff, 'modelWorkers.visits.log', { requestId, version: got.version, visitedOn: '2026-03-01', personIds: [ids['王焊工']], problemsSolved: 1, peopleTrained: 0, closes: false });
    expect(early.status).toBe(400);
    expect(early.error?.data.issues?.[0]?.path).toEqual(['visitedOn']);
  });
});

describe('十件实事 and the rollups', () => {
  it('a visit moves a linked 十件实事 target by its problems solved, exactly once when delivered again', async () => {
    const planId = (await ok(p.mutate(admin, 'tenThings.plans.create', { year: 2026, title: '2026年服务职工十件实事' }))).planId;
    const item = await ok(
      p.mutate(admin, 'tenThings.candidates.propose', {
        planId,
        title: '“劳模工匠助企行”专项行动',
        category: 'skills',
        leadDept: '劳动和经济工作部',
        targets: [
          { indicator: '解决技术难题', unit: '项', comparator: 'gte', target: 20, link: { eventType: 'modelWorkers.visit.logged', measure: 'sum:problemsSolved' } },
          { indicator: '组织职工参加提升技能活动', unit: '人次', comparator: 'gte', target: 100, link: { eventType: 'modelWorkers.visit.logged', measure: 'sum:peopleTrained' } },
        ],
      }),
    );
    await ok(p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [{ candidateId: item.itemId, for: 3, against: 0, abstain: 0 }] }));
    await p.settle();
    const before = logged.length;
    const got = await ok(p.query(staff, 'modelWorkers.visits.get', { requestId }));
    await ok(p.mutate(staff, 'modelWorkers.visits.log', { requestId, version: got.version, visitedOn: '2026-03-02', personIds: [ids['王焊工'], ids['李数控']], problemsSolved: 5, peopleTrained: 60, closes: true }));
    await p.settle();
    expect(logged).toHaveLength(before + 1);
    const envelope = logged.at(-1)!;
    expect(envelope.detail.data).toMatchObject({ problemsSolved: 5, peopleTrained: 60, workers: 2, closes: true, year: 2026 });
    expect(JSON.stringify(envelope.detail.data)).not.toMatch(/王|李|兴化|139/);
    // delivered again, through the bus and straight to the consumer
    await p.bus.publish(envelope);
    expect(await p.runtime.consumers.tenThingsLinkedProgress!(envelope)).toBe('duplicate');
    await p.settle();
    const view = await ok(p.query(staff, 'tenThings.items.get', { itemId: item.itemId }));
    expect(view.item.achieved).toEqual([5, 60]);
    expect(view.ledger.items).toHaveLength(2);
  });

  it('a closed request takes no more visits', async () => {
    const got = await ok(p.query(staff, 'modelWorkers.visits.get', { requestId }));
    expect(got).toMatchObject({ status: 'closed', closedOn: '2026-03-02', visitCount: 2, problemsSolved: 8, peopleTrained: 100 });
    const again = await p.mutate(staff, 'modelWorkers.visits.log', { requestId, version: got.version, visitedOn: '2026-03-02', personIds: [ids['王焊工']], problemsSolved: 1, peopleTrained: 1, closes: false });
    expect(again.status).toBe(409);
    expect(again.error?.message).toContain('办结');
  });

  it('the rollup counts the year’s visits, 人次 sent, problems solved and workers trained', async () => {
    await p.settle();
    const row = (await ok(p.query(admin, 'rollups.overview', { year: 2026 }))).rows.find((r: { tenantId?: string }) => r.tenantId === T);
    expect(row.metrics).toMatchObject({ 'modelWorkers.visits': 2, 'modelWorkers.visits.workerTimes': 3, 'modelWorkers.visits.problemsSolved': 8, 'modelWorkers.visits.peopleTrained': 100 });
  });
});
