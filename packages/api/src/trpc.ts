import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { middlewareMarker } from '@trpc/server/unstable-core-do-not-import';
import { DomainError, storeUnavailable, type DomainErrorKind } from '@ufp/core/errors';
import type { Role } from '@ufp/core/roles';
import { ownScope } from '@ufp/core/rollups/scopes';
import { PLATFORM_AUDIT_TENANT, type RollupScope, type TenantScope } from '@ufp/core/tenancy/scope';
import { isStoreUnavailable } from '@ufp/db/store-errors';
import type { Claims } from './auth.js';
import type { ApiDeps } from './deps.js';
import { inputHash, malformedKey, replayOf, storeFinalResponse, type IdempotentCall } from './idempotency.js';
import { issueView } from './zod-bilingual.js';

export interface Context {
  deps: ApiDeps;
  claims?: Claims;
  /** Why there are no claims: no bearer token, or one that failed verification. */
  authProblem?: 'missing' | 'invalid';
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

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (cause instanceof ZodError) {
      const issues = cause.issues.map(issueView);
      const first = issues[0];
      const where = (i: typeof first) => (i && i.path.length ? `${i.path.join('.')}: ` : '');
      return {
        ...shape,
        message: `输入有误 — ${where(first)}${first?.message ?? ''}`,
        data: { ...shape.data, stack: undefined, issues, messageEn: `Invalid input — ${where(first)}${first?.messageEn ?? ''}` },
      };
    }
    const domain = cause instanceof DomainError ? cause : undefined;
    // An unexpected failure says so and nothing more: internal messages stay in the server log.
    const internal = !domain && error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: domain ? domain.text.zh : internal ? '服务器内部错误，请稍后重试' : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        messageEn: domain?.text.en ?? (internal ? 'Internal server error, please retry later' : undefined),
        details: domain?.details,
        issues: typeof domain?.details.field === 'string' ? [{ path: [domain.details.field], message: domain.text.zh, messageEn: domain.text.en }] : undefined,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Domain errors leave as their HTTP-mapped tRPC codes; a store that cannot serve the call right now is a 503
 * (try again); anything else unexpected stays a 500.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    const cause = result.error.cause instanceof DomainError ? result.error.cause : isStoreUnavailable(result.error.cause) ? storeUnavailable() : undefined;
    if (cause) throw new TRPCError({ code: codeOf[cause.kind], message: cause.text.zh, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors).use(({ ctx, path, next }) => {
  if (ctx.idempotencyKeyMalformed) throw malformedKey();
  return next({ ctx: { ...ctx, path } });
});

/**
 * A mutation sent with an `Idempotency-Key`: the first response is replayed to a retry before the
 * procedure runs; a key used for another request is refused. The response is stored by `write()` in the
 * change's own transaction (and refreshed with the final response here). When the call fails because a
 * concurrent twin applied it first, the twin's response is returned instead of the failure.
 */
const idempotent = (tenantOf: (ctx: Context & { scope?: TenantScope }) => string) =>
  t.middleware(async ({ ctx, type, path, meta, getRawInput, next }) => {
    const actor = ctx.claims?.sub;
    if (type !== 'mutation' || !ctx.idempotencyKey || !actor || meta?.auditedRead) return next({ ctx: { idempotency: undefined } });
    const call: IdempotentCall = { tenantId: tenantOf(ctx), key: ctx.idempotencyKey, actor, procedure: path, inputHash: await inputHash(await getRawInput()) };
    const replay = (response: unknown) => ({ ok: true as const, data: response, ctx, marker: middlewareMarker });
    const earlier = await replayOf(ctx.deps.table, call);
    if (earlier.found) return replay(earlier.response);
    const result = await next({ ctx: { idempotency: call } });
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
  });

const denied = (zh: string, en: string) => new TRPCError({ code: 'FORBIDDEN', message: zh, cause: new DomainError('forbidden', { zh, en }) });

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.claims) {
    const zh = ctx.authProblem === 'invalid' ? '登录凭证无效或已过期' : '请先登录';
    const en = ctx.authProblem === 'invalid' ? 'Invalid or expired token' : 'Sign-in required';
    throw new TRPCError({ code: 'UNAUTHORIZED', message: zh, cause: new DomainError('forbidden', { zh, en }) });
  }
  return next({ ctx: { ...ctx, claims: ctx.claims, actor: { sub: ctx.claims.sub, name: ctx.claims.name, roles: ctx.claims.roles } } });
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
export const tenantProcedure = (allowed: readonly Role[]) =>
  authedProcedure.use(async ({ ctx, next }) => {
    const tenantRoles = ctx.claims.roles.filter((r) => allowed.includes(r));
    if (!ctx.claims.tenantId || tenantRoles.length === 0) throw denied('无权访问该功能', 'Not permitted for your role');
    const tenant = await ctx.deps.tenants.get(ctx.claims.tenantId);
    if (!tenant) throw denied('所属租户不存在', 'Your tenant does not exist');
    if (tenant.status !== 'active') throw denied('所属租户已停用', 'Your tenant is suspended');
    const onlyReporter = tenantRoles.every((r) => r === 'unit_reporter');
    if (onlyReporter && !ctx.claims.unitId) throw denied('填报员未绑定基层工会', 'Unit reporter is not bound to a unit');
    const scope: TenantScope = {
      kind: 'tenant',
      tenantId: tenant.id,
      divisionCode: tenant.divisionCode,
      actor: { sub: ctx.claims.sub, name: ctx.claims.name, roles: tenantRoles },
      unitId: onlyReporter ? ctx.claims.unitId : undefined,
    };
    return next({ ctx: { ...ctx, scope, tenant } });
  }).use(idempotent((ctx) => ctx.scope!.tenantId));

/**
 * Narrows to a rollup scope: a leadership viewer's division code, or a federation admin's
 * own tenant (a city federation's admins see their counties). Record-level data is never
 * reachable from here: only rollup partitions.
 */
export const rollupProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const actor = ctx.actor;
  if (hasAny(ctx.claims, ['leadership_viewer']) && ctx.claims.scope) {
    const scope: RollupScope = { kind: 'rollup', code: ctx.claims.scope, actor };
    return next({ ctx: { ...ctx, rollupScope: scope } });
  }
  if (ctx.claims.tenantId && hasAny(ctx.claims, ['federation_admin', 'federation_staff', 'leadership_viewer'])) {
    const tenant = await ctx.deps.tenants.get(ctx.claims.tenantId);
    if (!tenant || tenant.status !== 'active') throw denied('所属租户不可用', 'Your tenant is unavailable');
    const code = ownScope(tenant.divisionCode);
    const scope: RollupScope = tenant.level === 'city' ? { kind: 'rollup', code, actor } : { kind: 'rollup', code, actor, tenantId: tenant.id };
    return next({ ctx: { ...ctx, rollupScope: scope } });
  }
  throw denied('无权查看汇总数据', 'Not permitted to read rollups');
});
