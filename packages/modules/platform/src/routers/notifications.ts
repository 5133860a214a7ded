import { router, tenantProcedure } from '@ufp/kit/trpc';
import { listNotificationsInput, markReadInput } from '../schemas.js';
import * as notifications from '../service/notifications.js';

const readers = tenantProcedure(['federation_admin', 'federation_staff', 'unit_reporter']);

/** The tenant's in-app notifications from every module (legal clocks, hardship clocks, 十件实事 items). */
export const notificationsRouter = router({
  list: readers.input(listNotificationsInput).query(({ ctx, input }) => notifications.listNotifications(ctx, input)),
  markRead: readers.input(markReadInput).mutation(({ ctx, input }) => notifications.markRead(ctx, input.id)),
});
