import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform, attachHardshipDocuments } from '@ufp/testing/platform';

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
  expect((await p.mutate(adminOf(B), 'hardship.funds.set', { year: YEAR, source: 'county', budgetFen: 100_000_000 })).status).toBe(200);
});
afterAll(() => p?.dispose());

const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)); // the platform's year (Asia/Shanghai)
const household = fc.record({ size: fc.integer({ min: 1, max: 5 }), incomeYuan: fc.integer({ min: 0, max: 200_000 }), notice: fc.boolean() });

describe('hardship tenant isolation (property)', () => {
  it('no call as tenant A reads or changes tenant B files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(household, { minLength: 1, maxLength: 3 }), async (households) => {
        const bFiles: string[] = [];
        const bDocuments: { fileId: string; evidenceId: string }[] = [];
        const bAids: string[] = [];
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
          // 临时救助 to someone of B without a file: A neither lists nor converts it.
          const temp = await p.mutate(staffOf(B), 'hardship.temporary.grant', { worker: { name: `${name}临救`, idNumber: idOf('321282') }, reason: '突发困难', amountFen: 100, fundSource: 'county' });
          expect(temp.status).toBe(200);
          bAids.push(temp.data.aidId);
          expect((await p.mutate(staffOf(A), 'hardship.temporary.convert', { aidId: temp.data.aidId, version: 1, unitId: unitA, worker: {}, household: { members: [{ relation: '本人', name }], annualIncomeFen: 0, rigidExpensesFen: 0 }, consentGiven: true })).status).toBe(404);
          if (h.notice) {
            let f = (await p.mutate(reporterOf(B, unitB), 'hardship.files.submit', { fileId: created.data.fileId, version: 1 })).data;
            f = (await p.mutate(staffOf(B), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2020-01-01', findings: '核实' })).data;
            for (const evidenceId of await attachHardshipDocuments(p, staffOf(B), f.fileId)) bDocuments.push({ fileId: f.fileId, evidenceId });
            await p.mutate(staffOf(B), 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2020-01-02' });
          }
        }
        for (const fileId of bFiles) {
          for (const who of [staffOf(A), reporterOf(A, unitA)]) {
            expect((await p.query(who, 'hardship.files.get', { fileId })).status).toBe(404);
            expect((await p.mutate(who, 'hardship.files.submit', { fileId, version: 1 })).status).toBe(404);
          }
          expect((await p.mutate(staffOf(A), 'hardship.files.reveal', { fileId, field: 'idNumber' })).status).toBe(404);
          const declared = { fileId, kind: 'other', fileName: '甲方.pdf', contentType: 'application/pdf', sizeBytes: 100 };
          for (const who of [staffOf(A), reporterOf(A, unitA)]) expect((await p.mutate(who, 'hardship.files.documents.createUpload', declared)).status).toBe(404);
          expect((await p.mutate(staffOf(A), 'hardship.aid.grant', { fileId, kind: 'living', amountFen: 100, fundSource: 'county' })).status).toBe(404);
        }
        for (const doc of bDocuments) {
          for (const who of [staffOf(A), reporterOf(A, unitA)]) {
            expect((await p.mutate(who, 'hardship.files.documents.url', doc)).status).toBe(404);
            expect((await p.mutate(who, 'hardship.files.documents.complete', doc)).status).toBe(404);
          }
        }
        const seenByA = JSON.stringify([
          (await p.query(staffOf(A), 'hardship.files.list', { limit: 200 })).data,
          (await p.query(staffOf(A), 'hardship.files.queue')).data,
          (await p.query(staffOf(A), 'hardship.files.attention')).data,
          (await p.query(null, 'hardship.notices.list', { tenantId: A })).data,
          (await p.query(reporterOf(A, unitA), 'hardship.files.list', { limit: 200 })).data,
          (await p.query(staffOf(A), 'hardship.temporary.list', { year: YEAR })).data,
        ]);
        for (const id of [...bFiles, ...bAids]) expect(seenByA).not.toContain(id);
        expect(seenByA).not.toContain('乙方职工');
        // B's own caseworker still sees their files (the property is not vacuous).
        const bList = JSON.stringify((await p.query(staffOf(B), 'hardship.files.list', { limit: 200 })).data);
        for (const fileId of bFiles) expect(bList).toContain(fileId);
        const bAidList = JSON.stringify((await p.query(staffOf(B), 'hardship.temporary.list', { year: YEAR })).data);
        for (const aidId of bAids) expect(bAidList).toContain(aidId);
      }),
      { numRuns: 6 },
    );
  });
});
