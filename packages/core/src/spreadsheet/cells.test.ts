import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, validateIdNumber } from '../validation/id-number.js';
import { cellText, excelSerial, excelSerialDate, plainCell, readDate, readEnum, readIdentifier, readInteger, readMoney, readText } from './cells.js';

const ID = { zh: '身份证号', en: 'ID number' };
const AMOUNT = { zh: '家庭年收入', en: 'Annual income' };
const value = <T>(r: { ok: true; value: T | undefined } | { ok: false }) => (r.ok ? r.value : 'refused');
const problemOf = (r: { ok: boolean; problem?: { zh: string; en: string } }) => (r.ok ? undefined : r.problem);

describe('taking exceljs wrappers off a cell', () => {
  it('reads every shape exceljs yields', () => {
    expect(plainCell(null)).toEqual({ type: 'empty' });
    expect(plainCell('  ')).toEqual({ type: 'empty' });
    expect(plainCell({ richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] })).toEqual({ type: 'string', value: '张三' });
    expect(plainCell({ formula: 'A1&B1', result: '321281' })).toEqual({ type: 'string', value: '321281' });
    expect(plainCell({ sharedFormula: 'A2', result: 12 })).toEqual({ type: 'number', value: 12 });
    expect(plainCell({ formula: 'A1', result: { error: '#REF!' } })).toEqual({ type: 'error', code: '#REF!' });
    expect(plainCell({ formula: 'NOW()' })).toEqual({ type: 'unreadable', reason: 'formula' });
    expect(plainCell({ text: { richText: [{ text: '链接' }] }, hyperlink: 'https://example.org' })).toEqual({ type: 'string', value: '链接' });
    expect(plainCell({ error: '#N/A' })).toEqual({ type: 'error', code: '#N/A' });
    expect(plainCell({ sharedString: 3 })).toEqual({ type: 'unreadable', reason: 'shape' });
    expect(plainCell(new Date('2026-03-05T00:00:00Z'))).toEqual({ type: 'date', value: new Date('2026-03-05T00:00:00Z') });
    expect(plainCell(true)).toEqual({ type: 'boolean', value: true });
    expect(plainCell(Number.NaN)).toEqual({ type: 'unreadable', reason: 'shape' });
    expect(cellText({ richText: [{ text: ' 姓名 ' }] })).toBe('姓名');
  });
});

