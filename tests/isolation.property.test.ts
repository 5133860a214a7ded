import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { unitTypes } from '@ufp/core/units/unit';
import { rollupProjector } from '@ufp/events/consumers/rollup-projector';
import type { ConsumerHandler } from '@ufp/events/idempotent-consumer';
import { demoUscc } from '@ufp/local/seed';
import { adminOf, createTenant, reporterOf, staffOf, startTestPlatform, type ApiResult, type TestPlatform } from '@ufp/testing/platform';

/**
 * Tenant isolation (core procedures), as a property: whatever tenant B holds — units, users,
 * audit entries, dead letters, pagination cursors, idempotency keys — no call made as any role
 * of tenant A returns it, reveals that it exists, or changes it.
 */
const A = '321281';
const B = '321282';
const year = new Date().getUTCFullYear();
const MIN_ATTEMPTS = 1000;
const ATTEMPTS_PER_RUN = 4;
const NUM_RUNS = Math.ceil(MIN_ATTEMPTS / ATTEMPTS_PER_RUN) + 10;

// ---------------------------------------------------------------------------------------------
// Random tenant data (fast-check), generated once per test run and printed with its seed.

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const nameChar = fc.oneof({ weight: 8, arbitrary: cjk }, { weight: 1, arbitrary: fc.constantFrom('A', 'Z', '0', '9', '（', '）', '·', '-', ' ', "'", '"', '%', '\\') });
const text = (min: number, max: number) => fc.array(nameChar, { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => a + b);
const unitArb = fc.record({
  name: text(2, 30),
  type: fc.constantFrom(...unitTypes),
  memberCount: fc.integer({ min: 0, max: 1_000_000 }),
  chairName: text(1, 10),
  phone: fc.option(mobile, { nil: undefined }),
});
type UnitSpec = typeof unitArb extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------
// The platform: every `units.unit.updated` event fails its consumer, so updates leave dead
// letters (in the tenant of the update) that admins can list and replay.

let realProjector: ConsumerHandler | undefined;
const failingOnUpdates: ConsumerHandler = async (envelope, effects) => {
  if (envelope['detail-type'] === 'units.unit.updated') throw new Error('injected consumer failure (isolation test)');
  await realProjector!(envelope, effects);
};

let p: TestPlatform;
const dataSeed = Date.now() % 2_147_483_647;
let usccSerial = 1;

interface TenantPool {
  id: string;
  units: { unitId: string; name: string; version: number; uscc?: string }[];
  userIds: string[];
  deadLetterIds: string[];
  auditIds: string[];
  cursors: { units: string[]; audit: string[]; users: string[]; deadLetters: string[] };
  idempotencyKeys: string[];
}
const pools: Record<string, TenantPool> = {};

async function createUnitFrom(tenantId: string, prefix: string, spec: UnitSpec, idempotencyKey?: string) {
  const { status, body, input } = await sendUnitCreate(tenantId, prefix, spec, idempotencyKey);
  if (status !== 200) throw new Error(`unit in ${tenantId}: ${JSON.stringify(body.error)} for ${JSON.stringify(input)}`);
  return body.result!.data;
}

async function sendUnitCreate(tenantId: string, prefix: string, spec: UnitSpec, idempotencyKey?: string) {
  const input = {
    name: `${prefix}${spec.name}`,
    type: spec.type,
    uscc: spec.type === 'enterprise' ? demoUscc(tenantId, usccSerial++) : undefined,
    memberCount: spec.memberCount,
    chair: { name: spec.chairName.trim() || '甲', phone: spec.phone },
  };
  const headers: Record<string, string> = { authorization: `Bearer ${await p.token(adminOf(tenantId))}`, 'content-type': 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const res = await p.runtime.app.request('/trpc/units.create', { method: 'POST', headers, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data: { unitId: string; name: string; version: number; uscc?: string } }; error?: { data?: { details?: { reason?: string } } } };
  return { status: res.status, body, input };
}

async function ok<T = any>(res: Promise<ApiResult<T>>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** Every page of a list, following cursors; returns the items and every cursor seen. */
async function pageAll(claims: Claims, path: string, input: Record<string, unknown> = {}) {
  const items: any[] = [];
  const cursors: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(p.query(claims, path, { ...input, limit: 2, ...(cursor ? { cursor } : {}) }));
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  return { items, cursors };
}

async function buildPool(tenantId: string, prefix: string, specs: UnitSpec[]): Promise<TenantPool> {
  const admin = adminOf(tenantId);
  const idempotencyKeys = [`idem-${tenantId}-0001`, `idem-${tenantId}-0002`];
  const units = [];
  for (const [i, spec] of specs.entries()) units.push(await createUnitFrom(tenantId, prefix, spec, idempotencyKeys[i]));
  const userIds = [];
  userIds.push((await ok(p.mutate(admin, 'users.create', { name: `${prefix}干事`, roles: ['federation_staff'] }))).userId);
  userIds.push((await ok(p.mutate(admin, 'users.create', { name: `${prefix}填报员`, roles: ['unit_reporter'], unitId: units[0]!.unitId }))).userId);
  userIds.push((await ok(p.mutate(admin, 'users.create', { name: `${prefix}管理员`, roles: ['federation_admin'] }))).userId);
  // Renames (no metric change) whose events the failing consumer parks as dead letters.
  for (const u of units.slice(0, 3)) {
    const renamed = await ok(p.mutate(admin, 'units.update', { unitId: u.unitId, version: u.version, name: `${u.name}（更名）` }));
    Object.assign(u, { name: renamed.name, version: renamed.version });
  }
  await ok(p.mutate(staffOf(tenantId), 'units.revealChairPhone', { unitId: units[1]!.unitId }));
  return { id: tenantId, units, userIds, deadLetterIds: [], auditIds: [], cursors: { units: [], audit: [], users: [], deadLetters: [] }, idempotencyKeys };
}

async function waitForDeadLetters(tenantId: string, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await p.settle();
    const { items } = await pageAll(adminOf(tenantId), 'deadLetters.list');
    if (items.length >= count || Date.now() > deadline) return items;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Collects cursors and ids of a pool from its own admin's lists. */
async function harvest(pool: TenantPool) {
  const admin = adminOf(pool.id);
  const units = await pageAll(admin, 'units.list');
  const byType = await pageAll(admin, 'units.list', { type: units.items[0]?.type });
  const audit = await pageAll(admin, 'audit.list');
  const users = await pageAll(admin, 'users.list');
  const dead = await pageAll(admin, 'deadLetters.list');
  pool.cursors = { units: [...units.cursors, ...byType.cursors], audit: audit.cursors, users: users.cursors, deadLetters: dead.cursors };
  pool.auditIds = audit.items.map((a) => a.auditId);
  pool.deadLetterIds = dead.items.map((d) => d.id);
}

/** Everything stored under B's key space (and B's tenant rows in rollups), sorted, as one string. */
async function rawSnapshotOf(tenantId: string): Promise<string> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const item of res.Items ?? []) {
      const pk = String(item.pk);
      if (pk.startsWith(`T#${tenantId}#`) || item.sk === `T#${tenantId}` || item.sk === `TENANT#${tenantId}`) items.push(item);
    }
    start = res.LastEvaluatedKey;
  } while (start);
  const key = (i: Record<string, unknown>) => `${String(i.pk)}\u0000${String(i.sk)}`;
  return JSON.stringify(items.sort((a, b) => (key(a) < key(b) ? -1 : 1)));
}

/** B as B's own admin sees it through the API. */
async function apiSnapshotOf(tenantId: string) {
  const admin = adminOf(tenantId);
  const [units, users, audit, dead] = await Promise.all([
    pageAll(admin, 'units.list'),
    pageAll(admin, 'users.list'),
    pageAll(admin, 'audit.list'),
    pageAll(admin, 'deadLetters.list'),
  ]);
  const unitDetails = await Promise.all(units.items.map((u) => ok(p.query(admin, 'units.get', { unitId: u.unitId }))));
  return { units: JSON.stringify(units.items), unitDetails: JSON.stringify(unitDetails), users: JSON.stringify(users.items), audit: JSON.stringify(audit.items), auditCount: audit.items.length, deadLetters: JSON.stringify(dead.items) };
}

let bRawBefore: string;
let bApiBefore: Awaited<ReturnType<typeof apiSnapshotOf>>;

beforeAll(async () => {
  p = await startTestPlatform({ consumerOverrides: { rollupProjector: failingOnUpdates }, retryPolicy: { attempts: 2, baseDelayMs: 1 } });
  realProjector = rollupProjector(p.runtime.deps.table);
  await createTenant(p, A, A, 'county', '兴化市总工会');
  await createTenant(p, B, B, 'county', '靖江市总工会');
  const [specsA, specsB] = [fc.sample(unitArb, { numRuns: 8, seed: dataSeed }), fc.sample(unitArb, { numRuns: 14, seed: dataSeed + 1 })];
  console.log(`isolation: tenant data generated with fast-check seed ${dataSeed}`);
  pools[A] = await buildPool(A, '甲方·', specsA);
  pools[B] = await buildPool(B, '乙方·', specsB);
  await waitForDeadLetters(A, 3);
  await waitForDeadLetters(B, 3);
  await harvest(pools[A]!);
  await harvest(pools[B]!);
  bRawBefore = await rawSnapshotOf(B);
  bApiBefore = await apiSnapshotOf(B);
}, 120_000);

afterAll(() => p?.dispose());

// ---------------------------------------------------------------------------------------------
// The attempts.

const counts: Record<string, number> = {};
let attempts = 0;
const count = (label: string) => {
  attempts++;
  counts[label] = (counts[label] ?? 0) + 1;
};

/** Nothing of B in a response: no B id (units, users, audit, dead letters), no B unit name, no B tenant id. */
function expectNothingOfB(value: unknown, context: string) {
  const json = JSON.stringify(value ?? null);
  const pool = pools[B]!;
  for (const id of [...pool.units.map((u) => u.unitId), ...pool.userIds, ...pool.auditIds, ...pool.deadLetterIds]) {
    if (json.includes(id)) throw new Error(`${context}: response contains B's id ${id}: ${json.slice(0, 500)}`);
  }
  expect(json, context).not.toContain(`"${B}"`);
  const names = new Set(pool.units.map((u) => u.name));
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && names.has(v)) throw new Error(`${context}: response contains B's unit name ${v}`);
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
}

