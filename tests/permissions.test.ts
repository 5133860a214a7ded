import { createPrivateKey, sign as signBytes, type JsonWebKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateLocalSigningKeys, LOCAL_AUDIENCE, LOCAL_ISSUER, signLocalToken, type Claims } from '@ufp/kit/auth';
import { appRouter } from '@ufp/api/router';
import { FIXTURE_TENANT, registeredAccess, roleKeys, type RoleKey } from '@ufp/testing/access';
import { fixtureLedgerXlsx, fixtures } from '@ufp/testing/fixtures';
import { allowedStatuses, expectedColumns, matrixGaps, refusal } from '@ufp/testing/matrix';
import { adminOf, createTenant, createUnit, leaderOf, operator, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * The permission matrix: every procedure × every role. The rows are the design, written independently of the
 * implementation, one table per module (`packages/modules/<m>/test/access.ts`); a procedure the router has and
 * no table lists fails the suite, so each new procedure must be given its row in its module.
 */
const TENANT = FIXTURE_TENANT;
/** A tenant the operator has suspended: its users are refused everywhere but `me` and the platform calendar. */
const SUSPENDED = '321204';
const year = new Date().getUTCFullYear();

/** Procedure path → the columns allowed to call it, from the modules' rows (`packages/modules/<m>/test/access.ts`). Everything else: 403; no token: 401. */
const expected: Record<string, readonly RoleKey[]> = Object.fromEntries(Object.entries(registeredAccess).map(([path, row]) => [path, expectedColumns(path, row)]));

const routerProcedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>;
const procedurePaths = Object.keys(routerProcedures).sort();
const kindOf = (path: string): 'query' | 'mutation' => (routerProcedures[path]?._def.type === 'mutation' ? 'mutation' : 'query');

// Fixtures, prepared in beforeAll.
let p: TestPlatform;
let unitId: string;
let tenantSerial = 0;
let claimsOf: Record<RoleKey, Claims>;
const ledgerXlsx = await fixtureLedgerXlsx();

/** Valid input per procedure (packages/testing/src/fixtures.ts; built lazily: the records exist only after beforeAll). */
const inputs: Record<string, () => unknown> = Object.fromEntries(
  Object.entries(fixtures).map(([path, f]) => [path, () => f.input({ unitId, year, newTenantId: () => `perm-${process.pid}-${tenantSerial++}`, ledgerXlsx })]),
);

const seenStatuses: { cell: string; status: number }[] = [];

/** Calls a procedure over the in-process HTTP app with a raw bearer token (or none). */
async function send(token: string | null, path: string, input: unknown, cell: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res =
    kindOf(path) === 'query'
      ? await p.runtime.app.request(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })
      : await p.runtime.app.request(`/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input ?? null) });
  const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string; data: { code: string; httpStatus: number } } };
  seenStatuses.push({ cell, status: res.status });
  return { status: res.status, body };
}

/** An unsigned token (`alg: none`) carrying admin claims. */
function unsignedToken(claims: Claims): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const { sub, ...rest } = claims;
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ ...rest, sub, iss: 'urn:ufp:local', aud: 'ufp-api', iat: now, exp: now + 3600 })}.`;
}

/**
 * A token signed with the platform's own key whose lifetime (8 h) ended `agoSeconds` ago:
 * signed while the system clock is set back by 8 h + `agoSeconds`.
 */
async function expiredToken(claims: Claims, agoSeconds: number): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(Date.now() - (8 * 3600 + agoSeconds) * 1000);
    return await p.token(claims);
  } finally {
    vi.useRealTimers();
  }
}

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, TENANT, TENANT);
  await createTenant(p, SUSPENDED, SUSPENDED);
  const unit = await createUnit(p, TENANT, { name: '矩阵测试企业工会', chair: { name: '王五', phone: '13800001111' } });
  unitId = unit.unitId;
  const directoryUser = async (input: Record<string, unknown>) => {
    const res = await p.mutate(adminOf(TENANT), 'users.create', input);
    if (res.status !== 200) throw new Error(`users.create: ${JSON.stringify(res.error)}`);
    return (res.data as { userId: string }).userId;
  };
  const hardshipOnly = await directoryUser({ name: '帮扶干事', roles: ['federation_staff'], modules: ['hardship'] });
  const disabled = await directoryUser({ name: '已停用干事', roles: ['federation_staff'] });
  for (const [path, input] of [
    ['users.disable', { userId: disabled, reason: '矩阵：停用用户' }],
    ['platform.tenants.suspend', { tenantId: SUSPENDED, reason: '矩阵：停用租户' }],
  ] as const) {
    const res = await p.mutate(path.startsWith('platform.') ? operator : adminOf(TENANT), path, input);
    if (res.status !== 200) throw new Error(`${path}: ${JSON.stringify(res.error)}`);
  }
  claimsOf = {
    platform_operator: operator,
    federation_admin: adminOf(TENANT),
    federation_staff: staffOf(TENANT),
    unit_reporter: reporterOf(TENANT, unitId),
    'leadership_viewer(scope 32)': leaderOf('32'),
    'leadership_viewer(tenant)': { sub: `leader-of-${TENANT}`, roles: ['leadership_viewer'], tenantId: TENANT },
    'federation_staff(hardship only)': { sub: hardshipOnly, roles: ['federation_staff'], tenantId: TENANT },
    'federation_admin(suspended tenant)': adminOf(SUSPENDED),
    'federation_staff(disabled)': { sub: disabled, roles: ['federation_staff'], tenantId: TENANT },
  };
});