describe('identifier text (ID number, phone, bank account, USCC)', () => {
  it('takes text as written, dropping a leading apostrophe', () => {
    expect(value(readIdentifier('321281198506151234', ID))).toBe('321281198506151234');
    expect(value(readIdentifier(" '32128119850615123X ", ID))).toBe('32128119850615123X');
    expect(value(readIdentifier({ richText: [{ text: '321281' }, { text: '198506151234' }] }, ID))).toBe('321281198506151234');
    expect(value(readIdentifier({ formula: 'TEXT(A1,"0")', result: '13812345678' }, ID))).toBe('13812345678');
    expect(value(readIdentifier('', ID))).toBeUndefined();
  });

  it('normalises an identifier pasted with full-width characters and invisible characters, as the API does', () => {
    expect(value(readIdentifier('\u3000３２１２８１１９８５０６１５１２３Ｘ\u200B', ID))).toBe('32128119850615123X');
    expect(value(readIdentifier("'１３８１２３４５６７８", ID))).toBe('13812345678');
  });

  it('never turns a number back into text, even when that text would be a valid ID number', () => {
    // A real ID whose 15-significant-digit value (as Excel, WPS and LibreOffice keep it) reads back as another valid ID.
    const first15 = '321281198506020';
    const real = `${first15}23${idNumberCheckCharacter(`${first15}23`)}`;
    const stored = Number(`${first15}000`);
    expect(String(stored)).not.toBe(real);
    expect([String(stored), validateIdNumber(String(stored), new Date('2026-01-01')).ok]).toEqual([`${first15}000`, true]);
    for (const raw of [stored, 13812345678, { formula: 'A1', result: stored }, true, new Date('2026-01-01')]) {
      const p = problemOf(readIdentifier(raw, ID));
      expect(p?.zh).toBe('身份证号须以文本格式填写（在单元格格式中选择“文本”，或在号码前加英文单引号 \'），按数字保存的号码可能已丢失末几位，请重新录入');
      expect(p?.en).toMatch(/^"ID number" must be entered as text \(format the cells as Text, or type an apostrophe ' before the number\)/);
    }
  });

  it('reports error values and unevaluated formulas without quoting the content', () => {
    expect(problemOf(readIdentifier({ error: '#VALUE!' }, ID))?.zh).toBe('「身份证号」单元格为错误值 #VALUE!');
    expect(problemOf(readIdentifier({ formula: 'CONCAT(A1,B1)' }, ID))?.en).toMatch(/formula saved without its result/);
  });
});

describe('text and whole numbers', () => {
  it('text: trimmed, numbers as written without binary noise, a length limit', () => {
    expect(value(readText('  兴化市总工会 ', ID))).toBe('兴化市总工会');
    expect(value(readText(2024, ID))).toBe('2024');
    expect(value(readText(0.1 + 0.2, ID))).toBe('0.3');
    expect(problemOf(readText('长'.repeat(31), { zh: '姓名', en: 'Name' }, 30))?.zh).toBe('「姓名」不能超过 30 个字');
    expect(problemOf(readText(true, ID))?.en).toBe('"ID number" must be text');
    // The same free-text rules as the API's inputs.
    expect(problemOf(readText('王\u202E明', { zh: '姓名', en: 'Name' }))?.zh).toBe('「姓名」不能包含文字方向控制符（如 U+202E）');
    expect(problemOf(readText('\u200B\u200B', { zh: '姓名', en: 'Name' }))?.en).toBe('"Name" cannot consist only of spaces or invisible characters');
    expect(value(readText(' Cafe\u0301 ', ID))).toBe('Caf\u00e9');
  });

  it('integers: number cells or digits, within range', () => {
    const size = { zh: '家庭人口', en: 'Household size' };
    expect(value(readInteger(3, size, { min: 1, max: 20 }))).toBe(3);
    expect(value(readInteger(' 4 ', size, { min: 1, max: 20 }))).toBe(4);
    expect(value(readInteger(3 * 1.1 - 0.3, size, { min: 1, max: 20 }))).toBe(3); // 3.0000000000000004
    for (const bad of [0, 21, 2.5, '3人', 'x', true]) expect(problemOf(readInteger(bad, size, { min: 1, max: 20 }))?.zh).toBe('「家庭人口」应为1–20的整数');
  });
});

describe('money: yuan to integer fen, exactly', () => {
  it('numbers, binary noise removed', () => {
    expect(value(readMoney(0.1 + 0.2, AMOUNT))).toBe(30);
    expect(value(readMoney(48000, AMOUNT))).toBe(4_800_000);
    expect(value(readMoney(12000.5, AMOUNT))).toBe(1_200_050);
    expect(value(readMoney(1234567.89, AMOUNT))).toBe(123_456_789);
    expect(value(readMoney(0, AMOUNT))).toBe(0);
    expect(value(readMoney({ formula: 'B2*12', result: 38400 }, AMOUNT))).toBe(3_840_000);
  });

  it('text with separators, currency signs and trailing zeros', () => {
    expect(value(readMoney('12,000.50', AMOUNT))).toBe(1_200_050);
    expect(value(readMoney('¥48000', AMOUNT))).toBe(4_800_000);
    expect(value(readMoney('300元', AMOUNT))).toBe(30_000);
    expect(value(readMoney('1.500', AMOUNT))).toBe(150);
    expect(value(readMoney('.5', AMOUNT))).toBe(50);
  });

  it('refuses thirds of a fen, negatives, words and absurd sums, each with its reason', () => {
    expect(problemOf(readMoney(1.005, AMOUNT))?.zh).toBe('「家庭年收入」最多两位小数（精确到分）');
    expect(problemOf(readMoney('0.001', AMOUNT))?.zh).toBe('「家庭年收入」最多两位小数（精确到分）');
    expect(problemOf(readMoney(1e-7, AMOUNT))?.zh).toBe('「家庭年收入」最多两位小数（精确到分）');
    expect(problemOf(readMoney(-1, AMOUNT))?.zh).toBe('「家庭年收入」不能为负数');
    expect(problemOf(readMoney('-12.5', AMOUNT))?.en).toBe('"Annual income" cannot be negative');
    expect(problemOf(readMoney('4万', AMOUNT))?.zh).toMatch(/^「家庭年收入」金额格式不正确/);
    expect(problemOf(readMoney(new Date(), AMOUNT))?.zh).toMatch(/^「家庭年收入」应为金额/);
    expect(problemOf(readMoney(1e12, AMOUNT))?.zh).toMatch(/^「家庭年收入」金额过大/);
    expect(problemOf(readMoney('99999999999999999', AMOUNT))?.zh).toMatch(/^「家庭年收入」金额过大/);
    expect(value(readMoney(100_000_000, AMOUNT))).toBe(10_000_000_000);
    expect(problemOf(readMoney(100_000_000.01, AMOUNT))?.zh).toMatch(/金额过大/);
  });
});

describe('dates', () => {
  const ON = { zh: '发放日期', en: 'Granted on' };
  it('date cells, Excel serial numbers and written dates → ISO', () => {
    expect(value(readDate(new Date('2026-03-05T00:00:00Z'), ON))).toBe('2026-03-05');
    expect(value(readDate(46086, ON))).toBe('2026-03-05');
    expect(value(readDate(46086.75, ON))).toBe('2026-03-05');
    expect(excelSerial('2026-03-05')).toBe(46086);
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(value(readDate('2026-03-05', ON))).toBe('2026-03-05');
    expect(value(readDate('2026/3/5', ON))).toBe('2026-03-05');
    expect(value(readDate('2026.03.05', ON))).toBe('2026-03-05');
    expect(value(readDate('2026年3月5日', ON))).toBe('2026-03-05');
    expect(value(readDate('2024-02-29', ON))).toBe('2024-02-29');
  });

  it('refuses days that do not exist and things that are not dates', () => {
    for (const bad of ['2026-02-29', '2026-02-30', '2026/13/1', '2026-3', '05/03/2026', 'yesterday', 20260305, 12, true]) {
      expect([bad, problemOf(readDate(bad, ON))?.zh]).toEqual([bad, '「发放日期」不是有效日期（应为日期单元格或 YYYY-MM-DD）']);
    }
  });
});

describe('a choice by label', () => {
  const KIND = { zh: '帮扶类别', en: 'Aid kind' };
  const options = { living: { zh: '生活救助', en: 'Living assistance' }, education: { zh: '金秋助学', en: 'Education (Golden Autumn)' } } as const;
  it('accepts the key, the Chinese label or the English label', () => {
    expect(value(readEnum('金秋助学', KIND, options))).toBe('education');
    expect(value(readEnum(' living assistance ', KIND, options))).toBe('living');
    expect(value(readEnum('education', KIND, options))).toBe('education');
  });
  it('lists the choices when the cell is none of them', () => {
    expect(problemOf(readEnum('助学', KIND, options))).toEqual({ zh: '「帮扶类别」应为以下之一：生活救助、金秋助学', en: '"Aid kind" must be one of: Living assistance, Education (Golden Autumn)' });
    expect(problemOf(readEnum(1, KIND, options))?.zh).toMatch(/应为以下之一/);
  });
});
