import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, '321281', '321281');
  await createTenant(p, '321282', '321282');
});
afterAll(() => p?.dispose());

describe('grassroots units', () => {
  it('an admin creates a unit and finds it in the list and by id', async () => {
    const unit = await createUnit(p, '321281', { name: '兴化市测试企业工会' });
    const list = await p.query(adminOf('321281'), 'units.list', {});
    expect(list.data.items.map((u: { unitId: string }) => u.unitId)).toContain(unit.unitId);
    const got = await p.query(adminOf('321281'), 'units.get', { unitId: unit.unitId });
    expect(got.data).toMatchObject({ name: '兴化市测试企业工会', version: 1, chair: { name: '王五', phoneMasked: '138****1111' } });
  });

  it('stores the chair phone encrypted and never returns the ciphertext', async () => {
    const unit = await createUnit(p, '321281', { chair: { name: '李四', phone: '13912345678' } });
    const raw = await p.runtime.deps.table.doc.send(new GetCommand({ TableName: p.runtime.deps.table.name, Key: { pk: 'T#321281#UNIT', sk: unit.unitId } }));
    expect(JSON.stringify(raw.Item)).not.toContain('13912345678');
    expect(raw.Item?.chair.phoneEncrypted).toMatch(/^v1\./);
    const got = await p.query(adminOf('321281'), 'units.get', { unitId: unit.unitId });
    expect(JSON.stringify(got.data)).not.toContain('phoneEncrypted');
  });

  it('reveals the phone only on request and writes the unmasked read to the audit log', async () => {
    const unit = await createUnit(p, '321281', { chair: { name: '赵六', phone: '13700002222' } });
    const revealed = await p.mutate(staffOf('321281'), 'units.revealChairPhone', { unitId: unit.unitId });
    expect(revealed.data).toEqual({ phone: '13700002222' });
    const audit = await p.query(adminOf('321281'), 'audit.list', { action: 'pii.reveal' });
    expect(audit.data.items.some((a: { entityId: string; actor: string }) => a.entityId === unit.unitId && a.actor === 'staff-321281')).toBe(true);
  });

  it('rejects an enterprise union without a USCC, and a wrong check character, changing nothing', async () => {
    const before = (await p.query(adminOf('321282'), 'units.list', {})).data.items.length;
    const missing = await p.mutate(adminOf('321282'), 'units.create', { name: '无代码企业工会', type: 'enterprise', memberCount: 5, chair: { name: '甲' } });
    expect(missing.status).toBe(400);
    expect(missing.error?.data.issues?.[0]).toMatchObject({ path: ['uscc'], messageEn: expect.stringContaining('unified social credit code') });
    const wrong = await p.mutate(adminOf('321282'), 'units.create', { name: '错码企业工会', type: 'enterprise', uscc: '91320000134710930T', memberCount: 5, chair: { name: '甲' } });
    expect(wrong.status).toBe(400);
    expect(wrong.error?.data.issues?.[0]?.message).toContain('校验位');
    expect((await p.query(adminOf('321282'), 'units.list', {})).data.items.length).toBe(before);
  });

  it('refuses a second unit with the same USCC in the tenant with 409', async () => {
    const first = await createUnit(p, '321282');
    const again = await p.mutate(adminOf('321282'), 'units.create', { name: '重复工会', type: 'enterprise', uscc: first.uscc, memberCount: 1, chair: { name: '乙' } });
    expect(again.status).toBe(409);
    expect(again.error?.data.issues?.[0]?.path).toEqual(['uscc']);
  });

  it('answers a stale version with 409 and keeps the newer write', async () => {
    const unit = await createUnit(p, '321281');
    const ok = await p.mutate(adminOf('321281'), 'units.update', { unitId: unit.unitId, version: 1, memberCount: 150 });
    expect(ok.status).toBe(200);
    const stale = await p.mutate(adminOf('321281'), 'units.update', { unitId: unit.unitId, version: 1, memberCount: 999 });
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toContain('已被他人修改');
    expect((await p.query(adminOf('321281'), 'units.get', { unitId: unit.unitId })).data.memberCount).toBe(150);
  });

  // The writers retry as a client does, after a short random pause: without one, 20 writers re-read and collide in
  // lockstep, and under a loaded suite the rounds (one winner each) took over 30 s.
  it('20 concurrent conflicting updates lose no update: each retry on 409 lands exactly once', { timeout: 90_000 }, async () => {
    const unit = await createUnit(p, '321281', { memberCount: 0 });
    const increment = async () => {
      for (let attempt = 1; ; attempt++) {
        const cur = (await p.query(adminOf('321281'), 'units.get', { unitId: unit.unitId })).data;
        const res = await p.mutate(adminOf('321281'), 'units.update', { unitId: unit.unitId, version: cur.version, memberCount: cur.memberCount + 1 });
        if (res.status === 200) return 'ok';
        expect(res.status).toBe(409);
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * attempt)));
      }
    };
    const results = await Promise.all(Array.from({ length: 20 }, increment));
    expect(results).toHaveLength(20);
    const final = (await p.query(adminOf('321281'), 'units.get', { unitId: unit.unitId })).data;
    expect(final.memberCount).toBe(20);
    expect(final.version).toBe(21);
  });

  it('20 concurrent writers holding the same version: exactly one wins', async () => {
    const unit = await createUnit(p, '321281', { memberCount: 0 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => p.mutate(adminOf('321281'), 'units.update', { unitId: unit.unitId, version: 1, memberCount: i + 1 })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
  });

  it('a unit reporter sees only their own unit', async () => {
    const mine = await createUnit(p, '321282');
    const other = await createUnit(p, '321282');
    const me = reporterOf('321282', mine.unitId);
    expect((await p.query(me, 'units.list', {})).data.items.map((u: { unitId: string }) => u.unitId)).toEqual([mine.unitId]);
    expect((await p.query(me, 'units.get', { unitId: other.unitId })).status).toBe(404);
    expect((await p.mutate(me, 'units.create', { name: '越权', type: 'regional', memberCount: 1, chair: { name: '丙' } })).status).toBe(403);
  });

  it('pages with opaque cursors that another tenant cannot replay', async () => {
    for (let i = 0; i < 5; i++) await createUnit(p, '321282', { type: 'regional', uscc: undefined });
    const first = await p.query(adminOf('321282'), 'units.list', { limit: 2 });
    expect(first.data.items).toHaveLength(2);
    expect(first.data.nextCursor).toBeTypeOf('string');
    const second = await p.query(adminOf('321282'), 'units.list', { limit: 2, cursor: first.data.nextCursor });
    expect(second.data.items[0].unitId).not.toBe(first.data.items[0].unitId);
    const replayed = await p.query(adminOf('321281'), 'units.list', { limit: 2, cursor: first.data.nextCursor });
    expect(replayed.status).toBe(400);
    const forged = await p.query(adminOf('321282'), 'units.list', { cursor: `${first.data.nextCursor}x` });
    expect(forged.status).toBe(400);
  });

  it('records every mutation in the audit log with actor, action and change summary', async () => {
    const unit = await createUnit(p, '321281', { name: '审计测试工会' });
    await p.mutate(adminOf('321281'), 'units.update', { unitId: unit.unitId, version: 1, name: '审计测试工会（更名）' });
    const audit = await p.query(adminOf('321281'), 'audit.list', { entityType: 'unit' });
    const entries = audit.data.items.filter((a: { entityId: string }) => a.entityId === unit.unitId);
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['units.create', 'units.update']);
    const update = entries.find((e: { action: string }) => e.action === 'units.update');
    expect(update.changes.name).toEqual({ from: '审计测试工会', to: '审计测试工会（更名）' });
    expect(update.actor).toBe('admin-321281');
  });

  it('a create retried with the same Idempotency-Key applies once and returns the first response', async () => {
    const token = await p.token(adminOf('321282'));
    const send = () =>
      p.runtime.app.request('/trpc/units.create', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'retry-test-0001' },
        body: JSON.stringify({ name: '幂等测试工会', type: 'regional', memberCount: 3, chair: { name: '丁' } }),
      });
    const results = await Promise.all([send(), send(), send()]);
    const bodies = (await Promise.all(results.map((r) => r.json()))) as { result: { data: { unitId: string } } }[];
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(bodies.map((b) => b.result.data.unitId)).size).toBe(1);
    const list = await p.query(adminOf('321282'), 'units.list', { q: '幂等测试工会' });
    expect(list.data.items).toHaveLength(1);
  });
});
