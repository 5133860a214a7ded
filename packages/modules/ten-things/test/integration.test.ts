import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrapEvent } from '@ufp/db/envelope';
import { aidGranted } from '@ufp/hardship/events';
import { newId } from '@ufp/core/ids';
import { adminOf, createTenant, createUnit, leaderOf, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

const T = '321281';
const OTHER = '321282';
let p: TestPlatform;
let unitId: string;
let otherUnitId: string;
let planId: string;
const candidateIds: string[] = [];

const admin = adminOf(T);
const staff = staffOf(T);

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, '3212', '321200', 'city', '泰州市总工会');
  await createTenant(p, T, T, 'county', '兴化市总工会');
  await createTenant(p, OTHER, OTHER, 'county', '靖江市总工会');
  unitId = (await createUnit(p, T)).unitId;
  otherUnitId = (await createUnit(p, T)).unitId;
  p.clock.set(new Date('2024-03-01T02:00:00Z'));
}, 60_000);

afterAll(async () => {
  await p?.dispose();
});

/** A public rating as if from a client at `ip` (the Node server's socket address, which the app reads from `env`). */
const rateFrom = (ip: string, itemId: string | undefined, score: number, headers: Record<string, string> = {}) =>
  p.runtime.app.request(
    '/trpc/tenThings.public.rate',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ tenantId: T, itemId, score }) },
    { incoming: { socket: { remoteAddress: ip } } },
  );