afterAll(() => p?.dispose());

describe('the matrix covers the router', () => {
  it('every procedure of appRouter has a row in the expectation table, and every row is a procedure', () => {
    const { missing, stale } = matrixGaps(appRouter, registeredAccess);
    expect(missing, `procedures without a row in the permission matrix: ${missing.join(', ')}`).toEqual([]);
    expect(stale, `rows for procedures the router no longer has: ${stale.join(', ')}`).toEqual([]);
  });

  it('every procedure has a valid input fixture', () => {
    expect(procedurePaths.filter((path) => !(path in inputs))).toEqual([]);
  });
});

type RoleCell = { name: string; path: string; role: RoleKey; allowed: boolean };
const roleCells: RoleCell[] = procedurePaths
  .filter((path) => path in expected)
  .flatMap((path) =>
    roleKeys.map((role) => {
      const allowed = expected[path]!.includes(role);
      return { name: `${path} as ${role} → ${allowed ? 'allowed' : refusal(role).status}`, path, role, allowed };
    }),
  );

describe('procedure × role', () => {
  it.each(roleCells)('$name', async ({ name, path, role, allowed }) => {
    const { status, body } = await send(await p.token(claimsOf[role]), path, inputs[path]?.(), name);
    if (allowed) {
      expect(allowedStatuses, `${name}: got ${status} ${JSON.stringify(body.error ?? '')}`).toContain(status);
    } else {
      expect(status, `${name}: ${JSON.stringify(body.error ?? body.result)}`).toBe(refusal(role).status);
      expect(body.error?.data.code).toBe(refusal(role).code);
      expect(body.result).toBeUndefined();
    }
  });
});

