import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * Tenant isolation for 十件实事: whatever plans, candidates, votes and progress tenant B holds, no call made as
 * tenant A (admin, staff or reporter) reads, lists, reports on, corrects, rates through A, uploads evidence to, or changes them.
 */
let p: TestPlatform;
const A = '321281';
const B = '321282';
let unitA: string;
let nextYear = 2030;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, A, A);
  await createTenant(p, B, B);
  unitA = (await createUnit(p, A)).unitId;
  p.clock.set(new Date('2026-03-20T02:00:00Z'));
});
afterAll(() => p?.dispose());

const planShape = fc.record({
  candidates: fc.array(fc.constantFrom('开展宣讲不少于20场', '为600名职工赠送健康体检', '再建驿站2个', '为1万名以上职工提供法律服务'), { minLength: 1, maxLength: 3 }),
  vote: fc.boolean(),
});

describe('十件实事 tenant isolation (property)', () => {
  it('no call as tenant A reads, lists or changes tenant B plans and items', async () => {
    await fc.assert(
      fc.asyncProperty(planShape, async (shape) => {
        const year = nextYear++;
        const plan = await p.mutate(adminOf(B), 'tenThings.plans.create', { year, title: `乙方${year}` });
        expect(plan.status, JSON.stringify(plan.error)).toBe(200);
        const planId = plan.data.planId;
        const itemIds: string[] = [];
        for (const [i, text] of shape.candidates.entries()) {
          const c = await p.mutate(staffOf(B), 'tenThings.candidates.propose', { planId, title: `项目${i}`, category: 'other', leadDept: '办公室', targetsText: text });
          expect(c.status, JSON.stringify(c.error)).toBe(200);
          itemIds.push(c.data.itemId);
        }
        if (shape.vote) {
          const v = await p.mutate(adminOf(B), 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: itemIds.map((candidateId) => ({ candidateId, for: 3, against: 0, abstain: 0 })) });
          expect(v.status, JSON.stringify(v.error)).toBe(200);
        }
        for (const who of [adminOf(A), staffOf(A)]) {
          expect((await p.query(who, 'tenThings.plans.get', { planId })).status).toBe(404);
          expect((await p.query(who, 'tenThings.reports.annual', { planId })).status).toBe(404);
          const listed = await p.query(who, 'tenThings.plans.list', {});
          expect(listed.data.items.filter((x: { planId: string }) => x.planId === planId)).toEqual([]);
        }
        expect((await p.mutate(adminOf(A), 'tenThings.plans.recordVote', { planId, representativesTotal: 3, present: 3, ballots: [{ candidateId: itemIds[0], for: 3, against: 0, abstain: 0 }] })).status).toBe(404);
        expect((await p.mutate(staffOf(A), 'tenThings.candidates.propose', { planId, title: '越权', category: 'other', leadDept: '办公室', targetsText: '建驿站2个' })).status).toBe(404);
        for (const itemId of itemIds) {
          for (const who of [adminOf(A), staffOf(A), reporterOf(A, unitA)]) {
            expect((await p.query(who, 'tenThings.items.get', { itemId })).status).toBe(404);
            expect((await p.mutate(who, 'tenThings.progress.report', { itemId, targetIndex: 0, quantity: 1, occurredOn: '2026-01-05' })).status).toBe(404);
          }
          expect((await p.mutate(adminOf(A), 'tenThings.items.assign', { itemId, version: 2, leadDept: '办公室', coUnitIds: [unitA], milestones: [] })).status).toBe(404);
          // the public page is addressed by tenant: A's id with B's item finds nothing
          expect((await p.query(null, 'tenThings.public.item', { tenantId: A, itemId })).status).toBe(404);
          // 佐证材料: B's evidence is neither completed, downloaded nor attached from A; nor can A upload to B's item
          if (shape.vote) {
            const upload = await p.mutate(staffOf(B), 'tenThings.evidence.createUpload', { itemId, fileName: '现场.png', contentType: 'image/png', sizeBytes: 10 });
            expect(upload.status, JSON.stringify(upload.error)).toBe(200);
            for (const who of [adminOf(A), staffOf(A), reporterOf(A, unitA)]) {
              expect((await p.mutate(who, 'tenThings.evidence.createUpload', { itemId, fileName: 'a.png', contentType: 'image/png', sizeBytes: 10 })).status).toBe(404);
              expect((await p.mutate(who, 'tenThings.evidence.complete', { evidenceId: upload.data.evidenceId })).status).toBe(404);
              expect((await p.mutate(who, 'tenThings.evidence.url', { evidenceId: upload.data.evidenceId })).status).toBe(404);
            }
          }
        }
        const after = await p.query(staffOf(B), 'tenThings.plans.get', { planId });
        expect(after.data.items.every((i: { entryCount: number; assignment?: unknown }) => i.entryCount === 0 && !i.assignment)).toBe(true);
      }),
      { numRuns: 4 },
    );
  });

  it("tenant A's settings are its own", async () => {
    expect((await p.mutate(adminOf(B), 'tenThings.settings.update', { version: 0, maxAdopted: 5, atRiskPoints: 10, behindPoints: 20 })).status).toBe(200);
    expect((await p.query(adminOf(A), 'tenThings.settings.get')).data).toMatchObject({ maxAdopted: 10, atRiskPoints: 15, behindPoints: 30 });
  });
});
