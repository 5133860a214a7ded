import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** The user directory searched on the server, the audit log naming people, and a reporter correcting their unit's contact. */
let p: TestPlatform;
const A = '321281';
let unitId: string;
let otherUnit: string;

async function ok<T = any>(res: Promise<{ status: number; data: T; error?: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, A, A);
  unitId = (await createUnit(p, A, { name: '兴化市联系方式测试工会', chair: { name: '王五', phone: '13800001111' } })).unitId;
  otherUnit = (await createUnit(p, A, { name: '兴化市别家测试工会' })).unitId;
  await ok(p.mutate(adminOf(A), 'users.create', { name: '陈晓东', roles: ['federation_staff'], loginId: 'chenxd' }));
  await ok(p.mutate(adminOf(A), 'users.create', { name: '陈丽', roles: ['unit_reporter'], unitId }));
  const off = await ok(p.mutate(adminOf(A), 'users.create', { name: '刘停用', roles: ['federation_staff'] }));
  await ok(p.mutate(adminOf(A), 'users.disable', { userId: off.userId, reason: '已调离岗位' }));
});
afterAll(() => p?.dispose());

const names = (page: { items: { name: string }[] }) => page.items.map((u) => u.name).sort();

describe('the user directory, searched on the server', () => {
  it('by a part of the name or of the login identifier', async () => {
    expect(names(await ok(p.query(adminOf(A), 'users.list', { q: '陈' })))).toEqual(['陈丽', '陈晓东']);
    expect(names(await ok(p.query(adminOf(A), 'users.list', { q: 'chenx' })))).toEqual(['陈晓东']);
  });
  it('by role and by status (an entry without a status is active)', async () => {
    expect(names(await ok(p.query(adminOf(A), 'users.list', { role: 'unit_reporter' })))).toEqual(['陈丽']);
    expect(names(await ok(p.query(adminOf(A), 'users.list', { status: 'disabled' })))).toEqual(['刘停用']);
    expect(names(await ok(p.query(adminOf(A), 'users.list', { status: 'active' })))).not.toContain('刘停用');
  });
  it('pages through a filtered directory with the cursor', async () => {
    const one = await ok(p.query(adminOf(A), 'users.list', { q: '陈', limit: 1 }));
    const two = await ok(p.query(adminOf(A), 'users.list', { q: '陈', limit: 1, cursor: one.nextCursor }));
    expect([...names(one), ...names(two)].sort()).toEqual(['陈丽', '陈晓东']);
  });
  it('the unfiltered call still answers as before', async () => {
    expect((await ok(p.query(adminOf(A), 'users.list', {}))).items.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the audit log names people', () => {
  it('操作人 resolved from the directory; an actor outside it keeps its subject only', async () => {
    const created = await ok(p.query(adminOf(A), 'users.list', { q: '陈晓东' }));
    const staff: Claims = { sub: created.items[0].userId, roles: ['federation_staff'], tenantId: A };
    await ok(p.mutate(staff, 'units.revealChairPhone', { unitId }));
    const log = await ok(p.query(adminOf(A), 'audit.list', { action: 'pii.reveal' }));
    expect(log.items[0]).toMatchObject({ actor: staff.sub, actorName: '陈晓东' });
    const byName = await ok(p.query(adminOf(A), 'audit.list', { actor: '陈晓东' }));
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((e: { actor: string }) => e.actor === staff.sub)).toBe(true);
    const byAdmin = await ok(p.query(adminOf(A), 'audit.list', { action: 'users.create' }));
    expect(byAdmin.items[0]).toMatchObject({ actor: 'admin-321281' });
    expect(byAdmin.items[0].actorName).toBeUndefined();
  });
});

describe("a reporter corrects their own unit's contact details", () => {
  it('changes the chair, audited, phone masked; the other fields stay', async () => {
    const before = await ok(p.query(adminOf(A), 'units.get', { unitId }));
    const after = await ok(p.mutate(reporterOf(A, unitId), 'units.updateContact', { unitId, version: before.version, chair: { name: '王新', phone: '13900002222' } }));
    expect(after).toMatchObject({ name: before.name, type: before.type, uscc: before.uscc, version: before.version + 1, chair: { name: '王新', phoneMasked: '139****2222' } });
    const log = await ok(p.query(adminOf(A), 'audit.list', { action: 'units.updateContact' }));
    expect(log.items[0]).toMatchObject({ entityId: unitId, actor: `reporter-${A}`, changes: { 'chair.name': { from: '王五', to: '王新' }, 'chair.phone': { from: '***', to: '***' } } });
    expect(JSON.stringify(log.items[0])).not.toContain('13900002222');
  });
  it('a phone left out stays; null removes it', async () => {
    const u = await ok(p.query(adminOf(A), 'units.get', { unitId }));
    const kept = await ok(p.mutate(reporterOf(A, unitId), 'units.updateContact', { unitId, version: u.version, chair: { name: '王新新' } }));
    expect(kept.chair).toEqual({ name: '王新新', phoneMasked: '139****2222' });
    expect((await ok(p.mutate(adminOf(A), 'units.revealChairPhone', { unitId }))).phone).toBe('13900002222');
    const removed = await ok(p.mutate(staffOf(A), 'units.updateContact', { unitId, version: kept.version, chair: { name: '王新新', phone: null } }));
    expect(removed.chair.phoneMasked).toBeUndefined();
  });
  it('refuses the identity fields (400 naming the field) and changes nothing', async () => {
    const u = await ok(p.query(adminOf(A), 'units.get', { unitId }));
    const res = await p.mutate(reporterOf(A, unitId), 'units.updateContact', { unitId, version: u.version, chair: { name: '王新新' }, name: '改名工会' });
    expect(res.status).toBe(400);
    expect(res.error?.data.issues?.[0]?.path).toEqual(['name']);
    expect((await ok(p.query(adminOf(A), 'units.get', { unitId }))).version).toBe(u.version);
  });
  it("another unit is not found to the reporter; units.update stays the admin's", async () => {
    const other = await ok(p.query(adminOf(A), 'units.get', { unitId: otherUnit }));
    expect((await p.mutate(reporterOf(A, unitId), 'units.updateContact', { unitId: otherUnit, version: other.version, chair: { name: '某' } })).status).toBe(404);
    expect((await p.mutate(reporterOf(A, unitId), 'units.update', { unitId, version: 1, name: '改名' })).status).toBe(403);
  });
});
