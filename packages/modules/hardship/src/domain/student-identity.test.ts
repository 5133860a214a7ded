import { describe, expect, it } from 'vitest';
import { refusalOf } from '@ufp/core/errors';
import { blindIndex } from '@ufp/core/pii/blind-index';
import { maskIdNumber } from '@ufp/core/pii/mask';
import { hardshipKeys } from '../store.js';
import { identifiedStudent, studentPlace, type GrantStudent } from './aid.js';
import { memberIdIndexes, memberIdIndexesByPlace } from './household-identity.js';

/**
 * 金秋助学's once-a-year guard is kept for the student's ID number (its tenant-scoped blind index), read back from what
 * a file stores — its `memberIdIndexes` and the members' masked numbers — so reordering or removing household members
 * never moves it onto someone else.
 */
const WORKER = '321281198001010011';
const SON = '321281200801010033';
const DAUGHTER = '321281201001010044';
const COUSIN = '321281200901010055';
/** The tenant-scoped blind index, as the module computes it (pii.indexes) under a test key. */
const bi = (id: string) => blindIndex(id, { key: Buffer.alloc(32, 7), purpose: 'hardship.idNumber#321281' });

type Listed = { relation: string; name: string; idNumber?: string };
/** What a file keeps of a household, as buildFile / reverify write it: the other members' indexes in list order, masked members. */
function fileOf(members: Listed[]) {
  const file: { idIndex: string; worker: { idMasked: string }; memberIdIndexes?: string[] } = {
    idIndex: bi(WORKER),
    worker: { idMasked: maskIdNumber(WORKER) },
    memberIdIndexes: memberIdIndexes(bi(WORKER), members.map((m) => ({ relation: m.relation, idIndex: m.idNumber ? bi(m.idNumber) : undefined }))),
  };
  return { file, members: members.map((m) => ({ relation: m.relation, name: m.name, idMasked: m.idNumber ? maskIdNumber(m.idNumber) : undefined })) };
}
const worker: Listed = { relation: '本人', name: '王强', idNumber: WORKER };
const son: Listed = { relation: '子女', name: '王一', idNumber: SON };
const daughter: Listed = { relation: '子女', name: '王二', idNumber: DAUGHTER };
const spouse: Listed = { relation: '配偶', name: '李梅' };

type Kept = ReturnType<typeof fileOf>;
/** The guard item's key for the student at `memberIndex` of this household in 2026. */
const guardOf = (h: Kept, memberIndex: number, typed?: string) => {
  const student = identifiedStudent(h.file, h.members, { memberIndex, level: 'higher' }, typed ? { idIndex: bi(typed), idMasked: maskIdNumber(typed) } : undefined);
  return hardshipKeys.studentGrant('321281', student.idIndex, 2026);
};

describe('the members’ ID indexes by place, read back from the file', () => {
  it('line up with the members: none without a number, the applicant’s on 本人, each other member’s own', () => {
    const h = fileOf([worker, spouse, son, daughter]);
    expect(memberIdIndexesByPlace(h.file, h.members)).toEqual([bi(WORKER), undefined, bi(SON), bi(DAUGHTER)]);
    const noSelfNumber = fileOf([{ ...worker, idNumber: undefined }, son]);
    expect(memberIdIndexesByPlace(noSelfNumber.file, noSelfNumber.members)).toEqual([undefined, bi(SON)]);
  });

  it('are unknown when the file’s indexes do not line up (a file written before members were indexed), never shifted', () => {
    const h = fileOf([worker, son, daughter]);
    expect(memberIdIndexesByPlace({ ...h.file, memberIdIndexes: undefined }, h.members)).toBeUndefined();
    expect(memberIdIndexesByPlace({ ...h.file, memberIdIndexes: [bi(SON)] }, h.members)).toBeUndefined();
    // a 本人 member whose different number masks like the applicant's is in the file's list: counted, not guessed
    const lookalike = `${WORKER.slice(0, 4)}99${WORKER.slice(6)}`;
    const odd = fileOf([{ ...worker, idNumber: lookalike }, son]);
    expect(memberIdIndexesByPlace(odd.file, odd.members)).toBeUndefined();
  });
});

