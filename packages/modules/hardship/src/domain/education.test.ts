import { describe, expect, it } from 'vitest';
import { refusalOf } from '@ufp/core/errors';
import { demoIdNumber } from '@ufp/kit/seed';
import { grantInput, rulesInput } from '../schemas.js';
import { assertStudentOfHousehold, assertWithinStudentAmount, studentAlreadyAided } from './aid.js';
import { defaultRulePack, hardshipRulePackSchema } from './rules.js';

/** 金秋助学 per student (anchors §5): a household member other than the worker, the level's amount, once a year. */
const members = [{ relation: '本人' }, { relation: '子女' }, { relation: '子女' }];
const pack = defaultRulePack(2026);

describe('金秋助学 amounts per student are rule-pack settings', () => {
  it('default to ¥5,000 higher education and ¥3,000 high school; packs stored before the setting read them', () => {
    expect(pack.educationPerStudent).toEqual({ higher: 500_000, high_school: 300_000 });
    const { educationPerStudent: _e, ...old } = defaultRulePack(2025);
    expect(hardshipRulePackSchema.parse(old).educationPerStudent).toEqual({ higher: 500_000, high_school: 300_000 });
    const { educationPerStudent: _f, ...form } = { ...defaultRulePack(2026), dibaoMonthlyFen: 80_000 };
    expect(rulesInput.parse(form).educationPerStudent).toEqual({ higher: 500_000, high_school: 300_000 });
    expect(rulesInput.safeParse({ ...form, educationPerStudent: { higher: -1, high_school: 300_000 } }).success).toBe(false);
  });

  it('a grant equal to the level amount passes; one fen over is refused (409) naming the limit', () => {
    expect(refusalOf(() => assertWithinStudentAmount({ memberIndex: 1, level: 'higher' }, 500_000, pack))).toBeUndefined();
    expect(refusalOf(() => assertWithinStudentAmount({ memberIndex: 1, level: 'high_school' }, 300_000, pack))).toBeUndefined();
    const over = refusalOf(() => assertWithinStudentAmount({ memberIndex: 1, level: 'high_school' }, 300_001, pack));
    expect(over).toMatchObject({ kind: 'conflict', details: { field: 'amountFen', reason: 'student_amount_exceeded', limitFen: 300_000 } });
    expect(over?.text.zh).toContain('3000 元');
    expect(refusalOf(() => assertWithinStudentAmount({ memberIndex: 1, level: 'higher' }, 500_001, pack))).toMatchObject({ details: { limitFen: 500_000 } });
    // the tenant's own setting, not the default
    expect(refusalOf(() => assertWithinStudentAmount({ memberIndex: 1, level: 'higher' }, 400_001, { educationPerStudent: { higher: 400_000, high_school: 200_000 } }))).toMatchObject({ details: { limitFen: 400_000 } });
  });
});

describe('the student is a member of the household, not the worker', () => {
  it('any other member passes; the worker themself (本人) and a member not on the file are refused', () => {
    expect(refusalOf(() => assertStudentOfHousehold(members, { memberIndex: 1 }))).toBeUndefined();
    expect(refusalOf(() => assertStudentOfHousehold(members, { memberIndex: 2 }))).toBeUndefined();
    expect(refusalOf(() => assertStudentOfHousehold(members, { memberIndex: 0 }))).toMatchObject({ kind: 'invalid', details: { field: 'student.memberIndex', reason: 'student_is_worker' } });
    expect(refusalOf(() => assertStudentOfHousehold(members, { memberIndex: 3 }))).toMatchObject({ kind: 'invalid', details: { field: 'student.memberIndex', reason: 'no_such_member' } });
  });

  it('a second grant to the same student in the year answers 409 naming the year', () => {
    expect(studentAlreadyAided(2026)).toMatchObject({ kind: 'conflict', details: { reason: 'student_already_aided' } });
    expect(studentAlreadyAided(2026).text.zh).toContain('2026 年');
  });
});

describe('the grant input names a student for 金秋助学 only', () => {
  const base = { fileId: 'f1', amountFen: 100_000, fundSource: 'union' } as const;
  const issue = (input: Record<string, unknown>) => grantInput.safeParse(input).error?.issues[0];

  it('education requires the student and the level', () => {
    expect(grantInput.safeParse({ ...base, kind: 'education', student: { memberIndex: 1, level: 'higher' } }).success).toBe(true);
    expect(issue({ ...base, kind: 'education' })).toMatchObject({ path: ['student'], message: expect.stringContaining('金秋助学须选择受助学生') });
    expect(issue({ ...base, kind: 'education', student: { memberIndex: 1 } })?.path).toEqual(['student', 'level']);
    expect(issue({ ...base, kind: 'education', student: { memberIndex: 1, level: 'college' } })?.path).toEqual(['student', 'level']);
    expect(issue({ ...base, kind: 'education', student: { memberIndex: -1, level: 'higher' } })?.path).toEqual(['student', 'memberIndex']);
    expect(issue({ ...base, kind: 'education', student: { memberIndex: 20, level: 'higher' } })?.path).toEqual(['student', 'memberIndex']);
  });

  it("the student's ID number is optional (the file may have it) and checked like any ID number when given", () => {
    const idNumber = demoIdNumber('321281', '20080101', 33);
    expect(grantInput.parse({ ...base, kind: 'education', student: { memberIndex: 1, level: 'higher', idNumber: ` ${idNumber.toLowerCase()} ` } }).student).toEqual({ memberIndex: 1, level: 'higher', idNumber });
    expect(issue({ ...base, kind: 'education', student: { memberIndex: 1, level: 'higher', idNumber: '321281200801010000' } })?.path).toEqual(['student', 'idNumber']);
  });

  it('any other kind refuses a student', () => {
    expect(grantInput.safeParse({ ...base, kind: 'living' }).success).toBe(true);
    expect(issue({ ...base, kind: 'living', student: { memberIndex: 1, level: 'higher' } })).toMatchObject({ path: ['student'], message: expect.stringContaining('仅金秋助学填写受助学生') });
  });
});
