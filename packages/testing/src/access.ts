import type { FixtureRefs } from './fixtures.js';

export const FIXTURE_TENANT = '321281';

/** Who sends a fixture: a role of the fixture tenant, the platform operator, or nobody (public procedures). */
export type FixtureRole = 'platform_operator' | 'federation_admin' | 'federation_staff' | 'unit_reporter' | 'leadership_viewer' | 'anonymous';

/** The permission matrix's columns. */
export const roleKeys = [
  'platform_operator',
  'federation_admin',
  'federation_staff',
  'unit_reporter',
  'leadership_viewer(scope 32)',
  'leadership_viewer(tenant)',
  // Lifecycle columns: a staff user assigned to 帮扶 only; an admin of a suspended tenant; a disabled user
  // whose token is still valid (refused with 401, not 403).
  'federation_staff(hardship only)',
  'federation_admin(suspended tenant)',
  'federation_staff(disabled)',
] as const;
export type RoleKey = (typeof roleKeys)[number];

/**
 * One procedure's row: who may call it (`signed-in`: every caller in good standing; `public`: anyone, no sign-in
 * needed), and a valid input with a role that may send it.
 */
export interface AccessRow {
  allow: readonly RoleKey[] | 'signed-in' | 'public';
  as: FixtureRole;
  input: (f: FixtureRefs) => unknown;
}

/** A module's rows, in `packages/modules/<m>/test/access.ts` (export `access`). */
export type AccessTable = Record<string, AccessRow>;

/** Every module's access table, found by its place in the module folder: nothing to register. */
export const moduleAccess: Record<string, AccessTable> = Object.fromEntries(
  Object.entries(import.meta.glob<{ access: AccessTable }>('../../modules/*/test/access.ts', { eager: true })).map(([file, mod]) => [file.split('/')[3]!, mod.access]),
);

export const registeredAccess: AccessTable = Object.assign({}, ...Object.values(moduleAccess));
