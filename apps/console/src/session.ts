import { createSignal } from 'solid-js';
import type { Me } from './api-types';

const TOKEN_KEY = 'ufp.token';

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

const [token, setTokenSignal] = createSignal<string | null>(readToken());
const [me, setMe] = createSignal<Me | null>(null);
/** Why the user was sent back to the login page, shown there once. */
export type LogoutReason = 'expired' | 'disabled';
const [logoutReason, setLogoutReason] = createSignal<LogoutReason | null>(null);

export { token, me, setMe, logoutReason, setLogoutReason };

export function getToken(): string | null {
  return token();
}

export function setToken(value: string): void {
  try {
    localStorage.setItem(TOKEN_KEY, value);
  } catch {
    /* storage unavailable: token lives for this page only */
  }
  setLogoutReason(null);
  setMe(null);
  setTokenSignal(value);
}

export function clearToken(reason: LogoutReason | null = null): void {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* ignore */
  }
  setMe(null);
  setTokenSignal(null);
  if (reason) setLogoutReason(reason);
}

export function hasRole(...roles: string[]): boolean {
  const m = me();
  return !!m && m.roles.some((r) => roles.includes(r));
}
