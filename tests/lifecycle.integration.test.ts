import { createPrivateKey, sign as signBytes, type JsonWebKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '@ufp/api/app';
import { createTokenVerifier, LOCAL_AUDIENCE, LOCAL_ISSUER, signLocalToken, type Claims } from '@ufp/kit/auth';
import { NotificationRepository } from '@ufp/db/repositories/notifications';
import { TenantRepository } from '@ufp/db/repositories/tenants';
import { UserRepository } from '@ufp/db/repositories/users';
import { adminOf, createTenant, createUnit, leaderOf, operator, staffOf, startTestPlatform, type ApiResult, type TestPlatform } from '@ufp/testing/platform';

/**
 * Tenants and users have a lifecycle: an operator suspends and reactivates a federation; an admin edits,
 * disables and enables users and assigns staff to modules; the directory decides what a still-valid token
 * may do within seconds; tokens without an end, too long-lived or from the future are refused.
 */
const T = '321281'; // suspended and reactivated below
const OTHER = '321282'; // stays active throughout
const CITY = '3212';
const year = new Date().getUTCFullYear();

let p: TestPlatform;
let unitA: string;
let unitB: string;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  await createTenant(p, OTHER, OTHER);
  await createTenant(p, CITY, '321200', 'city', '泰州市总工会');
  unitA = (await createUnit(p, T, { name: '生命周期测试甲工会' })).unitId;
  unitB = (await createUnit(p, T, { name: '生命周期测试乙工会' })).unitId;
  await createUnit(p, OTHER, { name: '靖江测试工会' });
  await p.settle();
});
afterAll(() => p?.dispose());

const ok = <T>(res: ApiResult<T>, what: string): T => {
  expect(res.status, `${what}: ${JSON.stringify(res.error)}`).toBe(200);
  return res.data;
};

/** Another API instance over the same table, with its own caches (as a second Lambda would have). */
function secondInstance() {
  const deps = { ...p.runtime.deps, tenants: new TenantRepository(p.runtime.deps.table), users: new UserRepository(p.runtime.deps.table, p.runtime.deps.cursors) };
  const app = createApp({ deps, composition: p.runtime.composition, verifier: createTokenVerifier({ kind: 'local', keys: p.signing }), health: async () => ({ ok: true }) });
  return async (claims: Claims, path: string, input?: unknown) => {
    const headers = { authorization: `Bearer ${await p.token(claims)}` };
    const res = await app.request(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers });
    return res.status;
  };
}

/** Runs `fn` with the wall clock (Date only) moved `ms` ahead: the caches' windows are measured with it. */
async function later<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(Date.now() + ms);
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

const publicCalls = (tenantId: string) =>
  [
    ['hardship.selfTest', 'query', { tenantId, householdSize: 3, annualIncomeFen: 100, rigidExpensesFen: 0 }],
    ['hardship.notices.list', 'query', { tenantId }],
    ['tenThings.public.item', 'query', { tenantId, itemId: 'no-such-item' }],
    ['tenThings.public.rate', 'mutation', { tenantId, itemId: 'no-such-item', score: 5 }],
  ] as const;

