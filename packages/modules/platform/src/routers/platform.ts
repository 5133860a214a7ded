import { platformProcedure, router } from '@ufp/kit/trpc';
import { createTenantInput, reactivateTenantInput, suspendTenantInput, updateTenantInput } from '../schemas.js';
import * as tenants from '../service/tenants.js';
import { platformDeadLettersRouter } from './dead-letters.js';

/** The platform operator's tenants (each change audited in the platform's log and the tenant's own) and dead letters. */
export const platformRouter = router({
  tenants: router({
    create: platformProcedure.input(createTenantInput).mutation(({ ctx, input }) => tenants.createTenant(ctx, input)),
    /** Every tenant with its status; a suspended one with when, by whom and why. */
    list: platformProcedure.query(({ ctx }) => tenants.listTenants(ctx)),
    /** Name and contact (the id, level and division code are fixed at creation). */
    update: platformProcedure.input(updateTenantInput).mutation(({ ctx, input }) => tenants.updateTenantDetails(ctx, input)),
    /** Its users are refused and its public pages paused within seconds; nothing is deleted (see `suspend`). */
    suspend: platformProcedure.input(suspendTenantInput).mutation(({ ctx, input }) => tenants.suspend(ctx, input)),
    reactivate: platformProcedure.input(reactivateTenantInput).mutation(({ ctx, input }) => tenants.reactivate(ctx, input.tenantId)),
  }),
  deadLetters: platformDeadLettersRouter,
});
