import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { middlewareMarker } from '@trpc/server/unstable-core-do-not-import';
import { DomainError, storeUnavailable, type DomainErrorKind } from '@ufp/core/errors';
import { moduleOfPath, tenantRoles, type Role } from '@ufp/core/roles';
import { ownScope } from '@ufp/core/rollups/scopes';
import { PLATFORM_AUDIT_TENANT, type RollupScope, type Tenant, type TenantScope } from '@ufp/core/tenancy/scope';
import { isStoreUnavailable } from '@ufp/db/store-errors';
import { tokenProblemText, type Claims, type TokenProblem } from './auth.js';
import type { ApiDeps } from './deps.js';
import { hashedSubject, type UsageSubject } from './fair-use.js';
import { inputHash, malformedKey, replayOf, storeFinalResponse, type IdempotentCall } from './idempotency.js';
import { describeField } from '@ufp/core/validation/labels';
import { installBilingualZodMessages, issueView } from './zod-bilingual.js';

export interface Context {
  deps: ApiDeps;
  claims?: Claims;
  /** Why there are no claims: no bearer token, or why the one sent was refused. */
  authProblem?: 'missing' | TokenProblem;
  correlationId: string;
  /** From the `Idempotency-Key` header: a retried mutation returns the first response. */
  idempotencyKey?: string;
  /** The header was sent but is not a valid key: refused, never ignored. */
  idempotencyKeyMalformed?: boolean;
  /** Set per call for a mutation sent with a key (see `idempotency.ts`); `write()` stores its response. */
  idempotency?: IdempotentCall;
  /** The client's address from the runtime (API Gateway source IP, the socket), for per-client rate limits of public procedures. */
  clientIp?: string;
  /** The procedure path, set per call (idempotency keys are bound to it). */
  path?: string;
}

installBilingualZodMessages();

/** A domain error's `field` ("ballots.2.candidateId") as a path, for its label. */
const fieldPath = (field: string) => field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const codeOf: Record<DomainErrorKind, TRPCError['code']> = {
  invalid: 'BAD_REQUEST',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unavailable: 'SERVICE_UNAVAILABLE',
};

export interface ProcedureMeta {
  /**
   * A read whose every call is audited — decrypted personal data, a download link: never served from, or
   * stored in, the idempotency store, so each call runs (and is audited) and no plaintext is kept there.
   */
  auditedRead?: boolean;
}

/**
 * What tRPC itself answers before a procedure runs (a body that is not JSON, an unknown procedure,
 * the wrong HTTP method), in both languages: its own texts are English-only library wording.
 */