describe('the guard key follows the student, not their place', () => {
  it('is the same for a student before and after the household is reordered, and differs for another student', () => {
    const before = fileOf([worker, son, daughter]);
    const after = fileOf([worker, daughter, spouse, son]);
    expect(guardOf(after, 3)).toEqual(guardOf(before, 1)); // the son, moved from place 1 to 3
    expect(guardOf(after, 1)).toEqual(guardOf(before, 2)); // the daughter, now where the son was
    expect(guardOf(after, 1)).not.toEqual(guardOf(before, 1));
    expect(guardOf(before, 1).sk).toBe(`student#${bi(SON)}#2026#education`);
  });

  it('stays with a student when another member is removed; a removed student’s place now names someone else', () => {
    const before = fileOf([worker, son, daughter]);
    const after = fileOf([worker, daughter]);
    expect(guardOf(after, 1)).toEqual(guardOf(before, 2));
    expect(guardOf(after, 1)).not.toEqual(guardOf(before, 1));
  });

  it('does not depend on the file or the place, only on the tenant, the student and the year', () => {
    const key = hardshipKeys.studentGrant('321281', bi(SON), 2026);
    expect(key).toEqual(hardshipKeys.studentGrant('321281', bi(SON), 2026));
    expect(key).not.toEqual(hardshipKeys.studentGrant('321281', bi(SON), 2027));
    expect(key.pk).not.toBe(hardshipKeys.studentGrant('321282', bi(SON), 2026).pk);
    expect(key.sk).not.toContain(SON); // the blind index, never the number
  });
});

describe('a student without a usable number on file is known by the number the grant form gives', () => {
  it('a member with no number on file: the typed number keys the guard; without one the grant is refused, naming the field', () => {
    const h = fileOf([worker, spouse, { relation: '子女', name: '王三' }]);
    expect(guardOf(h, 2, COUSIN).sk).toBe(`student#${bi(COUSIN)}#2026#education`);
    expect(refusalOf(() => guardOf(h, 2))).toMatchObject({ kind: 'invalid', details: { field: 'student.idNumber', reason: 'student_id_missing' } });
  });

  it('a typed number must be the one on file (its index, or its mask on a file whose indexes are unknown), and never the worker’s', () => {
    const h = fileOf([worker, son]);
    expect(guardOf(h, 1, SON)).toEqual(guardOf(h, 1));
    expect(refusalOf(() => guardOf(h, 1, DAUGHTER))).toMatchObject({ details: { field: 'student.idNumber', reason: 'student_id_mismatch' } });
    const legacy = { ...h, file: { ...h.file, memberIdIndexes: undefined } };
    expect(refusalOf(() => guardOf(legacy, 1))).toMatchObject({ details: { reason: 'student_id_missing' } });
    expect(guardOf(legacy, 1, SON)).toEqual(guardOf(h, 1));
    expect(refusalOf(() => guardOf(legacy, 1, DAUGHTER))).toMatchObject({ details: { reason: 'student_id_mismatch' } });
    const blank = fileOf([worker, { relation: '子女', name: '王三' }]);
    expect(refusalOf(() => guardOf(blank, 1, WORKER))).toMatchObject({ details: { field: 'student.idNumber', reason: 'student_is_worker' } });
    expect(refusalOf(() => guardOf(h, 0))).toMatchObject({ details: { field: 'student.memberIndex', reason: 'student_is_worker' } });
  });
});

describe('a recorded student (a request being approved, a grant on the file page) is found where the household lists them now', () => {
  const recorded = (idIndex: string | undefined, memberIndex: number): GrantStudent => ({ memberIndex, level: 'high_school', ...(idIndex ? { idIndex } : {}) });

  it('by their number after a reorder; a request for a student who left is refused (decline and ask again)', () => {
    const after = fileOf([worker, daughter, son]);
    expect(identifiedStudent(after.file, after.members, recorded(bi(SON), 1))).toMatchObject({ memberIndex: 2, idIndex: bi(SON) });
    const left = fileOf([worker, daughter]);
    expect(refusalOf(() => identifiedStudent(left.file, left.members, recorded(bi(SON), 1)))).toMatchObject({ kind: 'conflict', details: { reason: 'student_not_in_household' } });
    expect(studentPlace(memberIdIndexesByPlace(left.file, left.members), left.members, recorded(bi(SON), 1))).toBeUndefined();
  });

  it('a typed number’s student keeps their place while it holds a member with no number; a recorded place alone is all an old grant has', () => {
    const h = fileOf([worker, { relation: '子女', name: '王三' }]);
    const places = memberIdIndexesByPlace(h.file, h.members);
    expect(studentPlace(places, h.members, recorded(bi(COUSIN), 1))).toBe(1);
    const numbered = fileOf([worker, son]);
    expect(studentPlace(memberIdIndexesByPlace(numbered.file, numbered.members), numbered.members, recorded(bi(COUSIN), 1))).toBeUndefined();
    expect(studentPlace(places, h.members, recorded(undefined, 1))).toBe(1);
    expect(studentPlace(places, h.members, recorded(undefined, 5))).toBeUndefined();
  });
});
