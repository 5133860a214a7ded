import { PLATFORM_AUDIT_TENANT, platformAuditScope, type TenantScope } from '@ufp/core/tenancy/scope';
import { verifyAuditLog } from '@ufp/db/audit-integrity';
import type { z } from 'zod';
import type { auditListInput, auditVerifyInput } from '../schemas.js';
import type { PlatformCtx, TenantCtx } from './context.js';

type ListInput = z.output<typeof auditListInput>;
type Period = z.output<typeof auditVerifyInput>;

function listIn(ctx: TenantCtx | PlatformCtx, scope: TenantScope, input: ListInput) {
  const { cursor, limit, ...filter } = input ?? {};
  return ctx.deps.audit.list(scope, filter, { cursor, limit });
}

const period = (input: Period) => ({ from: input?.from ? new Date(input.from) : undefined, to: input?.to ? new Date(input.to) : undefined });

/**
 * The tenant's log with each 操作人 named from the user directory (`actorName`); an actor the directory does not
 * know (a system job, a removed entry) keeps only its subject. The stored entries are not changed. The `actor`
 * filter takes a subject or a directory user's exact name.
 */
export async function listAudit(ctx: TenantCtx, input: ListInput) {
  const users = await ctx.deps.users.all(ctx.scope);
  const named = input?.actor ? users.find((u) => u.userId !== input.actor && u.name === input.actor) : undefined;
  const page = await listIn(ctx, ctx.scope, named ? { ...input, actor: named.userId } : input);
  const names = new Map(users.map((u) => [u.userId, u.name]));
  return { ...page, items: page.items.map((e) => ({ ...e, actorName: names.get(e.actor) ?? e.actorName })) };
}

/**
 * The platform's own audit log (platform-wide acts such as loading a holiday notice), for the platform operator.
 * Operators are in no tenant's directory: each entry is named by the name written with it (the token's), else
 * by the platform's own directory entry; an operator known to neither keeps only the subject.
 */
export async function listPlatformAudit(ctx: PlatformCtx, input: ListInput) {
  const [page, names] = await Promise.all([listIn(ctx, platformAuditScope(ctx.actor), input), ctx.deps.users.platformNames()]);
  return { ...page, items: page.items.map((e) => ({ ...e, actorName: e.actorName ?? names.get(e.actor) })) };
}

/** Recomputes the tenant's audit chain and reports the first entry or digest that does not match, and what is not yet sealed. */
export const verifyAudit = (ctx: TenantCtx, input: Period) => verifyAuditLog(ctx.deps.table, ctx.deps.auditSigner, ctx.scope.tenantId, period(input));

/** The same check of the platform's own audit log, for the platform operator. */
export const verifyPlatformAudit = (ctx: PlatformCtx, input: Period) => verifyAuditLog(ctx.deps.table, ctx.deps.auditSigner, PLATFORM_AUDIT_TENANT, period(input));