describe('a suspended tenant', () => {
  let suspended: { version: number; status: string; suspendReason?: string; suspendedBy?: string; suspendedAt?: string };

  it('before: its users work and its public pages answer', async () => {
    ok(await p.query(adminOf(T), 'units.list', {}), 'units.list');
    ok(await p.query(adminOf(T), 'rollups.overview', { year }), 'rollups');
    for (const [path, kind, input] of publicCalls(T)) expect([200, 404]).toContain((await p.call(null, path, input, kind)).status);
  });

  it('the operator suspends it with a reason; its users get 403 所属租户已停用 at once on tenant and rollup calls', async () => {
    const remote = secondInstance();
    expect(await remote(adminOf(T), 'units.list', {})).toBe(200); // the other instance caches the tenant as active

    suspended = ok(await p.mutate(operator, 'platform.tenants.suspend', { tenantId: T, reason: '服务合同到期未续签' }), 'suspend');
    expect(suspended).toMatchObject({ status: 'suspended', suspendReason: '服务合同到期未续签', suspendedBy: operator.sub });
    expect(suspended.suspendedAt).toBeTruthy();

    for (const [claims, path, input] of [
      [adminOf(T), 'units.list', {}],
      [staffOf(T), 'hardship.files.list', {}],
      [adminOf(T), 'users.list', {}],
      [adminOf(T), 'rollups.overview', { year }],
      [staffOf(T), 'rollups.overview', { year }],
      [{ sub: 'leader-t', roles: ['leadership_viewer'], tenantId: T, scope: T }, 'rollups.overview', { year }],
    ] as const) {
      const res = await p.query(claims as Claims, path, input);
      expect(res.status, `${path}: ${JSON.stringify(res.error)}`).toBe(403);
      expect(res.error?.message).toBe('所属租户已停用');
      expect(res.error?.data.messageEn).toBe("Your federation's account is suspended");
    }
    const write = await p.mutate(adminOf(T), 'units.create', { name: '停用后新建工会', type: 'regional', memberCount: 1, chair: { name: '甲' } });
    expect(write.status).toBe(403);

    // `me` still answers, saying why.
    expect(ok(await p.query(adminOf(T), 'me'), 'me').tenant).toMatchObject({ id: T, status: 'suspended' });
    // Another tenant is untouched.
    ok(await p.query(adminOf(OTHER), 'units.list', {}), 'other tenant');

    // The other API instance refuses once its 5 s cache window has passed.
    expect(await later(5_001, () => remote(adminOf(T), 'units.list', {}))).toBe(403);
  });

  it('its public pages answer 403 服务已暂停 (an unknown tenant stays 404)', async () => {
    for (const [path, kind, input] of publicCalls(T)) {
      const res = await p.call(null, path, input, kind);
      expect(res.status, path).toBe(403);
      expect(res.error?.message).toContain('服务已暂停');
      expect(res.error?.data.messageEn).toContain('Service paused');
    }
    // A tenant that does not exist is still simply not found.
    expect((await p.query(null, 'hardship.notices.list', { tenantId: 'nosuchtenant' })).status).toBe(404);
  });

  it('its history stays in the rollups, its row marked suspended, and the operator lists it with status, reason, when and who', async () => {
    const overview = ok(await p.query(leaderOf('32'), 'rollups.overview', { year }), 'overview');
    const row = overview.rows.find((r: { tenantId: string }) => r.tenantId === T);
    expect(row).toMatchObject({ status: 'suspended', metrics: { 'units.count': 2 } });
    expect(overview.rows.find((r: { tenantId: string }) => r.tenantId === OTHER)).toMatchObject({ status: 'active' });
    expect(overview.totals['units.count']).toBe(3);

    const listed = ok(await p.query(operator, 'platform.tenants.list'), 'list').items.find((t: { id: string }) => t.id === T);
    expect(listed).toMatchObject({ status: 'suspended', suspendReason: '服务合同到期未续签', suspendedBy: operator.sub, suspendedAt: suspended.suspendedAt });
  });

  it('suspending twice is a 409; reactivation restores every call; reactivating twice is a 409', async () => {
    const again = await p.mutate(operator, 'platform.tenants.suspend', { tenantId: T, reason: '再次停用' });
    expect(again.status).toBe(409);
    const back = ok(await p.mutate(operator, 'platform.tenants.reactivate', { tenantId: T }), 'reactivate');
    expect(back).toMatchObject({ status: 'active', version: suspended.version + 1 });
    expect(back.suspendReason).toBeUndefined();
    ok(await p.query(adminOf(T), 'units.list', {}), 'units.list after reactivation');
    ok(await p.query(adminOf(T), 'rollups.overview', { year }), 'rollups after reactivation');
    expect((await p.query(null, 'hardship.notices.list', { tenantId: T })).status).toBe(200);
    expect((await p.mutate(operator, 'platform.tenants.reactivate', { tenantId: T })).status).toBe(409);
  });

  it('suspension and reactivation are audited in the platform log and in the tenant log', async () => {
    const platformLog = ok(await p.query(operator, 'audit.platform', { limit: 50 }), 'audit.platform').items as { action: string; entityId: string; summary: string }[];
    const tenantLog = ok(await p.query(adminOf(T), 'audit.list', { limit: 50 }), 'audit.list').items as { action: string; entityId: string; summary: string }[];
    for (const log of [platformLog, tenantLog]) {
      const suspend = log.find((e) => e.action === 'platform.tenants.suspend' && e.entityId === T);
      expect(suspend?.summary).toContain('服务合同到期未续签');
      expect(log.some((e) => e.action === 'platform.tenants.reactivate' && e.entityId === T)).toBe(true);
    }
  });

  it('the operator edits name and contact (versioned, audited, the contact phone never in the log); unknown tenant 404, bad input 400', async () => {
    const before = ok(await p.query(operator, 'platform.tenants.list'), 'list').items.find((t: { id: string }) => t.id === OTHER);
    const updated = ok(
      await p.mutate(operator, 'platform.tenants.update', { tenantId: OTHER, version: before.version, name: '靖江市总工会（新）', contact: { name: '办公室', phone: '0523-84812345' } }),
      'update',
    );
    expect(updated).toMatchObject({ name: '靖江市总工会（新）', contact: { name: '办公室', phone: '0523-84812345' }, version: before.version + 1 });
    const stale = await p.mutate(operator, 'platform.tenants.update', { tenantId: OTHER, version: before.version, name: '过期版本' });
    expect(stale.status).toBe(409);
    expect((await p.mutate(operator, 'platform.tenants.update', { tenantId: 'nosuchtenant', version: 1, name: '不存在' })).status).toBe(404);
    const badPhone = await p.mutate(operator, 'platform.tenants.update', { tenantId: OTHER, version: updated.version, contact: { phone: '12345' } });
    expect(badPhone.status).toBe(400);
    expect(badPhone.error?.data.issues?.[0]?.path).toEqual(['contact', 'phone']);

    const entry = (ok(await p.query(operator, 'audit.platform', { limit: 20 }), 'audit').items as { action: string; changes?: unknown }[]).find((e) => e.action === 'platform.tenants.update');
    expect(entry?.changes).toMatchObject({ name: { to: '靖江市总工会（新）' }, contact: { to: { name: '办公室', phone: '***' } } });
    expect(JSON.stringify(entry)).not.toContain('84812345');
    // The new name is what a member sees on a public page.
    expect(ok(await p.query(null, 'hardship.notices.list', { tenantId: OTHER }), 'notices').tenant.name).toBe('靖江市总工会（新）');
  });
});

