import { describe, expect, it } from 'vitest';
import { refusalOf } from '@ufp/core/errors';
import { memberGuardChanges, memberIdIndexes } from './household-identity.js';


describe('household identity (一户一档 covers every member)', () => {
  it('members without an ID number add nothing; each other number is covered once', () => {
    expect(memberIdIndexes('A', [{ relation: '本人' }, { relation: '配偶' }])).toEqual([]);
    expect(memberIdIndexes('A', [{ relation: '本人', idIndex: 'A' }, { relation: '配偶', idIndex: 'B' }, { relation: '子女', idIndex: 'C' }])).toEqual(['B', 'C']);
  });

  it("the applicant's own number only on the member listed as 本人", () => {
    expect(memberIdIndexes('A', [{ relation: '本人', idIndex: 'A' }])).toEqual([]);
    const e = refusalOf(() => memberIdIndexes('A', [{ relation: '本人' }, { relation: '配偶', idIndex: 'A' }]));
    expect(e).toMatchObject({ kind: 'invalid', text: { zh: '第2位家庭成员的身份证号与申请人相同' }, details: { field: 'household.members.1.idNumber' } });
  });

  it('one number on two members is refused, naming both', () => {
    const e = refusalOf(() => memberIdIndexes('A', [{ relation: '配偶', idIndex: 'B' }, { relation: '子女', idIndex: 'C' }, { relation: '子女', idIndex: 'B' }]));
    expect(e).toMatchObject({ text: { zh: '第3位家庭成员的身份证号与第1位相同', en: 'Household member 3 has the same ID number as member 1' }, details: { field: 'household.members.2.idNumber' } });
  });

  it('a change of household adds the new members and frees the ones who left', () => {
    expect(memberGuardChanges(['B', 'C'], ['C', 'D'])).toEqual({ added: ['D'], removed: ['B'] });
    expect(memberGuardChanges([], [])).toEqual({ added: [], removed: [] });
    expect(memberGuardChanges(['B'], ['B'])).toEqual({ added: [], removed: [] });
  });
});
