import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '@ufp/kit/seed';
import { createTenant, createUnit, reporterOf, staffOf, adminOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** 荣誉证书扫描件: upload URL → PUT to the (local) blob store → complete (bytes checked) → attach to the honour → audited download. */
const T = '321281';
let p: TestPlatform;
let unitId: string;
let otherUnitId: string;
let personId: string;
let honourId: string;
let otherHonourId: string;
const staff = staffOf(T);

const ok = <R = any>(r: { status: number; data: R; error?: unknown }): R => {
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.error)}`);
  return r.data;
};

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(48).fill(7)]);
// A Windows executable renamed to .png: same length, "MZ" header.
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, ...new Array(PNG.length - 6).fill(0)]);

const createUpload = (over: Record<string, unknown> = {}) =>
  p.mutate(staff, 'modelWorkers.evidence.createUpload', { personId, honourId, fileName: '五一劳动奖章证书.png', contentType: 'image/png', sizeBytes: PNG.length, ...over });
const put = (upload: { uploadUrl: string; headers: Record<string, string> }, body: Uint8Array) => p.runtime.app.request(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body });

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-10T02:00:00Z'));
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T)).unitId;
  otherUnitId = (await createUnit(p, T)).unitId;
  const created = ok(await p.mutate(staff, 'modelWorkers.people.create', { idNumber: demoIdNumber(T, '19700515', 41), name: '证书测试', education: 'secondary', occupation: 'frontline', unitId }));
  personId = created.personId;
  let v = ok(await p.mutate(staff, 'modelWorkers.honours.award', { personId, code: 'national_may_day_medal', year: 2024, conferredBy: '中华全国总工会' }));
  v = ok(await p.mutate(staff, 'modelWorkers.honours.award', { personId, version: v.version, code: 'city_model_worker', year: 2023, conferredBy: '市人民政府' }));
  honourId = v.honours.find((h: any) => h.code === 'national_may_day_medal').honourId;
  otherHonourId = v.honours.find((h: any) => h.code === 'city_model_worker').honourId;
}, 90_000);
afterAll(async () => {
  await p?.dispose();
});

describe('honour certificate scans', () => {
  it('uploads a PNG scan, checks it, records it on the honour (versioned) and hands out an audited download', async () => {
    const upload = ok(await createUpload());
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/png' }, fileName: '五一劳动奖章证书.png' });
    const before = ok(await p.query(staff, 'modelWorkers.people.get', { personId }));
    // Attaching before the bytes are checked is refused.
    const early = await p.mutate(staff, 'modelWorkers.evidence.attachCertificate', { personId, version: before.version, honourId, evidenceId: upload.evidenceId });
    expect(early.status).toBe(400);
    expect(early.error?.data.issues?.[0]?.path).toEqual(['evidenceId']);
    expect((await put(upload, PNG)).status).toBe(200);
    expect(ok(await p.mutate(staff, 'modelWorkers.evidence.complete', { evidenceId: upload.evidenceId })).status).toBe('ready');
    // A scan uploaded for one honour cannot be recorded on another.
    const wrongHonour = await p.mutate(staff, 'modelWorkers.evidence.attachCertificate', { personId, version: before.version, honourId: otherHonourId, evidenceId: upload.evidenceId });
    expect(wrongHonour.status).toBe(400);
    const after = ok(await p.mutate(staff, 'modelWorkers.evidence.attachCertificate', { personId, version: before.version, honourId, evidenceId: upload.evidenceId }));
    expect(after.version).toBe(before.version + 1);
    expect(after.honours.find((h: any) => h.honourId === honourId).certificate).toEqual({ evidenceId: upload.evidenceId, fileName: '五一劳动奖章证书.png', contentType: 'image/png', sizeBytes: PNG.length });
    // The same version again is stale.
    expect((await p.mutate(staff, 'modelWorkers.evidence.attachCertificate', { personId, version: before.version, honourId, evidenceId: upload.evidenceId })).status).toBe(409);

    // A reporter of the person's unit may look at it; the bytes come back as uploaded.
    const link = ok(await p.mutate(reporterOf(T, unitId), 'modelWorkers.evidence.url', { evidenceId: upload.evidenceId }));
    const res = await p.runtime.app.request(link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    const audit = ok(await p.query(adminOf(T), 'audit.list', { entityType: 'modelWorkers.evidence' }));
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['modelWorkers.evidence.createUpload', 'modelWorkers.evidence.complete', 'modelWorkers.evidence.url']));
    const personAudit = ok(await p.query(adminOf(T), 'audit.list', { entityType: 'modelWorkers.person' }));
    expect(personAudit.items.map((a: { action: string }) => a.action)).toContain('modelWorkers.honours.attachCertificate');

    // A reporter of another unit does not learn that the scan exists.
    const other = await p.mutate(reporterOf(T, otherUnitId), 'modelWorkers.evidence.url', { evidenceId: upload.evidenceId });
    expect(other.status).toBe(404);
  });

  it('refuses a Word file as a certificate scan before any URL is issued', async () => {
    const word = await createUpload({ fileName: '证书.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(word.status).toBe(400);
    expect(word.error?.data.issues?.[0]?.path).toEqual(['contentType']);
    expect(word.error?.message).toContain('证书扫描件只接受');
  });

  it('rejects an executable renamed to .png for good, and it can neither be attached nor downloaded', async () => {
    const upload = ok(await createUpload({ fileName: '证书.png' }));
    expect((await put(upload, EXE)).status).toBe(200);
    const refused = await p.mutate(staff, 'modelWorkers.evidence.complete', { evidenceId: upload.evidenceId });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toContain('文件内容与声明的类型不符');
    const person = ok(await p.query(staff, 'modelWorkers.people.get', { personId }));
    expect((await p.mutate(staff, 'modelWorkers.evidence.attachCertificate', { personId, version: person.version, honourId, evidenceId: upload.evidenceId })).status).toBe(400);
    expect((await p.mutate(staff, 'modelWorkers.evidence.url', { evidenceId: upload.evidenceId })).status).toBe(400);
  });

  it('an upload for an unknown person is not found, for an honour the person lacks a 400', async () => {
    expect((await p.mutate(staff, 'modelWorkers.evidence.createUpload', { personId: 'no-such-person', honourId, fileName: 'a.png', contentType: 'image/png', sizeBytes: PNG.length })).status).toBe(404);
    expect((await createUpload({ honourId: 'no-such-honour' })).status).toBe(400);
  });
});
