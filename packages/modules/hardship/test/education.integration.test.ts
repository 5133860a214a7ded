import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardshipKeys } from '@ufp/hardship/store';
import type { EventEnvelope } from '@ufp/core/events';
import type { Claims } from '@ufp/kit/auth';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, ok, reporterOf, setDay, staffOf, putHardshipFileOnFile, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * 金秋助学 per student: each student of a household gets their level's amount once a year (a condition of the grant's
 * transaction, so concurrent grants to one student land once); the event counts students, and the linked 十件实事
 * target "资助困难职工子女N人" sums them.
 */
let p: TestPlatform;
const A = '321281';
let unitA: string;
let serial = 0;
const staff2: Claims = { sub: `staff2-${A}`, roles: ['federation_staff'], tenantId: A };
const granted: EventEnvelope[] = [];
const detailsOf = (res: { error?: { data: unknown } }) => (res.error?.data as { details?: Record<string, unknown> } | undefined)?.details;

/** A household on file: the worker (本人) and two children in school, each with their ID number on file. */
async function onFile() {
  const name = `秋助${serial}`;
  const idNumber = demoIdNumber(A, '19800101', 800 + serial);
  const children = [
    { relation: '子女', name: `${name}长子`, idNumber: demoIdNumber(A, '20060101', 800 + serial) },
    { relation: '子女', name: `${name}次女`, idNumber: demoIdNumber(A, '20080101', 800 + serial) },
  ];
  serial++;
  const household = { members: [{ relation: '本人', name, idNumber }, ...children], annualIncomeFen: 3_600_000, rigidExpensesFen: 1_200_000, causes: ['本人患慢性病'], events: [] };
  const created = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', { unitId: unitA, worker: { name, idNumber, phone: '13812345678' }, household, consentGiven: true }));
  const file = await putHardshipFileOnFile(p, created, { tenantId: A, filer: reporterOf(A, unitA), reviewer: staff2 });
  return Object.assign(file, { household, children });
}
type Member = { relation: string; name: string; idNumber?: string };
/** 年度复核 with the household's members listed anew (reordered, removed or added). */
const relist = async (f: { fileId: string; household: { members: Member[] } }, members: Member[]) => {
  const { version } = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
  return ok(p.mutate(staffOf(A), 'hardship.files.reverify', { fileId: f.fileId, version, household: { ...f.household, members } }));
};
const education = (fileId: string, memberIndex: number, level: 'higher' | 'high_school', amountFen: number, idNumber?: string) =>
  p.mutate(staffOf(A), 'hardship.aid.grant', { fileId, kind: 'education', student: { memberIndex, level, ...(idNumber ? { idNumber } : {}) }, amountFen, fundSource: 'union' });

/** Runs `test` with the year's rule pack asking a second staff member to approve grants above `fen`, then puts it back. */
async function withApprovalAbove(fen: number, test: () => Promise<void>) {
  const { updatedAt: _u, ...pack } = await ok(p.query(adminOf(A), 'hardship.rules.get', { year: 2026 }));
  const saved = await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...pack, grantApprovalAboveFen: fen }));
  try {
    await test();
  } finally {
    const { updatedAt: _v, grantApprovalAboveFen: _g, ...back } = saved;
    await ok(p.mutate(adminOf(A), 'hardship.rules.set', back));
  }
}

let itemId: string;
beforeAll(async () => {
  p = await startTestPlatform();
  setDay(p, '2026-03-10');
  await createTenant(p, A, A);
  unitA = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市金秋助学测试工会' })).unitId;
  for (const year of [2026, 2027]) await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year, source: 'union', budgetFen: 10_000_000 }));
  // the 十件实事 target linked as the seed links it
  const planId = (await ok(p.mutate(adminOf(A), 'tenThings.plans.create', { year: 2026, title: '2026年服务职工十件实事' }))).planId;
  const item = await ok(
    p.mutate(adminOf(A), 'tenThings.candidates.propose', {
      planId,
      title: '金秋助学',
      category: 'care',
      leadDept: '帮扶中心',
      targets: [{ indicator: '资助困难职工子女', unit: '人', comparator: 'gte', target: 100, link: { eventType: 'hardship.aid.granted', filter: { kind: 'education' }, measure: 'sum:students' } }],
    }),
  );
  itemId = item.itemId;
  await ok(p.mutate(adminOf(A), 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [{ candidateId: itemId, for: 3, against: 0, abstain: 0 }] }));
  await p.settle();
  const publish = p.bus.publish.bind(p.bus);
  p.bus.publish = async (envelope) => {
    if (envelope['detail-type'] === 'hardship.aid.granted') granted.push(envelope as EventEnvelope);
    return publish(envelope);
  };
}, 120_000);
afterAll(() => p?.dispose());