const ok = <T>(r: { status: number; data: T; error?: unknown }): T => {
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.error)}`);
  return r.data;
};

const candidateTexts = [
  ['“点亮匠心梦”劳模“双进”宣讲', 'skills', '开展“双进”宣讲活动不少于20场'],
  ['书香润职工', 'culture', '组织各类读书活动全年不少于15场'],
  ['劳模工匠助企行', 'skills', '深入企业开展技术服务活动不少于20次，解决技术难题不少于20项'],
  ['惠工暖心', 'care', '培训职工不少于600人次，组织不少于160名一线职工参与疗休养，为600名职工赠送健康体检'],
  ['户外劳动者驿站', 'care', '再建“兴惠有你”24小时自助服务驿站2个'],
  ['女职工关爱', 'women', '为基层女职工送康乃馨专家志愿服务8场，为500名女职工提供“两癌”筛查服务'],
  ['法律服务', 'legal', '建立26个基层工会法律服务站，举办100场法治宣传，为1万名以上基层职工提供便捷有效的法律服务'],
  ['暖“新”行动', 'new_forms', '为3000多名新业态群体提供多方位精准服务'],
  ['新业态意外险', 'new_forms', '为200名货车司机、快递员等新业态劳动者赠送意外伤害保险'],
  ['职业病体检', 'health', '为200名特种行业职工做好职业病体检'],
  ['招聘信息', 'other', '发布“牛助理”线上招聘信息45期'],
] as const;

describe('十件实事 from candidates to the vote', () => {
  it('creates a plan, one per year', async () => {
    const plan = ok(await p.mutate(admin, 'tenThings.plans.create', { year: 2024, title: '2024年服务职工十件实事' }));
    planId = plan.planId;
    const dup = await p.mutate(admin, 'tenThings.plans.create', { year: 2024, title: '重复' });
    expect(dup.status).toBe(409);
    expect(dup.error?.data.issues?.[0]?.path).toEqual(['year']);
  });

  it('parses targetsText into typed targets on propose, and names a fragment it cannot read (400, nothing saved)', async () => {
    const bad = await p.mutate(staff, 'tenThings.candidates.propose', { planId, title: '坏的', category: 'other', leadDept: '办公室', targetsText: '开展宣讲不少于20场，覆盖职工3000' });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toContain('覆盖职工3000');
    expect(bad.error?.data.messageEn).toContain('Clause 2 of the targets');
    for (const [title, category, targetsText] of candidateTexts) {
      const item = ok(await p.mutate(staff, 'tenThings.candidates.propose', { planId, title, category, leadDept: '职工服务中心', targetsText, budgetFen: 1_000_000 }));
      candidateIds.push(item.itemId);
    }
    // A linked target: children of hardship households aided for education, counted from 困难帮扶 events.
    const linked = ok(
      await p.mutate(admin, 'tenThings.candidates.propose', {
        planId,
        title: '金秋助学',
        category: 'care',
        leadDept: '帮扶中心',
        targets: [{ indicator: '资助困难职工子女', unit: '人', comparator: 'gte', target: 2, link: { eventType: 'hardship.aid.granted', filter: { kind: 'education' }, measure: 'sum:students' } }],
      }),
    );
    candidateIds.push(linked.itemId);
    const view = ok(await p.query(staff, 'tenThings.plans.get', { planId }));
    expect(view.items).toHaveLength(12);
    expect(view.plan.candidateCount).toBe(12);
    const legal = view.items.find((i: any) => i.title === '法律服务');
    expect(legal.targets.map((t: any) => [t.target, t.unit, t.comparator])).toEqual([
      [26, '个', 'eq'],
      [100, '场', 'eq'],
      [10_000, '名', 'gte'],
    ]);
  });

  it('refuses a vote without quorum (400, nothing recorded)', async () => {
    const ballots = candidateIds.map((candidateId) => ({ candidateId, for: 30, against: 5, abstain: 0 }));
    const r = await p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 60, present: 39, ballots });
    expect(r.status).toBe(400);
    expect(r.error?.data.issues?.[0]?.path).toEqual(['present']);
    expect(ok(await p.query(staff, 'tenThings.plans.get', { planId })).plan.vote).toBeUndefined();
  });

  it('records the vote once: ten adopted highest first, a tie at the cut reported, then decided by the plenary', async () => {
    // Candidates 9 and 10 (0-based) tie at 40 across the cut of 10; candidate 8 fails (20 of 50 present).
    const votesFor = [50, 49, 48, 47, 46, 45, 44, 43, 20, 40, 40, 41];
    const ballots = candidateIds.map((candidateId, i) => ({ candidateId, for: votesFor[i]!, against: 0, abstain: 0 }));
    const preview = ok(await p.query(admin, 'tenThings.plans.previewVote', { planId, representativesTotal: 60, present: 50, ballots }));
    expect(preview.adopted).toHaveLength(9);
    const r = ok(await p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 60, present: 50, ballots }));
    expect(r.outcome.tie).toEqual({ votes: 40, candidateIds: [candidateIds[9], candidateIds[10]], seats: 1 });
    expect(r.plan.status).toBe('tie_pending');
    const again = await p.mutate(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 60, present: 50, ballots });
    expect(again.status).toBe(400);
    const tooMany = await p.mutate(admin, 'tenThings.plans.resolveTie', { planId, candidateIds: [candidateIds[9], candidateIds[10]] });
    expect(tooMany.status).toBe(400);
    ok(await p.mutate(admin, 'tenThings.plans.resolveTie', { planId, candidateIds: [candidateIds[9]] }));
    const view = ok(await p.query(staff, 'tenThings.plans.get', { planId }));
    expect(view.plan.status).toBe('adopted');
    expect(view.items.filter((i: any) => i.stage === 'adopted')).toHaveLength(10);
    expect(view.items.find((i: any) => i.itemId === candidateIds[9]).stage).toBe('adopted');
    expect(view.items.find((i: any) => i.itemId === candidateIds[10]).stage).toBe('not_adopted');
    expect(view.items.find((i: any) => i.itemId === candidateIds[8]).stage).toBe('not_adopted');
  });
});

describe('责任状, progress ledger and corrections', () => {
  it('assigns an item; the co-unit reporter sees it in my tasks, another unit does not', async () => {
    const item = ok(await p.query(staff, 'tenThings.items.get', { itemId: candidateIds[0] })).item;
    const bad = await p.mutate(admin, 'tenThings.items.assign', { itemId: item.itemId, version: item.version, leadDept: '宣教部', coUnitIds: [unitId], milestones: [{ quarter: 2, share: 50 }, { quarter: 1, share: 60 }] });
    expect(bad.status).toBe(400);
    ok(await p.mutate(admin, 'tenThings.items.assign', { itemId: item.itemId, version: item.version, leadDept: '宣教部', coUnitIds: [unitId], milestones: [{ quarter: 1, share: 25 }, { quarter: 2, share: 50 }, { quarter: 3, share: 75 }, { quarter: 4, share: 100 }] }));
    const mine = ok(await p.query(reporterOf(T, unitId), 'tenThings.items.mine'));
    expect(mine.items.map((i: any) => i.itemId)).toEqual([item.itemId]);
    const other = { ...reporterOf(T, otherUnitId), sub: 'reporter-other' };
    expect(ok(await p.query(other, 'tenThings.items.mine')).items).toEqual([]);
    expect((await p.mutate(other, 'tenThings.progress.report', { itemId: item.itemId, targetIndex: 0, quantity: 1, occurredOn: '2024-02-01' })).status).toBe(404);
    expect((await p.mutate(reporterOf(T, unitId), 'tenThings.progress.report', { itemId: candidateIds[1], targetIndex: 0, quantity: 1, occurredOn: '2024-02-01' })).status).toBe(404);
  });

  it('keeps running totals with each ledger entry; plans.get shows completion and status at the platform clock', async () => {
    const reporter = reporterOf(T, unitId);
    ok(await p.mutate(reporter, 'tenThings.progress.report', { itemId: candidateIds[0], targetIndex: 0, quantity: 6, occurredOn: '2024-02-20', note: '进企业宣讲' }));
    const bad = await p.mutate(reporter, 'tenThings.progress.report', { itemId: candidateIds[0], targetIndex: 0, quantity: 1, occurredOn: '2024-12-01' });
    expect(bad.status).toBe(400);
    expect(bad.error?.data.issues?.[0]?.path).toEqual(['occurredOn']);
    const view = ok(await p.query(staff, 'tenThings.plans.get', { planId }));
    const item = view.items.find((i: any) => i.itemId === candidateIds[0]);
    expect(item.achieved).toEqual([6]);
    expect(item.progress.completion).toBeCloseTo(0.3);
    expect(item.progress.status).toBe('on_track'); // 2024-03-01: 16.7% of the year elapsed
    p.clock.set(new Date('2024-09-15T02:00:00Z'));
    const later = ok(await p.query(staff, 'tenThings.plans.get', { planId }));
    expect(later.items.find((i: any) => i.itemId === candidateIds[0]).progress.status).toBe('behind');
    // The 责任状's milestones (25% by Q1, 50% by Q2): 30% done is on track in April, and behind once Q2 is over,
    // where the year-linear line alone (20 points short of 50.3% elapsed) would say at risk.
    const progressOn = async (instant: string) => {
      p.clock.set(new Date(instant));
      return ok(await p.query(staff, 'tenThings.items.get', { itemId: candidateIds[0] })).item.progress;
    };
    expect(await progressOn('2024-04-02T02:00:00Z')).toMatchObject({ status: 'on_track', milestone: { quarter: 1, share: 25, met: true } });
    expect(await progressOn('2024-07-02T02:00:00Z')).toMatchObject({ status: 'behind', milestone: { quarter: 2, share: 50, met: false } });
    p.clock.set(new Date('2024-03-01T02:00:00Z'));
  });

  it('corrects by a reversing entry with a reason, once', async () => {
    const reporter = reporterOf(T, unitId);
    const r = ok(await p.mutate(reporter, 'tenThings.progress.report', { itemId: candidateIds[0], targetIndex: 0, quantity: 4, occurredOn: '2024-02-25' }));
    const noReason = await p.mutate(staff, 'tenThings.progress.correct', { itemId: candidateIds[0], entryId: r.entry.entryId, reason: ' ' });
    expect(noReason.status).toBe(400);
    const c = ok(await p.mutate(staff, 'tenThings.progress.correct', { itemId: candidateIds[0], entryId: r.entry.entryId, reason: '与2月20日记录重复' }));
    expect(c.entry).toMatchObject({ entryType: 'correction', quantity: -4, reverses: r.entry.entryId });
    expect(c.item.achieved).toEqual([6]);
    expect((await p.mutate(staff, 'tenThings.progress.correct', { itemId: candidateIds[0], entryId: r.entry.entryId, reason: '再来一次' })).status).toBe(409);
    const { ledger } = ok(await p.query(staff, 'tenThings.items.get', { itemId: candidateIds[0] }));
    expect(ledger.items.map((e: any) => e.quantity)).toEqual([-4, 4, 6]);
    expect(ledger.items[1].reversedBy).toBe(c.entry.entryId);
  });

  it('refuses hand-reported progress on a linked target', async () => {
    const r = await p.mutate(staff, 'tenThings.progress.report', { itemId: candidateIds[11], targetIndex: 0, quantity: 1, occurredOn: '2024-02-01' });
    expect(r.status).toBe(400);
  });
});

describe('linked targets', () => {
  it('counts a matching event exactly once even when delivered twice; other kinds and years do not count', async () => {
    const meta = { tenantId: T, divisionCode: T, actor: 'staff', correlationId: 'c1', occurredAt: '2024-02-28T03:00:00.000Z' };
    /** A grant as the hardship module emits it (the consumer parses it against that module's event schema). */
    const grant = (kind: 'education' | 'medical', amountFen = 100_000, year = 2024) => aidGranted.create({ grantId: newId(), fileId: 'file-1', kind, amountFen, fundSource: 'union', year, ...(kind === 'education' ? { students: 1 } : {}) });
    const granted = wrapEvent(grant('education', 500_000), meta);
    const medical = wrapEvent(grant('medical'), meta);
    const lastYear = wrapEvent(grant('education', 100_000, 2023), { ...meta, occurredAt: '2023-12-01T03:00:00.000Z' });
    expect(await p.runtime.consumers.tenThingsLinkedProgress!(granted)).toBe('processed');
    expect(await p.runtime.consumers.tenThingsLinkedProgress!(granted)).toBe('duplicate');
    await p.runtime.consumers.tenThingsLinkedProgress!(medical);
    await p.runtime.consumers.tenThingsLinkedProgress!(lastYear);
    // and through the bus: an event published twice
    const second = wrapEvent(grant('education'), meta);
    await p.bus.publish(second);
    await p.bus.publish(second);
    await p.settle();
    const { item, ledger } = ok(await p.query(staff, 'tenThings.items.get', { itemId: candidateIds[11] }));
    expect(item.achieved).toEqual([2]);
    expect(item.progress.status).toBe('done');
    expect(ledger.items.every((e: any) => e.entryType === 'linked')).toBe(true);
    expect(ledger.items).toHaveLength(2);
    // another tenant's identical event never touches this tenant's item
    await p.runtime.consumers.tenThingsLinkedProgress!(wrapEvent(grant('education'), { ...meta, tenantId: OTHER, divisionCode: OTHER }));
    expect(ok(await p.query(staff, 'tenThings.items.get', { itemId: candidateIds[11] })).item.achieved).toEqual([2]);
  });
});

describe('satisfaction, report and rollups', () => {
  it('takes a public rating without login, one per client per item per day', async () => {
    const itemId = candidateIds[0];
    const page = ok(await p.query(null, 'tenThings.public.item', { tenantId: T, itemId }));
    expect(page).toMatchObject({ tenantName: '兴化市总工会', title: candidateTexts[0][0] });
    expect(JSON.stringify(page)).not.toContain('reporter');
    const rate = (ip: string, score: number) => rateFrom(ip, itemId, score);
    expect((await rate('10.0.0.1', 5)).status).toBe(200);
    expect((await rate('10.0.0.1', 1)).status).toBe(409);
    expect((await rate('10.0.0.2', 4)).status).toBe(200);
    expect((await rate('10.0.0.3', 9)).status).toBe(400);
    expect(ok(await p.query(null, 'tenThings.public.item', { tenantId: T, itemId })).satisfaction).toEqual({ mean: 4.5, count: 2 });
    // Each counted rating is in the audit log, anonymous: no address, no client fingerprint, not even the client's correlation id.
    expect((await rateFrom('10.0.0.4', itemId, 3, { 'x-correlation-id': 'client-chosen-id' })).status).toBe(200);
    const rated = ok(await p.query(admin, 'audit.list', { action: 'tenThings.public.rate' })).items.filter((e: any) => e.entityId === itemId);
    expect(rated).toHaveLength(3);
    expect(rated.every((e: any) => e.actor === 'public')).toBe(true);
    expect(JSON.stringify(rated)).not.toMatch(/10\.0\.0\.|client-chosen-id/);
    expect((await p.query(null, 'tenThings.public.item', { tenantId: T, itemId: candidateIds[8] })).status).toBe(404);
    expect((await p.query(null, 'tenThings.public.item', { tenantId: OTHER, itemId })).status).toBe(404);
  });

  it('keys the rate limit by the address the runtime reports: a forged x-forwarded-for does not reset it', async () => {
    const itemId = candidateIds[1];
    expect((await rateFrom('10.0.0.7', itemId, 4)).status).toBe(200);
    for (const forged of ['1.2.3.4', '5.6.7.8, 10.0.0.7', '10.0.0.8']) expect((await rateFrom('10.0.0.7', itemId, 1, { 'x-forwarded-for': forged, 'x-real-ip': forged })).status).toBe(409);
    // Behind API Gateway the Lambda adapter passes the event: requestContext.http.sourceIp counts, the header does not.
    const viaGateway = (sourceIp: string, forged: string) =>
      p.runtime.app.request('/trpc/tenThings.public.rate', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forged }, body: JSON.stringify({ tenantId: T, itemId, score: 3 }) }, { event: {}, requestContext: { http: { sourceIp } } });
    expect((await viaGateway('203.0.113.9', '1.1.1.1')).status).toBe(200);
    expect((await viaGateway('203.0.113.9', '2.2.2.2')).status).toBe(409);
    expect(ok(await p.query(null, 'tenThings.public.item', { tenantId: T, itemId })).satisfaction.count).toBe(2);
  });

  it('reports the year per target and exports it as Excel', async () => {
    const report = ok(await p.query(staff, 'tenThings.reports.annual', { planId }));
    expect(report.rows.length).toBeGreaterThanOrEqual(10);
    expect(report.rows[0]).toMatchObject({ item: candidateTexts[0][0], target: 20, achieved: 6, satisfactionMean: 4, satisfactionCount: 3 });
    const x = ok(await p.query(staff, 'tenThings.reports.annualXlsx', { planId }));
    expect(x).toMatchObject({ fileName: '2024-十件实事年度报告.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: report.rows.length + 1 });
    const { default: ExcelJS } = await import('exceljs');
    const load = async (base64: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
      return wb;
    };
    const wb = await load(x.base64);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('实事项目');
    expect(ws.rowCount).toBe(report.rows.length + 1);
    const completion = ws.getRow(2).getCell(7);
    expect([completion.value, completion.numFmt]).toEqual([report.rows[0].completion, '0.0%']);
    expect(ws.getRow(2).getCell(8).value).toBe({ done: '已完成', on_track: '正常推进', at_risk: '有风险', behind: '进度落后', overdue: '逾期' }[report.rows[0].status as string]);
    const summary = wb.worksheets[1]!;
    expect(summary.getRow(2).getCell(3).value).toEqual(new Date(`${report.asOf}T00:00:00Z`));
    const en = await load(ok(await p.query(staff, 'tenThings.reports.annualXlsx', { planId, lang: 'en' })).base64);
    expect(en.worksheets.map((w) => w.name)).toEqual(['Ten things 2024', 'Summary']);
    expect(en.worksheets[0]!.getRow(1).getCell(1).value).toBe('Item');
    expect(en.worksheets[0]!.getRow(2).getCell(8).value).toBe(report.rows[0].status.replace('_', ' '));
  });

  it('feeds rollups: adopted items, completion and status counts, seen by leadership side by side without records', async () => {
    await p.settle();
    const view = await p.query(leaderOf('3212'), 'rollups.overview', { year: 2024 });
    const row = view.data.rows.find((r: any) => r.tenantId === T);
    expect(row.metrics['tenThings.items.adopted']).toBe(10);
    expect(row.metrics['tenThings.items.done']).toBe(1);
    expect(row.metrics['tenThings.completionBp']).toBeGreaterThan(10_000);
    expect(row.metrics['tenThings.ratings']).toBe(5);
    const statusTotal = ['done', 'on_track', 'at_risk', 'behind', 'overdue'].reduce((s, k) => s + (row.metrics[`tenThings.items.${k}`] ?? 0), 0);
    expect(statusTotal).toBe(10);
    expect(JSON.stringify(view.data)).not.toContain(candidateIds[0]);
  });

  it('keeps tenants apart: another tenant cannot read or report on this plan', async () => {
    expect((await p.query(adminOf(OTHER), 'tenThings.plans.get', { planId })).status).toBe(404);
    expect((await p.mutate(adminOf(OTHER), 'tenThings.progress.report', { itemId: candidateIds[0], targetIndex: 0, quantity: 1, occurredOn: '2024-02-01' })).status).toBe(404);
    expect(ok(await p.query(adminOf(OTHER), 'tenThings.plans.list', {})).items).toEqual([]);
  });
});
