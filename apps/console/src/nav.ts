import type { ModuleName, Role } from './api-types';
import type { DictKey } from './i18n';
import { CONSOLE_MODULES } from './modules';

export interface NavItem {
  path: string;
  key: DictKey;
  roles: readonly Role[];
  /** A module's page: hidden from staff who are assigned to other modules only. */
  module?: ModuleName;
  order: number;
}

/** Side-navigation entries of every registered module, in display order, with the roles that see them. */
export const NAV_ITEMS: readonly NavItem[] = CONSOLE_MODULES.flatMap((m) =>
  m.nav.map((n): NavItem => ({ ...n, key: n.key as DictKey, ...(m.assignable ? { module: m.assignable } : {}) })),
).sort((a, b) => a.order - b.order);

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
