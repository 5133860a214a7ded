import { notFound } from '@ufp/core/errors';
import type { Item } from '@ufp/core/ten-things/model';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { TenThingsRepository } from '@ufp/db/repositories/ten-things';
import type { ApiDeps } from '@ufp/kit/deps';
import { tenantProcedure, type Context } from '@ufp/kit/trpc';

/** What the 十件实事 routers share: the repository, the procedure tiers and who may see an item. */
export type Ctx = Context & { deps: ApiDeps; scope: TenantScope };

export const admins = tenantProcedure(['federation_admin']);
export const staff = tenantProcedure(['federation_admin', 'federation_staff']);
export const anyone = tenantProcedure(['federation_admin', 'federation_staff', 'unit_reporter']);

const repos = new WeakMap<ApiDeps, TenThingsRepository>();
/** The module's repository, built once per runtime from the shared table and cursor codec. */
export const tenThingsRepo = (deps: ApiDeps): TenThingsRepository => {
  let repo = repos.get(deps);
  if (!repo) repos.set(deps, (repo = new TenThingsRepository(deps.table, deps.cursors)));
  return repo;
};

/** Staff see every item; a unit reporter only items their unit is co-responsible for (others are "not found"). */
export async function visibleItem(ctx: Ctx, itemId: string): Promise<Item> {
  const item = await tenThingsRepo(ctx.deps).getItem(ctx.scope, itemId);
  if (ctx.scope.unitId && !(item.stage === 'adopted' && item.assignment?.coUnitIds.includes(ctx.scope.unitId))) throw notFound({ zh: '实事项目', en: 'Ten-things item' });
  return item;
}