/** A token the platform's own key signed over exactly these claims: what no well-behaved issuer would sign. */
function craftedToken(claims: Claims, times: Record<string, number | undefined>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc({ alg: 'ES256', kid: p.signing.privateJwk.kid, typ: 'JWT' })}.${enc({ ...claims, iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, ...times })}`;
  const key = createPrivateKey({ key: p.signing.privateJwk as JsonWebKey, format: 'jwk' });
  return `${input}.${signBytes('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A role the procedure allows, so that a 401 is due to the token alone. */
const allowedRoleFor = (path: string): RoleKey => expected[path]?.[0] ?? 'federation_admin';

type TokenCell = { name: string; path: string; make: (claims: Claims) => Promise<string | null> };
const tokenProblems: { label: string; make: (claims: Claims) => Promise<string | null> }[] = [
  { label: 'anonymous', make: async () => null },
  { label: 'a forged token (another signing key)', make: async (c) => signLocalToken(await generateLocalSigningKeys(), c) },
  { label: 'a token expired 60 s ago', make: (c) => expiredToken(c, 60) },
  { label: 'a token expired a day ago', make: (c) => expiredToken(c, 24 * 3600) },
  { label: 'an unsigned token (alg none)', make: async (c) => unsignedToken(c) },
  { label: 'a garbage bearer', make: async () => 'not-a-jwt' },
  { label: 'a token without exp', make: async (c) => craftedToken(c, { iat: nowSeconds() }) },
  { label: 'a token valid for 13 h', make: async (c) => craftedToken(c, { iat: nowSeconds(), exp: nowSeconds() + 13 * 3600 }) },
  { label: 'a token issued 10 min in the future', make: async (c) => craftedToken(c, { iat: nowSeconds() + 600, exp: nowSeconds() + 3600 }) },
  { label: 'a token not valid for 10 min (nbf)', make: async (c) => craftedToken(c, { iat: nowSeconds(), nbf: nowSeconds() + 600, exp: nowSeconds() + 3600 }) },
];
/** Public procedures (no sign-in needed): a bad token is simply not used, so they are not 401 cells. */
const publicPaths = new Set(Object.entries(registeredAccess).flatMap(([path, row]) => (row.allow === 'public' ? [path] : [])));
// Procedures without a row fail the coverage test above; they get no cells of their own.
const tokenCells: TokenCell[] = procedurePaths.filter((path) => path in expected && !publicPaths.has(path)).flatMap((path) =>
  tokenProblems.map(({ label, make }) => ({ name: `${path} as ${label} → 401`, path, make })),
);

describe('unauthenticated callers', () => {
  it.each(tokenCells)('$name', async ({ name, path, make }) => {
    const { status, body } = await send(await make(claimsOf[allowedRoleFor(path)]), path, inputs[path]?.(), name);
    expect(status, `${name}: ${JSON.stringify(body)}`).toBe(401);
    expect(body.error?.data.code).toBe('UNAUTHORIZED');
    expect(body.result).toBeUndefined();
  });

  it.each([...publicPaths].map((path) => ({ path })))('$path as anonymous → allowed (public)', async ({ path }) => {
    const { status, body } = await send(null, path, inputs[path]?.(), `${path} as anonymous (public)`);
    expect(allowedStatuses, `${path}: got ${status} ${JSON.stringify(body.error ?? '')}`).toContain(status);
  });

  it('control: the same claims in a fresh token of the platform are accepted, and a token 1 s from expiry still works', async () => {
    const ok = await send(await p.token(claimsOf.federation_admin), 'units.list', {}, 'control: fresh admin token');
    expect(ok.status).toBe(200);
    const almost = await send(await expiredToken(claimsOf.federation_admin, -30), 'units.list', {}, 'control: token expiring in 30 s');
    expect(almost.status).toBe(200);
  });

  it('a token naming a tenant that does not exist → 403', async () => {
    const { status } = await send(await p.token(adminOf('nosuchtenant')), 'units.list', {}, 'admin of a missing tenant');
    expect(status).toBe(403);
  });

  it('a unit reporter without a bound unit → 403', async () => {
    const { status } = await send(await p.token({ sub: 'r', roles: ['unit_reporter'], tenantId: TENANT }), 'units.list', {}, 'unbound reporter');
    expect(status).toBe(403);
  });
});

describe('HTTP-level behaviour', () => {
  const authHeaders = async (claims: Claims = adminOf(TENANT)) => ({ authorization: `Bearer ${await p.token(claims)}`, 'content-type': 'application/json' });
  const record = (cell: string, status: number) => seenStatuses.push({ cell, status });

  it('a body over 1 MB → 413, and nothing is created', async () => {
    const before = (await p.query(adminOf(TENANT), 'units.list', { limit: 200 })).data.items.length;
    const body = JSON.stringify({ name: '超大请求工会', type: 'regional', memberCount: 1, chair: { name: '甲' }, padding: 'x'.repeat(1.1 * 1024 * 1024) });
    const res = await p.runtime.app.request('/trpc/units.create', {
      method: 'POST',
      headers: { ...(await authHeaders()), 'content-length': String(Buffer.byteLength(body)) },
      body,
    });
    record('413 with content-length', res.status);
    expect(res.status).toBe(413);
    const json = (await res.json()) as { error: { data: { code: string; httpStatus: number } } };
    expect(json.error.data).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect((await p.query(adminOf(TENANT), 'units.list', { limit: 200 })).data.items.length).toBe(before);
  });

  it('a body over 1 MB without a content-length (streamed) → 413 as well', async () => {
    const body = JSON.stringify({ name: '超大请求工会', type: 'regional', memberCount: 1, chair: { name: '甲' }, padding: 'x'.repeat(1.1 * 1024 * 1024) });
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    const res = await p.runtime.app.request('/trpc/units.create', { method: 'POST', headers: await authHeaders(), body: stream, duplex: 'half' } as RequestInit);
    record('413 streamed', res.status);
    expect(res.status).toBe(413);
  });

  it('a body just under 1 MB is not refused for its size', async () => {
    const body = JSON.stringify({ name: '较大请求工会', type: 'regional', memberCount: 1, chair: { name: '甲' }, padding: 'x'.repeat(1000 * 1000) });
    const res = await p.runtime.app.request('/trpc/units.create', {
      method: 'POST',
      headers: { ...(await authHeaders()), 'content-length': String(Buffer.byteLength(body)) },
      body,
    });
    record('under 1 MB', res.status);
    expect(res.status).toBe(200);
  });

  it('a malformed JSON body → 400, not 500', async () => {
    const res = await p.runtime.app.request('/trpc/units.create', { method: 'POST', headers: await authHeaders(), body: '{"name": "坏的 JSON", ' });
    record('malformed body', res.status);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { data: { code: string; stack?: string } } };
    expect(['PARSE_ERROR', 'BAD_REQUEST']).toContain(json.error.data.code);
    expect(json.error.data.stack).toBeUndefined();
  });

  it('?input= that is not JSON → 400, not 500', async () => {
    const res = await p.runtime.app.request(`/trpc/units.list?input=${encodeURIComponent('{not json')}`, { headers: await authHeaders() });
    record('bad ?input=', res.status);
    expect(res.status).toBe(400);
  });

  it('an unknown procedure → 404', async () => {
    for (const path of ['/trpc/units.nope', '/trpc/nope', '/trpc/platform.tenants']) {
      const res = await p.runtime.app.request(path, { headers: await authHeaders() });
      record(`unknown ${path}`, res.status);
      expect(res.status, path).toBe(404);
    }
  });

  it('a mutation over GET and a query over POST are refused (405), and the mutation does not run', async () => {
    const before = (await p.query(adminOf(TENANT), 'units.list', { limit: 200 })).data.items.length;
    const input = encodeURIComponent(JSON.stringify({ name: 'GET 创建工会', type: 'regional', memberCount: 1, chair: { name: '甲' } }));
    const get = await p.runtime.app.request(`/trpc/units.create?input=${input}`, { headers: await authHeaders() });
    record('mutation over GET', get.status);
    expect(get.status).toBe(405);
    const post = await p.runtime.app.request('/trpc/units.list', { method: 'POST', headers: await authHeaders(), body: '{}' });
    record('query over POST', post.status);
    expect(post.status).toBe(405);
    expect((await p.query(adminOf(TENANT), 'units.list', { limit: 200 })).data.items.length).toBe(before);
  });

  it('a zod failure → 400 with issues[].path/message/messageEn', async () => {
    const res = await p.mutate(adminOf(TENANT), 'units.create', { name: '负数会员工会', type: 'regional', memberCount: -1, chair: { name: '甲' } });
    record('zod failure', res.status);
    expect(res.status).toBe(400);
    expect(res.error?.data.code).toBe('BAD_REQUEST');
    const issue = res.error?.data.issues?.[0];
    expect(issue).toMatchObject({ path: ['memberCount'] });
    expect(issue?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(issue?.messageEn).toMatch(/[A-Za-z]/);
    expect(issue?.messageEn).not.toBe(issue?.message);
    expect(res.error?.message).toContain('输入有误');
    expect(res.error?.data.messageEn).toContain('Invalid input');
  });

  it('a zod failure on a query (units.get without unitId) → 400 with the path of the missing field', async () => {
    const res = await p.query(adminOf(TENANT), 'units.get', {});
    record('zod failure query', res.status);
    expect(res.status).toBe(400);
    expect(res.error?.data.issues?.[0]?.path).toEqual(['unitId']);
  });
});

describe('no 500 anywhere', () => {
  it('no response in the whole matrix was a 500', () => {
    expect(seenStatuses.length).toBeGreaterThan(roleCells.length + tokenCells.length);
    expect(seenStatuses.filter((s) => s.status >= 500)).toEqual([]);
  });
});