describe('users: edit, disable, enable', () => {
  const mine = (userId: string, extra: Partial<Claims> = {}): Claims => ({ sub: userId, roles: ['federation_staff'], tenantId: T, ...extra });

  it('creates a user with a login id: a phone is shown masked, unique per tenant (not across tenants)', async () => {
    const created = ok(await p.mutate(adminOf(T), 'users.create', { name: '登录测试', roles: ['federation_staff'], loginId: '13912345678' }), 'create');
    expect(created).toMatchObject({ loginId: '139****5678', loginKind: 'phone', status: 'active', version: 1 });
    expect(JSON.stringify(ok(await p.query(adminOf(T), 'users.list', { limit: 200 }), 'list'))).not.toContain('13912345678');
    const twice = await p.mutate(adminOf(T), 'users.create', { name: '重复登录', roles: ['federation_staff'], loginId: ' 13912345678 ' });
    expect(twice.status).toBe(409);
    expect(twice.error?.data.issues?.[0]?.path).toEqual(['loginId']);
    ok(await p.mutate(adminOf(OTHER), 'users.create', { name: '他处同号', roles: ['federation_staff'], loginId: '13912345678' }), 'same phone in another tenant');
    const account = ok(await p.mutate(adminOf(T), 'users.create', { name: '账号登录', roles: ['federation_staff'], loginId: 'Wang.Li' }), 'account');
    expect(account).toMatchObject({ loginId: 'wang.li', loginKind: 'account' });
    const bad = await p.mutate(adminOf(T), 'users.create', { name: '坏登录', roles: ['federation_staff'], loginId: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.error?.data.issues?.[0]).toMatchObject({ path: ['loginId'] });
    expect(bad.error?.data.issues?.[0]?.messageEn).toMatch(/mobile number/);
  });

  it('an edited role applies to the same still-valid token at once', async () => {
    const user = ok(await p.mutate(adminOf(T), 'users.create', { name: '升级用户', roles: ['federation_staff'] }), 'create');
    expect((await p.query(mine(user.userId), 'users.list', {})).status).toBe(403);
    const updated = ok(await p.mutate(adminOf(T), 'users.update', { userId: user.userId, version: 1, roles: ['federation_admin'], name: '升级用户（管理员）' }), 'update');
    expect(updated).toMatchObject({ roles: ['federation_admin'], version: 2 });
    ok(await p.query(mine(user.userId), 'users.list', {}), 'users.list with the old token');
    expect(ok(await p.query(mine(user.userId), 'me'), 'me')).toMatchObject({ roles: ['federation_admin'], name: '升级用户（管理员）' });

    const audit = (ok(await p.query(adminOf(T), 'audit.list', { limit: 20 }), 'audit').items as { action: string; entityId: string; changes?: unknown }[]).find((e) => e.action === 'users.update' && e.entityId === user.userId);
    expect(audit?.changes).toEqual({ name: { from: '升级用户', to: '升级用户（管理员）' }, roles: { from: ['federation_staff'], to: ['federation_admin'] } });

    expect((await p.mutate(adminOf(T), 'users.update', { userId: user.userId, version: 1, name: '过期' })).status).toBe(409);
  });

  it("a unit reporter's new unit binding applies at once; a unit of another tenant is not found", async () => {
    const reporter = ok(await p.mutate(adminOf(T), 'users.create', { name: '换绑填报员', roles: ['unit_reporter'], unitId: unitA }), 'create');
    const token = mine(reporter.userId, { roles: ['unit_reporter'], unitId: unitA });
    ok(await p.query(token, 'units.get', { unitId: unitA }), 'own unit');
    ok(await p.mutate(adminOf(T), 'users.update', { userId: reporter.userId, version: 1, unitId: unitB }), 'rebind');
    expect((await p.query(token, 'units.get', { unitId: unitA })).status).toBe(404);
    ok(await p.query(token, 'units.get', { unitId: unitB }), 'new unit');
    const otherUnit = (await createUnit(p, OTHER, { name: '他处工会' })).unitId;
    expect((await p.mutate(adminOf(T), 'users.update', { userId: reporter.userId, version: 2, unitId: otherUnit })).status).toBe(404);
    // Becoming staff drops the binding; a binding for staff is refused.
    const staff = ok(await p.mutate(adminOf(T), 'users.update', { userId: reporter.userId, version: 2, roles: ['federation_staff'] }), 'to staff');
    expect(staff.unitId).toBeUndefined();
    const bound = await p.mutate(adminOf(T), 'users.update', { userId: reporter.userId, version: 3, unitId: unitA });
    expect(bound.status).toBe(400);
    expect(bound.error?.data.issues?.[0]?.path).toEqual(['unitId']);
  });

  it("a disabled user's still-valid token is refused with 401 账号已停用 (here at once, on another instance within 5 s); enable restores it", async () => {
    const user = ok(await p.mutate(adminOf(T), 'users.create', { name: '停用测试', roles: ['federation_staff'] }), 'create');
    const remote = secondInstance();
    expect(await remote(mine(user.userId), 'units.list', {})).toBe(200);
    ok(await p.query(mine(user.userId), 'units.list', {}), 'before');

    const disabled = ok(await p.mutate(adminOf(T), 'users.disable', { userId: user.userId, reason: '调离岗位' }), 'disable');
    expect(disabled).toMatchObject({ status: 'disabled', disabledReason: '调离岗位', disabledBy: adminOf(T).sub });
    for (const path of ['units.list', 'me']) {
      const res = await p.query(mine(user.userId), path, path === 'me' ? undefined : {});
      expect(res.status, path).toBe(401);
      expect(res.error?.message).toContain('账号已停用');
      expect(res.error?.data.messageEn).toContain('account is disabled');
    }
    expect(await later(5_001, () => remote(mine(user.userId), 'units.list', {}))).toBe(401);
    expect((await p.mutate(adminOf(T), 'users.disable', { userId: user.userId, reason: '再次停用' })).status).toBe(409);

    const enabled = ok(await p.mutate(adminOf(T), 'users.enable', { userId: user.userId }), 'enable');
    expect(enabled).toMatchObject({ status: 'active', version: 3 });
    expect(enabled.disabledReason).toBeUndefined();
    ok(await p.query(mine(user.userId), 'units.list', {}), 'after enable');
    expect((await p.mutate(adminOf(T), 'users.enable', { userId: user.userId })).status).toBe(409);

    const actions = (ok(await p.query(adminOf(T), 'audit.list', { limit: 30 }), 'audit').items as { action: string; entityId: string; changes?: unknown }[])
      .filter((e) => e.entityId === user.userId)
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['users.create', 'users.disable', 'users.enable']));
  });

  it('a directory entry never widens: it applies only in its own tenant, and grants tenant roles only', async () => {
    const user = ok(await p.mutate(adminOf(T), 'users.create', { name: '不扩权', roles: ['federation_admin'] }), 'create');
    // The same subject named by a token of another tenant is not this entry: that token's own (staff) claims count.
    expect((await p.query({ sub: user.userId, roles: ['federation_staff'], tenantId: OTHER }, 'users.list', {})).status).toBe(403);
    // A token that claims the operator role in the tenant: the entry replaces its roles, the operator role is gone.
    expect((await p.query({ sub: user.userId, roles: ['platform_operator'], tenantId: T }, 'platform.tenants.list')).status).toBe(403);
    ok(await p.query({ sub: user.userId, roles: ['platform_operator'], tenantId: T }, 'users.list', {}), 'admin by the directory');
  });

  it('refuses modules for anyone but staff, and a reporter without a unit', async () => {
    const admin = await p.mutate(adminOf(T), 'users.create', { name: '管理员带模块', roles: ['federation_admin', 'federation_staff'], modules: ['hardship'] });
    expect(admin.status).toBe(400);
    expect(admin.error?.data.issues?.[0]?.path).toEqual(['modules']);
    const reporter = await p.mutate(adminOf(T), 'users.create', { name: '无单位填报员', roles: ['unit_reporter'] });
    expect(reporter.status).toBe(400);
    expect((await p.mutate(adminOf(T), 'users.update', { userId: 'no-such-user', version: 1, name: '不存在' })).status).toBe(404);
    expect((await p.mutate(adminOf(T), 'users.disable', { userId: 'no-such-user', reason: '不存在' })).status).toBe(404);
  });
});

