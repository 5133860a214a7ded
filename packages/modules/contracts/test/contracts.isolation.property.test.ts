import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * Tenant isolation for 集体合同: whatever contracts tenant B holds, in whatever state, no call
 * made as tenant A (admin, staff or reporter) reads, lists, counts or changes them, and B's
 * settings never leak into A's clocks.
 */
let p: TestPlatform;
const A = '321281';
const B = '321282';
let unitA: string;
let unitB: string;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, A, A);
  await createTenant(p, B, B);
  unitA = (await createUnit(p, A)).unitId;
  unitB = (await createUnit(p, B, { uscc: undefined, type: 'industry' })).unitId;
  p.clock.set(new Date('2026-03-20T02:00:00Z'));
});
afterAll(() => p?.dispose());

const contractShape = fc.record({
  type: fc.constantFrom('industry', 'comprehensive'),
  employees: fc.integer({ min: 1, max: 50_000 }),
  offer: fc.boolean(),
});

describe('contracts tenant isolation (property)', () => {
  it('no call as tenant A reads, lists or changes tenant B contracts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(contractShape, { minLength: 1, maxLength: 3 }), async (shapes) => {
        const bIds: string[] = [];
        for (const s of shapes) {
          const created = await p.mutate(staffOf(B), 'contracts.create', {
            type: s.type,
            ...(s.type === 'industry' ? { scope: { industry: 'logistics' } } : { unitId: unitB }),
            employerParties: [{ name: '乙方企业' }],
            coveredEnterprises: 1,
            coveredEmployees: s.employees,
            term: { start: '2026-04-01', end: '2027-03-31' },
          });
          expect(created.status, JSON.stringify(created.error)).toBe(200);
          bIds.push(created.data.contractId);
          if (s.offer) await p.mutate(staffOf(B), 'contracts.offer.send', { contractId: created.data.contractId, sentOn: '2026-03-10', fromSide: 'worker' });
        }
        for (const contractId of bIds) {
          for (const who of [adminOf(A), staffOf(A), reporterOf(A, unitA)]) {
            expect((await p.query(who, 'contracts.get', { contractId })).status).toBe(404);
          }
          for (const [path, input] of [
            ['contracts.offer.send', { sentOn: '2026-03-10', fromSide: 'employer' }],
            ['contracts.offer.reply', { repliedOn: '2026-03-11', accepted: true }],
            ['contracts.terminate', { reason: '越权尝试' }],
            ['contracts.renew', {}],
          ] as const) {
            expect((await p.mutate(staffOf(A), path, { contractId, ...input })).status).toBe(404);
          }
        }
        const listed = await p.query(adminOf(A), 'contracts.list', { limit: 200 });
        expect(listed.data.items.filter((c: { contractId: string }) => bIds.includes(c.contractId))).toEqual([]);
        const clocks = await p.query(staffOf(A), 'contracts.deadlines.list', { withinDays: 3650 });
        expect(clocks.data.items.filter((k: { contractId: string }) => bIds.includes(k.contractId))).toEqual([]);
        const exported = await p.query(staffOf(A), 'contracts.export', {});
        expect(exported.data.rows).toBe(listed.data.items.length);
        for (const contractId of bIds) expect((await p.query(staffOf(B), 'contracts.get', { contractId })).data.status).toMatch(/draft|offer_sent/);
      }),
      { numRuns: 5 },
    );
  });

  it("tenant A's settings are its own", async () => {
    const b = await p.query(adminOf(B), 'contracts.settings.get');
    expect((await p.mutate(adminOf(B), 'contracts.settings.set', { version: b.data.version, minimumWageFen: 300000 })).status).toBe(200);
    expect((await p.query(adminOf(A), 'contracts.settings.get')).data.minimumWageFen).toBeUndefined();
    expect((await p.query(adminOf(A), 'notifications.list')).data.items).toEqual([]);
  });
});
