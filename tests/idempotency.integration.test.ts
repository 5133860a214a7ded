import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { adminOf, createTenant, createUnit, operator, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * The Idempotency-Key contract (README "Retries"): the stored entry binds tenant, actor, procedure and a
 * hash of the input; a retry gets the first response even when the procedure is a versioned update or a
 * workflow step; another input under the same key is refused and applies nothing; audited reads are never
 * replayed; a malformed key is refused.
 */
let p: TestPlatform;
const A = '321281';
let unitId: string;
let keySerial = 0;
const freshKey = () => `idem-test-${String(++keySerial).padStart(4, '0')}`;

async function send(claims: Claims, path: string, input: unknown, key: string | undefined, kind: 'query' | 'mutation' = 'mutation') {
  const headers: Record<string, string> = { authorization: `Bearer ${await p.token(claims)}`, 'content-type': 'application/json' };
  if (key !== undefined) headers['idempotency-key'] = key;
  const res =
    kind === 'mutation'
      ? await p.runtime.app.request(`/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) })
      : await p.runtime.app.request(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  const body = (await res.json()) as { result?: { data: any }; error?: { message: string; data: { messageEn?: string; details?: { reason?: string }; issues?: unknown[] } } };
  return { status: res.status, data: body.result?.data, error: body.error };
}

const idOf = (seq: number) => {
  const first17 = `32128119900101${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
};

async function auditCount(action: string, entityId: string): Promise<number> {
  const res = await p.query(adminOf(A), 'audit.list', { action, limit: 200 });
  return res.data.items.filter((e: { entityId: string }) => e.entityId === entityId).length;
}

async function draftFile(seq: number) {
  const res = await p.mutate(reporterOf(A, unitId), 'hardship.files.create', {
    unitId,
    worker: { name: `幂等${seq}`, idNumber: idOf(seq), phone: '13812345678' },
    household: { members: [{ relation: '本人', name: `幂等${seq}` }, { relation: '子女', name: '子' }], annualIncomeFen: 2_400_000, rigidExpensesFen: 600_000, causes: ['疾病'], events: [] },
    consentGiven: true,
  });
  expect(res.status).toBe(200);
  return res.data as { fileId: string; version: number };
}

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, A, A);
  unitId = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '幂等测试工会' })).unitId;
});
afterAll(() => p?.dispose());

