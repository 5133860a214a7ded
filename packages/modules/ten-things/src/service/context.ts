import type { ApiDeps } from '@ufp/kit/deps';
import type { WriteCtx } from '@ufp/kit/transition';
import { checkVisible } from '../domain/item.js';
import type { Item } from '../domain/model.js';
import { TenThingsStore } from '../store.js';

/** A tenant procedure's context: the caller's scope and the runtime's deps. */
export type Ctx = WriteCtx;

const stores = new WeakMap<ApiDeps, TenThingsStore>();
/** The module's store, built once per runtime from the shared table and cursor codec. */
export function tenThingsStore(deps: ApiDeps): TenThingsStore {
  let store = stores.get(deps);
  if (!store) stores.set(deps, (store = new TenThingsStore(deps.table, deps.cursors)));
  return store;
}

/** The item, if the caller may see it (a reporter of another unit gets "not found"). */
export async function visibleItem(ctx: Ctx, itemId: string): Promise<Item> {
  return checkVisible(ctx.scope, await tenThingsStore(ctx.deps).getItem(ctx.scope, itemId));
}
