import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstSheetRows, sheetBuffer } from '@ufp/api/excel';
import { ledgerColumns } from '@ufp/core/hardship/ledger';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
const A = '321281';
let unitName: string;
let unitId: string;

const id = (seq: number) => {
  const first17 = `32128119800101${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
};

async function workbook(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(ledgerColumns.map((c) => c.zh));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** POSTs a form to the import procedure the way the console does (multipart, no base64). */
async function send(form: FormData) {
  const res = await p.runtime.app.request('/trpc/hardship.ledger.import', { method: 'POST', headers: { authorization: `Bearer ${await p.token(staffOf(A))}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}
const upload = (base64: string, mode: string) => {
  const form = new FormData();
  form.set('file', new Blob([Buffer.from(base64, 'base64')]), 'ledger.xlsx');
  form.set('mode', mode);
  return send(form);
};

const good = (seq: number) => [unitName, `导入${seq}`, id(seq), '', 3, 48000, '12000', '', '失业'];

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, A, A);
  const unit = await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市台账测试工会' });
  unitName = '兴化市台账测试工会';
  unitId = unit.unitId;
});
afterAll(() => p?.dispose());

describe('ledger (台账) import and export', () => {
  it('the template has the columns the importer reads', async () => {
    const res = await p.query(staffOf(A), 'hardship.ledger.template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...ledgerColumns.map((c) => c.zh)]);
  });

  it('all-or-nothing: one bad row → row-numbered errors and nothing written', async () => {
    const bad = good(2);
    bad[2] = String(bad[2]).slice(0, 17) + (String(bad[2]).endsWith('0') ? '1' : '0');
    const res = await p.mutate(staffOf(A), 'hardship.ledger.import', { fileBase64: await workbook([good(1), bad, good(3), [unitName, '', id(4), '', 'x', 48000, 0]]), mode: 'allOrNothing' });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ total: 4, imported: 0, written: false });
    expect(res.data.errors.map((e: any) => [e.row, e.field])).toEqual([[3, 'idNumber'], [5, 'name'], [5, 'householdSize']]);
    expect(res.data.errors[0].message).toMatch(/^第3行：身份证号校验位错误/);
    expect((await p.query(staffOf(A), 'hardship.files.list', { limit: 200 })).data.items).toHaveLength(0);
  });

  it('valid rows: imports the good rows as drafts with tiers and returns an error report', async () => {
    const res = await p.mutate(staffOf(A), 'hardship.ledger.import', { fileBase64: await workbook([good(10), good(11), ['没有这个工会', '某', id(12), '', 2, 1, 0], good(10)]), mode: 'validRows' });
    expect(res.data).toMatchObject({ total: 4, imported: 2, written: true });
    expect(res.data.errors.map((e: any) => e.row)).toEqual([4, 5]);
    expect(res.data.errors[1].message).toContain('与第2行重复');
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(Buffer.from(res.data.errorReport, 'base64') as unknown as ArrayBuffer);
    expect(report.worksheets[0]!.rowCount).toBe(3);
    const files = (await p.query(staffOf(A), 'hardship.files.list', { limit: 200 })).data.items;
    expect(files).toHaveLength(2);
    expect(files.every((f: any) => f.status === 'draft' && f.tier === 'relative' && f.unitId === unitId)).toBe(true);
    // Importing the same people again: each already has an open file.
    const again = await p.mutate(staffOf(A), 'hardship.ledger.import', { fileBase64: await workbook([good(10)]), mode: 'validRows' });
    expect(again.data).toMatchObject({ imported: 0, errors: [{ row: 2, field: 'idNumber' }] });
  });

  it('takes the workbook as multipart/form-data (the console), streaming it; row numbers and the report as with JSON', async () => {
    const rows = [good(20), good(21), [unitName, '多', id(22), '', 25, 1, 0], good(23)];
    const res = await upload(await workbook(rows), 'validRows');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result.data).toMatchObject({ total: 4, imported: 3, written: true, errorRows: 1, errors: [{ row: 4, field: 'householdSize' }] });
    const names = (await p.query(staffOf(A), 'hardship.files.list', { limit: 200 })).data.items.map((f: any) => f.worker.name);
    expect(names).toEqual(expect.arrayContaining(['导入20', '导入21', '导入23']));
    // A sheet the template does not describe, a missing file and a non-workbook are 400s, never 500s.
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet('x').addRow(['姓名', '备注']);
    const noColumns = await upload(Buffer.from(await wrong.xlsx.writeBuffer()).toString('base64'), 'validRows');
    expect([noColumns.status, noColumns.body.error.message]).toEqual([400, expect.stringContaining('模板缺少列')]);
    const form = new FormData();
    form.set('mode', 'validRows');
    expect((await send(form)).status).toBe(400);
    expect((await upload(Buffer.from('PK\u0003\u0004 broken zip').toString('base64'), 'allOrNothing')).body.error.message).toContain('无法读取');
  });

  it('a workbook with more than 20,000 rows is refused before anything is written', async () => {
    const before = (await p.query(staffOf(A), 'hardship.files.list', { limit: 200 })).data.items.length;
    const xlsx = await sheetBuffer('台账', ledgerColumns.map((c) => c.zh), Array.from({ length: 20_001 }, (_, i) => [unitName, `超${i}`, id(100 + (i % 900)), '', 1, 1, 0]));
    const res = await upload(xlsx.toString('base64'), 'validRows');
    expect([res.status, res.body.error.message]).toEqual([400, '单次最多导入 20,000 行']);
    expect((await p.query(staffOf(A), 'hardship.files.list', { limit: 200 })).data.items).toHaveLength(before);
  });

  it('refuses a file that is not a workbook with a 400, and reporters cannot import', async () => {
    const res = await p.mutate(staffOf(A), 'hardship.ledger.import', { fileBase64: Buffer.from('not excel').toString('base64'), mode: 'validRows' });
    expect(res.status).toBe(400);
    expect(res.error?.message).toContain('无法读取');
    expect((await p.mutate(reporterOf(A, unitId), 'hardship.ledger.import', { fileBase64: 'AA==', mode: 'validRows' })).status).toBe(403);
  });

  it('exports files and grants with masked ID numbers', async () => {
    const res = await p.query(staffOf(A), 'hardship.ledger.export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['困难档案', '帮扶发放']);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('3212**********');
    expect(text).not.toContain(id(10));
  });
});

describe('streaming the sheet', () => {
  it('keeps Chinese text whole across zip chunk boundaries, inline or shared strings', async () => {
    const names = Array.from({ length: 4000 }, (_, i) => `兴化市第${i}职工帮扶测试工会${'困难职工'.repeat(i % 3)}`);
    const inline = await sheetBuffer('台账', ['名称'], names.map((n) => [n]));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['名称']);
    for (const n of names) ws.addRow([n]);
    const shared = Buffer.from(await wb.xlsx.writeBuffer());
    for (const bytes of [inline, shared]) {
      const read: unknown[] = [];
      for await (const r of firstSheetRows(bytes)) if (r.number > 1) read.push(r.values[1]);
      expect(read).toEqual(names);
    }
  });
});