describe('Idempotency-Key', () => {
  it('the same key with a different input is refused with idempotency_key_reused, and nothing is applied', async () => {
    const key = freshKey();
    const first = await send(adminOf(A), 'units.create', { name: '幂等甲工会', type: 'regional', memberCount: 5, chair: { name: '甲' } }, key);
    expect(first.status).toBe(200);
    const other = await send(adminOf(A), 'units.create', { name: '幂等乙工会', type: 'regional', memberCount: 5, chair: { name: '乙' } }, key);
    expect(other.status).toBe(409);
    expect(other.error?.data.details?.reason).toBe('idempotency_key_reused');
    expect(other.error?.message).toContain('幂等键');
    expect(other.error?.data.messageEn).toMatch(/Idempotency-Key was used for a different request/);
    expect((await p.query(adminOf(A), 'units.list', { q: '幂等乙工会' })).data.items).toHaveLength(0);
  });

  it('the same input in another key order is the same request', async () => {
    const key = freshKey();
    const a = await send(adminOf(A), 'units.create', { name: '键序工会', type: 'regional', memberCount: 7, chair: { name: '丙' } }, key);
    const b = await send(adminOf(A), 'units.create', { chair: { name: '丙' }, memberCount: 7, type: 'regional', name: '键序工会' }, key);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.data.unitId).toBe(a.data.unitId);
  });

  it('another caller, or another procedure, reusing a key is refused', async () => {
    const key = freshKey();
    const unit = await createUnit(p, A, { type: 'regional', uscc: undefined });
    expect((await send(adminOf(A), 'units.update', { unitId: unit.unitId, version: unit.version, memberCount: 11 }, key)).status).toBe(200);
    const otherActor: Claims = { sub: 'admin2-321281', roles: ['federation_admin'], tenantId: A };
    const byOther = await send(otherActor, 'units.update', { unitId: unit.unitId, version: unit.version, memberCount: 11 }, key);
    expect(byOther.status).toBe(409);
    expect(byOther.error?.data.details?.reason).toBe('idempotency_key_reused');
    const otherProcedure = await send(adminOf(A), 'users.create', { name: '某人', roles: ['federation_staff'] }, key);
    expect(otherProcedure.status).toBe(409);
    expect(otherProcedure.error?.data.details?.reason).toBe('idempotency_key_reused');
    expect((await p.query(adminOf(A), 'users.list', {})).data.items.filter((u: { name: string }) => u.name === '某人')).toHaveLength(0);
  });

  it('a retried versioned update gets the first response instead of a stale-version 409', async () => {
    const unit = await createUnit(p, A, { type: 'regional', uscc: undefined });
    const key = freshKey();
    const input = { unitId: unit.unitId, version: unit.version, memberCount: 321 };
    const first = await send(adminOf(A), 'units.update', input, key);
    expect(first.status).toBe(200);
    const retry = await send(adminOf(A), 'units.update', input, key);
    expect(retry.status).toBe(200);
    expect(retry.data).toEqual(first.data);
    const stored = await p.query(adminOf(A), 'units.get', { unitId: unit.unitId });
    expect(stored.data.version).toBe(unit.version + 1);
    expect(await auditCount('units.update', unit.unitId)).toBe(1);
    // Without the key the same request is what it is: a stale write.
    expect((await send(adminOf(A), 'units.update', input, undefined)).status).toBe(409);
  });

  it('a retried workflow step (files.submit) gets the first response instead of a wrong-state 409', async () => {
    const file = await draftFile(1);
    const key = freshKey();
    const input = { fileId: file.fileId, version: file.version };
    const first = await send(reporterOf(A, unitId), 'hardship.files.submit', input, key);
    expect(first.status).toBe(200);
    expect(first.data.status).toBe('submitted');
    const retry = await send(reporterOf(A, unitId), 'hardship.files.submit', input, key);
    expect(retry.status).toBe(200);
    expect(retry.data).toEqual(first.data);
    expect(await auditCount('hardship.files.submit', file.fileId)).toBe(1);
  });

  it('concurrent twins of one versioned update both get the one response, applied once', async () => {
    const unit = await createUnit(p, A, { type: 'regional', uscc: undefined });
    const key = freshKey();
    const input = { unitId: unit.unitId, version: unit.version, memberCount: 55 };
    const results = await Promise.all(Array.from({ length: 4 }, () => send(adminOf(A), 'units.update', input, key)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
    expect((await p.query(adminOf(A), 'units.get', { unitId: unit.unitId })).data.version).toBe(unit.version + 1);
    expect(await auditCount('units.update', unit.unitId)).toBe(1);
  });

  it('reveals of personal data are never replayed: each call runs and is audited', async () => {
    const file = await draftFile(2);
    const key = freshKey();
    for (let i = 0; i < 8; i++) {
      const res = await send(staffOf(A), 'hardship.files.reveal', { fileId: file.fileId, field: 'idNumber' }, key);
      expect(res.status).toBe(200);
      expect(res.data.value).toBe(idOf(2));
    }
    expect(await auditCount('pii.reveal', file.fileId)).toBe(8);
  });

  it('a decrypted read (files.get) and an export sent with a key are still audited every time', async () => {
    const file = await draftFile(3);
    const key = freshKey();
    for (let i = 0; i < 3; i++) expect((await send(staffOf(A), 'hardship.files.get', { fileId: file.fileId }, key, 'query')).status).toBe(200);
    expect(await auditCount('pii.read', file.fileId)).toBe(3);
  });

  it('a malformed key is refused with a 400 that says so, and nothing is applied', async () => {
    for (const bad of ['short', 'has space in it', 'bad*chars!!key', 'x'.repeat(101)]) {
      const res = await send(adminOf(A), 'units.create', { name: `坏键工会${bad.length}`, type: 'regional', memberCount: 1, chair: { name: '丁' } }, bad);
      expect(res.status, bad).toBe(400);
      expect(res.error?.message).toContain('Idempotency-Key');
      expect(res.error?.data.messageEn).toMatch(/Malformed Idempotency-Key/);
    }
    expect((await p.query(adminOf(A), 'units.list', { q: '坏键工会' })).data.items).toHaveLength(0);
  });

  it('operator procedures honour keys too (platform log scope)', async () => {
    const key = freshKey();
    const input = { id: '321283', name: '泰兴市总工会', level: 'county', divisionCode: '321283' };
    const first = await send(operator, 'platform.tenants.create', input, key);
    expect(first.status).toBe(200);
    const retry = await send(operator, 'platform.tenants.create', input, key);
    expect(retry.status).toBe(200);
    expect(retry.data).toEqual(first.data);
  });

  it('a key is scoped to its tenant: the same key in another tenant is another request', async () => {
    await createTenant(p, '321282', '321282');
    const key = freshKey();
    const a = await send(adminOf(A), 'units.create', { name: '同键甲', type: 'regional', memberCount: 1, chair: { name: '甲' } }, key);
    const b = await send(adminOf('321282'), 'units.create', { name: '同键乙', type: 'regional', memberCount: 1, chair: { name: '乙' } }, key);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.data.unitId).not.toBe(a.data.unitId);
  });
});
