import type { Role } from '@ufp/core/roles';
import { router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/structure.js';
import * as registration from '../service/registration.js';
import * as structure from '../service/structure.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
const readers = tenantProcedure([...STAFF, 'unit_reporter']);

/** `competitions.competitions.*`: the rule packs and the competitions on them. */
export const competitionsRouter = router({
  packs: readers.query(() => structure.packs()),
  create: staff.input(s.createCompetitionInput).mutation(({ ctx, input }) => structure.createCompetition(ctx, input)),
  update: staff.input(s.updateCompetitionInput).mutation(({ ctx, input }) => structure.updateCompetition(ctx, input)),
  get: readers.input(s.competitionIdInput).query(({ ctx, input }) => structure.getCompetition(ctx, input)),
  list: readers.query(({ ctx }) => structure.listCompetitions(ctx)),
});

/** `competitions.events.*`: 赛项 with stages and registration rules, the marking scheme and the panel. */
export const eventsRouter = router({
  create: staff.input(s.createEventInput).mutation(({ ctx, input }) => structure.createEvent(ctx, input)),
  update: staff.input(s.updateEventInput).mutation(({ ctx, input }) => structure.updateEvent(ctx, input)),
  get: readers.input(s.eventIdInput).query(({ ctx, input }) => structure.getEvent(ctx, input)),
  list: readers.input(s.listEventsInput).query(({ ctx, input }) => structure.listEvents(ctx, input)),
  saveScheme: staff.input(s.saveSchemeInput).mutation(({ ctx, input }) => structure.saveScheme(ctx, input)),
  lockScheme: staff.input(s.lockSchemeInput).mutation(({ ctx, input }) => structure.lockScheme(ctx, input)),
  setPanel: staff.input(s.setPanelInput).mutation(({ ctx, input }) => structure.setPanel(ctx, input)),
  /** The directory's active users as panel candidates (name and unit): staff set up panels without reading the directory. */
  panelCandidates: staff.input(s.panelCandidatesInput).query(({ ctx, input }) => structure.panelCandidates(ctx, input)),
});

/** `competitions.contestants.*`: registration by units (reporters for their own), withdrawal, the list and 报名表. */
export const contestantsRouter = router({
  register: readers.input(s.registerInput).mutation(({ ctx, input }) => registration.register(ctx, input)),
  withdraw: readers.input(s.withdrawInput).mutation(({ ctx, input }) => registration.withdraw(ctx, input)),
  list: readers.input(s.eventIdInput).query(({ ctx, input }) => registration.list(ctx, input)),
  export: staff.input(s.exportContestantsInput).mutation(({ ctx, input }) => registration.exportList(ctx, input)),
});