const transportText: Partial<Record<TRPCError['code'], { zh: string; en: string }>> = {
  PARSE_ERROR: { zh: '请求内容不是有效的 JSON（请检查请求体或 ?input= 参数）', en: 'The request is not valid JSON (check the body or the ?input= parameter)' },
  BAD_REQUEST: { zh: '请求格式不正确', en: 'The request is malformed' },
  NOT_FOUND: { zh: '接口不存在', en: 'No such procedure' },
  METHOD_NOT_SUPPORTED: { zh: '请求方法不正确：查询用 GET，修改用 POST', en: 'Wrong HTTP method: queries use GET, mutations use POST' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的请求内容类型（请使用 application/json）', en: 'Unsupported content type (use application/json)' },
  PAYLOAD_TOO_LARGE: { zh: '请求体过大', en: 'The request body is too large' },
  TOO_MANY_REQUESTS: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  TIMEOUT: { zh: '请求超时，请稍后重试', en: 'The request timed out; try again later' },
  CLIENT_CLOSED_REQUEST: { zh: '请求已被客户端取消', en: 'The client closed the request' },
};

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  errorFormatter({ shape, error, path }) {
    const cause = error.cause;
    if (cause instanceof ZodError) {
      const issues = cause.issues.map((issue) => issueView(issue, path));
      const first = issues[0];
      const more = issues.length > 1 ? { zh: `（另有 ${issues.length - 1} 处）`, en: ` (and ${issues.length - 1} more)` } : { zh: '', en: '' };
      return {
        ...shape,
        message: `输入有误 — ${first?.message ?? ''}${more.zh}`,
        data: { ...shape.data, stack: undefined, issues, messageEn: `Invalid input — ${first?.messageEn ?? ''}${more.en}` },
      };
    }
    const domain = cause instanceof DomainError ? cause : undefined;
    // An unexpected failure says so and nothing more: internal messages stay in the server log.
    const internal = !domain && error.code === 'INTERNAL_SERVER_ERROR';
    // tRPC answers a body or ?input= that JSON.parse refuses with BAD_REQUEST and the SyntaxError as cause.
    const transport = cause instanceof SyntaxError ? transportText.PARSE_ERROR : transportText[error.code];
    const text = domain?.text ?? (internal ? { zh: '服务器内部错误，请稍后重试', en: 'Internal server error, please retry later' } : (transport ?? { zh: '请求无法处理', en: 'The request cannot be processed' }));
    return {
      ...shape,
      message: text.zh,
      data: {
        ...shape.data,
        stack: undefined,
        messageEn: text.en,
        details: domain?.details,
        issues: typeof domain?.details.field === 'string' ? [{ path: [domain.details.field], message: domain.text.zh, messageEn: domain.text.en, field: describeField(path, fieldPath(domain.details.field)) }] : undefined,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Whom a call counts against for fairness: the verified token's tenant, else its user, else the client's address. */
function usageSubject(ctx: Context): UsageSubject {
  if (ctx.claims?.tenantId) return { kind: 'tenant', id: ctx.claims.tenantId };
  if (ctx.claims) return hashedSubject('user', ctx.claims.sub, ctx.deps.blindIndexKey);
  return hashedSubject('client', ctx.clientIp ?? 'unknown', ctx.deps.blindIndexKey);
}

/**
 * Domain errors leave as their HTTP-mapped tRPC codes; a store that cannot serve the call right now is a 503
 * (try again); anything else unexpected stays a 500.
 */
function asCallError(cause: unknown): TRPCError | undefined {
  const domain = cause instanceof DomainError ? cause : isStoreUnavailable(cause) ? storeUnavailable() : undefined;
  return domain && new TRPCError({ code: codeOf[domain.kind], message: domain.text.zh, cause: domain });
}

/** Per-tenant fairness (`fair-use.ts`), counted before anything else runs so a refused call costs no work; a malformed Idempotency-Key refused. */
async function admit(ctx: Context): Promise<void> {
  try {
    await ctx.deps.fairUse.admit(usageSubject(ctx));
    if (ctx.idempotencyKeyMalformed) throw malformedKey();
  } catch (err) {
    throw asCallError(err) ?? err;
  }
}

/** A failure the layers inside let through as unexpected (a domain error thrown in a resolver) leaves as its own code. */
function mapUnexpected<R extends { ok: boolean; error?: TRPCError }>(result: R): R {
  if (!result.ok && result.error?.code === 'INTERNAL_SERVER_ERROR') {
    const mapped = asCallError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
}

/**
 * Every procedure's first step, one middleware (each tRPC middleware level copies the call's options twice, a
 * measurable share of a read's CPU): `admit`, then domain errors mapped (see `asCallError`).
 */
export const publicProcedure = t.procedure.use(async ({ ctx, path, next }) => {
  await admit(ctx);
  return mapUnexpected(await next({ ctx: { path } }));
});

/**
 * A mutation sent with an `Idempotency-Key`: the first response is replayed to a retry before the
 * procedure runs; a key used for another request is refused. The response is stored by `write()` in the
 * change's own transaction (and refreshed with the final response here). When the call fails because a
 * concurrent twin applied it first, the twin's response is returned instead of the failure.
 */
async function idempotently<R extends { ok: boolean; data?: unknown }>(
  { ctx, type, path, meta, getRawInput }: { ctx: Context; type: string; path: string; meta?: ProcedureMeta; getRawInput: () => Promise<unknown> },
  tenantId: () => string,
  run: (idempotency: IdempotentCall | undefined) => Promise<R>,
  replay: (response: unknown) => R,
): Promise<R> {
  const actor = ctx.claims?.sub;
  if (type !== 'mutation' || !ctx.idempotencyKey || !actor || meta?.auditedRead) return run(undefined);
  const call: IdempotentCall = { tenantId: tenantId(), key: ctx.idempotencyKey, actor, procedure: path, inputHash: await inputHash(await getRawInput()) };
  const earlier = await replayOf(ctx.deps.table, call);
  if (earlier.found) return replay(earlier.response);
  const result = await run(call);
  if (result.ok) {
    await storeFinalResponse(ctx.deps.table, call, result.data, ctx.deps.clock.now());
    return result;
  }
  try {
    const twin = await replayOf(ctx.deps.table, call);
    if (twin.found) return replay(twin.response);
  } catch (err) {
    if (err instanceof DomainError) throw err; // a different request won the race for this key
  }
  return result;
}

const idempotent = (tenantOf: (ctx: Context & { scope?: TenantScope }) => string) =>
  t.middleware(async (opts) =>
    idempotently(
      opts,
      () => tenantOf(opts.ctx),
      (idempotency) => opts.next({ ctx: { idempotency } }),
      (response) => ({ ok: true as const, data: response, ctx: opts.ctx, marker: middlewareMarker }),
    ),
  );

const denied = (zh: string, en: string, details: Record<string, unknown> = {}) =>
  new TRPCError({ code: 'FORBIDDEN', message: zh, cause: new DomainError('forbidden', { zh, en }, details) });

const unauthorized = (text: { zh: string; en: string }, details: Record<string, unknown> = {}) =>
  new TRPCError({ code: 'UNAUTHORIZED', message: text.zh, cause: new DomainError('forbidden', text, details) });

/** A suspended tenant's users are refused everywhere but `me` (which says so); its data stays. */
export const tenantSuspended = () => denied('所属租户已停用', "Your federation's account is suspended", { reason: 'tenant_suspended' });

/**
 * The tenant a public page (rating, 公示, self-test) names: one that does not exist is not found, as
 * before; a suspended one answers 403 服务已暂停 (nothing is read or written), which the console's public
 * pages show as a paused service.
 */
export async function publicTenant(ctx: Pick<Context, 'deps'>, tenantId: string, missing: () => DomainError): Promise<Tenant> {
  const tenant = await ctx.deps.tenants.get(tenantId);
  if (!tenant) throw missing();
  if (tenant.status !== 'active') {
    throw new DomainError('forbidden', { zh: '服务已暂停：该总工会的线上服务暂时停止', en: "Service paused: this federation's online service is suspended" }, { reason: 'service_paused' });
  }
  return tenant;
}

const tenantRoleSet: ReadonlySet<Role> = new Set(tenantRoles);

/**
 * What counts for this request. The identity provider authenticates; the user directory authorises:
 * when it holds an entry for the token's (tenant, subject), that entry's status, roles, unit binding,
 * modules and name replace the token's (one GetItem, cached ≤ 5 s per API instance), so a disabled
 * user's still-valid token is refused and an edited role applies within seconds. Without an entry
 * (identities provisioned only at the identity provider: the operator, leadership, test tokens) the
 * token's claims are used. An entry never widens: it is looked up in the token's own tenant, grants
 * tenant roles only, and the token's tenant and rollup scope are kept.
 */
async function effectiveClaims(ctx: Context, claims: Claims): Promise<Claims> {
  if (!claims.tenantId) return claims;
  const entry = await ctx.deps.users.directoryEntry(claims.tenantId, claims.sub);
  if (!entry) return claims;
  if ((entry.status ?? 'active') !== 'active') {
    throw unauthorized({ zh: '账号已停用，请联系本单位管理员', en: 'Your account is disabled; contact your federation administrator' }, { reason: 'user_disabled' });
  }
  return {
    sub: claims.sub,
    name: entry.name,
    roles: entry.roles.filter((r) => tenantRoleSet.has(r)),
    tenantId: claims.tenantId,
    unitId: entry.unitId,
    scope: claims.scope,
    modules: entry.modules?.length ? entry.modules : undefined,
  };
}

/** A signed-in caller's claims as they count now, refused when absent or not assigned to the procedure's module. */
async function authorised(ctx: Context, path: string): Promise<Claims> {
  if (!ctx.claims) throw unauthorized(tokenProblemText[ctx.authProblem ?? 'missing'], { reason: ctx.authProblem ?? 'missing' });
  const claims = await effectiveClaims(ctx, ctx.claims);
  // Staff assigned to modules call only those modules' procedures (and the shared ones).
  const module = moduleOfPath(path);
  if (module && claims.modules && !claims.modules.includes(module)) throw denied('您未被分配该业务模块', 'You are not assigned to this module', { reason: 'module_not_assigned', module });
  return claims;
}

const actorOf = (claims: Claims) => ({ sub: claims.sub, name: claims.name, roles: claims.roles });

export const authedProcedure = publicProcedure.use(async ({ ctx, path, next }) => {
  const claims = await authorised(ctx, path);
  return next({ ctx: { claims, actor: actorOf(claims) } });
});

const hasAny = (claims: Claims, allowed: readonly Role[]) => claims.roles.some((r) => allowed.includes(r));

export const platformProcedure = authedProcedure
  .use(({ ctx, next }) => {
    if (!hasAny(ctx.claims, ['platform_operator'])) throw denied('仅平台运营人员可操作', 'Platform operators only');
    return next();
  })
  .use(idempotent(() => PLATFORM_AUDIT_TENANT));

/**
 * Narrows to one tenant: the tenant named by the verified token (never by input), active,
 * and a role among `allowed`. Unit reporters are further bound to their unit.
 */
async function tenantOfCall(ctx: Context, claims: Claims, allowed: readonly Role[]): Promise<{ scope: TenantScope; tenant: Tenant }> {
  const tenantRoles = claims.roles.filter((r) => allowed.includes(r));
  const tenant = claims.tenantId ? await ctx.deps.tenants.get(claims.tenantId) : undefined;
  if (tenant && tenant.status !== 'active') throw tenantSuspended();
  if (!claims.tenantId || tenantRoles.length === 0) throw denied('无权访问该功能', 'Not permitted for your role');
  if (!tenant) throw denied('所属租户不存在', 'Your tenant does not exist');
  const onlyReporter = tenantRoles.every((r) => r === 'unit_reporter');
  if (onlyReporter && !claims.unitId) throw denied('填报员未绑定基层工会', 'Unit reporter is not bound to a unit');
  const scope: TenantScope = {
    kind: 'tenant',
    tenantId: tenant.id,
    divisionCode: tenant.divisionCode,
    actor: { sub: claims.sub, name: claims.name, roles: tenantRoles },
    unitId: onlyReporter ? claims.unitId : undefined,
  };
  return { scope, tenant };
}

/**
 * The tier of nearly every call (a tenant's staff, reporters, admins), in one middleware — `publicProcedure`,
 * `authedProcedure`, the tenant narrowing and idempotency as their steps, not four levels (each level copies the
 * call's options twice: measurable on the read path).
 */
export const tenantProcedure = (allowed: readonly Role[]) =>
  t.procedure.use(async (opts) => {
    const { ctx, path, next } = opts;
    await admit(ctx);
    try {
      const claims = await authorised(ctx, path);
      const { scope, tenant } = await tenantOfCall(ctx, claims, allowed);
      const actor = actorOf(claims);
      return mapUnexpected(
        await idempotently(
          opts,
          () => scope.tenantId,
          (idempotency) => next({ ctx: { path, claims, actor, scope, tenant, idempotency } }),
          (response) => ({ ok: true as const, data: response, ctx: { ...ctx, path, claims, actor, scope, tenant, idempotency: undefined }, marker: middlewareMarker }),
        ),
      );
    } catch (err) {
      throw asCallError(err) ?? err;
    }
  });

/**
 * Narrows to a rollup scope: a leadership viewer's division code, or a federation admin's
 * own tenant (a city federation's admins see their counties). Record-level data is never
 * reachable from here: only rollup partitions.
 */
export const rollupProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const actor = ctx.actor;
  // A suspended tenant's users read nothing, its leadership's scope included; its rows stay in others' rollups.
  const tenant = ctx.claims.tenantId ? await ctx.deps.tenants.get(ctx.claims.tenantId) : undefined;
  if (ctx.claims.tenantId && !tenant) throw denied('所属租户不存在', 'Your tenant does not exist');
  if (tenant && tenant.status !== 'active') throw tenantSuspended();
  if (hasAny(ctx.claims, ['leadership_viewer']) && ctx.claims.scope) {
    const scope: RollupScope = { kind: 'rollup', code: ctx.claims.scope, actor };
    return next({ ctx: { rollupScope: scope } });
  }
  if (tenant && hasAny(ctx.claims, ['federation_admin', 'federation_staff', 'leadership_viewer'])) {
    const code = ownScope(tenant.divisionCode);
    const scope: RollupScope = tenant.level === 'city' ? { kind: 'rollup', code, actor } : { kind: 'rollup', code, actor, tenantId: tenant.id };
    return next({ ctx: { rollupScope: scope } });
  }
  throw denied('无权查看汇总数据', 'Not permitted to read rollups');
});

/**
 * A change a rollup reader makes to its own reading (a share link for a meeting screen): audited in the caller's
 * tenant, or the platform's log for a leader who has none, and replayed to a retry under the same key.
 */
export const rollupWriteProcedure = rollupProcedure.use(idempotent((ctx) => ctx.claims?.tenantId ?? PLATFORM_AUDIT_TENANT));

/** Whose rollups a rollup administrator acts on: any scope (the platform operator), or the admin's own federation's scope. */
export type RollupAdmin = { kind: 'operator' } | { kind: 'federation'; tenant: Tenant; scope: RollupScope };

/**
 * The platform operator (any scope; audited in the platform's log) or a federation admin of an active tenant (their
 * own rollup scope as `rollupProcedure` decides it: a city federation its city, a county federation its own row).
 * Leadership viewers and staff are refused: this tier re-reads the records behind the rollups.
 */
export const rollupAdminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (hasAny(ctx.claims, ['platform_operator'])) return next({ ctx: { rollupAdmin: { kind: 'operator' } as RollupAdmin } });
  const tenant = ctx.claims.tenantId && hasAny(ctx.claims, ['federation_admin']) ? await ctx.deps.tenants.get(ctx.claims.tenantId) : undefined;
  if (tenant && tenant.status !== 'active') throw tenantSuspended();
  if (!tenant) throw denied('仅平台运营人员和总工会管理员可重新核算', 'Platform operators and federation admins only');
  const code = ownScope(tenant.divisionCode);
  const actor = { sub: ctx.claims.sub, name: ctx.claims.name, roles: ctx.claims.roles.filter((r) => r === 'federation_admin') };
  const scope: RollupScope = tenant.level === 'city' ? { kind: 'rollup', code, actor } : { kind: 'rollup', code, actor, tenantId: tenant.id };
  return next({ ctx: { rollupAdmin: { kind: 'federation', tenant, scope } as RollupAdmin } });
});
