import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from '@ufp/core/evidence/rules';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** 佐证材料: upload URL → PUT to the (local) blob store → complete (bytes checked) → attach to a report → download. */
const T = '321281';
const OTHER = '321282';
let p: TestPlatform;
let unitId: string;
let otherUnitId: string;
let itemId: string;
let secondItemId: string;
let otherTenantItemId: string;
const admin = adminOf(T);
const staff = staffOf(T);
let reporter: ReturnType<typeof reporterOf>;

const ok = <R>(r: { status: number; data: R; error?: unknown }): R => {
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.error)}`);
  return r.data;
};

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(48).fill(7)]);
// A Windows executable renamed to .png: same length, "MZ" header.
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, ...new Array(PNG.length - 6).fill(0)]);

async function adoptedItem(tenantId: string, year: number, titles: string[], coUnitIds: string[]): Promise<string[]> {
  const a = adminOf(tenantId);
  const plan = ok(await p.mutate(a, 'tenThings.plans.create', { year, title: `${year}年十件实事` }));
  const ids: string[] = [];
  for (const title of titles) ids.push(ok(await p.mutate(a, 'tenThings.candidates.propose', { planId: plan.planId, title, category: 'skills', leadDept: '宣教部', targetsText: '开展宣讲不少于20场' })).itemId);
  ok(await p.mutate(a, 'tenThings.plans.recordVote', { planId: plan.planId, representativesTotal: 3, present: 3, ballots: ids.map((candidateId) => ({ candidateId, for: 3, against: 0, abstain: 0 })) }));
  for (const id of ids) {
    const item = ok(await p.query(a, 'tenThings.items.get', { itemId: id })).item;
    ok(await p.mutate(a, 'tenThings.items.assign', { itemId: id, version: item.version, leadDept: '宣教部', coUnitIds, milestones: [] }));
  }
  return ids;
}

const createUpload = (who: typeof admin, over: Record<string, unknown> = {}) =>
  p.mutate(who, 'tenThings.evidence.createUpload', { itemId, fileName: '宣讲现场.png', contentType: 'image/png', sizeBytes: PNG.length, ...over });

const put = (upload: { uploadUrl: string; headers: Record<string, string> }, body: Uint8Array, headers: Record<string, string> = upload.headers) =>
  p.runtime.app.request(upload.uploadUrl, { method: 'PUT', headers, body });

/** The whole flow for one file; returns the evidence id once it is ready. */
async function uploaded(who = reporter, forItem = itemId, bytes = PNG): Promise<string> {
  const upload = ok(await createUpload(who, { itemId: forItem, sizeBytes: bytes.length }));
  expect((await put(upload, bytes)).status).toBe(200);
  expect(ok(await p.mutate(who, 'tenThings.evidence.complete', { evidenceId: upload.evidenceId })).status).toBe('ready');
  return upload.evidenceId;
}

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  await createTenant(p, OTHER, OTHER);
  unitId = (await createUnit(p, T)).unitId;
  otherUnitId = (await createUnit(p, T)).unitId;
  reporter = reporterOf(T, unitId);
  p.clock.set(new Date('2024-03-01T02:00:00Z'));
  [itemId = '', secondItemId = ''] = await adoptedItem(T, 2024, ['劳模宣讲', '书香润职工'], [unitId]);
  [otherTenantItemId = ''] = await adoptedItem(OTHER, 2024, ['靖江宣讲'], []);
}, 90_000);

afterAll(async () => {
  await p?.dispose();
});

describe('evidence upload', () => {
  it('a reporter of an assigned unit uploads a PNG, it is checked, attached to a report and shown on the ledger', async () => {
    const upload = ok(await createUpload(reporter));
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/png' }, fileName: '宣讲现场.png' });
    expect(upload.uploadUrl).toMatch(/^\/blobs\//);
    // Reporting with it before the upload is complete is refused.
    const early = await p.mutate(reporter, 'tenThings.progress.report', { itemId, targetIndex: 0, quantity: 2, occurredOn: '2024-02-20', evidenceIds: [upload.evidenceId] });
    expect(early.status).toBe(400);
    expect(early.error?.data.issues?.[0]?.path).toEqual(['evidenceIds.0']);
    const notYet = await p.mutate(reporter, 'tenThings.evidence.complete', { evidenceId: upload.evidenceId });
    expect(notYet.status).toBe(400);

    expect((await put(upload, PNG)).status).toBe(200);
    expect((await put(upload, PNG)).status).toBe(409); // never overwritten once stored
    const done = ok(await p.mutate(reporter, 'tenThings.evidence.complete', { evidenceId: upload.evidenceId }));
    expect(done).toMatchObject({ status: 'ready', sizeBytes: PNG.length, contentType: 'image/png', itemId });

    const r = ok(await p.mutate(reporter, 'tenThings.progress.report', { itemId, targetIndex: 0, quantity: 2, occurredOn: '2024-02-20', note: '现场照片', evidenceIds: [upload.evidenceId] }));
    expect(r.entry.evidence).toEqual([{ evidenceId: upload.evidenceId, fileName: '宣讲现场.png', contentType: 'image/png', sizeBytes: PNG.length }]);
    const { ledger } = ok(await p.query(staff, 'tenThings.items.get', { itemId }));
    expect(ledger.items[0].evidence[0].fileName).toBe('宣讲现场.png');

    // One file supports one entry.
    const again = await p.mutate(reporter, 'tenThings.progress.report', { itemId, targetIndex: 0, quantity: 1, occurredOn: '2024-02-21', evidenceIds: [upload.evidenceId] });
    expect(again.status).toBe(400);
    expect(again.error?.message).toContain('已被其他记录使用');

    // Download: a short-lived URL, audited, serving the same bytes as an attachment.
    const link = ok(await p.mutate(staff, 'tenThings.evidence.url', { evidenceId: upload.evidenceId }));
    const res = await p.runtime.app.request(link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('宣讲现场.png'));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    const audit = ok(await p.query(admin, 'audit.list', { entityType: 'tenThings.evidence' }));
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['tenThings.evidence.createUpload', 'tenThings.evidence.complete', 'tenThings.evidence.url']));
    // A download URL cannot be used to upload, nor the other way round.
    expect((await p.runtime.app.request(link.url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: PNG })).status).toBe(403);
    expect((await p.runtime.app.request(upload.uploadUrl)).status).toBe(403);
  });

  it('rejects a renamed executable declared as PNG: 400 on complete, and the record stays unusable', async () => {
    const upload = ok(await createUpload(reporter, { fileName: 'photo.png', sizeBytes: EXE.length }));
    expect((await put(upload, EXE)).status).toBe(200); // the store takes bytes; the check is complete's
    const r = await p.mutate(reporter, 'tenThings.evidence.complete', { evidenceId: upload.evidenceId });
    expect(r.status).toBe(400);
    expect(r.error?.message).toContain('内容与声明的类型不符');
    expect(r.error?.data.messageEn).toContain('does not match');
    expect((await p.mutate(reporter, 'tenThings.evidence.complete', { evidenceId: upload.evidenceId })).status).toBe(400);
    expect((await p.mutate(reporter, 'tenThings.progress.report', { itemId, targetIndex: 0, quantity: 1, occurredOn: '2024-02-22', evidenceIds: [upload.evidenceId] })).status).toBe(400);
    expect((await p.mutate(staff, 'tenThings.evidence.url', { evidenceId: upload.evidenceId })).status).toBe(400);
  });

  it('refuses an over-size declaration and a type not on the list before any URL is issued', async () => {
    const big = await createUpload(reporter, { sizeBytes: MAX_EVIDENCE_BYTES + 1 });
    expect(big.status).toBe(400);
    expect(big.error?.data.issues?.[0]?.path).toEqual(['sizeBytes']);
    expect(big.error?.message).toContain('10 MB');
    const exe = await createUpload(reporter, { fileName: 'setup.exe', contentType: 'application/x-msdownload' });
    expect(exe.status).toBe(400);
    expect(exe.error?.data.issues?.[0]?.path).toEqual(['contentType']);
  });

  it('the upload URL holds to what was declared: type, length, expiry and signature', async () => {
    const upload = ok(await createUpload(reporter));
    expect((await put(upload, PNG, { 'content-type': 'application/pdf' })).status).toBe(400);
    expect((await put(upload, PNG.subarray(0, 10))).status).toBe(400);
    expect((await put(upload, Uint8Array.from([...PNG, 1, 2, 3]))).status).toBe(413);
    const tampered = { ...upload, uploadUrl: upload.uploadUrl.replace(/.(?=\.)/, (c: string) => (c === 'A' ? 'B' : 'A')) };
    expect((await put(tampered, PNG)).status).toBe(403);
    p.clock.set(new Date('2024-03-01T02:11:00Z')); // 11 minutes later: the 10-minute URL has expired
    expect((await put(upload, PNG)).status).toBe(403);
    p.clock.set(new Date('2024-03-01T02:00:00Z'));
    expect((await put(upload, PNG)).status).toBe(200);
  });

  it("refuses evidence of another item, another tenant's evidence and a reporter of another unit", async () => {
    const ofSecond = await uploaded(reporter, secondItemId);
    const wrongItem = await p.mutate(reporter, 'tenThings.progress.report', { itemId, targetIndex: 0, quantity: 1, occurredOn: '2024-02-23', evidenceIds: [ofSecond] });
    expect(wrongItem.status).toBe(400);
    expect(wrongItem.error?.message).toContain('不属于该项目');

    const theirs = await uploaded(adminOf(OTHER), otherTenantItemId);
    const crossTenant = await p.mutate(reporter, 'tenThings.progress.report', { itemId, targetIndex: 0, quantity: 1, occurredOn: '2024-02-23', evidenceIds: [theirs] });
    expect(crossTenant.status).toBe(400);
    expect(crossTenant.error?.message).toContain('不存在');
    expect((await p.mutate(admin, 'tenThings.evidence.url', { evidenceId: theirs })).status).toBe(404);
    expect((await p.mutate(admin, 'tenThings.evidence.complete', { evidenceId: theirs })).status).toBe(404);
    expect((await p.mutate(admin, 'tenThings.evidence.createUpload', { itemId: otherTenantItemId, fileName: 'a.png', contentType: 'image/png', sizeBytes: 10 })).status).toBe(404);

    const stranger = { ...reporterOf(T, otherUnitId), sub: 'reporter-other-unit' };
    const mine = await uploaded(reporter, itemId);
    expect((await p.mutate(stranger, 'tenThings.evidence.url', { evidenceId: mine })).status).toBe(404);
    expect((await p.mutate(stranger, 'tenThings.evidence.createUpload', { itemId, fileName: 'a.png', contentType: 'image/png', sizeBytes: 10 })).status).toBe(404);
    // Nothing of this changed the item: one report only.
    expect(ok(await p.query(staff, 'tenThings.items.get', { itemId })).item.achieved).toEqual([2]);
  });

  it('a retried createUpload with the same Idempotency-Key gets the same upload back', async () => {
    const token = await p.token(staff);
    const send = async () => {
      const res = await p.runtime.app.request('/trpc/tenThings.evidence.createUpload', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'evidence-retry-0001', authorization: `Bearer ${token}` },
        body: JSON.stringify({ itemId, fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 100 }),
      });
      return ((await res.json()) as { result: { data: { evidenceId: string } } }).result.data;
    };
    const first = await send();
    expect((await send()).evidenceId).toBe(first.evidenceId);
  });
});
