import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import { inlineStringsWorkbook, libreOfficeXlsx, soffice } from '@ufp/testing/spreadsheets';
import { adminOf, createTenant, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;
const T = '321281';
const header = ['姓名', '身份证号', '民族', '政治面貌', '学历', '人员类别', '是否农民工', '职业技能等级', '工种/职业', '工作单位', '联系电话', '荣誉称号', '授予年度', '授予机关', '证书编号'];
const id1 = demoIdNumber('321281', '19680312', 61);
const id2 = demoIdNumber('321281', '19750822', 72);

async function ok<T = any>(res: Promise<{ status: number; data: T; error?: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-10T02:00:00Z'));
  await createTenant(p, T, T);
});
afterAll(async () => {
  await p?.dispose();
});

describe('the 劳模 registry workbook', () => {
  it('imports people and honours (two rows of one person merge), reports bad rows by Excel row number, and a re-import changes nothing', async () => {
    const rows = [
      header,
      ['王台账', id1, '汉族', '中共党员', '中专/高中', '一线工人', '否', '高级技师', '焊工', '兴化机械厂', '13905261234', '省部级劳动模范', 2020, '江苏省人民政府', 'SJ2020-1'],
      ['王台账', id1, '汉族', '中共党员', '中专/高中', '一线工人', '否', '高级技师', '焊工', '兴化机械厂', '13905261234', '市级劳动模范', 2015, '泰州市人民政府', null],
      ['李台账', id2.slice(0, 17) + (id2.endsWith('0') ? '1' : '0'), '汉族', '群众', '大专', '专业技术人员', '否', '技师', '数控', null, null, '市级劳动模范', 2021, '泰州市人民政府', null],
      ['赵台账', demoIdNumber('321281', '19800101', 83), '汉族', '群众', '大专', '企业负责人', '否', '无', null, null, null, '不存在的荣誉', 2021, '某机关', null],
    ];
    const fileBase64 = (await inlineStringsWorkbook(rows)).toString('base64');
    const first = await ok(p.mutate(staffOf(T), 'modelWorkers.registry.import', { fileBase64, mode: 'validRows' }));
    expect(first).toMatchObject({ total: 4, created: 1, honoursAdded: 2 });
    expect(first.errors.map((e: any) => [e.row, e.field])).toEqual([[4, 'idNumber'], [5, 'honour']]);
    expect(JSON.stringify(first.errors)).not.toContain(id2.slice(0, 10));
    expect(first.rows.map((r: any) => [r.row, r.nameMasked, r.outcome])).toEqual([[2, '王**', 'created'], [3, '王**', 'honourAdded']]);
    const person = (await ok(p.query(staffOf(T), 'modelWorkers.people.list', { q: id1 }))).items[0];
    expect(person.honours.map((h: any) => h.year)).toEqual([2020, 2015]);
    const again = await ok(p.mutate(staffOf(T), 'modelWorkers.registry.import', { fileBase64, mode: 'validRows' }));
    expect(again).toMatchObject({ created: 0, honoursAdded: 0, skipped: 2 });
    expect(again.rows.map((r: any) => r.outcome)).toEqual(['skipped', 'skipped']);
    const strict = await ok(p.mutate(staffOf(T), 'modelWorkers.registry.import', { fileBase64, mode: 'allOrNothing' }));
    expect(strict).toMatchObject({ created: 0, honoursAdded: 0, rows: [] });
  });

  it.skipIf(!soffice)('reads a workbook written by LibreOffice', async () => {
    const csv = [header.join(','), ['钱台账', `'${demoIdNumber('321281', '19790101', 94)}`, '汉族', '群众', '大学本科', '专业技术人员', '是', '技师', '电工', '', '', '市工匠', '2024', '泰州市总工会', ''].join(',')].join('\n');
    const xlsx = await libreOfficeXlsx(csv);
    const r = await ok(p.mutate(staffOf(T), 'modelWorkers.registry.import', { fileBase64: xlsx.toString('base64'), mode: 'allOrNothing' }));
    expect(r).toMatchObject({ total: 1, created: 1, honoursAdded: 1, errors: [] });
  });

  it('exports the registry (masked unless asked) and the 慰问 list; an unmasked export is an audited read', async () => {
    const masked = await ok(p.mutate(staffOf(T), 'modelWorkers.registry.export', { lang: 'zh' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(masked.base64, 'base64') as never);
    const sheet = wb.getWorksheet('劳模台账')!;
    const ids = sheet.getColumn(2).values.slice(2).map(String);
    expect(ids.every((v) => v.includes('*'))).toBe(true);
    expect(wb.getWorksheet('慰问名单')!.rowCount).toBeGreaterThan(1);
    const open = await ok(p.mutate(staffOf(T), 'modelWorkers.registry.export', { lang: 'zh', unmasked: true }));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(open.base64, 'base64') as never);
    expect(wb2.getWorksheet('劳模台账')!.getColumn(2).values.map(String)).toContain(id1);
    const audit = await ok(p.query(adminOf(T), 'audit.list', { action: 'pii.export', limit: 5 }));
    expect(audit.items).toHaveLength(1);
  });
});
