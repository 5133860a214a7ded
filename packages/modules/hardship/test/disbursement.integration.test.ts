import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import type { Claims } from '@ufp/kit/auth';
import { ok, adminOf, createTenant, createUnit, reporterOf, setDay, staffOf, putHardshipFileOnFile, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** 发放登记 and 对账表: each grant's payment recorded once, the year's grants reconciled per fund source. */
let p: TestPlatform;
const A = '321281';
let unitA: string;
let serial = 0;
const staff2: Claims = { sub: `staff2-${A}`, roles: ['federation_staff'], tenantId: A };
const grants: { fileId: string; grantId: string }[] = [];

const idOf = (seq: number) => demoIdNumber('321281', '19850312', seq);
async function approvedFile() {
  const name = `钱发${serial}`;
  const idNumber = idOf(300 + serial++);
  const created = await ok(
    p.mutate(reporterOf(A, unitA), 'hardship.files.create', {
      unitId: unitA,
      worker: { name, idNumber, phone: '13812345678' },
      household: { members: [{ relation: '本人', name, idNumber }, { relation: '子女', name: `${name}子` }], annualIncomeFen: 3_600_000, rigidExpensesFen: 1_200_000, causes: ['本人患慢性病'], events: [] },
      consentGiven: true,
    }),
  );
  return putHardshipFileOnFile(p, created, { tenantId: A, filer: reporterOf(A, unitA), reviewer: staff2 });
}

beforeAll(async () => {
  p = await startTestPlatform();
  setDay(p, '2026-03-10');
  await createTenant(p, A, A);
  unitA = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市发放测试工会' })).unitId;
  for (const source of ['union', 'county'] as const) await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source, budgetFen: 10_000_000 }));
  const f1 = await approvedFile();
  const f2 = await approvedFile();
  for (const [f, fundSource, amountFen, bankAccount] of [[f1, 'union', 200_000, '6222021234567890123'], [f2, 'union', 150_000, undefined], [f2, 'county', 300_000, undefined]] as const) {
    const g = await ok(p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'temporary', amountFen, fundSource, ...(bankAccount ? { bankAccount } : {}) }));
    grants.push({ fileId: f.fileId, grantId: g.grant?.grantId ?? g.grantId });
  }
  setDay(p, '2026-03-20');
}, 120_000);
afterAll(async () => {
  await p?.dispose();
});

describe('发放登记', () => {
  it('records a bank transfer once; a second recording is 409, a bad day or a transfer without an account 400', async () => {
    const [g1, g2] = grants;
    expect((await p.mutate(staffOf(A), 'hardship.aid.disburse', { ...g2, paidOn: '2026-03-12', channel: 'bank_transfer' })).status).toBe(400);
    expect((await p.mutate(staffOf(A), 'hardship.aid.disburse', { ...g1, paidOn: '2026-03-21', channel: 'bank_transfer' })).status).toBe(400);
    const paid = await ok(p.mutate(staffOf(A), 'hardship.aid.disburse', { ...g1, paidOn: '2026-03-12', channel: 'bank_transfer', reference: 'ZF20260312001' }));
    expect(paid.disbursement).toMatchObject({ paidOn: '2026-03-12', channel: 'bank_transfer', reference: 'ZF20260312001', recordedBy: `staff-${A}` });
    expect(paid.bankAccountEncrypted).toBeUndefined();
    const again = await p.mutate(staff2, 'hardship.aid.disburse', { ...g1, paidOn: '2026-03-13', channel: 'cash' });
    expect(again.status).toBe(409);
    expect((await p.mutate(reporterOf(A, unitA), 'hardship.aid.disburse', { ...g2, paidOn: '2026-03-12', channel: 'cash' })).status).toBe(403);
    await ok(p.mutate(staffOf(A), 'hardship.aid.disburse', { ...grants[2]!, paidOn: '2026-03-15', channel: 'social_security_card' }));
    const audits = (await ok(p.query(adminOf(A), 'audit.list', { action: 'hardship.aid.disburse' }))).items;
    expect(audits).toHaveLength(2);
  });
});

describe('对账表', () => {
  it('lists the year’s grants paid and unpaid with masked accounts only, and totals them per fund source', async () => {
    const file = await ok(p.query(staffOf(A), 'hardship.aid.reconciliation', { year: 2026 }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rows = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    const [payments, totals] = book.worksheets;
    expect(payments!.getRow(1).values).toContain('发放状态');
    const lines = rows(payments!);
    expect(lines).toHaveLength(3);
    expect(lines.map((r) => r[6]).sort()).toEqual(['已发放', '已发放', '未发放']);
    const text = JSON.stringify(lines);
    expect(text).toContain('*');
    expect(text).not.toContain('6222021234567890123');
    expect(text).not.toMatch(/钱发/);
    const byUnion = rows(totals!).find((r) => String(r[0]).includes('工会'))!;
    expect(byUnion.slice(1)).toEqual([2, 3500, 2000, 1500]);
    expect((await ok(p.query(adminOf(A), 'audit.list', { action: 'hardship.aid.reconciliation' }))).items).toHaveLength(1);
  });
});
