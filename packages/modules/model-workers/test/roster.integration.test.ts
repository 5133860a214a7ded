import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type ApiResult, type TestPlatform } from '@ufp/testing/platform';
import { campaignKeys } from '../src/campaign-store.js';

/**
 * The live quota check's compact read: the roster is stored as one `rows` string, read with the campaign's settings
 * and the person to add in one round trip. A roster stored the earlier way (a list of entries) still reads, a
 * malformed one is a loud 500, and a unit reporter cannot probe another union's person through the what-if.
 */
let p: TestPlatform;
const T = '321281';
const staff = staffOf(T);
let unitA: string;
let unitB: string;
let campaignId: string;
const people: Record<string, string> = {};

async function ok<R = any>(res: Promise<ApiResult<R>>): Promise<R> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}
const rosterKey = () => campaignKeys.roster(T, campaignId);
const table = () => p.runtime.deps.table;

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-10T02:00:00Z'));
  await createTenant(p, T, T);
  unitA = (await createUnit(p, T, { name: '甲厂工会' })).unitId;
  unitB = (await createUnit(p, T, { name: '乙厂工会' })).unitId;
  const make = async (key: string, seq: number, over: Record<string, unknown>) => {
    people[key] = (await ok(p.mutate(staff, 'modelWorkers.people.create', { idNumber: demoIdNumber(T, '19790301', seq), name: `名单测试${key}`, education: 'secondary', occupation: 'frontline', ...over }))).personId;
  };
  await make('甲', 41, { unitId: unitA });
  await make('乙', 42, { unitId: unitB, occupation: 'manager' });
  campaignId = (await ok(p.mutate(staff, 'modelWorkers.campaigns.create', { code: 'city_model_worker', title: '2026年度市劳动模范推荐（名单）', year: 2026, opensOn: '2026-05-01', closesOn: '2026-09-30', places: 5 }))).campaignId;
  await ok(p.mutate(staff, 'modelWorkers.campaigns.publish', { campaignId }));
}, 120_000);
afterAll(() => p?.dispose());

describe('the campaign roster', () => {
  it('is stored as one line per entry and read back by the quota check and the what-if', async () => {
    const n = await ok(p.mutate(adminOf(T), 'modelWorkers.nominations.create', { campaignId, personId: people['甲'], minutesRef: '职代会决议', deedsShort: '事迹', deedsLong: '详细事迹' }));
    const stored = (await table().doc.send(new GetCommand({ TableName: table().name, Key: rosterKey() }))).Item!;
    expect(stored.rows).toBe(`${n.nominationId}\t${people['甲']}\tfrontline\t${n.gender}\t0`);
    expect(stored.entries).toBeUndefined();
    expect(await ok(p.query(staff, 'modelWorkers.campaigns.quota', { campaignId }))).toMatchObject({ count: 1, holds: true });
    const w = await ok(p.query(staff, 'modelWorkers.campaigns.whatIf', { campaignId, add: people['乙'], remove: n.nominationId }));
    expect(w).toMatchObject({ before: { count: 1 }, after: { count: 1 }, alreadyListed: false });
    expect(w.breaks.map((b: any) => b.rule)).toEqual(['managerMax', 'frontlineTechnicalMin']);
    expect((await ok(p.query(staff, 'modelWorkers.campaigns.whatIf', { campaignId, add: people['甲'] }))).alreadyListed).toBe(true);
  });

  it('reads a roster stored the earlier way (a list of entries), and the next nomination rewrites it compactly', async () => {
    const stored = (await table().doc.send(new GetCommand({ TableName: table().name, Key: rosterKey() }))).Item!;
    const [nominationId, personId, occupation, gender] = String(stored.rows).split('\t');
    const { rows: _rows, ...rest } = stored;
    await table().doc.send(new PutCommand({ TableName: table().name, Item: { ...rest, entries: [{ nominationId, personId, occupation, gender, migrantWorker: false }] } }));
    expect(await ok(p.query(staff, 'modelWorkers.campaigns.quota', { campaignId }))).toMatchObject({ count: 1 });
    await ok(p.mutate(adminOf(T), 'modelWorkers.nominations.create', { campaignId, personId: people['乙'], minutesRef: '职代会决议', deedsShort: '事迹', deedsLong: '详细事迹', acknowledgeQuota: true }));
    const after = (await table().doc.send(new GetCommand({ TableName: table().name, Key: rosterKey() }))).Item!;
    expect(String(after.rows).split('\n')).toHaveLength(2);
    expect(after.entries).toBeUndefined();
    expect(await ok(p.query(staff, 'modelWorkers.campaigns.quota', { campaignId }))).toMatchObject({ count: 2 });
  });

  it('a unit reporter’s what-if cannot add another union’s person (404, as reading the person)', async () => {
    const other = await p.query(reporterOf(T, unitA), 'modelWorkers.campaigns.whatIf', { campaignId, add: people['乙'] });
    expect(other.status).toBe(404);
    expect((await p.query(reporterOf(T, unitA), 'modelWorkers.campaigns.whatIf', { campaignId, add: people['甲'] })).status).toBe(200);
    expect((await p.query(staff, 'modelWorkers.campaigns.whatIf', { campaignId: 'no-such-campaign', add: people['甲'] })).status).toBe(404);
  });

  it('a malformed stored roster is a loud 500, never a guessed list', async () => {
    const stored = (await table().doc.send(new GetCommand({ TableName: table().name, Key: rosterKey() }))).Item!;
    await table().doc.send(new PutCommand({ TableName: table().name, Item: { ...stored, rows: `${stored.rows}\nbroken-line` } }));
    expect((await p.query(staff, 'modelWorkers.campaigns.quota', { campaignId })).status).toBe(500);
    await table().doc.send(new PutCommand({ TableName: table().name, Item: stored }));
    expect((await p.query(staff, 'modelWorkers.campaigns.quota', { campaignId })).status).toBe(200);
  });
});
