import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import type { Claims } from './auth.js';

/** What a module's demo seed gets: an API caller and the demo tenants with their units. */
export interface SeedApi {
  call(claims: Claims, path: string, input: unknown): Promise<Record<string, unknown>>;
  /** A query (GET), e.g. what a judge's sheet shows. */
  query(claims: Claims, path: string, input: unknown): Promise<Record<string, unknown>>;
  tenants: { id: string; name: string; level: 'city' | 'county'; divisionCode: string; unitIds: string[] }[];
  admin(tenantId: string): Claims;
  staff(tenantId: string): Claims;
  reporter(tenantId: string): Claims;
  /** The browser's half of an evidence upload: PUTs `bytes` to an upload ticket's signed URL with its headers. */
  upload(ticket: { uploadUrl: string; headers: Record<string, string> }, bytes: Uint8Array): Promise<void>;
}

/** A valid demo resident ID number (GB 11643) in the division `area`, born on `birth` (YYYYMMDD). */
export function demoIdNumber(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}
