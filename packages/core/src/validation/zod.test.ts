import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  decimalSchema,
  bankAccountSchema,
  currentDivisionCodeSchema,
  dateMessage,
  dateTimeMessage,
  divisionCodeSchema,
  idNumberSchema,
  isoDateSchema,
  isoDateTimeSchema,
  isoDateTimeUntilSchema,
  yearMessage,
  yearSchema,
  phoneSchema,
  readIssueMessage,
  recordId,
  text,
  usccSchema,
} from './zod.js';

function firstIssue(result: z.ZodSafeParseResult<unknown>) {
  expect(result.success).toBe(false);
  return result.error!.issues[0]!;
}

/** The issue's text as the API reads it: a predicate (after the field's name) or a sentence, both languages. */
function textOf(schema: z.ZodType, input: unknown) {
  const issue = firstIssue(schema.safeParse(input));
  return readIssueMessage(issue.message, (issue as { params?: { en?: string } }).params);
}

describe('zod schemas', () => {
  it('parse valid values to their canonical form', () => {
    expect(usccSchema.parse(' 9144030071526726xg ')).toBe('9144030071526726XG');
    expect(idNumberSchema.parse('11010519491231002x')).toBe('11010519491231002X');
    expect(divisionCodeSchema.parse(' 321281')).toBe('321281');
    expect(phoneSchema.parse('13812345678 ')).toBe('13812345678');
  });

  it('take identifiers pasted with full-width characters and spaces, and phones with separators and +86', () => {
    expect(idNumberSchema.parse('\u3000１１０１０５１９４９１２３１００２ｘ ')).toBe('11010519491231002X');
    expect(usccSchema.parse(' ９１４４０３００７１５２６７２６ＸＧ\u200b')).toBe('9144030071526726XG');
    expect(phoneSchema.parse('+86 138 1234 5678')).toBe('13812345678');
    expect(phoneSchema.parse('１３８－１２３４－５６７８')).toBe('13812345678');
    expect(phoneSchema.parse('0086-13812345678')).toBe('13812345678');
    expect(phoneSchema.parse('(0523) 8612 3456')).toBe('0523-86123456');
    expect(phoneSchema.parse('+86 523 86123456')).toBe('0523-86123456');
    expect(phoneSchema.parse('010 62345678')).toBe('010-62345678');
    expect(bankAccountSchema.parse(' ６２２２ 0212 3456 7890 123')).toBe('6222021234567890123');
  });

  it('say a number with a wrong check character is wrong, in both languages, without the right character', () => {
    expect(textOf(usccSchema, '91320000134710930T')).toEqual({
      kind: 'sentence',
      zh: '统一社会信用代码校验位不正确，请核对代码',
      en: 'The unified social credit code fails its check character; please check the code',
    });
    expect(textOf(idNumberSchema, '110105194912310021')).toEqual({ kind: 'sentence', zh: '身份证号校验位不正确，请核对号码', en: 'The ID number fails its check digit; please check the number' });
  });

  it.each([
    [divisionCodeSchema, '99', 'Division code "99" has unknown province prefix "99"'],
    [phoneSchema, '12345', 'Not a mainland mobile number (11 digits) or a landline with area code (e.g. 0523-86123456)'],
    [phoneSchema, '+1 415 555 0100', 'Not a mainland mobile number (11 digits) or a landline with area code (e.g. 0523-86123456)'],
  ] as const)('report failures of every validator', (schema, input, en) => {
    const t = textOf(schema, input);
    expect(t).toMatchObject({ kind: 'sentence', en });
    if (t.kind !== 'generic') expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('report field paths inside an object schema', () => {
    const input = z.object({ unit: z.object({ uscc: usccSchema }) });
    const issue = firstIssue(input.safeParse({ unit: { uscc: 'short' } }));
    expect(issue.path).toEqual(['unit', 'uscc']);
  });
});

describe('text(): the free text of every router', () => {
  const name = text({ min: 2, max: 10 });
  const notes = text({ max: 20, multiline: true });

  it('stores NFC, trimmed of spaces and invisible characters at either end', () => {
    expect(name.parse('  兴化工会\u200b ')).toBe('兴化工会');
    expect(name.parse('Cafe\u0301')).toBe('Caf\u00e9');
    expect(notes.parse('第一行\r\n第二行\t')).toBe('第一行\n第二行');
    expect(notes.parse('')).toBe('');
  });

  it.each([
    ['\u200B\u200B', 'invisible', 'only zero-width spaces'],
    ['\uFEFF\u2060 ', 'invisible', 'a BOM and a word joiner'],
    ['工会\u202E名称', 'bidi', 'a right-to-left override'],
    ['\u2066工会\u2069', 'bidi', 'an isolate at the edges'],
    ['工\u0000会', 'control', 'a NUL'],
    ['工\u009B会', 'control', 'a C1 control'],
    ['工\t会', 'control', 'a tab in a single line'],
    ['工\n会', 'line_break', 'a line break in a single line'],
    ['工\uD800会', 'surrogate', 'an unpaired surrogate'],
    ['工', 'too_short', 'one character where two are needed'],
    ['工'.repeat(11), 'too_long', 'eleven characters where ten are allowed'],
    ['   ', 'empty', 'only spaces'],
  ])('refuses %j (%s: %s) with a predicate in both languages', (input, reason) => {
    const issue = firstIssue(name.safeParse(input));
    expect((issue as { params?: { reason?: string } }).params?.reason).toBe(reason);
    const t = readIssueMessage(issue.message);
    expect(t.kind).toBe('predicate');
    if (t.kind !== 'generic') {
      expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(t.en).toMatch(/^[\x20-\x7E]+$/);
    }
  });

  it('refuses invisible-only text in an optional field too, rather than storing it as empty', () => {
    expect(notes.safeParse('\u200B').success).toBe(false);
    expect(notes.parse('a\u200Bb')).toBe('a\u200Bb');
    expect(notes.safeParse('第一行\u0007').success).toBe(false);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(text({ min: 1, max: 2 }).parse('😀😀')).toBe('😀😀');
  });
});

describe('identifiers and codes', () => {
  it('recordId takes visible ASCII only', () => {
    expect(recordId().parse('01HZX-table/321281/x')).toBe('01HZX-table/321281/x');
    for (const bad of ['', 'a b', '编号', 'x\uD800', 'x'.repeat(65)]) expect(recordId().safeParse(bad).success, bad).toBe(false);
  });

  it('currentDivisionCodeSchema takes current city and county codes only', () => {
    expect(currentDivisionCodeSchema.parse(' 321281 ')).toBe('321281');
    expect(currentDivisionCodeSchema.parse('321200')).toBe('321200');
    for (const bad of ['110103', '329999', '320000', '3212', '32128', 'abcdef']) {
      const t = textOf(currentDivisionCodeSchema, bad);
      expect(t.kind, bad).toBe('predicate');
    }
  });
});

/** The issue a date schema raises: the date's predicate in both languages. */
function dateIssue(schema: z.ZodType, input: unknown) {
  const t = textOf(schema, input);
  return t.kind === 'generic' ? t : { zh: t.zh, en: t.en };
}

describe('isoDateSchema: one strict date for the whole API', () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const d of ['2026-03-01', '2024-02-29', '2000-02-29', '2026-12-31', '1900-01-01', '2100-12-31']) expect(isoDateSchema.parse(d)).toBe(d);
  });

  it.each([
    ['2026-02-30', 'a day February does not have'],
    ['2026-13-01', 'month 13'],
    ['2025-02-29', '2025 is not a leap year'],
    ['1900-02-29', '1900 is not a leap year (century rule)'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-3-1', 'digits not padded'],
    ['20260301', 'no separators'],
    ['2026/03/01', 'slashes'],
    ['2026-03-01T00:00:00Z', 'a time where a date is asked'],
    [' 2026-03-01', 'a leading space'],
    ['1899-12-31', 'before 1900'],
    ['2101-01-01', 'after 2100'],
    ['+02026-03-01', 'an expanded year'],
    ['', 'empty'],
  ])('rejects %s (%s) with the bilingual message', (input) => {
    expect(dateIssue(isoDateSchema, input)).toEqual(dateMessage);
  });

  it('rejects a value that is not a string with the same message, and a missing one as required', () => {
    expect(dateIssue(isoDateSchema, 20260301)).toEqual(dateMessage);
    expect(dateIssue(isoDateSchema, null)).toEqual(dateMessage);
    expect(textOf(z.object({ on: isoDateSchema }), {})).toEqual({ kind: 'generic', received: expect.any(String) });
  });

  it('says which date rule was broken, in both languages, after the field name', () => {
    expect(dateMessage).toEqual({ zh: '不是有效日期：应为真实存在的日期，格式 YYYY-MM-DD', en: 'is not a valid date: use a real calendar date as YYYY-MM-DD' });
  });
});

