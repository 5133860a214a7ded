import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, reporterOf, SAMPLE_PDF, setDay, staffOf, startTestPlatform, tickOn, uploadEvidence, stepsToSigned, walkContract, type TestPlatform } from '@ufp/testing/platform';

/** 履约监督: a yearly performance check of an effective contract, its reminder, its escalation and its record. */
const T = '321281';
let p: TestPlatform;
let unitId: string;
let id: string;
const staff = staffOf(T);

const check = (checkedOn: string, over: Record<string, unknown> = {}) => ({
  contractId: id,
  checkedOn,
  checkers: ['工会主席王某', '人力资源部钱某'],
  items: [{ item: '工资增幅 6% 按约定执行', kept: true }, { item: '夏季高温津贴', kept: false, note: '7 月未足额发放' }],
  findings: '总体履约良好，高温津贴须补发',
  reportedToCongress: true,
  reportedOn: checkedOn,
  ...over,
});
const contract = async () => (await p.query(staff, 'contracts.get', { contractId: id })).data;
const notices = async () => (await p.query(staff, 'notifications.list')).data.items.filter((n: any) => n.contractId === id);

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T)).unitId;
  setDay(p, '2025-12-01');
  const res = await p.mutate(staff, 'contracts.create', {
    type: 'comprehensive',
    unitId,
    employerParties: [{ name: '靖江船舶制造有限公司' }],
    coveredEnterprises: 1,
    coveredEmployees: 800,
    term: { start: '2026-01-01', end: '2027-12-31' },
    clauses: { wageGrowthPct: 6 },
  });
  id = res.data.contractId;
  const steps = [
    ...stepsToSigned({ sentOn: '2025-11-03', repliedOn: '2025-11-10', roundOn: '2025-11-12', votedOn: '2025-11-20', signedOn: '2025-11-21', minutes: '第一轮', vote: { representativesTotal: 60, present: 45, approve: 40 } }),
    ['contracts.file', { filedOn: '2025-11-24' }] as const, // review to 2025-12-09: in effect from 2025-12-10
  ];
  await walkContract(p, staff, id, steps);
  await tickOn(p, '2025-12-10');
  expect(await contract()).toMatchObject({ status: 'effective', effectiveOn: '2025-12-10' });
  setDay(p, '2025-12-11');
  expect((await p.mutate(staff, 'contracts.publish', { contractId: id, publishedOn: '2025-12-11' })).status).toBe(200);
});
afterAll(() => p?.dispose());

