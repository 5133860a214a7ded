import type { DictKey } from './i18n';
import type { ModuleName, Role } from './api-types';

export interface NavItem {
  path: string;
  key: DictKey;
  roles: readonly Role[];
  /** A module's page: hidden from staff who are assigned to other modules only. */
  module?: ModuleName;
}

/** Side-navigation entries, in display order, with the roles that see them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/units', key: 'nav.units', roles: ['federation_admin', 'federation_staff'] },
  { path: '/my-unit', key: 'nav.myUnit', roles: ['unit_reporter'] },
  { path: '/users', key: 'nav.users', roles: ['federation_admin'] },
  { path: '/audit', key: 'nav.audit', roles: ['federation_admin'] },
  { path: '/dead-letters', key: 'nav.deadLetters', roles: ['federation_admin'] },
  { path: '/hardship', key: 'nav.hardship', roles: ['federation_admin', 'federation_staff', 'unit_reporter'], module: 'hardship' },
  { path: '/contracts', key: 'nav.contracts', roles: ['federation_admin', 'federation_staff', 'unit_reporter'], module: 'contracts' },
  { path: '/ten-things', key: 'nav.tenThings', roles: ['federation_admin', 'federation_staff'], module: 'tenThings' },
  { path: '/ten-things/my', key: 'nav.tenThingsMine', roles: ['unit_reporter'], module: 'tenThings' },
  { path: '/ten-things/compare', key: 'nav.tenThingsCompare', roles: ['federation_admin', 'federation_staff'], module: 'tenThings' },
  { path: '/notifications', key: 'nav.notifications', roles: ['federation_admin', 'federation_staff'] },
  { path: '/overview', key: 'nav.overview', roles: ['federation_admin', 'federation_staff', 'leadership_viewer'] },
  // Leadership land on the overview (first entry), then the module comparisons.
  { path: '/ten-things/compare', key: 'nav.tenThingsCompare', roles: ['leadership_viewer'], module: 'tenThings' },
  { path: '/hardship/charts', key: 'nav.hardshipCharts', roles: ['leadership_viewer'], module: 'hardship' },
  { path: '/tenants', key: 'nav.tenants', roles: ['platform_operator'] },
  { path: '/calendar', key: 'nav.calendar', roles: ['platform_operator'] },
  { path: '/platform/dead-letters', key: 'nav.platformDeadLetters', roles: ['platform_operator'] },
];

/** Who may open each page (also enforced by the API; this only decides what the UI shows). */
export const ACCESS = {
  tenThings: ['federation_admin', 'federation_staff'],
  tenThingsItem: ['federation_admin', 'federation_staff', 'unit_reporter'],
  tenThingsMine: ['unit_reporter'],
  tenThingsCompare: ['federation_admin', 'federation_staff', 'leadership_viewer'],
  unitsRead: ['federation_admin', 'federation_staff'],
  unitsWrite: ['federation_admin'],
  /** Unmasked chair phone (audited): staff may need to call the chair, as the API allows. */
  revealPhone: ['federation_admin', 'federation_staff'],
  myUnit: ['unit_reporter'],
  users: ['federation_admin'],
  audit: ['federation_admin'],
  deadLetters: ['federation_admin'],
  overview: ['federation_admin', 'federation_staff', 'leadership_viewer'],
  tenants: ['platform_operator'],
  /** The holiday notices every tenant's legal clocks run on, and the platform audit log. */
  calendar: ['platform_operator'],
  /** Every tenant's dead letters and the AWS dead-letter queues, with their redrive. */
  platformDeadLetters: ['platform_operator'],
  hardship: ['federation_admin', 'federation_staff', 'unit_reporter'],
  contracts: ['federation_admin', 'federation_staff', 'unit_reporter'],
  contractsWrite: ['federation_admin', 'federation_staff'],
  notifications: ['federation_admin', 'federation_staff'],
  hardshipStaff: ['federation_admin', 'federation_staff'],
  hardshipCharts: ['federation_admin', 'federation_staff', 'leadership_viewer'],
} as const satisfies Record<string, readonly Role[]>;

export function allowed(userRoles: readonly string[] | undefined, roles: readonly string[]): boolean {
  return !!userRoles && userRoles.some((r) => roles.includes(r));
}

/** Absent or empty `modules`: every module. */
export function moduleAllowed(modules: readonly string[] | undefined, module: string | undefined): boolean {
  return !module || !modules?.length || modules.includes(module);
}

export function navFor(userRoles: readonly string[] | undefined, modules?: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((i) => allowed(userRoles, i.roles) && moduleAllowed(modules, i.module));
}
