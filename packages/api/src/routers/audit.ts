import { z } from 'zod';
import { pageInput } from '../schemas.js';
import { platformAuditScope } from '@ufp/core/tenancy/scope';
import { isoDateTimeSchema, isoDateTimeUntilSchema } from '@ufp/core/validation/zod';
import { platformProcedure, router, tenantProcedure } from '../trpc.js';

const listInput = z
  .object({
    ...pageInput,
    actor: z.string().max(100).optional(),
    action: z.string().max(100).optional(),
    entityType: z.string().max(50).optional(),
    /** From this instant on; a bare date is the start of that day in China. */
    from: isoDateTimeSchema.optional(),
    /** Up to this instant, inclusive; a bare date is the whole of that day. */
    to: isoDateTimeUntilSchema.optional(),
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