describe('at least one admin remains', () => {
  const tenant = '321283';
  const as = (userId: string): Claims => ({ sub: userId, roles: ['federation_admin'], tenantId: tenant });
  let first: { userId: string; version: number };

  beforeAll(async () => {
    await createTenant(p, tenant, tenant);
    first = ok(await p.mutate(adminOf(tenant), 'users.create', { name: '唯一管理员', roles: ['federation_admin'] }), 'first admin');
  });

  it('the only active admin can neither disable nor demote themselves (409 至少保留一名管理员), and nothing changes', async () => {
    const disable = await p.mutate(as(first.userId), 'users.disable', { userId: first.userId, reason: '自我停用' });
    expect(disable.status).toBe(409);
    expect(disable.error?.message).toContain('至少保留一名管理员');
    expect(disable.error?.data.messageEn).toMatch(/At least one administrator/);
    const demote = await p.mutate(as(first.userId), 'users.update', { userId: first.userId, version: first.version, roles: ['federation_staff'] });
    expect(demote.status).toBe(409);
    const listed = ok(await p.query(as(first.userId), 'users.list', {}), 'list').items.find((u: { userId: string }) => u.userId === first.userId);
    expect(listed).toMatchObject({ status: 'active', roles: ['federation_admin'], version: 1 });
  });

  it('with a second admin either may go; two admins disabling each other at once: exactly one succeeds (8 rounds)', async () => {
    let survivor = first.userId;
    for (let round = 0; round < 8; round++) {
      const second = ok(await p.mutate(as(survivor), 'users.create', { name: `第二管理员${round}`, roles: ['federation_admin'] }), 'second admin');
      const [a, b] = await Promise.all([
        p.mutate(as(survivor), 'users.disable', { userId: second.userId, reason: '互相停用' }),
        p.mutate(as(second.userId), 'users.disable', { userId: survivor, reason: '互相停用' }),
      ]);
      // One wins; the other is refused (the last admin's change, or its caller is disabled by now): never both.
      expect([a.status, b.status].filter((s) => s === 200), `round ${round}: ${JSON.stringify([a.error?.message, b.error?.message])}`).toHaveLength(1);
      expect([401, 409]).toContain(a.status === 200 ? b.status : a.status);
      const users = ok(await p.query(adminOf(tenant), 'users.list', { limit: 200 }), 'list').items as { userId: string; roles: string[]; status: string }[];
      const active = users.filter((u) => u.roles.includes('federation_admin') && u.status === 'active');
      expect(active, `round ${round}`).toHaveLength(1);
      survivor = active[0]!.userId;
    }
  });
});

