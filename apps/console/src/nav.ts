import type { ModuleName, Role } from './api-types';
import type { ModuleNavTab } from './console-module';
import type { DictKey } from './i18n';
import { CONSOLE_MODULES } from './modules';

export interface NavItem {
  path: string;
  key: DictKey;
  roles: readonly Role[];
  /** A module's page: hidden from staff who are assigned to other modules only. */
  module?: ModuleName;
  order: number;
  tab?: ModuleNavTab;
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

/** A tab of the phone's bottom tab bar: a navigation entry that also declares `tab`. */
export interface NavTab {
  path: string;
  key: DictKey;
  icon: ModuleNavTab['icon'];
}

/** The bottom tab bar of a user (the unit reporter's 任务 / 申请 / 通知 / 我的), from the modules' navigation entries. */
export function tabsFor(userRoles: readonly string[] | undefined, modules?: readonly string[]): NavTab[] {
  return NAV_ITEMS.flatMap((i) => (i.tab && allowed(userRoles, i.tab.roles) && moduleAllowed(modules, i.module) ? [{ ...i.tab, path: i.path }] : []))
    .sort((a, b) => a.order - b.order)
    .map(({ path, key, icon }) => ({ path, key: key as DictKey, icon }));
}
