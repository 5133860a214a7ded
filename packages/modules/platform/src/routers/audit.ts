import { z } from 'zod';
import { verifyAuditLog } from '@ufp/db/audit-integrity';
import { pageInput } from '@ufp/kit/schemas';
import { PLATFORM_AUDIT_TENANT, platformAuditScope } from '@ufp/core/tenancy/scope';
import { limits } from '@ufp/core/validation/limits';
import { isoDateTimeSchema, isoDateTimeUntilSchema, text } from '@ufp/core/validation/zod';
import { platformProcedure, router, tenantProcedure } from '@ufp/kit/trpc';

const listInput = z
  .object({
    ...pageInput,
    actor: text(limits.audit.actor).optional(),
    action: text(limits.audit.action).optional(),
    entityType: text(limits.audit.entityType).optional(),
    /** From this instant on; a bare date is the start of that day in China. */
    from: isoDateTimeSchema.optional(),
    /** Up to this instant, inclusive; a bare date is the whole of that day. */
    to: isoDateTimeUntilSchema.optional(),
  })
  .optional();

/** A period of the log to check (by when entries were written); the digest chain is always checked whole. */
const verifyInput = z.object({ from: isoDateTimeSchema.optional(), to: isoDateTimeUntilSchema.optional() }).optional();
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
