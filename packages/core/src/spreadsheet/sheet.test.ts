import { describe, expect, it } from 'vitest';
import { columnHelp, isBlankRow, matchHeader, missingColumnsText, outputCell, readRow, type OutputColumn, type SheetColumn } from './sheet.js';

const kinds = { living: { zh: '生活救助', en: 'Living assistance' }, medical: { zh: '医疗救助', en: 'Medical assistance' } } as const;
const columns = [
  { key: 'name', zh: '姓名', en: 'Name', kind: 'text', required: true, maxLength: 30 },
  { key: 'idNumber', zh: '身份证号', en: 'ID number', kind: 'identifier', required: true },
  { key: 'size', zh: '家庭人口', en: 'Household size', kind: 'integer', min: 1, max: 20, required: true },
  { key: 'amount', zh: '金额（元）', en: 'Amount (yuan)', kind: 'money' },
  { key: 'on', zh: '日期', en: 'Date', kind: 'date' },
  { key: 'kind', zh: '类别', en: 'Kind', kind: 'enum', options: kinds },
] as const satisfies readonly SheetColumn[];

describe('a sheet declared as columns with kinds', () => {
  it('matches the header by Chinese or English label or key, whatever the brackets and spaces', () => {
    const { indexOf, missing } = matchHeader(columns, [undefined, ' 姓 名', 'ID number', 'size', '金额(元)', { richText: [{ text: '日期' }] }, '备注']);
    expect([...indexOf]).toEqual([['name', 1], ['idNumber', 2], ['size', 3], ['amount', 4], ['on', 5]]);
    expect(missing).toEqual([]);
    const partial = matchHeader(columns, [undefined, '姓名']);
    expect(missingColumnsText(partial.missing)).toEqual({ zh: '模板缺少列：身份证号、家庭人口', en: 'Missing columns: ID number, Household size' });
  });

  it('reads a row into typed values', () => {
    const cells = { name: '王小明', idNumber: '321281198506151234', size: 3, amount: '1,200.5', on: 46086, kind: '医疗救助' };
    const read = readRow(columns, 2, (k) => cells[k]);
    expect(read).toEqual({ ok: true, row: 2, values: { name: '王小明', idNumber: '321281198506151234', size: 3, amount: 120_050, on: '2026-03-05', kind: 'medical' } });
    if (read.ok) {
      // The types follow the declaration: required columns are present, money is a number, a choice is its key.
      const size: number = read.values.size;
      const kind: 'living' | 'medical' | undefined = read.values.kind;
      expect([size, kind]).toEqual([3, 'medical']);
    }
  });

  it('reports every bad cell of a row with its Excel row number and column key, keeping the cells that did read', () => {
    const cells: Record<string, unknown> = { name: '', idNumber: 321281198506151000, size: 0, amount: -3, on: '2026-02-30', kind: '其他' };
    const read = readRow(columns, 7, (k) => cells[k]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.field)).toEqual(['name', 'idNumber', 'size', 'amount', 'on', 'kind']);
    expect(read.errors[0]).toEqual({ row: 7, field: 'name', message: '第7行：缺少「姓名」', messageEn: 'Row 7: "Name" is missing' });
    expect(read.errors.every((e) => e.message.startsWith('第7行：') && e.messageEn.startsWith('Row 7: '))).toBe(true);
    expect(JSON.stringify(read.errors)).not.toContain('3212811985');
    const some = readRow(columns, 3, (k) => ({ name: '李四', idNumber: 1, size: 2 })[k as string]);
    expect(some.ok ? undefined : some.values).toEqual({ name: '李四', size: 2 });
  });

  it('skips rows with no content', () => {
    expect(isBlankRow([undefined, '', '  ', null, { richText: [] }])).toBe(true);
    expect(isBlankRow([undefined, 0])).toBe(false);
  });

  it('explains each column for the template note sheet', () => {
    expect(columnHelp(columns[1], 'zh')).toMatch(/^文本格式/);
    expect(columnHelp(columns[5], 'en')).toBe('One of: Living assistance, Medical assistance');
  });
});

describe('export cells', () => {
  type R = { on?: string; fen: number; status: string; ratio: number };
  const col = (kind: OutputColumn<R>['kind'], value: (r: R) => unknown, labels?: OutputColumn<R>['labels']): OutputColumn<R> => ({ zh: '列', en: 'Col', kind, value, labels });
  const row: R = { on: '2026-03-05', fen: 123_456, status: 'living', ratio: 0.256 };
  it('dates as UTC-midnight Dates, fen as yuan, keys as labels of the language', () => {
    expect(outputCell(col('date', (r) => r.on), row, 'zh')).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(outputCell(col('date', () => undefined), row, 'zh')).toBeNull();
    expect(outputCell(col('money', (r) => r.fen), row, 'zh')).toBe(1234.56);
    expect(outputCell(col('label', (r) => r.status, kinds), row, 'zh')).toBe('生活救助');
    expect(outputCell(col('label', (r) => r.status, kinds), row, 'en')).toBe('Living assistance');
    expect(outputCell(col('percent', (r) => r.ratio), row, 'en')).toBe(0.256);
    expect(outputCell(col('text', () => ''), row, 'en')).toBeNull();
  });
});
