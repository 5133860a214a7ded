import type { Claims } from './auth.js';

/** What a module's demo seed gets: an API caller and the demo tenants with their units. */
export interface SeedApi {
  call(claims: Claims, path: string, input: unknown): Promise<Record<string, unknown>>;
  tenants: { id: string; name: string; level: 'city' | 'county'; divisionCode: string; unitIds: string[] }[];
  admin(tenantId: string): Claims;
  staff(tenantId: string): Claims;
  reporter(tenantId: string): Claims;
}