/** A's roles for tenant-scoped calls, including a reporter whose token names a unit of B. */
const roleArb = (allowed: ('admin' | 'staff' | 'reporter' | 'crossedReporter' | 'adminWithBUnit')[]) =>
  fc.constantFrom(...allowed).chain((role) =>
    fc.nat().map((n): { role: string; claims: Claims } => {
      const a = pools[A]!;
      const b = pools[B]!;
      switch (role) {
        case 'admin':
          return { role, claims: adminOf(A) };
        case 'staff':
          return { role, claims: staffOf(A) };
        case 'reporter':
          return { role, claims: reporterOf(A, a.units[n % a.units.length]!.unitId) };
        case 'crossedReporter':
          return { role, claims: reporterOf(A, b.units[n % b.units.length]!.unitId) };
        case 'adminWithBUnit':
          return { role, claims: { ...adminOf(A), unitId: b.units[n % b.units.length]!.unitId } };
      }
    }),
  );

// Well-formed ids (1–64 visible ASCII characters): a malformed id is refused with 400 before any look-up, whoever owns what.
const neverId = fc.oneof(fc.uuid(), fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/), fc.stringMatching(/^[\x21-\x7E]{1,64}$/));

/** A's call with B's identifier must answer exactly like a call with an id that never existed. */
async function expectSameAsNeverExisting(label: string, withB: ApiResult<unknown>, withNever: ApiResult<unknown>) {
  expect(withB.status, `${label}: ${JSON.stringify(withB.error ?? withB.data)}`).toBe(404);
  expect(withNever.status, `${label} (never-existing id): ${JSON.stringify(withNever.error)}`).toBe(404);
  expect(withB.error?.message).toBe(withNever.error?.message);
  expect(withB.error?.data.messageEn).toBe(withNever.error?.data.messageEn);
  expect(withB.error?.data.code).toBe('NOT_FOUND');
  expectNothingOfB(withB, label);
}

