import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntryHash, digestHash, type AuditDigest } from '@ufp/core/audit/chain';
import { HmacDigestSigner } from '@ufp/core/audit/hmac-signer';
import { newId } from '@ufp/core/ids';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { sealAuditLog } from '@ufp/db/audit-integrity';
import { keys } from '@ufp/db/keys';
import { adminOf, createTenant, createUnit, operator, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * The audit log shows tampering: every entry carries its content hash (same transaction as the change),
 * sealed digests chain them under a key the table does not hold, and audit.verify finds the first entry
 * or digest that does not match. Also: every decrypted read and every change is in the log.
 */
let p: TestPlatform;
const A = '321281';
const B = '321282';

const seal = (tenantId: string) => sealAuditLog(p.runtime.deps.table, p.runtime.deps.auditSigner, tenantId, { now: p.clock.now(), sealBefore: new Date(Date.now() + 1000) });
const verify = async (claims = adminOf(A), input?: unknown) => {
  const res = await p.query(claims, claims === operator ? 'audit.verifyPlatform' : 'audit.verify', input);
  expect(res.status, JSON.stringify(res.error)).toBe(200);
  return res.data;
};
const table = () => p.runtime.deps.table;

async function auditItems(tenantId: string): Promise<Record<string, unknown>[]> {
  const res = await table().doc.send(new QueryCommand({ TableName: table().name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(tenantId) }, ConsistentRead: true }));
  return res.Items ?? [];
}

async function digests(tenantId: string): Promise<Record<string, unknown>[]> {
  const res = await table().doc.send(new QueryCommand({ TableName: table().name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditDigestPartition(tenantId) }, ConsistentRead: true }));
  return res.Items ?? [];
}

const put = (item: Record<string, unknown>) => table().doc.send(new PutCommand({ TableName: table().name, Item: item }));

beforeAll(async () => {
  p = await startTestPlatform({ auditSealMarginMs: 0 });
  await createTenant(p, A, A);
  await createTenant(p, B, B);
});
afterAll(() => p?.dispose());

describe('audit entries carry their content hash', () => {
  it('each entry is written with the hash of what it says, and concurrent writers never contend on a chain head', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => p.mutate(adminOf(A), 'units.create', { name: `并发审计工会${i}`, type: 'regional', memberCount: 1, chair: { name: '甲' } })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const items = await auditItems(A);
    expect(items.length).toBeGreaterThanOrEqual(20);
    for (const item of items) {
      expect(item.hash).toBe(auditEntryHash(item));
      expect(item.tenantId).toBe(A);
    }
  });
});

