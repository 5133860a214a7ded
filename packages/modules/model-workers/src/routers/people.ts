import type { Role } from '@ufp/core/roles';
import { platformProcedure, rollupProcedure, router, authedProcedure, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/people.js';
import * as honours from '../service/honours.js';
import * as people from '../service/people.js';
import * as province from '../service/province.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
const readers = tenantProcedure([...STAFF, 'unit_reporter']);

export const peopleRouter = router({
  create: staff.input(s.createPersonInput).mutation(({ ctx, input }) => people.create(ctx, input)),
  update: staff.input(s.updatePersonInput).mutation(({ ctx, input }) => people.update(ctx, input)),
  get: readers.input(s.personIdInput).query(({ ctx, input }) => people.get(ctx, input)),
  list: readers.input(s.listPeopleInput).query(({ ctx, input }) => people.list(ctx, input)),
  setStatus: staff.input(s.setStatusInput).mutation(({ ctx, input }) => people.setStatus(ctx, input)),
  reveal: staff.meta({ auditedRead: true }).input(s.revealInput).mutation(({ ctx, input }) => people.reveal(ctx, input)),
});

export const honoursRouter = router({
  ladder: authedProcedure.query(({ ctx }) => honours.ladder(ctx)),
  setLadder: platformProcedure.input(s.setLadderInput).mutation(({ ctx, input }) => honours.setLadder(ctx, input)),
  award: staff.input(s.awardInput).mutation(({ ctx, input }) => honours.award(ctx, input)),
  revoke: staff.input(s.revokeInput).mutation(({ ctx, input }) => honours.revoke(ctx, input)),
});

export const provinceRouter = router({
  summary: rollupProcedure.query(({ ctx }) => province.summary(ctx)),
});