type Attempt = { label: string; detail: string; run: () => Promise<void> };

/** An attempt that prints as its label and parameters in fast-check's counterexamples. */
const attempt = (a: Attempt): Attempt => Object.assign(a, { [fc.toStringMethod]: () => `${a.label} ${a.detail}` });

function attemptArb(): fc.Arbitrary<Attempt> {
  const b = pools[B]!;
  const bUnit = fc.constantFrom(...b.units);
  const bCursor = fc.constantFrom(...b.cursors.units, ...b.cursors.audit, ...b.cursors.users, ...b.cursors.deadLetters);
  const bName = fc.constantFrom(...b.units.map((u) => u.name));

  const unitGet = fc.tuple(roleArb(['admin', 'staff', 'reporter', 'crossedReporter', 'adminWithBUnit']), bUnit, neverId).map(([who, unit, never]) => attempt({
    label: 'units.get(B unit)',
    detail: JSON.stringify({ role: who.role, claims: who.claims, unitId: unit.unitId, never }),
    run: async () => {
      const [withB, withNever] = await Promise.all([p.query(who.claims, 'units.get', { unitId: unit.unitId }), p.query(who.claims, 'units.get', { unitId: never })]);
      await expectSameAsNeverExisting(`units.get as ${who.role}`, withB, withNever);
    },
  }));

  const unitUpdate = fc
    .tuple(roleArb(['admin', 'adminWithBUnit']), bUnit, neverId, fc.record({ memberCount: fc.integer({ min: 0, max: 1_000_000 }), name: fc.option(text(2, 20), { nil: undefined }) }))
    .map(([who, unit, never, change]) => attempt({
      label: 'units.update(B unit)',
      detail: JSON.stringify({ role: who.role, unitId: unit.unitId, never, change }),
      run: async () => {
        const patch = { version: unit.version, memberCount: change.memberCount, ...(change.name?.trim().length ?? 0) >= 2 ? { name: change.name } : {} };
        const [withB, withNever] = await Promise.all([
          p.mutate(who.claims, 'units.update', { unitId: unit.unitId, ...patch }),
          p.mutate(who.claims, 'units.update', { unitId: never, ...patch }),
        ]);
        await expectSameAsNeverExisting(`units.update as ${who.role}`, withB, withNever);
      },
    }));

  const reveal = fc.tuple(roleArb(['admin', 'staff', 'adminWithBUnit']), bUnit, neverId).map(([who, unit, never]) => attempt({
    label: 'units.revealChairPhone(B unit)',
    detail: JSON.stringify({ role: who.role, unitId: unit.unitId, never }),
    run: async () => {
      const [withB, withNever] = await Promise.all([
        p.mutate(who.claims, 'units.revealChairPhone', { unitId: unit.unitId }),
        p.mutate(who.claims, 'units.revealChairPhone', { unitId: never }),
      ]);
      await expectSameAsNeverExisting(`units.revealChairPhone as ${who.role}`, withB, withNever);
    },
  }));

  const replay = fc.tuple(fc.constantFrom(...b.deadLetterIds), neverId).map(([id, never]) => attempt({
    label: 'deadLetters.replay(B letter)',
    detail: JSON.stringify({ id, never }),
    run: async () => {
      const [withB, withNever] = await Promise.all([p.mutate(adminOf(A), 'deadLetters.replay', { id }), p.mutate(adminOf(A), 'deadLetters.replay', { id: never })]);
      await expectSameAsNeverExisting('deadLetters.replay as admin', withB, withNever);
    },
  }));

  const userWithBUnit = fc.tuple(bUnit, neverId, text(1, 10)).map(([unit, never, name]) => attempt({
    label: 'users.create(B unit)',
    detail: JSON.stringify({ unitId: unit.unitId, never, name }),
    run: async () => {
      const input = { name: name.trim() || '乙', roles: ['unit_reporter'] };
      const [withB, withNever] = await Promise.all([
        p.mutate(adminOf(A), 'users.create', { ...input, unitId: unit.unitId }),
        p.mutate(adminOf(A), 'users.create', { ...input, unitId: never }),
      ]);
      await expectSameAsNeverExisting('users.create as admin', withB, withNever);
    },
  }));

  const bUser = fc.constantFrom(...b.userIds);
  const userAdmin = fc.tuple(bUser, neverId, fc.constantFrom('update', 'disable', 'enable'), text(1, 10)).map(([userId, never, op, name]) => attempt({
    label: `users.${op}(B user)`,
    detail: JSON.stringify({ userId, never, name }),
    run: async () => {
      const input = (id: string) =>
        op === 'update' ? { userId: id, version: 1, name: name.trim() || '乙', roles: ['federation_admin'] } : op === 'disable' ? { userId: id, reason: '跨租户停用' } : { userId: id };
      const [withB, withNever] = await Promise.all([p.mutate(adminOf(A), `users.${op}`, input(userId)), p.mutate(adminOf(A), `users.${op}`, input(never))]);
      await expectSameAsNeverExisting(`users.${op} as admin`, withB, withNever);
    },
  }));

  const bindToBUnit = fc.tuple(bUnit, neverId).map(([unit, never]) => attempt({
    label: 'users.update(A reporter → B unit)',
    detail: JSON.stringify({ unitId: unit.unitId, never }),
    run: async () => {
      const reporter = pools[A]!.userIds[1]!;
      const [withB, withNever] = await Promise.all([
        p.mutate(adminOf(A), 'users.update', { userId: reporter, version: 1, unitId: unit.unitId }),
        p.mutate(adminOf(A), 'users.update', { userId: reporter, version: 1, unitId: never }),
      ]);
      await expectSameAsNeverExisting('users.update(unitId) as admin', withB, withNever);
    },
  }));

  // A token of tenant A whose subject is one of B's directory users (B's admin among them): the directory
  // is looked up in A only, so the token's own staff claims count — no admin rights, nothing of B.
  const bSubjectInA = bUser.map((userId) => attempt({
    label: "A token with B's user as subject",
    detail: JSON.stringify({ userId }),
    run: async () => {
      const claims: Claims = { sub: userId, roles: ['federation_staff'], tenantId: A };
      const users = await p.query(claims, 'users.list', {});
      expect(users.status, `users.list: ${JSON.stringify(users.error ?? users.data)}`).toBe(403);
      const units = await p.query(claims, 'units.list', { limit: 50 });
      expect(units.status).toBe(200);
      expectNothingOfB(units.data, "units.list as A with B's user as subject");
    },
  }));

  const listPaths = ['units.list', 'audit.list', 'users.list', 'deadLetters.list'] as const;
  const listWithBCursor = fc.tuple(fc.constantFrom(...listPaths), bCursor, roleArb(['admin', 'staff', 'reporter'])).map(([path, cursor, who]) => attempt({
    label: `${path}(B cursor)`,
    detail: JSON.stringify({ role: path === 'units.list' ? who.role : 'admin', cursor }),
    run: async () => {
      const claims = path === 'units.list' ? who.claims : adminOf(A);
      const res = await p.query(claims, path, { cursor, limit: 5 });
      expectNothingOfB(res, `${path} with B's cursor`);
      expect(res.status, `${path} with B's cursor as ${who.role}: ${JSON.stringify(res.error ?? res.data)}`).toBe(400);
      expect(res.error?.data.issues?.[0]?.path).toEqual(['cursor']);
    },
  }));

  const listAsA = fc
    .tuple(
      fc.constantFrom(...listPaths),
      roleArb(['admin', 'staff', 'reporter', 'adminWithBUnit']),
      fc.record({ type: fc.option(fc.constantFrom(...unitTypes), { nil: undefined }), q: fc.option(fc.oneof(bName, fc.constantFrom(...b.units.flatMap((u) => (u.uscc ? [u.uscc] : [])), '乙方')), { nil: undefined }) }),
      fc.record({ actor: fc.option(fc.constantFrom(`admin-${B}`, `staff-${B}`), { nil: undefined }), entityType: fc.option(fc.constantFrom('unit', 'user', 'deadLetter'), { nil: undefined }) }),
      fc.boolean(),
    )
    .map(([path, who, unitFilter, auditFilter, smuggle]) => attempt({
      label: `${path}(as A, B filters)`,
      detail: JSON.stringify({ role: who.role, unitFilter, auditFilter, smuggle }),
      run: async () => {
        const claims = path === 'units.list' ? who.claims : adminOf(A);
        const filter = path === 'units.list' ? unitFilter : path === 'audit.list' ? auditFilter : {};
        // Smuggled fields naming B are stripped by the input schemas: they change nothing.
        const input = { ...filter, limit: 200, ...(smuggle ? { tenantId: B } : {}) };
        const res = await p.query(claims, path, input);
        expect(res.status, `${path} as A: ${JSON.stringify(res.error)}`).toBe(200);
        expectNothingOfB(res.data, `${path} as ${who.role} with ${JSON.stringify(input)}`);
      },
    }));

  const crossedReporter = fc.tuple(roleArb(['crossedReporter']), fc.constantFrom('me', 'units.list', 'units.get(own)')).map(([who, what]) => attempt({
    label: `crossed reporter ${what}`,
    detail: JSON.stringify({ claims: who.claims }),
    run: async () => {
      const res =
        what === 'me'
          ? await p.query(who.claims, 'me')
          : what === 'units.list'
            ? await p.query(who.claims, 'units.list', {})
            : await p.query(who.claims, 'units.get', { unitId: who.claims.unitId });
      expect([200, 404], `${what} as a reporter of A bound to B's unit: ${JSON.stringify(res.error)}`).toContain(res.status);
      if (what === 'me') {
        expect(res.data.unitId).toBeUndefined();
        expect(res.data.unit).toBeUndefined();
        expect(res.data.tenantId).toBe(A);
      }
      if (res.status === 200 && what === 'units.list') expect(res.data.items).toEqual([]);
      expectNothingOfB(res.status === 200 ? { ...res.data, unitId: undefined } : res, `${what} as crossed reporter`);
    },
  }));

  const rollups = roleArb(['admin', 'staff']).chain((who) =>
    fc.constantFrom(who.claims, { sub: `leader-of-${A}`, roles: ['leadership_viewer'], tenantId: A } as Claims).map((claims) => attempt({
      label: 'rollups.overview(as A county)',
      detail: JSON.stringify({ claims }),
      run: async () => {
        const res = await p.query(claims, 'rollups.overview', { year });
        expect(res.status).toBe(200);
        expect(res.data.rows.map((r: { tenantId: string }) => r.tenantId)).toEqual([A]);
        expect(res.data.scope.code).toBe(A);
        expectNothingOfB(res.data, 'rollups.overview as A');
      },
    })),
  );

  const idempotencyKey = fc.tuple(fc.constantFrom(...b.idempotencyKeys), unitArb).map(([key, spec]) => attempt({
    label: 'units.create(B idempotency key)',
    detail: JSON.stringify({ key, spec }),
    run: async () => {
      // Keys live in the caller's tenant: A's first use of the key creates A's unit; A's later uses with
      // another input are refused as a reused key. Either way nothing of B comes back.
      const { status, body } = await sendUnitCreate(A, '甲方·幂等·', spec, key);
      expectNothingOfB(body, `units.create as A with B's idempotency key ${key}`);
      if (status === 200) expect((body.result!.data as { tenantId?: string }).tenantId).toBe(A);
      else expect([status, body.error?.data?.details?.reason]).toEqual([409, 'idempotency_key_reused']);
    },
  }));

  return fc.oneof(
    { weight: 3, arbitrary: unitGet },
    { weight: 2, arbitrary: unitUpdate },
    { weight: 2, arbitrary: reveal },
    { weight: 2, arbitrary: replay },
    { weight: 2, arbitrary: userWithBUnit },
    { weight: 2, arbitrary: userAdmin },
    { weight: 1, arbitrary: bindToBUnit },
    { weight: 1, arbitrary: bSubjectInA },
    { weight: 3, arbitrary: listWithBCursor },
    { weight: 2, arbitrary: listAsA },
    { weight: 1, arbitrary: crossedReporter },
    { weight: 1, arbitrary: rollups },
    { weight: 1, arbitrary: idempotencyKey },
  );
}

