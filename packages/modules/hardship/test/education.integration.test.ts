import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** A household on file: the worker (本人) and two children in school. */
async function onFile() {
  const name = `秋助${serial}`;
  const idNumber = demoIdNumber(A, '19800101', 800 + serial++);
  const created = await ok(
    p.mutate(reporterOf(A, unitA), 'hardship.files.create', {
      unitId: unitA,
      worker: { name, idNumber, phone: '13812345678' },
      household: { members: [{ relation: '本人', name, idNumber }, { relation: '子女', name: `${name}长子` }, { relation: '子女', name: `${name}次女` }], annualIncomeFen: 3_600_000, rigidExpensesFen: 1_200_000, causes: ['本人患慢性病'], events: [] },
      consentGiven: true,
    }),
  );
  return putHardshipFileOnFile(p, created, { tenantId: A, filer: reporterOf(A, unitA), reviewer: staff2 });
}
const education = (fileId: string, memberIndex: number, level: 'higher' | 'high_school', amountFen: number) =>
  p.mutate(staffOf(A), 'hardship.aid.grant', { fileId, kind: 'education', student: { memberIndex, level }, amountFen, fundSource: 'union' });

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

  it('a large 金秋助学 grant waits for a second staff member and, approved, takes the student’s once-a-year guard', async () => {
    const pack = await ok(p.query(adminOf(A), 'hardship.rules.get', { year: 2026 }));
    const { updatedAt: _u, ...rest } = pack;
    const saved = await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...rest, grantApprovalAboveFen: 200_000 }));
    try {
      const f = await onFile();
      const asked = await ok(education(f.fileId, 1, 'higher', 400_000));
      expect(asked).toMatchObject({ pendingApproval: true, student: { memberIndex: 1, level: 'higher' } });
      const paid = await ok(p.mutate(staff2, 'hardship.aid.approve', { fileId: f.fileId, grantId: asked.grantId, version: asked.version }));
      expect(paid).toMatchObject({ kind: 'education', student: { memberIndex: 1, level: 'higher' }, approvedBy: staff2.sub });
      const again = await education(f.fileId, 1, 'high_school', 100_000);
      expect(detailsOf(again)).toMatchObject({ reason: 'student_already_aided' });
    } finally {
      const { updatedAt: _v, grantApprovalAboveFen: _g, ...back } = saved;
      await ok(p.mutate(adminOf(A), 'hardship.rules.set', back));
    }
  });
});
