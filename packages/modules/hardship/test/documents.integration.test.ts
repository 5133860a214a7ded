import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, attachHardshipDocuments, createTenant, createUnit, ok, reporterOf, SAMPLE_PDF, setDay, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * 帮扶材料 on a hardship file: declared → signed PUT → checked on arrival → listed on the file → audited download;
 * the notice (and so the review) refused until the documents the rule pack requires are there.
 */
let p: TestPlatform;
const A = '321281';
const B = '321282';
let unitA: string;
let otherUnitA: string;
let serial = 0;
const reporter = () => reporterOf(A, unitA);
const staff2: Claims = { sub: `staff2-${A}`, roles: ['federation_staff'], tenantId: A };

// A Windows executable with a .pdf name and the size of the sample PDF.
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, ...new Array(SAMPLE_PDF.length - 6).fill(0)]);

async function draft(tenantId = A, unitId = unitA, who: Claims = reporterOf(tenantId, unitId)) {
  const name = `材料户${serial}`;
  const idNumber = demoIdNumber(tenantId, '19850312', 500 + serial++);
  return ok(
    p.mutate(who, 'hardship.files.create', {
      unitId,
      worker: { name, idNumber, phone: '13812345678' },
      household: { members: [{ relation: '本人', name, idNumber }, { relation: '子女', name: `${name}子` }], annualIncomeFen: 3_600_000, rigidExpensesFen: 1_200_000, causes: ['本人患慢性病'], events: [] },
      consentGiven: true,
    }),
  );
}

