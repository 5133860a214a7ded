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
