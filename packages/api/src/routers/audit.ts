import { z } from 'zod';
import { pageInput } from '../schemas.js';
import { platformAuditScope } from '@ufp/core/tenancy/scope';
import { platformProcedure, router, tenantProcedure } from '../trpc.js';

const isoDateTime = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(v), { message: '时间格式应为 ISO 8601', params: { en: 'Use an ISO 8601 date or time' } });

const listInput = z
  .object({
    ...pageInput,
    actor: z.string().max(100).optional(),
    action: z.string().max(100).optional(),
    entityType: z.string().max(50).optional(),
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  })
  .optional();

export const auditRouter = router({
  list: tenantProcedure(['federation_admin'])
    .input(listInput)
    .query(({ ctx, input }) => {
      const { cursor, limit, ...filter } = input ?? {};
      return ctx.deps.audit.list(ctx.scope, filter, { cursor, limit });
    }),
  /** The platform's own audit log (platform-wide acts such as loading a holiday notice), for the platform operator. */
  platform: platformProcedure
    .input(listInput)
    .query(({ ctx, input }) => {
      const { cursor, limit, ...filter } = input ?? {};
      return ctx.deps.audit.list(platformAuditScope(ctx.actor), filter, { cursor, limit });
    }),
});
