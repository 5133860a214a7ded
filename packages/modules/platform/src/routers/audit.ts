import { platformProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import { auditListInput, auditVerifyInput } from '../schemas.js';
import * as audit from '../service/audit.js';

const admins = tenantProcedure(['federation_admin']);

export const auditRouter = router({
  list: admins.input(auditListInput).query(({ ctx, input }) => audit.listAudit(ctx, input)),
  /** The platform's own audit log (platform-wide acts such as loading a holiday notice), for the platform operator. */
  platform: platformProcedure.input(auditListInput).query(({ ctx, input }) => audit.listPlatformAudit(ctx, input)),
  /** Recomputes the tenant's audit chain and reports the first entry or digest that does not match, and what is not yet sealed. */
  verify: admins.input(auditVerifyInput).query(({ ctx, input }) => audit.verifyAudit(ctx, input)),
  /** The same check of the platform's own audit log, for the platform operator. */
  verifyPlatform: platformProcedure.input(auditVerifyInput).query(({ ctx, input }) => audit.verifyPlatformAudit(ctx, input)),
});