describe('tenant isolation (property)', () => {
  it('the pools are real: B has units, users, audit entries, dead letters and cursors of every list; so has A', () => {
    for (const pool of [pools[A]!, pools[B]!]) {
      expect(pool.units.length).toBeGreaterThanOrEqual(8);
      expect(pool.userIds).toHaveLength(3);
      expect(pool.deadLetterIds.length).toBeGreaterThanOrEqual(3);
      expect(pool.auditIds.length).toBeGreaterThan(10);
      for (const [list, cursors] of Object.entries(pool.cursors)) expect(cursors.length, `${pool.id} ${list} cursors`).toBeGreaterThan(0);
    }
    // B's own cursors work for B, so a 400 for A is the tenant check and not a broken cursor.
    expect(bApiBefore.auditCount).toBe(pools[B]!.auditIds.length);
  });

  it(`no call as tenant A reads, reveals or changes tenant B's data (≥ ${MIN_ATTEMPTS} attempts)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(attemptArb(), { minLength: ATTEMPTS_PER_RUN, maxLength: ATTEMPTS_PER_RUN }), async (batch) => {
        await Promise.all(
          batch.map(async (attempt) => {
            await attempt.run();
            count(attempt.label);
          }),
        );
      }),
      { numRuns: NUM_RUNS },
    );
    console.log(`isolation: ${attempts} cross-tenant attempts as tenant A\n${Object.entries(counts).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
    expect(attempts).toBeGreaterThanOrEqual(MIN_ATTEMPTS);
  }, 300_000);

  it('afterwards B is byte-identical: every stored item of B, and B as its admin sees it', async () => {
    await p.settle();
    expect(await rawSnapshotOf(B)).toBe(bRawBefore);
    const after = await apiSnapshotOf(B);
    expect(after.auditCount).toBe(bApiBefore.auditCount);
    expect(after).toEqual(bApiBefore);
  });

  it('the detector is live: shown B\'s own lists, it finds B\'s ids and names', async () => {
    const units = await p.query(adminOf(B), 'units.list', { limit: 5 });
    expect(() => expectNothingOfB(units.data, 'B as B')).toThrow(/B's id/);
    const names = units.data.items.map((u: { name: string }) => ({ label: u.name }));
    expect(() => expectNothingOfB(names, 'names only')).toThrow(/B's unit name/);
    const audit = await p.query(adminOf(B), 'audit.list', { limit: 5 });
    expect(() => expectNothingOfB(audit.data.items.map((a: { auditId: string }) => a.auditId), 'audit ids')).toThrow(/B's id/);
  });

  // Cursors are bound to the tenant and to the list (index + partition) they came from.
  it('a cursor of one list replayed on another list of the same tenant → 400, not 500', async () => {
    const pool = pools[A]!;
    const res: Record<string, number> = {};
    for (const [from, cursor] of Object.entries({ units: pool.cursors.units[0]!, audit: pool.cursors.audit[0]!, users: pool.cursors.users[0]!, deadLetters: pool.cursors.deadLetters[0]! })) {
      for (const path of ['units.list', 'audit.list', 'users.list', 'deadLetters.list']) {
        if (path.startsWith(from)) continue;
        res[`${from} cursor → ${path}`] = (await p.query(adminOf(A), path, { cursor, limit: 2 })).status;
      }
    }
    expect(Object.entries(res).filter(([, status]) => status !== 400)).toEqual([]);
  });

  it("B's cursors still work for B (the 400s were the tenant binding, not broken cursors)", async () => {
    const pool = pools[B]!;
    const lists: [string, string[]][] = [
      ['units.list', pool.cursors.units.slice(0, 1)],
      ['audit.list', pool.cursors.audit],
      ['users.list', pool.cursors.users],
      ['deadLetters.list', pool.cursors.deadLetters],
    ];
    for (const [path, cursors] of lists) {
      for (const cursor of cursors.slice(0, 3)) expect((await p.query(adminOf(B), path, { cursor, limit: 2 })).status, path).toBe(200);
    }
  });
});
