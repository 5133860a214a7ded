import type { Role } from '@ufp/core/roles';
import { router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/visits.js';
import * as studios from '../service/studios.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
const readers = tenantProcedure([...STAFF, 'unit_reporter']);

/** The 创新工作室 registry: staff register, edit and review; a unit reporter reads its unit's studios. */
export const studiosRouter = router({
  create: staff.input(s.createStudioInput).mutation(({ ctx, input }) => studios.create(ctx, input)),
  update: staff.input(s.updateStudioInput).mutation(({ ctx, input }) => studios.update(ctx, input)),
  review: staff.input(s.reviewStudioInput).mutation(({ ctx, input }) => studios.review(ctx, input)),
  get: readers.input(s.studioIdInput).query(({ ctx, input }) => studios.get(ctx, input)),
  list: readers.input(s.listStudiosInput).query(({ ctx, input }) => studios.list(ctx, input)),
});
