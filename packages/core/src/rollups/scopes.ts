import type { Tenant } from '../tenancy/scope.js';
import { provinceName } from '../validation/division.js';

/**
 * The rollup scopes an event from a tenant with this 6-digit division code feeds: the
 * province, the city (unless the code is province-level) and the county (unless the code is
 * city-level). `321281` → 32, 3212, 321281; a city federation `321200` → 32, 3212.
 */
export function rollupScopes(divisionCode: string): string[] {
  const out = [provinceOf(divisionCode)];
  const city = divisionCode.slice(0, 4);
  if (city.length === 4 && !city.endsWith('00')) out.push(city);
  if (divisionCode.length === 6 && !divisionCode.endsWith('00')) out.push(divisionCode);
  return out;
}

/** The province a division code (or a rollup scope code) lies in: its first two digits. */
export const provinceOf = (code: string): string => code.slice(0, 2);

/** The narrowest scope a tenant's own rollups live in. */
export function ownScope(divisionCode: string): string {
  return rollupScopes(divisionCode).at(-1)!;
}

export function scopeLevel(code: string): 'province' | 'city' | 'county' {
  return code.length === 2 ? 'province' : code.length === 4 ? 'city' : 'county';
}

/** The tenants whose rollup rows live in a scope (the scopes their events feed include it), by division code. */
export function tenantsInScope(tenants: readonly Tenant[], code: string): Tenant[] {
  return tenants.filter((t) => rollupScopes(t.divisionCode).includes(code)).sort((a, b) => a.divisionCode.localeCompare(b.divisionCode));
}

/**
 * Whether a rollup reader may read `code`: their own scope, or one inside it — unless the reader is bound to their own
 * federation's row (a county federation), who reads only their own.
 */
export function readableScope(reader: { code: string; tenantId?: string }, code: string): boolean {
  return code === reader.code || (!reader.tenantId && code.startsWith(reader.code));
}

/** A scope's name: the province's, or the federation whose division it is (a city's federation, a county's). */
export function scopeName(code: string, tenants: readonly Tenant[]): string {
  const level = scopeLevel(code);
  if (level === 'province') return provinceName(code)?.zhFull ?? code;
  const own = tenants.find((t) => (level === 'city' ? t.divisionCode === `${code}00` : t.divisionCode === code));
  return own?.name ?? code;
}
