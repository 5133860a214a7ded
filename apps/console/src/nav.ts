import type { DictKey } from './i18n';
import type { Role } from './types';

export interface NavItem {
  path: string;
  key: DictKey;
  roles: readonly Role[];
}

/** Side-navigation entries, in display order, with the roles that see them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/units', key: 'nav.units', roles: ['federation_admin', 'federation_staff'] },
  { path: '/my-unit', key: 'nav.myUnit', roles: ['unit_reporter'] },
  { path: '/users', key: 'nav.users', roles: ['federation_admin'] },
  { path: '/audit', key: 'nav.audit', roles: ['federation_admin'] },
  { path: '/dead-letters', key: 'nav.deadLetters', roles: ['federation_admin'] },
  { path: '/overview', key: 'nav.overview', roles: ['federation_admin', 'federation_staff', 'leadership_viewer'] },
  { path: '/tenants', key: 'nav.tenants', roles: ['platform_operator'] },
];

/** Who may open each page (also enforced by the API; this only decides what the UI shows). */
export const ACCESS = {
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
} as const satisfies Record<string, readonly Role[]>;

export function allowed(userRoles: readonly string[] | undefined, roles: readonly string[]): boolean {
  return !!userRoles && userRoles.some((r) => roles.includes(r));
}

export function navFor(userRoles: readonly string[] | undefined): NavItem[] {
  return NAV_ITEMS.filter((i) => allowed(userRoles, i.roles));
}
