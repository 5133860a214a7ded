import { platformProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import { deadLetterFilterInput, pageOnlyInput, redriveInput, replayInput } from '../schemas.js';
import * as deadLetters from '../service/dead-letters.js';

const admins = tenantProcedure(['federation_admin']);

/** A tenant admin's own tenant: the consumer failures parked there, and a replay of one. */
export const deadLettersRouter = router({
  list: admins.input(pageOnlyInput).query(({ ctx, input }) => deadLetters.listParked(ctx, input)),
  replay: admins.input(replayInput).mutation(({ ctx, input }) => deadLetters.replay(ctx, input.id)),
});

/**
 * The platform operator's dead letters across every tenant and holder (the table; in AWS also the
 * rule, Pipe and consumer-failure SQS queues): one view, counts per tenant and module, and a
 * redrive that puts each event back where it failed, audited in the platform's own log. Events
 * carry ids and numbers only, so the operator sees no tenant's personal data here.
 */
export const platformDeadLettersRouter = router({
  list: platformProcedure.input(deadLetterFilterInput.optional()).query(({ ctx, input }) => deadLetters.overview(ctx, input)),
  redrive: platformProcedure.input(redriveInput).mutation(({ ctx, input }) => deadLetters.redrive(ctx, input)),
});
