import { router, tenantProcedure } from '@ufp/kit/trpc';
import { createUnitInput, listUnitsInput, unitIdInput, updateUnitContactInput, updateUnitInput } from '../schemas.js';
import * as units from '../service/units.js';

const readers = tenantProcedure(['federation_admin', 'federation_staff', 'unit_reporter']);
const admins = tenantProcedure(['federation_admin']);

export const unitsRouter = router({
  create: admins.input(createUnitInput).mutation(({ ctx, input }) => units.createUnit(ctx, input)),
  update: admins.input(updateUnitInput).mutation(({ ctx, input }) => units.updateUnit(ctx, input)),
  /** The chair's name and phone, by the unit's own reporter or staff; never its name, type or USCC. */
  updateContact: readers.input(updateUnitContactInput).mutation(({ ctx, input }) => units.updateUnitContact(ctx, input)),
  get: readers.input(unitIdInput).query(({ ctx, input }) => units.getUnit(ctx, input.unitId)),
  list: readers.input(listUnitsInput).query(({ ctx, input }) => units.listUnits(ctx, input)),
  /** The unmasked phone, for staff who must call the chair; every read is audit-logged. */
  revealChairPhone: tenantProcedure(['federation_admin', 'federation_staff'])
    .meta({ auditedRead: true })
    .input(unitIdInput)
    .mutation(({ ctx, input }) => units.revealChairPhone(ctx, input.unitId)),
});
