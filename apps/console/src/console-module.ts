import type { Component } from 'solid-js';
import type { ModuleName, Role } from './api-types';

/** A page of a module. In the shell (behind sign-in) unless `public`; guarded by `roles` (and, for staff, `module`). */
export interface ModuleRoute {
  path: string;
  component: Component;
  /** Who may open it (also enforced by the API; this only decides what the UI shows). Absent: public page. */
  roles?: readonly Role[];
  /** A public page (no shell, no sign-in): `/self-test`, `/rate/…`. */
  public?: boolean;
}

/** A side-navigation entry. */
export interface ModuleNavItem {
  path: string;
  /** A key of the module's dictionary. */
  key: string;
  roles: readonly Role[];
  /** Position in the side navigation (entries of every module are merged and sorted by it). */
  order: number;
  /** Also a tab of the phone's bottom tab bar (≤ 600 px) for these roles: a short label key and the tab's position. */
  tab?: ModuleNavTab;
}

/** A bottom-tab-bar entry (the 智慧工会 apps' 任务 / 申请 / 通知 / 我的), shown on a phone to `roles` only. */
export interface ModuleNavTab {
  /** A short label: a key of the shell's or the module's dictionary. */
  key: string;
  /** An icon of the tab bar (`TAB_ICONS` in components/TabBar.tsx). */
  icon: 'tasks' | 'apply' | 'notices' | 'mine';
  roles: readonly Role[];
  order: number;
}

/** The labels of a module: zh-CN (the source) and English, with the same module-prefixed keys. */
export interface ModuleDict<Z extends Record<string, string> = Record<string, string>> {
  zh: Z;
  en: Record<keyof Z, string>;
}

/** One console module: its pages (routes), its navigation entries and its labels. Registered in `modules.ts`. */
export interface ConsoleModule<Z extends Record<string, string> = Record<string, string>> {
  name: string;
  /** Staff assigned to other modules only do not see this module's pages (a `me.modules` value). */
  assignable?: ModuleName;
  routes: readonly ModuleRoute[];
  nav: readonly ModuleNavItem[];
  dict: ModuleDict<Z>;
}

/** Declares a module (keeps the dictionary's key type, from which the console's `DictKey` is built). */
export function defineModule<const Z extends Record<string, string>>(m: ConsoleModule<Z>): ConsoleModule<Z> {
  return m;
}
