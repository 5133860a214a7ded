import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import { ledgerColumns } from '@ufp/hardship/domain/ledger';
import type { Claims } from '@ufp/kit/auth';
import { ok, adminOf, createTenant, createUnit, reporterOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** Finding files (number, name part, whole ID through the blind index, status, imported drafts) and naming who acted. */
let p: TestPlatform;
const A = '321281';
const unitName = '兴化市检索测试工会';
let unitId: string;
let otherUnit: string;
let clerk: Claims;

const idOf = (seq: number) => demoIdNumber('321281', '19850312', seq);


const application = (unit: string, name: string, idNumber: string) => ({
  unitId: unit,
  worker: { name, idNumber, phone: '13812345678' },
  household: { members: [{ relation: '本人', name, idNumber }], annualIncomeFen: 1_200_000, rigidExpensesFen: 600_000, causes: ['本人患慢性病'], events: [] },
  consentGiven: true,
});

async function ledger(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(ledgerColumns.map((c) => c.zh));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

let first: { fileId: string; version: number };

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-03-10T02:00:00Z'));
  await createTenant(p, A, A);
  unitId = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: unitName })).unitId;
  otherUnit = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市另一测试工会' })).unitId;
  const user = await ok(p.mutate(adminOf(A), 'users.create', { name: '周文静', roles: ['unit_reporter'], unitId }));
  clerk = { sub: user.userId, roles: ['unit_reporter'], tenantId: A, unitId };
  first = await ok(p.mutate(clerk, 'hardship.files.create', application(unitId, '钱多多', idOf(1))));
  first = await ok(p.mutate(clerk, 'hardship.files.submit', { fileId: first.fileId, version: first.version }));
  await ok(p.mutate(clerk, 'hardship.files.create', application(unitId, '孙小梅', idOf(2))));
  await ok(p.mutate(adminOf(A), 'hardship.files.create', application(otherUnit, '钱小宝', idOf(3))));
  const imported = await ok(p.mutate(adminOf(A), 'hardship.ledger.import', { fileBase64: await ledger([[unitName, '李导入', idOf(4), '', 3, 48000, '12000', '', '失业']]), mode: 'validRows' }));
  expect(imported.imported).toBe(1);
});
afterAll(() => p?.dispose());

const names = (page: { items: { worker: { name: string } }[] }) => page.items.map((f) => f.worker.name).sort();

describe('finding hardship files', () => {
  it('by a part of the name, on the server', async () => {
    expect(names(await ok(p.query(adminOf(A), 'hardship.files.list', { q: '钱' })))).toEqual(['钱多多', '钱小宝']);
  });
  it('by a whole ID number (through the blind index), and a lower-case x or spaces do not matter', async () => {
    expect(names(await ok(p.query(adminOf(A), 'hardship.files.list', { q: ` ${idOf(2).toLowerCase()} ` })))).toEqual(['孙小梅']);
    expect(names(await ok(p.query(adminOf(A), 'hardship.files.list', { q: idOf(99) })))).toEqual([]);
  });
  it('by file number or its start', async () => {
    expect(names(await ok(p.query(adminOf(A), 'hardship.files.list', { q: first.fileId })))).toEqual(['钱多多']);
    expect(names(await ok(p.query(adminOf(A), 'hardship.files.list', { q: first.fileId.slice(0, 20).toLowerCase() })))).toContain('钱多多');
  });
  it('with status and unit, and a reporter only within their own unit', async () => {
    expect(names(await ok(p.query(adminOf(A), 'hardship.files.list', { q: '钱', status: 'submitted' })))).toEqual(['钱多多']);
    expect(names(await ok(p.query(adminOf(A), 'hardship.files.list', { unitId: otherUnit })))).toEqual(['钱小宝']);
    expect(names(await ok(p.query(clerk, 'hardship.files.list', { q: '钱' })))).toEqual(['钱多多']);
    expect(names(await ok(p.query(reporterOf(A, unitId), 'hardship.files.list', { unitId: otherUnit })))).not.toContain('钱小宝');
  });
  it('imported 台账 rows are listed as drafts, with when and by whom', async () => {
    const page = await ok(p.query(adminOf(A), 'hardship.files.list', { imported: true }));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ status: 'draft', worker: { name: '李导入' }, importedAt: expect.stringMatching(/^2026-03-10T02:/), createdBy: 'admin-321281' });
    const drafts = await ok(p.query(adminOf(A), 'hardship.files.list', { status: 'draft' }));
    expect(names(drafts)).toEqual(['孙小梅', '李导入', '钱小宝']);
    expect(drafts.items.find((f: { worker: { name: string } }) => f.worker.name === '孙小梅').importedAt).toBeUndefined();
  });
  it('pages with the cursor through a filtered list', async () => {
    const one = await ok(p.query(adminOf(A), 'hardship.files.list', { status: 'draft', limit: 2 }));
    expect(one.items).toHaveLength(2);
    const two = await ok(p.query(adminOf(A), 'hardship.files.list', { status: 'draft', limit: 2, cursor: one.nextCursor }));
    expect([...names(one), ...names(two)].sort()).toEqual(['孙小梅', '李导入', '钱小宝']);
  });
});

describe('people, not ids', () => {
  it("a file's timeline and lists name the directory user who acted", async () => {
    const file = await ok(p.query(adminOf(A), 'hardship.files.get', { fileId: first.fileId }));
    expect(file.timeline.map((e: { actorName?: string }) => e.actorName)).toEqual(['周文静', '周文静']);
    expect(file.createdByName).toBe('周文静');
    const listed = await ok(p.query(adminOf(A), 'hardship.files.list', { q: first.fileId }));
    expect(listed.items[0].createdByName).toBe('周文静');
    expect(JSON.stringify(listed)).not.toContain('idEncrypted');
  });
});