describe('module assignment', () => {
  let hardshipOnly: Claims;

  beforeAll(async () => {
    const user = ok(await p.mutate(adminOf(T), 'users.create', { name: '帮扶干事', roles: ['federation_staff'], modules: ['hardship'] }), 'create');
    expect(user.modules).toEqual(['hardship']);
    hardshipOnly = { sub: user.userId, roles: ['federation_staff'], tenantId: T };
    const notifications = new NotificationRepository(p.runtime.deps.table);
    const base = { tenantId: T, type: 'test', createdAt: new Date().toISOString() };
    await notifications.notify({ ...base, id: 'n-hardship', module: 'hardship', href: '/hardship', title: { zh: '帮扶提醒', en: 'Hardship reminder' } });
    await notifications.notify({ ...base, id: 'n-contracts', module: 'contracts', href: '/contracts', title: { zh: '合同提醒', en: 'Contract reminder' } });
  });

  it('staff of 帮扶 only call 帮扶 and the shared procedures', async () => {
    ok(await p.query(hardshipOnly, 'hardship.files.list', {}), 'hardship');
    ok(await p.query(hardshipOnly, 'units.list', {}), 'units (shared)');
    for (const [path, input] of [['tenThings.plans.list', {}], ['contracts.list', {}], ['contracts.calendar.get', undefined]] as const) {
      const res = await p.query(hardshipOnly, path, input);
      expect(res.status, path).toBe(403);
      expect(res.error?.data.messageEn).toBe('You are not assigned to this module');
    }
    expect(ok(await p.query(hardshipOnly, 'me'), 'me').modules).toEqual(['hardship']);
  });

  it('their notifications and overview show their module only (and the shared unit figures)', async () => {
    const list = ok(await p.query(hardshipOnly, 'notifications.list', {}), 'notifications');
    expect(list.items.map((n: { id: string }) => n.id)).toEqual(['n-hardship']);
    expect((await p.mutate(hardshipOnly, 'notifications.markRead', { id: 'n-contracts' })).status).toBe(404);
    ok(await p.mutate(hardshipOnly, 'notifications.markRead', { id: 'n-hardship' }), 'mark own module');
    const overview = ok(await p.query(hardshipOnly, 'rollups.overview', { year }), 'overview');
    expect(new Set(overview.indicators.map((i: { module: string }) => i.module))).toEqual(new Set(['units', 'hardship']));
    expect(Object.keys(overview.totals).every((k) => k.startsWith('units.') || k.startsWith('hardship.'))).toBe(true);
    // An unassigned colleague sees every module.
    expect(ok(await p.query(staffOf(T), 'notifications.list', {}), 'all').items).toHaveLength(2);
  });

  it('clearing the assignment gives every module back within the same token', async () => {
    const entry = ok(await p.query(adminOf(T), 'users.list', { limit: 200 }), 'list').items.find((u: { userId: string }) => u.userId === hardshipOnly.sub);
    ok(await p.mutate(adminOf(T), 'users.update', { userId: hardshipOnly.sub, version: entry.version, modules: [] }), 'clear');
    ok(await p.query(hardshipOnly, 'contracts.list', {}), 'contracts after clearing');
  });
});