describe('the yearly 履约 check (履约监督)', () => {
  it('runs from the effective date: the clock names the contract year and its last day', async () => {
    const c = await contract();
    expect(c.clocks.find((k: any) => k.kind === 'performanceCheck')).toMatchObject({ contractYear: 1, from: '2025-12-10', dueOn: '2026-12-09', state: 'open' });
  });

  it('the daily tick reminds 30 days before the contract year ends and escalates the day after, marking the clock overdue', async () => {
    await tickOn(p, '2026-11-09');
    expect((await notices()).find((n: any) => n.id.includes('#performanceCheck#'))).toMatchObject({ type: 'clock_due_soon', dueOn: '2026-12-09' });
    await tickOn(p, '2026-12-10');
    const overdue = (await notices()).find((n: any) => n.type === 'clock_overdue' && n.id.includes('#performanceCheck#'));
    expect(overdue.title.zh).toContain('第1合同年度履约检查已逾期');
    expect((await contract()).overdueClocks).toEqual(['performanceCheck']);
  });

  it('a reporter may not record a check (403); bad input names the field in both languages (400)', async () => {
    setDay(p, '2026-12-15');
    expect((await p.mutate(reporterOf(T, unitId), 'contracts.performance.check', check('2026-12-15'))).status).toBe(403);
    const noCheckers = await p.mutate(staff, 'contracts.performance.check', check('2026-12-15', { checkers: [] }));
    expect(noCheckers.status).toBe(400);
    expect(noCheckers.error?.message).toContain('检查人员');
    const reportDate = await p.mutate(staff, 'contracts.performance.check', check('2026-12-15', { reportedToCongress: false }));
    expect(reportDate.status).toBe(400);
    expect(reportDate.error?.data.messageEn).toContain('report date');
  });

  it('a late check answers year 1, unmarks the overdue clock, is audit-logged, and a retry with the same key applies once', async () => {
    const token = await p.token(staff);
    const send = () =>
      p.runtime.app.request('/trpc/contracts.performance.check', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'perf-check-0001' },
        body: JSON.stringify(check('2026-12-15')),
      });
    const [first, retry] = [await send(), await send()];
    expect([first.status, retry.status]).toEqual([200, 200]);
    const c = await contract();
    expect(c.performanceChecks).toEqual([expect.objectContaining({ contractYear: 1, checkedOn: '2026-12-15', onTime: false, dueOn: '2026-12-09', reportedToCongress: true })]);
    expect(c.performanceChecks[0].items[1]).toEqual({ item: '夏季高温津贴', kept: false, note: '7 月未足额发放' });
    expect(c.overdueClocks).toBeUndefined();
    expect(c.clocks.find((k: any) => k.kind === 'performanceCheck')).toMatchObject({ contractYear: 2, dueOn: '2027-12-09' });
    const audit = (await p.query(adminOf(T), 'audit.list', { action: 'contracts.performance.check', limit: 10 })).data.items;
    expect(audit.filter((e: any) => e.entityId === id)).toHaveLength(1);
  });

  it('year 2 began on 2026-12-10: the next check answers it in time; one more is a 409 naming the date', async () => {
    const year2 = await p.mutate(staff, 'contracts.performance.check', check('2026-12-15', { reportedToCongress: false, reportedOn: undefined }));
    expect(year2.status, JSON.stringify(year2.error)).toBe(200);
    expect(year2.data.performanceChecks[1]).toMatchObject({ contractYear: 2, onTime: true, reportedToCongress: false });
    const again = await p.mutate(staff, 'contracts.performance.check', check('2026-12-15'));
    expect(again.status).toBe(409);
    expect((again.error?.data as any).details).toMatchObject({ field: 'checkedOn', reason: 'already_checked' });
    expect(again.error?.message).toContain('均已有履约检查记录');
  });

  it('a check cites the files uploaded for the contract: checked on arrival, cited once, downloads audited; before the contract is in effect no file is taken', async () => {
    const upload = (fileName: string) => uploadEvidence(p, staff, { path: 'contracts.evidence.createUpload', input: { contractId: id, fileName, contentType: 'application/pdf' } }, 'contracts.evidence.complete', SAMPLE_PDF);
    const report = await upload('2027年度职代会履约报告.pdf');
    setDay(p, '2027-12-20');
    const res = await p.mutate(staff, 'contracts.performance.check', check('2027-12-20', { evidenceIds: [report] }));
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    expect(res.data.performanceChecks.at(-1)).toMatchObject({ contractYear: 3, evidence: [{ evidenceId: report, fileName: '2027年度职代会履约报告.pdf', contentType: 'application/pdf' }] });
    // Cited once: another check may not cite it again.
    setDay(p, '2028-12-11');
    const again = await p.mutate(staff, 'contracts.performance.check', check('2028-12-11', { evidenceIds: [report] }));
    expect(again.status).toBe(400);
    expect(again.error?.data.issues?.[0]).toMatchObject({ path: ['evidenceIds.0'] });
    expect(again.error?.message).toContain('已用于另一次履约检查');
    // A reporter of the unit downloads it; the URL is audited.
    const url = await p.mutate(reporterOf(T, unitId), 'contracts.evidence.url', { evidenceId: report });
    expect(url.status, JSON.stringify(url.error)).toBe(200);
    expect((await p.query(adminOf(T), 'audit.list', { action: 'contracts.evidence.url', limit: 10 })).data.items.some((e: any) => e.entityId === report)).toBe(true);
    // A draft takes no check files (409 naming the state).
    const draft = await p.mutate(staff, 'contracts.create', { type: 'comprehensive', unitId, employerParties: [{ name: '某公司' }], coveredEnterprises: 1, coveredEmployees: 10, term: { start: '2029-01-01', end: '2029-12-31' } });
    const early = await p.mutate(staff, 'contracts.evidence.createUpload', { contractId: draft.data.contractId, fileName: 'x.pdf', contentType: 'application/pdf', sizeBytes: SAMPLE_PDF.length });
    expect(early.status).toBe(409);
    expect(early.error?.message).toContain('草拟');
  });
});
