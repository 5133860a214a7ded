import type { Role } from '@ufp/core/roles';
import { router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/visits.js';
import * as visits from '../service/visits.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
/** A member unit files its enterprise's request and follows it; staff match people and log visits. */
const readers = tenantProcedure([...STAFF, 'unit_reporter']);

export const visitsRouter = router({
  file: readers.input(s.fileRequestInput).mutation(({ ctx, input }) => visits.file(ctx, input)),
  list: readers.input(s.listRequestsInput).query(({ ctx, input }) => visits.list(ctx, input)),
  /** 走访记录 across requests, newest first, with the totals of the filtered range. */
  logs: readers.input(s.visitLogsInput).query(({ ctx, input }) => visits.logs(ctx, input)),
  exportLogs: readers.input(s.exportVisitLogsInput).mutation(({ ctx, input }) => visits.exportLogs(ctx, input)),
  get: readers.input(s.requestIdInput).query(({ ctx, input }) => visits.get(ctx, input)),
  suggest: staff.input(s.requestIdInput).query(({ ctx, input }) => visits.suggest(ctx, input)),
  match: staff.input(s.matchInput).mutation(({ ctx, input }) => visits.match(ctx, input)),
  log: staff.input(s.logVisitInput).mutation(({ ctx, input }) => visits.log(ctx, input)),
  reveal: staff.meta({ auditedRead: true }).input(s.revealContactInput).mutation(({ ctx, input }) => visits.reveal(ctx, input)),
});