describe('token rules (the real verifier, locally signed tokens)', () => {
  /** A JWS (ES256) with the platform's own key over exactly the claims given: what no well-behaved issuer would sign. */
  async function signed(payload: Record<string, unknown>): Promise<string> {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = { sub: 'token-rules', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, roles: ['federation_admin'], tenantId: T, ...payload };
    const input = `${enc({ alg: 'ES256', kid: p.signing.privateJwk.kid, typ: 'JWT' })}.${enc(body)}`;
    const key = createPrivateKey({ key: p.signing.privateJwk as JsonWebKey, format: 'jwk' });
    return `${input}.${signBytes('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  }
  const now = () => Math.floor(Date.now() / 1000);
  const send = async (token: string) => {
    const res = await p.runtime.app.request(`/trpc/units.list?input=${encodeURIComponent('{}')}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { error?: { message: string; data: { code: string; messageEn?: string } } } };
  };

  it.each([
    ['no exp', () => ({ iat: now() }), '缺少有效期', 'no expiry'],
    ['a 13 h lifetime', () => ({ iat: now(), exp: now() + 13 * 3600 }), '超过 12 小时', 'more than 12 hours'],
    ['iat 10 minutes in the future', () => ({ iat: now() + 600, exp: now() + 3600 }), '签发时间', 'issued in the future'],
    ['nbf 10 minutes in the future', () => ({ iat: now(), nbf: now() + 600, exp: now() + 3600 }), '尚未生效', 'not valid yet'],
  ])('refuses a token with %s: 401 with a bilingual reason', async (_label, payload, zh, en) => {
    const { status, body } = await send(await signed(payload()));
    expect(status).toBe(401);
    expect(body.error?.data.code).toBe('UNAUTHORIZED');
    expect(body.error?.message).toContain(zh);
    expect(body.error?.data.messageEn).toContain(en);
  });

  it('accepts a token of exactly 12 h and one with a past nbf', async () => {
    expect((await send(await signed({ iat: now(), exp: now() + 12 * 3600 }))).status).toBe(200);
    expect((await send(await signed({ iat: now(), nbf: now() - 10, exp: now() + 3600 }))).status).toBe(200);
  });

  it('the local issuer never signs a token longer than 12 h', async () => {
    await expect(signLocalToken(p.signing, adminOf(T), 13 * 3600)).rejects.toThrow(RangeError);
  });
});

