import { NotificationRepository } from '@ufp/db/repositories/notifications';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import type { listNotificationsInput } from '../schemas.js';
import type { TenantCtx } from './context.js';

/**
 * The tenant's in-app notifications from every module (legal clocks, hardship clocks, 十件实事 items). Unit
 * reporters get no tenant-wide notices; staff assigned to modules get those modules' only.
 */
export async function listNotifications(ctx: TenantCtx, input: z.output<typeof listNotificationsInput>) {
  const items = await new NotificationRepository(ctx.deps.table).list(ctx.scope);
  const mine = ctx.claims.modules;
  const visible = ctx.scope.unitId ? [] : items.filter((n) => (!input?.module || n.module === input.module) && (!mine || mine.includes(n.module)));
  const unread = visible.filter((n) => !n.readAt);
  return { items: input?.unreadOnly ? unread : visible, unread: unread.length };
}

/** Another module's notification is not found for staff assigned elsewhere. */
export function markRead(ctx: TenantCtx, id: string): Promise<{ id: string; readAt: string }> {
  return write(ctx, (uow, now) => {
    new NotificationRepository(ctx.deps.table).markRead(uow, ctx.scope.tenantId, id, now.toISOString(), ctx.claims.modules);
    uow.audit({ action: 'notifications.markRead', entityType: 'notification', entityId: id, summary: '标记通知为已读' });
    return { id, readAt: now.toISOString() };
  });
}