describe('sealing and audit.verify', () => {
  it('a clean log verifies; unsealed entries are reported as such, then sealed by the daily tick', async () => {
    const before = await verify();
    expect(before.ok).toBe(true);
    expect(before.sealedThrough).toBeUndefined();
    expect(before.unsealed.count).toBeGreaterThanOrEqual(20);

    await p.scheduler.tick();
    const after = await verify();
    expect(after).toMatchObject({ ok: true, findings: [], unsealed: { count: 0 } });
    expect(after.sealedThrough.seq).toBe(1);
    expect(after.checkedEntries).toBe(before.unsealed.count);
    // The tick sealed every tenant's log and the platform's own (tenants.create is in it).
    expect((await digests(B)).length).toBe(1);
    expect((await verify(operator)).sealedThrough.seq).toBe(1);
  });

  it('an entry rewritten directly in the table (hash recomputed too) is found, with the digest that covers it', async () => {
    const [victim] = await auditItems(A);
    const forged = { ...victim!, summary: '已被篡改的摘要' };
    await put({ ...forged, hash: auditEntryHash(forged) });
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstFinding).toMatchObject({ kind: 'entry_modified', auditId: victim!.auditId, digestSeq: 1 });
    await put(victim!); // restore
    expect((await verify()).ok).toBe(true);
  });

  it('a deleted entry, and an entry inserted into a sealed range, are found', async () => {
    const items = await auditItems(A);
    const victim = items[3]!;
    await table().doc.send(new DeleteCommand({ TableName: table().name, Key: { pk: victim.pk, sk: victim.sk } }));
    expect((await verify()).firstFinding).toMatchObject({ kind: 'entry_deleted', auditId: victim.auditId });
    await put(victim);

    // An id that sorts between two sealed entries, as if written back then.
    const between = `${String(items[5]!.sk).slice(0, -1)}${String(items[5]!.sk).endsWith('Z') ? 'Y' : 'Z'}`;
    const inserted: Record<string, unknown> = { ...items[5]!, sk: between, auditId: between, summary: '事后补写' };
    await put({ ...inserted, hash: auditEntryHash(inserted) });
    const report = await verify();
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'entry_inserted', auditId: between }));
    await table().doc.send(new DeleteCommand({ TableName: table().name, Key: { pk: inserted.pk, sk: inserted.sk } }));
    expect((await verify()).ok).toBe(true);
  });

  it('a digest rewritten in the table fails its hash; one re-hashed without the key fails its MAC', async () => {
    const [digest] = await digests(A);
    const { pk, sk, kind, ...body } = digest as Record<string, unknown> & AuditDigest;
    const dropped = { ...body, entries: (body.entries as [string, string][]).slice(1) };
    await put({ ...digest, entries: dropped.entries });
    expect((await verify()).firstFinding).toMatchObject({ kind: 'digest_modified', digestSeq: 1 });

    const { digestHash: _h, mac: _m, ...unsigned } = dropped as unknown as AuditDigest;
    const rehashed = digestHash(unsigned);
    const forger = new HmacDigestSigner(Buffer.alloc(32, 7), (body as AuditDigest).keyId);
    await put({ pk, sk, kind, ...unsigned, digestHash: rehashed, mac: await forger.mac(rehashed) });
    expect((await verify()).firstFinding).toMatchObject({ kind: 'digest_bad_mac', digestSeq: 1 });
    await put(digest!);
    expect((await verify()).ok).toBe(true);
  });

  it('a missing digest breaks the chain', async () => {
    await createUnit(p, A, { type: 'regional', uscc: undefined });
    await seal(A);
    await createUnit(p, A, { type: 'regional', uscc: undefined });
    await seal(A);
    const all = await digests(A);
    expect(all).toHaveLength(3);
    await table().doc.send(new DeleteCommand({ TableName: table().name, Key: { pk: all[1]!.pk, sk: all[1]!.sk } }));
    const report = await verify();
    expect(report.findings[0]).toMatchObject({ kind: 'digest_missing', digestSeq: 2 });
    expect(report.findings.some((f: { kind: string }) => f.kind === 'entry_inserted')).toBe(true); // digest 2's entries are covered by nothing now
    await put(all[1]!);
    expect((await verify()).ok).toBe(true);
  });

  it('an unsealed entry whose content no longer matches its hash is reported; sealing records the original hash, so it stays found', async () => {
    const unit = await createUnit(p, A, { type: 'regional', uscc: undefined, name: '未封存篡改测试' });
    const entry = (await auditItems(A)).find((i) => i.entityId === unit.unitId)!;
    await put({ ...entry, summary: '改过的' });
    expect((await verify()).firstFinding).toMatchObject({ kind: 'entry_hash_mismatch', auditId: entry.auditId });
    await seal(A);
    expect((await verify()).firstFinding).toMatchObject({ kind: 'entry_modified', auditId: entry.auditId });
    await put(entry);
    expect((await verify()).ok).toBe(true);
  });

  it('a period limits the entries checked; the chain is still checked whole', async () => {
    const all = await verify();
    const none = await verify(adminOf(A), { from: '2000-01-01', to: '2000-01-02' });
    expect(none.ok).toBe(true);
    expect(none.checkedEntries).toBe(0);
    expect(none.checkedDigests).toBe(all.checkedDigests);
    const now = await verify(adminOf(A), { from: new Date(Date.now() - 3600_000).toISOString() });
    expect(now.checkedEntries).toBe(all.checkedEntries);
  });

  it('a tenant verifies only its own log; the operator verifies the platform log', async () => {
    const b = await verify(adminOf(B));
    expect(b.tenantId).toBe(B);
    expect((await p.query(staffOf(A), 'audit.verify')).status).toBe(403);
    expect((await p.query(adminOf(A), 'audit.verifyPlatform')).status).toBe(403);
    expect((await verify(operator)).tenantId).toBe('platform');
  });

  it('sealing twice seals nothing twice', async () => {
    await seal(A);
    const count = (await digests(A)).length;
    expect(await seal(A)).toEqual({ digests: 0, entries: 0 });
    expect((await digests(A)).length).toBe(count);
  });
});