describe('local sign-in lists and uses the directory', () => {
  const dev = async (path: string, body?: unknown) => {
    const res = await p.runtime.app.request(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('/dev/users lists created users with status and login id; dev-login takes their roles and unit from the directory', async () => {
    const user = ok(await p.mutate(adminOf(T), 'users.create', { name: '目录登录', roles: ['unit_reporter'], unitId: unitA, loginId: 'dir.login' }), 'create');
    const listed = (await dev('/dev/users')).body.find((u: { sub: string }) => u.sub === user.userId);
    expect(listed).toMatchObject({ tenantId: T, roles: ['unit_reporter'], unitId: unitA, status: 'active', loginId: 'dir.login' });

    // Whatever roles the caller asks for, a directory user gets the directory's.
    const login = await dev('/auth/dev-login', { sub: user.userId, tenantId: T, roles: ['federation_admin'] });
    expect(login.status).toBe(200);
    const me = await p.runtime.app.request('/trpc/me', { headers: { authorization: `Bearer ${login.body.token}` } });
    expect(((await me.json()) as any).result.data).toMatchObject({ roles: ['unit_reporter'], unitId: unitA, name: '目录登录' });

    ok(await p.mutate(adminOf(T), 'users.disable', { userId: user.userId, reason: '离职' }), 'disable');
    expect((await dev('/dev/users')).body.find((u: { sub: string }) => u.sub === user.userId)).toMatchObject({ status: 'disabled' });
    const refused = await dev('/auth/dev-login', { sub: user.userId, tenantId: T });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('账号已停用');
  });

  it('an identity outside the directory still needs roles', async () => {
    expect((await dev('/auth/dev-login', { sub: 'nobody', tenantId: T })).status).toBe(400);
    expect((await dev('/auth/dev-login', { sub: 'nobody', tenantId: T, roles: ['federation_staff'] })).status).toBe(200);
  });
});