describe('金秋助学 per student', () => {
  it('two students of one household each get their level’s amount (the household cap does not bind them), the event counts each, never names them', async () => {
    const f = await onFile();
    const first = await ok(education(f.fileId, 1, 'higher', 500_000));
    expect(first).toMatchObject({ kind: 'education', student: { memberIndex: 1, level: 'higher' }, amountFen: 500_000 });
    await ok(education(f.fileId, 2, 'high_school', 300_000));
    const file = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
    expect(file.grants.map((g: { student: { memberIndex: number } }) => g.student.memberIndex).sort()).toEqual([1, 2]);
    await p.settle();
    const ours = granted.filter((e) => e.detail.data.fileId === f.fileId);
    expect(ours.map((e) => e.detail.data.students)).toEqual([1, 1]);
    expect(JSON.stringify(ours)).not.toMatch(/秋助|memberIndex|high_school/);
    const audit = await ok(p.query(adminOf(A), 'audit.list', { action: 'hardship.aid.grant', limit: 50 }));
    expect(audit.items.find((e: { entityId: string }) => e.entityId === first.grantId).summary).toContain('第2位家庭成员');
    expect(JSON.stringify(audit.items)).not.toContain('长子');
  });

  it('refuses the worker themself, one fen over the level, a kind that is not education naming a student, and no student at all', async () => {
    const f = await onFile();
    const self = await education(f.fileId, 0, 'higher', 100_000);
    expect(self.status).toBe(400);
    expect(detailsOf(self)).toMatchObject({ reason: 'student_is_worker' });
    const over = await education(f.fileId, 2, 'high_school', 300_001);
    expect(over.status).toBe(409);
    expect(over.error?.message).toContain('3000 元');
    expect(detailsOf(over)).toMatchObject({ reason: 'student_amount_exceeded', limitFen: 300_000 });
    const missing = await p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'education', amountFen: 100_000, fundSource: 'union' });
    expect(missing.status).toBe(400);
    expect(missing.error?.data.issues?.[0]).toMatchObject({ path: ['student'] });
    const extra = await p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'living', student: { memberIndex: 1, level: 'higher' }, amountFen: 100_000, fundSource: 'union' });
    expect(extra.status).toBe(400);
    expect(extra.error?.data.issues?.[0]).toMatchObject({ path: ['student'] });
  });

  it('a student gets one grant a year: concurrent requests land once; the next year they may have the next one', async () => {
    const f = await onFile();
    const results = await Promise.all(Array.from({ length: 4 }, () => education(f.fileId, 1, 'high_school', 200_000)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.every((r) => r.status === 409 && detailsOf(r)?.reason === 'student_already_aided')).toBe(true);
    expect((await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }))).grants).toHaveLength(1);
    const union = (await ok(p.query(staffOf(A), 'hardship.funds.list', { year: 2026 }))).funds.find((x: { source: string }) => x.source === 'union');
    expect(union.grantedFen % 100_000).toBe(0); // no refused grant drew on the budget
    setDay(p, '2027-03-10');
    try {
      await ok(education(f.fileId, 1, 'higher', 500_000));
    } finally {
      setDay(p, '2026-03-10');
    }
  });

  it('the linked 十件实事 target counts students, not grants', async () => {
    await p.settle();
    const view = await ok(p.query(staffOf(A), 'tenThings.items.get', { itemId }));
    // 2026: two students of the first household, one of the third (the refused ones never count)
    expect(view.item.achieved).toEqual([3]);
  });

  it('a large 金秋助学 grant waits for a second staff member and, approved, takes the student’s once-a-year guard', () =>
    withApprovalAbove(200_000, async () => {
      const f = await onFile();
      const asked = await ok(education(f.fileId, 1, 'higher', 400_000));
      expect(asked).toMatchObject({ pendingApproval: true, student: { memberIndex: 1, level: 'higher' } });
      const paid = await ok(p.mutate(staff2, 'hardship.aid.approve', { fileId: f.fileId, grantId: asked.grantId, version: asked.version }));
      expect(paid).toMatchObject({ kind: 'education', student: { memberIndex: 1, level: 'higher' }, approvedBy: staff2.sub });
      const again = await education(f.fileId, 1, 'high_school', 100_000);
      expect(detailsOf(again)).toMatchObject({ reason: 'student_already_aided' });
    }));

  it('reordering the household between two grants still refuses the same student in the year and allows the other', async () => {
    const f = await onFile();
    const [son, daughter] = f.children as [Member, Member];
    await ok(education(f.fileId, 1, 'higher', 500_000)); // the son, first child
    await relist(f, [f.household.members[0]!, daughter, { relation: '配偶', name: '秋助配偶' }, son]);
    const again = await education(f.fileId, 3, 'high_school', 100_000); // the son, now fourth
    expect(again.status).toBe(409);
    expect(detailsOf(again)).toMatchObject({ reason: 'student_already_aided' });
    await ok(education(f.fileId, 1, 'high_school', 300_000)); // the daughter, now where the son was
    // the file names each grant's student where the household lists them now
    const file = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
    expect(file.grants.map((g: { student: { memberIndex: number } }) => g.student.memberIndex).sort()).toEqual([1, 3]);
    expect(JSON.stringify(file.grants)).not.toContain('idIndex');
    // a member removed: their grant stays theirs, the one now in their place is the daughter (already aided)
    await relist(f, [f.household.members[0]!, daughter]);
    expect(detailsOf(await education(f.fileId, 1, 'higher', 100_000))).toMatchObject({ reason: 'student_already_aided' });
    expect((await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }))).grants.map((g: { student: { memberIndex?: number } }) => g.student.memberIndex ?? null).sort()).toEqual([1, null]);
  });

  it('a student whose number is not on file is granted by the number the form gives, once a year in the federation', async () => {
    const f = await onFile();
    await relist(f, [...f.household.members, { relation: '子女', name: '秋助三子' }]);
    const unnumbered = await education(f.fileId, 3, 'high_school', 100_000);
    expect(unnumbered.status).toBe(400);
    expect(detailsOf(unnumbered)).toMatchObject({ field: 'student.idNumber', reason: 'student_id_missing' });
    const typed = demoIdNumber(A, '20090101', 900 + serial);
    await ok(education(f.fileId, 3, 'high_school', 100_000, typed));
    expect(detailsOf(await education(f.fileId, 3, 'higher', 100_000, typed))).toMatchObject({ reason: 'student_already_aided' });
    // a typed number must be the one on file for a numbered member
    const other = await education(f.fileId, 1, 'higher', 100_000, typed);
    expect(other.status).toBe(400);
    expect(detailsOf(other)).toMatchObject({ field: 'student.idNumber', reason: 'student_id_mismatch' });
    // the same student on another household's file in the year: the guard is the federation's, not the file's
    const g = await onFile();
    await relist(g, [...g.household.members, { relation: '子女', name: '秋助外甥' }]);
    expect(detailsOf(await education(g.fileId, 3, 'high_school', 100_000, typed))).toMatchObject({ reason: 'student_already_aided' });
  });

  it('a guard written by the release that kept it by the student’s place still refuses the student at that place', async () => {
    const f = await onFile();
    const { table } = p.runtime.deps;
    await table.doc.send(new PutCommand({ TableName: table.name, Item: { ...hardshipKeys.studentGrantByPlace(A, f.fileId, 2026, 1), kind: 'hardship.studentGrant', grantId: 'before-identity', level: 'higher' } }));
    expect(detailsOf(await education(f.fileId, 1, 'high_school', 100_000))).toMatchObject({ reason: 'student_already_aided' });
    await ok(education(f.fileId, 2, 'high_school', 100_000));
  });

  it('a request approved after the household was reordered pays the student it named, where they are now; one for a student who left is refused', () =>
    withApprovalAbove(200_000, async () => {
      const f = await onFile();
      const [son, daughter] = f.children as [Member, Member];
      const forSon = await ok(education(f.fileId, 1, 'higher', 400_000));
      const forDaughter = await ok(education(f.fileId, 2, 'higher', 400_000));
      expect(JSON.stringify([forSon, forDaughter])).not.toContain('idIndex');
      await relist(f, [f.household.members[0]!, { relation: '配偶', name: '秋助配偶' }, son]); // the son moves to third, the daughter leaves
      const paid = await ok(p.mutate(staff2, 'hardship.aid.approve', { fileId: f.fileId, grantId: forSon.grantId, version: forSon.version }));
      expect(paid).toMatchObject({ student: { memberIndex: 2, level: 'higher' } });
      const gone = await p.mutate(staff2, 'hardship.aid.approve', { fileId: f.fileId, grantId: forDaughter.grantId, version: forDaughter.version });
      expect(gone.status).toBe(409);
      expect(detailsOf(gone)).toMatchObject({ reason: 'student_not_in_household' });
      await relist(f, [f.household.members[0]!, daughter, son]);
      expect(detailsOf(await education(f.fileId, 2, 'high_school', 100_000))).toMatchObject({ reason: 'student_already_aided' });
    }));
});
