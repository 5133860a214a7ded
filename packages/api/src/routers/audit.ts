import { z } from 'zod';
import { verifyAuditLog } from '@ufp/db/audit-integrity';
import { pageInput } from '../schemas.js';
import { PLATFORM_AUDIT_TENANT, platformAuditScope } from '@ufp/core/tenancy/scope';
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

/** A period of the log to check (by when entries were written); the digest chain is always checked whole. */
const verifyInput = z.object({ from: isoDateTime.optional(), to: isoDateTime.optional() }).optional();
const period = (input: z.infer<typeof verifyInput>) => ({ from: input?.from ? new Date(input.from) : undefined, to: input?.to ? new Date(input.to) : undefined });

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
  /** Recomputes the tenant's audit chain and reports the first entry or digest that does not match, and what is not yet sealed. */
  verify: tenantProcedure(['federation_admin'])
    .input(verifyInput)
    .query(({ ctx, input }) => verifyAuditLog(ctx.deps.table, ctx.deps.auditSigner, ctx.scope.tenantId, period(input))),
  /** The same check of the platform's own audit log, for the platform operator. */
  verifyPlatform: platformProcedure
    .input(verifyInput)
    .query(({ ctx, input }) => verifyAuditLog(ctx.deps.table, ctx.deps.auditSigner, PLATFORM_AUDIT_TENANT, period(input))),
});