describe('what the audit log records', () => {
  let unitId: string;
  const idOf = (seq: number) => {
    const first17 = `32128119860101${String(seq).padStart(3, '0')}`;
    return first17 + idNumberCheckCharacter(first17);
  };
  beforeAll(async () => {
    unitId = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '读审计工会' })).unitId;
  });
  const entriesOf = async (action: string) => (await p.query(adminOf(A), 'audit.list', { action, limit: 200 })).data.items as Record<string, any>[];

  it('hardship.files.get — a decrypted read — is audited with who, which file and which fields', async () => {
    const created = await p.mutate(reporterOf(A, unitId), 'hardship.files.create', {
      unitId,
      worker: { name: '读取测试', idNumber: idOf(1) },
      household: { members: [{ relation: '本人', name: '读取测试', health: '慢性病' }], annualIncomeFen: 1_000_000, rigidExpensesFen: 0, causes: ['疾病'], events: [] },
      consentGiven: true,
    });
    expect(created.status).toBe(200);
    const read = await p.query(staffOf(A), 'hardship.files.get', { fileId: created.data.fileId });
    expect(read.data.household.members[0].health).toBe('慢性病');
    const [entry] = (await entriesOf('pii.read')).filter((e) => e.entityId === created.data.fileId);
    expect(entry).toMatchObject({ actor: `staff-${A}`, entityType: 'hardship.file', fields: expect.arrayContaining(['household.income', 'household.health', 'household.members']) });
    expect(JSON.stringify(entry)).not.toContain('读取测试'); // the name is masked in the summary
  });

  it('settings updates are audited with before and after values', async () => {
    const current = await p.query(adminOf(A), 'tenThings.settings.get');
    await p.mutate(adminOf(A), 'tenThings.settings.update', { version: current.data.version, maxAdopted: 12, atRiskPoints: 10, behindPoints: 25 });
    const [entry] = await entriesOf('tenThings.settings.update');
    expect(entry!.changes).toMatchObject({ maxAdopted: { from: 10, to: 12 }, atRiskPoints: { from: 15, to: 10 }, behindPoints: { from: 30, to: 25 } });

    const rules = await p.query(adminOf(A), 'hardship.rules.get', { year: 2026 });
    const { version, updatedAt: _u, ...pack } = rules.data;
    const set = await p.mutate(adminOf(A), 'hardship.rules.set', { ...pack, version, noticeDays: 7, caps: { ...pack.caps, education: 600_000 } });
    expect(set.status, JSON.stringify(set.error)).toBe(200);
    const [rulesEntry] = await entriesOf('hardship.rules.set');
    expect(rulesEntry!.changes.noticeDays).toEqual({ from: pack.noticeDays, to: 7 });
    expect(rulesEntry!.changes.caps.to.education).toBe(600_000);
  });

  it('platform.tenants.create is in the platform audit log as well as the tenant’s', async () => {
    await createTenant(p, '321283', '321283');
    const platformLog = await p.query(operator, 'audit.platform', { action: 'platform.tenants.create' });
    expect(platformLog.data.items.map((e: { entityId: string }) => e.entityId)).toContain('321283');
  });

  it('notifications.markRead is audited', async () => {
    // A notification to mark: the contracts tick raises one for an offer whose reply is due.
    const { NotificationRepository } = await import('@ufp/db/repositories/notifications');
    await new NotificationRepository(table()).notify({ id: `test#${newId()}`, tenantId: A, module: 'contracts', type: 'clock_due_soon', href: '/contracts', title: { zh: '测试通知', en: 'Test' }, dueOn: '2026-12-31', createdAt: new Date().toISOString() });
    const list = await p.query(staffOf(A), 'notifications.list');
    const id = list.data.items[0].id;
    expect((await p.mutate(staffOf(A), 'notifications.markRead', { id })).status).toBe(200);
    expect((await entriesOf('notifications.markRead')).map((e) => e.entityId)).toContain(id);
  });

});