describe('isoDateTimeSchema: an instant for filters', () => {
  it('normalises an instant with Z or an offset to UTC, so it compares with stored timestamps', () => {
    expect(isoDateTimeSchema.parse('2026-03-01T08:00:00+08:00')).toBe('2026-03-01T00:00:00.000Z');
    expect(isoDateTimeSchema.parse('2026-03-01T00:00:00Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(isoDateTimeSchema.parse('2026-03-01T23:59:59.999Z')).toBe('2026-03-01T23:59:59.999Z');
    expect(isoDateTimeSchema.parse('2026-03-01T10:30-05:00')).toBe('2026-03-01T15:30:00.000Z');
    expect(isoDateTimeSchema.parse('2024-02-29T12:00:00.5Z')).toBe('2024-02-29T12:00:00.500Z');
  });

  it('reads a bare date as a day in China: the start of it, or (for an upper bound) its last millisecond', () => {
    expect(isoDateTimeSchema.parse('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
    expect(isoDateTimeUntilSchema.parse('2026-03-01')).toBe('2026-03-01T15:59:59.999Z');
    expect(isoDateTimeUntilSchema.parse('2026-03-01T08:00:00+08:00')).toBe('2026-03-01T00:00:00.000Z');
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2025-02-29',
    '2026-02-30T10:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:60:00Z',
    '2026-03-01T10:00:60Z',
    '2026-03-01T10:00:00',
    '2026-03-01T10:00:00+25:00',
    '2026-03-01 10:00:00Z',
    '2026-03-01T10Z',
    'yesterday',
    '1899-12-31T23:00:00Z',
  ])('rejects %s with the bilingual message', (input) => {
    expect(dateIssue(isoDateTimeSchema, input)).toEqual(dateTimeMessage);
    expect(dateIssue(isoDateTimeUntilSchema, input)).toEqual(dateTimeMessage);
  });
});

describe('yearSchema: one year for the whole API', () => {
  it('accepts whole years 2000–2100', () => {
    for (const y of [2000, 2026, 2100]) expect(yearSchema.parse(y)).toBe(y);
  });
  it('refuses anything else with one bilingual predicate', () => {
    for (const bad of [1999, 2101, 2026.5, '2026', null]) {
      const result = yearSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(readIssueMessage(result.error!.issues[0]!.message)).toEqual({ kind: 'predicate', ...yearMessage });
    }
  });
});

describe('decimalSchema', () => {
  const pct = decimalSchema(-50, 100, 2);
  it('keeps a value with up to the allowed places, rounded to them', () => {
    expect(pct.parse(5.25)).toBe(5.25);
    expect(pct.parse(0.1 + 0.2)).toBe(0.3);
    expect(pct.parse(-50)).toBe(-50);
    expect(pct.parse(100)).toBe(100);
    expect(pct.parse(0)).toBe(0);
  });
  it('refuses a finer value, a denormal a JSON body can carry, and values outside the range', () => {
    for (const v of [5.255, 8e-323, 1e-7, -50.01, 100.01, Number.MAX_VALUE]) expect(pct.safeParse(v).success, String(v)).toBe(false);
  });
});
