import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dateMessage, dateTimeMessage, divisionCodeSchema, idNumberSchema, isoDateSchema, isoDateTimeSchema, isoDateTimeUntilSchema, phoneSchema, usccSchema } from './zod.js';

function firstIssue(result: z.ZodSafeParseResult<unknown>) {
  expect(result.success).toBe(false);
  return result.error!.issues[0]!;
}

describe('zod schemas', () => {
  it('parse valid values to their canonical form', () => {
    expect(usccSchema.parse(' 9144030071526726xg ')).toBe('9144030071526726XG');
    expect(idNumberSchema.parse('11010519491231002x')).toBe('11010519491231002X');
    expect(divisionCodeSchema.parse(' 321281')).toBe('321281');
    expect(phoneSchema.parse('13812345678 ')).toBe('13812345678');
  });

  it('fail with a Chinese message and the English one in params.en', () => {
    const issue = firstIssue(usccSchema.safeParse('91320000134710930T'));
    expect(issue).toMatchObject({
      code: 'custom',
      message: '统一社会信用代码校验位错误：应为“A”，实际为“T”',
      params: { en: 'Check character mismatch: expected "A", got "T"' },
    });
  });

  it.each([
    [idNumberSchema, '110105194912310021', 'Check character mismatch: expected "X", got "1"'],
    [divisionCodeSchema, '99', 'Division code "99" has unknown province prefix "99"'],
    [phoneSchema, '12345', 'Not a mainland mobile number (11 digits) or a landline with area code (e.g. 0523-86123456)'],
  ] as const)('report failures of every validator', (schema, input, en) => {
    const issue = firstIssue(schema.safeParse(input));
    expect(issue.code).toBe('custom');
    expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    expect((issue as { params?: { en?: string } }).params?.en).toBe(en);
  });

  it('report field paths inside an object schema', () => {
    const input = z.object({ unit: z.object({ uscc: usccSchema }) });
    const issue = firstIssue(input.safeParse({ unit: { uscc: 'short' } }));
    expect(issue.path).toEqual(['unit', 'uscc']);
  });
});

/** The issue a date schema raises, as the API shows it: Chinese message, English in params.en or after the separator. */
function dateIssue(schema: z.ZodType, input: unknown) {
  const issue = firstIssue(schema.safeParse(input));
  const [zh, en] = issue.message.split('\u241e');
  return { zh, en: en ?? (issue as { params?: { en?: string } }).params?.en };
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

  it('rejects a value that is not a string with the same message', () => {
    expect(dateIssue(isoDateSchema, 20260301)).toEqual(dateMessage);
    expect(dateIssue(isoDateSchema, null)).toEqual(dateMessage);
  });

  it('says which date rule was broken, in both languages', () => {
    expect(dateMessage).toEqual({ zh: '日期无效：应为真实存在的日期，格式 YYYY-MM-DD', en: 'Invalid date: use a real calendar date as YYYY-MM-DD' });
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
