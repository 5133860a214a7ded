import type { Tenant } from '@ufp/core/tenancy/scope';
import type { NotificationRepository } from '@ufp/db/repositories/notifications';
import type { Item } from './domain/model.js';
import { ItemStatus } from './domain/status.js';

/** An item turned at risk, behind or overdue: one in-app notification per item, status and day. */
export async function notifyWarning(inbox: NotificationRepository, tenant: Tenant, item: Item, today: string, at: string): Promise<void> {
  const status = item.status!;
  await inbox.notify({
    id: `tenThings#${item.itemId}#${status}#${today}`,
    tenantId: tenant.id,
    module: 'tenThings',
    type: `item_${status}`,
    href: `/ten-things/items/${item.itemId}`,
    title: { zh: `十件实事「${item.title}」${ItemStatus.label(status)}（${today}）`, en: `Ten things: "${item.title}" is ${ItemStatus.label(status, 'en')} (${today})` },
    dueOn: today,
    createdAt: at,
  });
}
