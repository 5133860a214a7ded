import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import { shanghaiDate } from '@ufp/core/clock';
import { newId } from '@ufp/core/ids';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { publicTenant, type Context } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';
import { ratingMetrics } from '../domain/apply.js';
import { checkRateable, itemNotFound, publicItemView } from '../domain/item.js';
import { round2 } from '../domain/ledger.js';
import { itemRated } from '../events.js';
import type { publicItemInput, rateInput } from '../schemas.js';
import { tenThingsStore } from './context.js';

/** No login: the satisfaction page behind each adopted item's public link (QR code). */
async function publicItem(ctx: Context, tenantId: string, itemId: string) {
  const tenant = await publicTenant(ctx, tenantId, itemNotFound);
  const item = checkRateable(await tenThingsStore(ctx.deps).itemById(tenant.id, itemId));
  return { item, tenant };
}

export async function publicItemPage(ctx: Context, input: z.infer<typeof publicItemInput>) {
  const { item, tenant } = await publicItem(ctx, input.tenantId, input.itemId);
  return publicItemView(item, tenant.name);
}

/** One anonymous rating per client, item and day. */
export async function rate(ctx: Context, input: z.infer<typeof rateInput>) {
  const { item, tenant } = await publicItem(ctx, input.tenantId, input.itemId);
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: { sub: 'public', roles: [] } };
  const now = ctx.deps.clock.now();
  // The client is keyed by a keyed hash of its address: the address itself is never stored.
  const client = createHmac('sha256', ctx.deps.blindIndexKey).update(`rate|${ctx.clientIp ?? 'unknown'}`).digest('base64url').slice(0, 22);
  const store = tenThingsStore(ctx.deps);
  // A fresh correlation id: the client's own x-correlation-id header must not travel into the tenant's log.
  await write({ ...ctx, scope, correlationId: newId() }, (uow) => {
    store.guardRating(uow, tenant.id, item.itemId, shanghaiDate(now), client, now);
    store.addRating(uow, tenant.id, item.itemId, input.score);
    uow.emit(itemRated.create({ planId: item.planId, itemId: item.itemId, score: input.score, year: item.year, metrics: ratingMetrics(input.score) }));
    // Anonymous: the entry records that one rating was counted, never who or from where.
    uow.audit({ action: 'tenThings.public.rate', entityType: 'tenThings.item', entityId: item.itemId, summary: `收到匿名满意度评价 1 条：${item.title}` });
  });
  const sum = item.satisfaction.sum + input.score;
  const count = item.satisfaction.count + 1;
  return { mean: round2(sum / count), count };
}
