import { shanghaiDate, shanghaiYear } from '@ufp/core/clock';
import { notFound } from '@ufp/core/errors';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import type { ApiDeps } from '@ufp/kit/deps';
import { publicTenant, type Context } from '@ufp/kit/trpc';
import { HardshipStore } from '../store.js';
import { provinceOf } from '@ufp/core/rollups/scopes';

/** A tenant procedure's context. */
export type Ctx = Context & { scope: TenantScope };
type WithDeps = { deps: ApiDeps };

export const store = (ctx: { deps: Pick<ApiDeps, 'table' | 'cursors'> }) => new HardshipStore(ctx.deps.table, ctx.deps.cursors);
export const today = (ctx: { deps: Pick<ApiDeps, 'clock'> }) => shanghaiDate(ctx.deps.clock.now());
export const thisYear = (ctx: { deps: Pick<ApiDeps, 'clock'> }) => shanghaiYear(ctx.deps.clock.now());
/** The province of the tenant (the scope of the cross-federation duplicate check). */
export const province = (scope: { divisionCode: string }) => provinceOf(scope.divisionCode);

/** The scope a public page reads a tenant's data with. */
export function publicScope(tenant: Tenant): TenantScope {
  return { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: { sub: 'public', roles: [] } };
}

export async function activeTenant(ctx: WithDeps, tenantId: string): Promise<Tenant> {
  return publicTenant(ctx, tenantId, () => notFound({ zh: '工会', en: 'Federation' }));
}

/** Who is who in the tenant's user directory (user id → name): a file's timeline and lists name people, not ids. */
export async function userNames(ctx: WithDeps & { scope: TenantScope }): Promise<Map<string, string>> {
  const users = await ctx.deps.users.all(ctx.scope);
  return new Map(users.map((u) => [u.userId, u.name]));
}
