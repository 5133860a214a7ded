import type { YearDeltas } from '@ufp/core/rollups/indicators';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import { queryAll } from '@ufp/db/query';
import type { ConsumerDeps, NotRecountable } from '@ufp/kit/module';
import { valuesFromDeltas } from '@ufp/kit/recount';
import type { EntryType } from './domain/ledger.js';
import type { Item } from './domain/model.js';
import { tenThingsIndicators } from './metrics.js';
import { tenThingsKeys, TenThingsStore } from './store.js';

/**
 * The period figures of one year's plan from its items (every delta of the plan carries the plan's year): the
 * adopted items by their current status and their completion (and those done on time), the progress entries on them by kind, and the
 * ratings each item keeps as a running sum and count.
 */
export function planFigures(items: readonly Pick<Item, 'stage' | 'status' | 'completionBp' | 'satisfaction' | 'doneOnTime'>[], entries: readonly { entryType: EntryType }[]): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (key: string, n: number) => (out[key] = (out[key] ?? 0) + n);
  for (const item of items) {
    add('tenThings.ratings', item.satisfaction.count);
    add('tenThings.ratingSum', item.satisfaction.sum);
    if (item.stage !== 'adopted') continue;
    add('tenThings.items.adopted', 1);
    add(`tenThings.items.${item.status ?? 'on_track'}`, 1);
    add('tenThings.completionBp', item.completionBp ?? 0);
    if (item.status === 'done' && item.doneOnTime) add('tenThings.items.doneOnTime', 1);
  }
  for (const e of entries) add(e.entryType === 'correction' ? 'tenThings.progress.corrections' : 'tenThings.progress.reports', 1);
  return out;
}

/** Every 十件实事 indicator is recountable: items keep their status, completion and ratings; the ledger keeps every entry. */
export const notRecountable: readonly NotRecountable[] = [];

export async function recount(deps: ConsumerDeps, tenant: Tenant, year: number): Promise<Record<string, number>> {
  const store = new TenThingsStore(deps.table, deps.cursors);
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: { sub: 'recount', roles: [] } };
  const plans = await queryAll<{ planId: string; year: number }>(deps.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': tenThingsKeys.planPartition(tenant.id) } });
  const deltas: YearDeltas[] = [];
  for (const plan of plans.filter((p) => Number(p.year) === year)) {
    const items = await store.planItems(scope, plan.planId);
    const ledgers = await Promise.all(
      items.filter((i) => i.stage === 'adopted').map((i) => queryAll<{ entryType: EntryType }>(deps.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': tenThingsKeys.ledgerPartition(tenant.id, i.itemId) } })),
    );
    deltas.push({ year, metrics: planFigures(items, ledgers.flat()) });
  }
  return valuesFromDeltas(tenThingsIndicators, year, deltas);
}

export const recounting = { recount, notRecountable };
