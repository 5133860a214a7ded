import { invalid } from '@ufp/core/errors';

/** The relation a household lists its applicant under (the applicant may appear among the members with their own ID). */
export const APPLICANT_RELATION = '本人';

/**
 * The ID numbers (as tenant-scoped blind indexes) of a household's other members, which the one-open-file rule covers
 * as it covers the applicant's: nobody may be on two open files of the federation, as applicant or as member. The
 * applicant's own number is allowed only on the member listed as 本人; a number may stand on one member only.
 */
export function memberIdIndexes(applicantIndex: string, members: readonly { relation: string; idIndex?: string }[]): string[] {
  const firstAt = new Map<string, number>();
  members.forEach((m, i) => {
    if (!m.idIndex) return;
    if (m.idIndex === applicantIndex) {
      if (m.relation === APPLICANT_RELATION) return;
      throw invalid({ zh: `第${i + 1}位家庭成员的身份证号与申请人相同`, en: `Household member ${i + 1} has the applicant's ID number` }, { field: `household.members.${i}.idNumber` });
    }
    const first = firstAt.get(m.idIndex);
    if (first !== undefined) {
      throw invalid({ zh: `第${i + 1}位家庭成员的身份证号与第${first + 1}位相同`, en: `Household member ${i + 1} has the same ID number as member ${first + 1}` }, { field: `household.members.${i}.idNumber` });
    }
    firstAt.set(m.idIndex, i);
  });
  return [...firstAt.keys()];
}

/** Which member guards a change of household adds and which it frees. */
export function memberGuardChanges(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((i) => !before.includes(i)), removed: before.filter((i) => !after.includes(i)) };
}

/**
 * The blind index of each household member's ID number by the member's place in the list, read back from what a file
 * keeps: its `memberIdIndexes` (the other members' numbers in list order, as `memberIdIndexes` above made them) and the
 * decrypted members (whether each has a number, masked). A member without a number has none; the member listed as
 * 本人 with the applicant's number has the applicant's. Undefined when the two do not line up — a file written before
 * members' numbers were indexed, or a 本人 member whose different number masks like the applicant's — so that no
 * member is ever given another's index.
 */
export function memberIdIndexesByPlace(
  file: { idIndex: string; worker: { idMasked: string }; memberIdIndexes?: readonly string[] },
  members: readonly { relation: string; idMasked?: string }[],
): (string | undefined)[] | undefined {
  const listed = file.memberIdIndexes ?? [];
  let next = 0;
  const places = members.map((m) => {
    if (!m.idMasked) return undefined;
    if (m.relation === APPLICANT_RELATION && m.idMasked === file.worker.idMasked) return file.idIndex;
    return listed[next++];
  });
  return next === listed.length ? places : undefined;
}
