import { publicProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/results.js';
import * as protests from '../service/protests.js';
import * as pub from '../service/public.js';
import * as results from '../service/results.js';

/** Staff; readers = staff + unit reporters. Panel roles (chief judge, 监督仲裁组) are checked by the service. */
const staff = tenantProcedure(['federation_admin', 'federation_staff']);
const readers = tenantProcedure(['federation_admin', 'federation_staff', 'unit_reporter']);

export const resultsRouter = router({
  publish: readers.input(s.publishInput).mutation(({ ctx, input }) => results.publish(ctx, input)),
  get: readers.input(s.stageInput).query(({ ctx, input }) => results.get(ctx, input)),
  finalize: staff.input(s.stageInput).mutation(({ ctx, input }) => results.finalize(ctx, input)),
  reveal: readers.meta({ auditedRead: true }).input(s.stageInput).mutation(({ ctx, input }) => results.reveal(ctx, input)),
  gradeRaises: staff.meta({ auditedRead: true }).input(s.gradeRaisesInput).mutation(({ ctx, input }) => results.gradeRaises(ctx, input)),
});

export const protestsRouter = router({
  file: readers.input(s.fileProtestInput).mutation(({ ctx, input }) => protests.file(ctx, input)),
  list: readers.input(s.listProtestsInput).query(({ ctx, input }) => protests.list(ctx, input)),
  decide: readers.input(s.decideProtestInput).mutation(({ ctx, input }) => protests.decide(ctx, input)),
});

export const publicRouter = router({
  scoreboard: publicProcedure.input(s.publicEventInput).query(({ ctx, input }) => pub.scoreboard(ctx, input)),
  verify: publicProcedure.input(s.publicEventInput).query(({ ctx, input }) => pub.verify(ctx, input)),
});
