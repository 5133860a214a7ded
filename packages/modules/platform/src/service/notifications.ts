import { NotificationRepository } from '@ufp/db/repositories/notifications';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import type { listNotificationsInput } from '../schemas.js';
import type { TenantCtx } from './context.js';

/**
 * The tenant's in-app notifications from every module (legal clocks, hardship clocks, 十件实事 items). A unit
 * reporter gets those addressed to their unit only (no tenant-wide notices); staff get the federation's, and staff
 * assigned to modules those modules' only.
 */
export async function listNotifications(ctx: TenantCtx, input: z.output<typeof listNotificationsInput>) {
  const items = await new NotificationRepository(ctx.deps.table).list(ctx.scope);
  const mine = ctx.claims.modules;
  const addressed = (n: { unitId?: string }) => (ctx.scope.unitId ? n.unitId === ctx.scope.unitId : n.unitId === undefined);
  const visible = items.filter((n) => addressed(n) && (!input?.module || n.module === input.module) && (!mine || mine.includes(n.module)));
  const unread = visible.filter((n) => !n.readAt);
  return { items: input?.unreadOnly ? unread : visible, unread: unread.length };
}

/** Another module's notification is not found for staff assigned elsewhere, nor another unit's for a reporter. */
export function markRead(ctx: TenantCtx, id: string): Promise<{ id: string; readAt: string }> {
  return write(ctx, (uow, now) => {
    new NotificationRepository(ctx.deps.table).markRead(uow, ctx.scope.tenantId, id, now.toISOString(), ctx.claims.modules, ctx.scope.unitId);
    uow.audit({ action: 'notifications.markRead', entityType: 'notification', entityId: id, summary: '标记通知为已读' });
    return { id, readAt: now.toISOString() };
  });
}
