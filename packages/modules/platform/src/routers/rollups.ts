import { rollupAdminProcedure, rollupProcedure, router } from '@ufp/kit/trpc';
import { recountInput, rollupsInput } from '../schemas.js';
import * as recount from '../service/recount.js';
import * as rollups from '../service/rollups.js';

export const rollupsRouter = router({
  /** Aggregates for the caller's scope, from rollup partitions only (see `overview`). */
  overview: rollupProcedure.input(rollupsInput).query(({ ctx, input }) => rollups.overview(ctx, input.year)),
  /** 重新核算: the scope's figures recomputed from the records beside the projected rollup; reports only, audited. */
  recount: rollupAdminProcedure.meta({ auditedRead: true }).input(recountInput).mutation(({ ctx, input }) => recount.recount(ctx, input)),
});
