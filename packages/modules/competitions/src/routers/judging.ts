import type { Role } from '@ufp/core/roles';
import { router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/judging.js';
import * as judging from '../service/judging.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
/**
 * The tenant's users: who of them judges, chairs the panel or sits on the 监督仲裁组 of a 赛项 is the 赛项's `panel`,
 * checked by the service (404 for a missing 赛项 first, then 403 `not_on_panel`).
 */
const readers = tenantProcedure([...STAFF, 'unit_reporter']);

export const judgingRouter = router({
  mine: readers.query(({ ctx }) => judging.mine(ctx)),
  conflictList: readers.input(s.eventIdInput).query(({ ctx, input }) => judging.conflictList(ctx, input)),
  declareConflict: readers.input(s.declareConflictInput).mutation(({ ctx, input }) => judging.declareConflict(ctx, input)),
  drawWorkNumbers: staff.input(s.stageInput).mutation(({ ctx, input }) => judging.drawWorkNumbers(ctx, input)),
  sheet: readers.input(s.stageInput).query(({ ctx, input }) => judging.sheet(ctx, input)),
  /** The offline sync: duplicates counted once, conflicts kept apart, bad values refused one by one. */
  submitScores: readers.input(s.submitScoresInput).mutation(({ ctx, input }) => judging.submitScores(ctx, input)),
  resolveConflict: readers.input(s.resolveConflictInput).mutation(({ ctx, input }) => judging.resolveConflict(ctx, input)),
  /** 完成用时 per work number (chief judge or staff), within the practical time limit, while scores are open. */
  recordTimes: readers.input(s.recordTimesInput).mutation(({ ctx, input }) => judging.recordTimes(ctx, input)),
  /** The chief judge's (or staff's) view: progress, live outliers, open conflicts, completion times. */
  panel: readers.input(s.stageInput).query(({ ctx, input }) => judging.panel(ctx, input)),
});
