import { z } from 'zod';
import { defineEvent, metricFields } from '@ufp/kit/event';
import { UnitType } from './domain/unit.js';

/** A grassroots union registered: its rollup figures (count, members, type) in `metrics`. */
export const unitCreated = defineEvent(
  'units.unit.created',
  z.object({ unitId: z.string(), type: z.enum(UnitType.values), memberCount: z.number().int(), ...metricFields }),
);

/** A grassroots union edited: the names of the fields that changed, and the rollup deltas when any. */
export const unitUpdated = defineEvent('units.unit.updated', z.object({ unitId: z.string(), changed: z.array(z.string()), ...metricFields }));

const tenantStatus = z.enum(['active', 'suspended']);

export const tenantCreated = defineEvent('platform.tenant.created', z.object({ tenantId: z.string(), level: z.enum(['city', 'county']), divisionCode: z.string() }));
export const tenantUpdated = defineEvent('platform.tenant.updated', z.object({ tenantId: z.string(), status: tenantStatus }));
export const tenantSuspended = defineEvent('platform.tenant.suspended', z.object({ tenantId: z.string(), status: tenantStatus }));
export const tenantReactivated = defineEvent('platform.tenant.reactivated', z.object({ tenantId: z.string(), status: tenantStatus }));

/** Every event the platform module emits (users, notifications, audit and dead letters emit none). */
export const platformEvents = [unitCreated, unitUpdated, tenantCreated, tenantUpdated, tenantSuspended, tenantReactivated] as const;
