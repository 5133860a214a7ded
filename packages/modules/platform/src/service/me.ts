import { scopeLevel } from '@ufp/core/rollups/scopes';
import { provinceName } from '@ufp/core/validation/division';
import { getItem } from '@ufp/db/query';
import { keys } from '@ufp/db/keys';
import { storedUnit } from '@ufp/db/repositories/units';
import { parseStored } from '@ufp/db/stored';
import type { Claims } from '@ufp/kit/auth';
import type { Context } from '@ufp/kit/trpc';

/**
 * Who the console is talking to: roles, tenant, bound unit, rollup scope and assigned modules — as the
 * user directory has them (see `effectiveClaims`). Answers for a suspended tenant's users too, with
 * `tenant.status`, so the console can say why every other call is refused.
 */
export async function me(ctx: Context & { claims: Claims }) {
  const { claims } = ctx;
  const tenant = claims.tenantId ? await ctx.deps.tenants.get(claims.tenantId) : undefined;
  const item = tenant?.status === 'active' && claims.unitId ? await getItem<Record<string, unknown>>(ctx.deps.table, keys.unit(tenant.id, claims.unitId)) : undefined;
  const unit = item ? parseStored(storedUnit, item, 'unit') : undefined;
  const scopeCode = claims.scope;
  return {
    sub: claims.sub,
    name: claims.name,
    roles: claims.roles,
    tenantId: tenant?.id,
    tenant: tenant ? { id: tenant.id, name: tenant.name, level: tenant.level, divisionCode: tenant.divisionCode, status: tenant.status } : undefined,
    unitId: unit?.unitId,
    modules: claims.modules,
    unit: unit ? { unitId: unit.unitId, name: unit.name } : undefined,
    scope: scopeCode ? { code: scopeCode, name: scopeCode.length === 2 ? (provinceName(scopeCode)?.zhFull ?? scopeCode) : scopeCode, level: scopeLevel(scopeCode) } : undefined,
  };
}
