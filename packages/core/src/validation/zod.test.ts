import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { divisionCodeSchema, idNumberSchema, phoneSchema, usccSchema } from './zod.js';

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
