import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, ok, reporterOf, setDay, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** 集中要约: one offer to many drafts on one day, each with its own reply clock, on one board. */
const T = '321281';
const OTHER = '321282';
let p: TestPlatform;
let unitId: string;
let otherUnit: string;
const staff = staffOf(T);

const draft = async (name: string, tenantId = T) => {
  const res = await ok(
    p.mutate(staffOf(tenantId), 'contracts.create', {
      type: 'comprehensive',
      unitId: tenantId === T ? unitId : otherUnit,
      employerParties: [{ name }],
      coveredEnterprises: 1,
      coveredEmployees: 80,
      term: { start: '2026-06-01', end: '2029-05-31' },
      clauses: { wageGrowthPct: 5 },
    }),
  );
  return res.contractId as string;
};

let ids: string[] = [];
let otherTenants: string;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  await createTenant(p, OTHER, OTHER);
  unitId = (await createUnit(p, T)).unitId;
  otherUnit = (await createUnit(p, OTHER)).unitId;
  setDay(p, '2026-03-02');
  ids = [];
  for (const name of ['兴化市甲快递有限公司', '兴化市乙快递有限公司', '兴化市丙快递有限公司']) ids.push(await draft(name));
  otherTenants = await draft('别处的企业', OTHER);
}, 120_000);
afterAll(() => p?.dispose());

describe('集中要约', () => {
  let campaignId: string;

  it('sends the offer to every chosen draft in one go: each gets its own step, history and reply clock', async () => {
    const made = await ok(p.mutate(staff, 'contracts.campaigns.create', { title: '2026年快递行业集中要约', sentOn: '2026-03-02', fromSide: 'worker', contractIds: ids }));
    expect(made.sent).toBe(3);
    campaignId = made.campaignId;
    for (const id of ids) {
      const c = await ok(p.query(staff, 'contracts.get', { contractId: id }));
      expect(c.status).toBe('offer_sent');
      expect(c.offer).toMatchObject({ sentOn: '2026-03-02', fromSide: 'worker' });
      expect(c.history.at(-1)).toMatchObject({ step: 'offer.send', on: '2026-03-02' });
    }
    const deadlines = await ok(p.query(staff, 'contracts.deadlines.list', { withinDays: 30 }));
    expect(deadlines.items.filter((k: { kind: string; contractId: string }) => k.kind === 'offerReply' && ids.includes(k.contractId))).toHaveLength(3);
    const audits = (await ok(p.query(adminOf(T), 'audit.list', { action: 'contracts.campaign.create' }))).items;
    expect(audits[0].summary).toContain('向 3 家企业发出协商要约');
  });

  it('shows on the board who replied in time, late or not at all, as the days pass', async () => {
    setDay(p, '2026-03-10');
    await ok(p.mutate(staff, 'contracts.offer.reply', { contractId: ids[0], repliedOn: '2026-03-09', accepted: true }));
    setDay(p, '2026-03-24');
    await ok(p.mutate(staff, 'contracts.offer.reply', { contractId: ids[1], repliedOn: '2026-03-23', accepted: false }));
    const board = await ok(p.query(staff, 'contracts.campaigns.get', { campaignId }));
    expect(board.counts).toEqual({ sent: 3, awaiting: 0, overdue: 1, accepted: 1, declined: 0, late: 1, closed: 0 });
    expect(board.rows.map((r: { enterprise: string; state: string }) => [r.enterprise, r.state])).toEqual([
      ['兴化市丙快递有限公司', 'overdue'],
      ['兴化市乙快递有限公司', 'late'],
      ['兴化市甲快递有限公司', 'accepted'],
    ]);
    expect(board.replyCompliance).toBeCloseTo(1 / 3);
    const list = await ok(p.query(staff, 'contracts.campaigns.list', undefined));
    expect(list.items).toEqual([expect.objectContaining({ campaignId, title: '2026年快递行业集中要约', counts: board.counts })]);
  });

  it('sends nothing when one chosen contract is no longer a draft, naming it (409), nor for another tenant’s contract (404)', async () => {
    setDay(p, '2026-03-25');
    const fresh = await draft('兴化市丁快递有限公司');
    const refused = await p.mutate(staff, 'contracts.campaigns.create', { title: '第二次集中要约', sentOn: '2026-03-25', fromSide: 'worker', contractIds: [fresh, ids[0]] });
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toContain('只能向草拟中的合同发出集中要约');
    expect((await ok(p.query(staff, 'contracts.get', { contractId: fresh }))).status).toBe('draft');
    const foreign = await p.mutate(staff, 'contracts.campaigns.create', { title: '越权', sentOn: '2026-03-25', fromSide: 'worker', contractIds: [fresh, otherTenants] });
    expect(foreign.status).toBe(404);
    expect((await ok(p.query(staffOf(OTHER), 'contracts.get', { contractId: otherTenants }))).status).toBe('draft');
    expect((await ok(p.query(staff, 'contracts.campaigns.list', undefined))).items.map((c: { title: string }) => c.title)).toEqual(['2026年快递行业集中要约']);
  });

  it('sends to as many as 90 enterprises in one transaction', async () => {
    setDay(p, '2026-04-01');
    const many: string[] = [];
    for (let i = 0; i < 90; i++) many.push(await draft(`兴化市批量企业${i}`));
    const made = await ok(p.mutate(staff, 'contracts.campaigns.create', { title: '全市集中要约', sentOn: '2026-04-01', fromSide: 'worker', contractIds: many }));
    expect(made.sent).toBe(90);
    expect((await ok(p.query(staff, 'contracts.campaigns.get', { campaignId: made.campaignId }))).counts).toMatchObject({ sent: 90, awaiting: 90 });
    const tooMany = await p.mutate(staff, 'contracts.campaigns.create', { title: '过多', sentOn: '2026-04-01', fromSide: 'worker', contractIds: [...many, 'x'] });
    expect(tooMany.status).toBe(400);
    setDay(p, '2026-03-25');
  }, 120_000);

  it('refuses bad input with a bilingual message, a future day, and callers other than staff', async () => {
    const one = await p.mutate(staff, 'contracts.campaigns.create', { title: '只有一家', sentOn: '2026-03-25', fromSide: 'worker', contractIds: [ids[0]] });
    expect(one.status).toBe(400);
    expect(one.error?.data.messageEn).toMatch(/Contracts offered/);
    const untitled = await p.mutate(staff, 'contracts.campaigns.create', { title: '', sentOn: '2026-03-25', fromSide: 'worker', contractIds: [ids[0], ids[1]] });
    expect([untitled.status, untitled.error?.message]).toEqual([400, '输入有误 — 要约行动名称不能为空']);
    const future = await draft('兴化市戊快递有限公司');
    const ahead = await p.mutate(staff, 'contracts.campaigns.create', { title: '明天的要约', sentOn: '2026-03-26', fromSide: 'worker', contractIds: [future, await draft('兴化市己快递有限公司')] });
    expect(ahead.status).toBe(400);
    expect((await p.mutate(reporterOf(T, unitId), 'contracts.campaigns.create', { title: '填报员', sentOn: '2026-03-25', fromSide: 'worker', contractIds: [future, ids[2]] })).status).toBe(403);
    expect((await p.query(staffOf(OTHER), 'contracts.campaigns.get', { campaignId })).status).toBe(404);
  });
});
