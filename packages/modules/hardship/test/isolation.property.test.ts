import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform, attachHardshipDocuments } from '@ufp/testing/platform';

/**
 * Tenant isolation for hardship data: whatever files tenant B holds, no call made as tenant A
 * (staff or reporter) returns or changes them, and A's public notice board never shows them.
 */
let p: TestPlatform;
const A = '321281';
const B = '321282';
let unitA: string;
let unitB: string;
let seq = 0;
const idOf = (area: string) => {
  const first17 = `${area}1990010${String(100 + (seq++ % 900)).padStart(3, '0')}${seq % 10}`.slice(0, 17);
  return first17 + idNumberCheckCharacter(first17);
};

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, A, A);
  await createTenant(p, B, B);
  unitA = (await createUnit(p, A, { type: 'regional', uscc: undefined })).unitId;
  unitB = (await createUnit(p, B, { type: 'regional', uscc: undefined })).unitId;
});
afterAll(() => p?.dispose());

const household = fc.record({ size: fc.integer({ min: 1, max: 5 }), incomeYuan: fc.integer({ min: 0, max: 200_000 }), notice: fc.boolean() });

describe('hardship tenant isolation (property)', () => {
  it('no call as tenant A reads or changes tenant B files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(household, { minLength: 1, maxLength: 3 }), async (households) => {
        const bFiles: string[] = [];
        for (const h of households) {
          const name = `乙方职工${seq}`;
          const created = await p.mutate(reporterOf(B, unitB), 'hardship.files.create', {
            unitId: unitB,
            worker: { name, idNumber: idOf('321282') },
            household: { members: Array.from({ length: h.size }, (_, i) => ({ relation: i ? '家属' : '本人', name })), annualIncomeFen: h.incomeYuan * 100, rigidExpensesFen: 0 },
            consentGiven: true,
          });
          expect(created.status).toBe(200);
          bFiles.push(created.data.fileId);
          if (h.notice) {
            let f = (await p.mutate(reporterOf(B, unitB), 'hardship.files.submit', { fileId: created.data.fileId, version: 1 })).data;
            f = (await p.mutate(staffOf(B), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2020-01-01', findings: '核实' })).data;
            await attachHardshipDocuments(p, staffOf(B), f.fileId);
            await p.mutate(staffOf(B), 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2020-01-02' });
          }
        }
        for (const fileId of bFiles) {
          for (const who of [staffOf(A), reporterOf(A, unitA)]) {
            expect((await p.query(who, 'hardship.files.get', { fileId })).status).toBe(404);
            expect((await p.mutate(who, 'hardship.files.submit', { fileId, version: 1 })).status).toBe(404);
          }
          expect((await p.mutate(staffOf(A), 'hardship.files.reveal', { fileId, field: 'idNumber' })).status).toBe(404);
          expect((await p.mutate(staffOf(A), 'hardship.aid.grant', { fileId, kind: 'living', amountFen: 100, fundSource: 'county' })).status).toBe(404);
        }
        const seenByA = JSON.stringify([
          (await p.query(staffOf(A), 'hardship.files.list', { limit: 200 })).data,
          (await p.query(staffOf(A), 'hardship.files.queue')).data,
          (await p.query(staffOf(A), 'hardship.files.attention')).data,
          (await p.query(null, 'hardship.notices.list', { tenantId: A })).data,
          (await p.query(reporterOf(A, unitA), 'hardship.files.list', { limit: 200 })).data,
        ]);
        for (const fileId of bFiles) expect(seenByA).not.toContain(fileId);
        expect(seenByA).not.toContain('乙方职工');
        // B's own caseworker still sees their files (the property is not vacuous).
        const bList = JSON.stringify((await p.query(staffOf(B), 'hardship.files.list', { limit: 200 })).data);
        for (const fileId of bFiles) expect(bList).toContain(fileId);
      }),
      { numRuns: 6 },
    );
  });
});
