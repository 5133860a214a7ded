// The API's shapes as the console uses them: aliases of the router's own types (no re-declared server types).
// Enum unions are the domain's (type-only imports from @ufp/core); the small value lists the forms iterate
// are checked against them, so the bundle carries no server code (and no zod).
import type { AssignableModule, Role } from '@ufp/core/roles';
import type { UnitType } from '@ufp/core/units/unit';
import type { RouterInputs, RouterOutputs } from './api';

export type { Role, UnitType };
export type ModuleName = AssignableModule;

/** Display order of the roles: federation roles first, the platform operator last. */
export const ROLES = ['federation_admin', 'federation_staff', 'unit_reporter', 'leadership_viewer', 'platform_operator'] as const satisfies readonly Role[];
export const UNIT_TYPES = ['enterprise', 'industry', 'regional', 'new_employment_form'] as const satisfies readonly UnitType[];
export const MODULES = ['tenThings', 'hardship', 'contracts', 'modelWorkers', 'competitions'] as const satisfies readonly ModuleName[];
// Each list names every value of its union (a missing value is a type error here).
type Exhaustive<L extends readonly string[], U extends string> = [U] extends [L[number]] ? true : never;
export const listsAreExhaustive: [Exhaustive<typeof ROLES, Role>, Exhaustive<typeof UNIT_TYPES, UnitType>, Exhaustive<typeof MODULES, ModuleName>] = [true, true, true];

export type Me = RouterOutputs['me'];
export type Unit = RouterOutputs['units']['get'];
export type UnitCreateInput = RouterInputs['units']['create'];
export type UnitUpdateInput = RouterInputs['units']['update'];