/** Submitted and investigated by the unit: the next step is the federation's notice. */
async function investigated() {
  const created = await draft();
  let f = await ok(p.mutate(reporter(), 'hardship.files.submit', { fileId: created.fileId, version: created.version }));
  f = await ok(p.mutate(reporter(), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2026-03-01', findings: '入户核实' }));
  return f as { fileId: string; version: number };
}

const declare = (who: Claims, fileId: string, over: Record<string, unknown> = {}) =>
  p.mutate(who, 'hardship.files.documents.createUpload', { fileId, kind: 'application', fileName: '帮扶申请表.pdf', contentType: 'application/pdf', sizeBytes: SAMPLE_PDF.length, ...over });
const put = (ticket: { uploadUrl: string; headers: Record<string, string> }, body: Uint8Array) =>
  p.runtime.app.request(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: body as Uint8Array<ArrayBuffer> });
const notice = (fileId: string, version: number) => p.mutate(staffOf(A), 'hardship.files.publishNotice', { fileId, version, startsOn: '2026-03-02' });
const detailsOf = (res: { error?: { data: unknown } }) => (res.error?.data as { details?: Record<string, unknown> } | undefined)?.details;
const auditOf = async (action: string, entityId: string) => (await ok(p.query(adminOf(A), 'audit.list', { action, limit: 200 }))).items.filter((a: { entityId: string }) => a.entityId === entityId);

beforeAll(async () => {
  p = await startTestPlatform();
  setDay(p, '2026-03-10');
  await createTenant(p, A, A);
  await createTenant(p, B, B);
  unitA = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市材料测试工会' })).unitId;
  otherUnitA = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市另一工会' })).unitId;
}, 90_000);
afterAll(() => p?.dispose());

describe('hardship file documents', () => {
  it('the unit reporter uploads the application form; once its bytes are checked it is listed on the file with who uploaded it', async () => {
    const f = await draft();
    const ticket = await ok(declare(reporter(), f.fileId));
    expect(ticket).toMatchObject({ method: 'PUT', fileName: '帮扶申请表.pdf', headers: { 'content-type': 'application/pdf' } });
    // Declared but not yet uploaded: not on the file, and `complete` says so.
    expect((await p.mutate(reporter(), 'hardship.files.documents.complete', { fileId: f.fileId, evidenceId: ticket.evidenceId })).status).toBe(400);
    expect((await put(ticket, SAMPLE_PDF)).status).toBe(200);
    const done = await ok(p.mutate(reporter(), 'hardship.files.documents.complete', { fileId: f.fileId, evidenceId: ticket.evidenceId }));
    expect(done).toMatchObject({ kind: 'application', status: 'ready', sizeBytes: SAMPLE_PDF.length });

    const file = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
    expect(file.documents).toEqual([expect.objectContaining({ evidenceId: ticket.evidenceId, kind: 'application', fileName: '帮扶申请表.pdf', sizeBytes: SAMPLE_PDF.length, uploadedBy: `reporter-${A}` })]);
    expect(file.documents[0]).not.toHaveProperty('key');
    expect(file.requiredDocuments).toEqual(['application', 'income_consent']);
    expect(file.missingDocuments).toEqual(['income_consent']);
    expect(await auditOf('hardship.documents.createUpload', ticket.evidenceId)).toHaveLength(1);
    expect((await auditOf('hardship.documents.complete', ticket.evidenceId))[0].summary).toContain('申请表已核验');
  });

  it('the notice is refused (409) until the application form and the consent are on the file, naming what is missing', async () => {
    const f = await investigated();
    const refused = await notice(f.fileId, f.version);
    expect(refused.status).toBe(409);
    expect(detailsOf(refused)).toMatchObject({ reason: 'documents_missing', missing: ['application', 'income_consent'] });
    expect(refused.error?.message).toContain('申请表、收入核对授权书');
    expect(refused.error?.data.messageEn).toContain('Application form, Consent to income checks');
    await attachHardshipDocuments(p, reporter(), f.fileId, ['application']);
    const stillMissing = await notice(f.fileId, f.version);
    expect(detailsOf(stillMissing)).toMatchObject({ missing: ['income_consent'] });
    await attachHardshipDocuments(p, reporter(), f.fileId, ['income_consent']);
    const noticed = await ok(notice(f.fileId, f.version));
    expect(noticed.status).toBe('noticed');
    expect((await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }))).missingDocuments).toEqual([]);
  });

  it('the required documents are the year’s rule pack: more can be asked for, or none', async () => {
    const pack = await ok(p.query(adminOf(A), 'hardship.rules.get', { year: 2026 }));
    const { updatedAt: _u, ...rest } = pack;
    let saved = await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...rest, requiredDocuments: ['application', 'income_consent', 'investigation_photo'] }));
    expect(saved.requiredDocuments).toEqual(['application', 'income_consent', 'investigation_photo']);
    const f = await investigated();
    await attachHardshipDocuments(p, reporter(), f.fileId);
    const refused = await notice(f.fileId, f.version);
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toContain('入户调查照片');

    const { updatedAt: _v, ...current } = saved;
    saved = await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...current, requiredDocuments: [] }));
    const bare = await investigated();
    expect((await ok(notice(bare.fileId, bare.version))).status).toBe('noticed');
    const { updatedAt: _w, ...last } = saved;
    await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...last, requiredDocuments: ['application', 'income_consent'] }));
  });

  it('a download URL serves exactly the checked file and every URL handed out is an audited read', async () => {
    const f = await draft();
    const [evidenceId] = await attachHardshipDocuments(p, reporter(), f.fileId, ['income_consent']);
    const link = await ok(p.mutate(staffOf(A), 'hardship.files.documents.url', { fileId: f.fileId, evidenceId }));
    expect(link.fileName).toBe('income_consent.pdf');
    const res = await p.runtime.app.request(link.url);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(SAMPLE_PDF);
    const reads = await auditOf('pii.read', evidenceId!);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor: `staff-${A}`, entityType: 'hardship.document' });
    expect(reads[0].summary).toContain('收入核对授权书');
  });

  it('a file whose bytes are not its declared type is refused for good, never listed and never counted', async () => {
    const f = await draft();
    const ticket = await ok(declare(reporter(), f.fileId, { kind: 'income_consent', fileName: '授权书.pdf' }));
    await put(ticket, EXE);
    const refused = await p.mutate(reporter(), 'hardship.files.documents.complete', { fileId: f.fileId, evidenceId: ticket.evidenceId });
    expect(refused.status).toBe(400);
    expect(detailsOf(refused)).toMatchObject({ reason: 'type_mismatch' });
    expect((await p.mutate(reporter(), 'hardship.files.documents.complete', { fileId: f.fileId, evidenceId: ticket.evidenceId })).status).toBe(400);
    expect((await p.mutate(staffOf(A), 'hardship.files.documents.url', { fileId: f.fileId, evidenceId: ticket.evidenceId })).status).toBe(400);
    const file = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: f.fileId }));
    expect(file.documents).toEqual([]);
    expect(file.missingDocuments).toEqual(['application', 'income_consent']);
  });

  it('each kind takes its own file types, within the size limit, and the 400 says so in both languages', async () => {
    const f = await draft();
    const pdfPhoto = await declare(reporter(), f.fileId, { kind: 'investigation_photo', fileName: '入户.pdf' });
    expect(pdfPhoto.status).toBe(400);
    expect(pdfPhoto.error?.message).toContain('入户调查照片只接受');
    expect(pdfPhoto.error?.data.messageEn).toMatch(/investigation photo must be/);
    expect((await declare(reporter(), f.fileId, { contentType: 'application/x-msdownload', fileName: 'a.exe' })).status).toBe(400);
    expect(detailsOf(await declare(reporter(), f.fileId, { sizeBytes: 50 * 1024 * 1024 }))).toMatchObject({ reason: 'too_large' });
    const badKind = await declare(reporter(), f.fileId, { kind: 'selfie' });
    expect(badKind.status).toBe(400);
    expect(badKind.error?.message).toContain('材料类别');
    expect(badKind.error?.data.messageEn).toContain('Kind of document');
  });

  it('a reporter works on their own unit’s files until the notice; another unit, another tenant get "not found"', async () => {
    const f = await investigated();
    const [evidenceId] = await attachHardshipDocuments(p, reporter(), f.fileId);
    const stranger = reporterOf(A, otherUnitA);
    expect((await declare(stranger, f.fileId)).status).toBe(404);
    expect((await p.mutate(stranger, 'hardship.files.documents.complete', { fileId: f.fileId, evidenceId })).status).toBe(404);
    expect((await p.mutate(stranger, 'hardship.files.documents.url', { fileId: f.fileId, evidenceId })).status).toBe(404);
    for (const who of [staffOf(B), adminOf(B)]) {
      expect((await declare(who, f.fileId)).status).toBe(404);
      expect((await p.mutate(who, 'hardship.files.documents.url', { fileId: f.fileId, evidenceId })).status).toBe(404);
    }
    // A document id of another file is not found on this one.
    const other = await draft();
    expect((await p.mutate(staffOf(A), 'hardship.files.documents.url', { fileId: other.fileId, evidenceId })).status).toBe(404);

    await ok(notice(f.fileId, f.version));
    const late = await declare(reporter(), f.fileId, { kind: 'other', fileName: '补充说明.pdf' });
    expect(late.status).toBe(409);
    expect(detailsOf(late)).toMatchObject({ reason: 'workflow_order' });
    expect((await declare(staff2, f.fileId, { kind: 'other', fileName: '补充说明.pdf' })).status).toBe(200);
    // The reporter still reads their unit's documents after the notice.
    expect((await p.mutate(reporter(), 'hardship.files.documents.url', { fileId: f.fileId, evidenceId })).status).toBe(200);
  });

  it('a declaration retried with the same Idempotency-Key gets the first ticket back and records one document', async () => {
    const f = await draft();
    const send = async () => {
      const res = await p.runtime.app.request('/trpc/hardship.files.documents.createUpload', {
        method: 'POST',
        headers: { authorization: `Bearer ${await p.token(reporter())}`, 'content-type': 'application/json', 'idempotency-key': `doc-upload-${f.fileId}` },
        body: JSON.stringify({ fileId: f.fileId, kind: 'application', fileName: '申请表.pdf', contentType: 'application/pdf', sizeBytes: SAMPLE_PDF.length }),
      });
      return ((await res.json()) as { result: { data: { evidenceId: string } } }).result.data;
    };
    const first = await send();
    const retry = await send();
    expect(retry.evidenceId).toBe(first.evidenceId);
    expect(await auditOf('hardship.documents.createUpload', first.evidenceId)).toHaveLength(1);
  });
});
