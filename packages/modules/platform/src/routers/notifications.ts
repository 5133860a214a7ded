import { z } from 'zod';
import { recordId } from '@ufp/core/validation/zod';
import { NotificationRepository } from '@ufp/db/repositories/notifications';
import { router, tenantProcedure } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';

const readers = tenantProcedure(['federation_admin', 'federation_staff', 'unit_reporter']);
const editors = tenantProcedure(['federation_admin', 'federation_staff']);

/** The tenant's in-app notifications from every module (legal clocks, hardship clocks, 十件实事 items). */
export const notificationsRouter = router({
  list: readers
    .input(z.object({ unreadOnly: z.boolean().optional(), module: z.enum(['contracts', 'hardship', 'tenThings']).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const items = await new NotificationRepository(ctx.deps.table).list(ctx.scope);
      // Unit reporters get no tenant-wide notices; staff assigned to modules get those modules' only.
      const mine = ctx.claims.modules;
      const visible = ctx.scope.unitId ? [] : items.filter((n) => (!input?.module || n.module === input.module) && (!mine || mine.includes(n.module)));
      return { items: input?.unreadOnly ? visible.filter((n) => !n.readAt) : visible, unread: visible.filter((n) => !n.readAt).length };
    }),
  markRead: editors.input(z.object({ id: recordId(200) })).mutation(({ ctx, input }) =>
    write(ctx, (uow, now) => {
      new NotificationRepository(ctx.deps.table).markRead(uow, ctx.scope.tenantId, input.id, now.toISOString(), ctx.claims.modules);
      uow.audit({ action: 'notifications.markRead', entityType: 'notification', entityId: input.id, summary: '标记通知为已读' });
      return { id: input.id, readAt: now.toISOString() };
    }),
  ),
});
