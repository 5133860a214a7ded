import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import type { Claims } from '@ufp/kit/auth';
import { ok, adminOf, attachHardshipDocuments, createTenant, createUnit, reporterOf, setDay, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** The export in the national 帮扶 system's 困难职工档案表 layout: files on file only, full ID numbers, audited. */
let p: TestPlatform;
const A = '321281';
const B = '321282';
let unitA: string;
let unitB: string;
let serial = 0;
const idOf = (seq: number, area = A) => demoIdNumber(area, '19850312', seq);

async function application(tenantId: string, unitId: string) {
  const name = `全国${serial}`;
  const idNumber = idOf(400 + serial++, tenantId);
  const created = await ok(
    p.mutate(reporterOf(tenantId, unitId), 'hardship.files.create', {
      unitId,
      worker: { name, idNumber, phone: '13812345678' },
      household: { members: [{ relation: '本人', name, idNumber }, { relation: '子女', name: `${name}子`, annualIncomeFen: 120_000 }], annualIncomeFen: 3_600_000, rigidExpensesFen: 1_200_000, causes: ['本人患慢性病', '子女上学'], events: [] },
      consentGiven: true,
    }),
  );
  return { ...created, name, idNumber };
}

async function onFile(tenantId: string, unitId: string) {
  const created = await application(tenantId, unitId);
  const staff2: Claims = { sub: `staff2-${tenantId}`, roles: ['federation_staff'], tenantId };
  let f = await ok(p.mutate(reporterOf(tenantId, unitId), 'hardship.files.submit', { fileId: created.fileId, version: created.version }));
  f = await ok(p.mutate(reporterOf(tenantId, unitId), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2026-03-01', findings: '入户核实' }));
  await attachHardshipDocuments(p, staffOf(tenantId), f.fileId);
  f = await ok(p.mutate(staffOf(tenantId), 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2026-03-02' }));
  await ok(p.mutate(staff2, 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'approve', reason: '经评议符合相对困难条件' }));
  return created;
}

const sheets = async (base64: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => ({ name: ws.name, header: (ws.getRow(1).values as unknown[]).slice(1), rows: ws.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1)) }));
};

let onFileA: Awaited<ReturnType<typeof onFile>>;
let draftA: Awaited<ReturnType<typeof application>>;

beforeAll(async () => {
  p = await startTestPlatform();
  setDay(p, '2026-03-10');
  await createTenant(p, A, A);
  await createTenant(p, B, B);
  unitA = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市全国格式测试工会' })).unitId;
  unitB = (await createUnit(p, B, { type: 'regional', uscc: undefined, name: '另一市测试工会' })).unitId;
  onFileA = await onFile(A, unitA);
  draftA = await application(A, unitA);
  await onFile(B, unitB);
}, 120_000);
afterAll(async () => {
  await p?.dispose();
});

describe('全国帮扶系统格式导出', () => {
  it('writes the tenant’s files on file in the form’s layout, with the full ID number and phone, and their members', async () => {
    const file = await ok(p.mutate(adminOf(A), 'hardship.ledger.exportNational', {}));
    expect(file.fileName).toMatch(/^hardship-national-2026-03-10\.xlsx$/);
    const [files, members] = await sheets(file.base64);
    expect(files!.name).toBe('困难职工档案表');
    expect(files!.header.slice(0, 3)).toEqual(['职工编号', '困难类别', '姓名']);
    expect(files!.rows).toHaveLength(1);
    const cell = (h: string) => files!.rows[0]![files!.header.indexOf(h)];
    expect(cell('职工编号')).toBe(onFileA.fileId);
    expect(cell('姓名')).toBe(onFileA.name);
    expect(cell('身份证号')).toBe(onFileA.idNumber);
    expect(cell('手机号码')).toBe('13812345678');
    expect(cell('工作单位')).toBe('兴化市全国格式测试工会');
    expect(cell('家庭年度总收入')).toBe(36_000);
    expect(cell('主要致困原因')).toBe('本人患慢性病');
    expect(cell('民族')).toBeUndefined();
    // The draft is not on file; the other federation's file is not this tenant's.
    expect(JSON.stringify(files!.rows)).not.toContain(draftA.fileId);
    expect(JSON.stringify(files!.rows)).not.toContain(idOf(402, B));
    expect(members!.name).toBe('家庭成员信息');
    expect(members!.rows.map((r) => r[2])).toEqual(['本人', '子女']);
    expect(JSON.stringify(members!.rows)).not.toContain(onFileA.idNumber);
  });

  it('is an audited read of personal data every time it is called, and in English on request', async () => {
    const before = (await ok(p.query(adminOf(A), 'audit.list', { action: 'pii.reveal' }))).items.length;
    await ok(p.mutate(adminOf(A), 'hardship.ledger.exportNational', { lang: 'en' }));
    await ok(p.mutate(adminOf(A), 'hardship.ledger.exportNational', {}));
    const audits = (await ok(p.query(adminOf(A), 'audit.list', { action: 'pii.reveal' }))).items;
    expect(audits.length - before).toBe(2);
    expect(audits[0].summary).toContain('含身份证号、联系电话明文');
    const en = await sheets((await ok(p.mutate(adminOf(A), 'hardship.ledger.exportNational', { lang: 'en' }))).base64);
    expect(en[0]!.header.slice(0, 3)).toEqual(['Worker no.', 'Hardship category', 'Name']);
    expect(en[0]!.rows[0]![1]).toBe('Relative hardship');
  });

  it('is for admins: staff and unit reporters are refused and nothing is audited', async () => {
    const before = (await ok(p.query(adminOf(A), 'audit.list', { action: 'pii.reveal' }))).items.length;
    expect((await p.mutate(staffOf(A), 'hardship.ledger.exportNational', {})).status).toBe(403);
    expect((await p.mutate(reporterOf(A, unitA), 'hardship.ledger.exportNational', {})).status).toBe(403);
    expect((await ok(p.query(adminOf(A), 'audit.list', { action: 'pii.reveal' }))).items.length).toBe(before);
    const bad = await p.mutate(adminOf(A), 'hardship.ledger.exportNational', { lang: 'fr' });
    expect(bad.status).toBe(400);
  });
});
