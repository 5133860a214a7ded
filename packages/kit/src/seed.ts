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

/** A one-page PDF for demo uploads (the evidence checks read its first bytes). */
export const DEMO_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * A demo file uploaded the way the console does it: `create` answers an upload ticket, the bytes go to its signed URL,
 * then `complete` (with `completeInput` and the new id) checks them. Returns the file's id.
 */
export async function seedUpload(api: SeedApi, who: Claims, create: { path: string; input: Record<string, unknown> }, complete: { path: string; input?: Record<string, unknown> }, bytes: Uint8Array = DEMO_PDF): Promise<string> {
  const ticket = await api.call(who, create.path, { ...create.input, sizeBytes: bytes.length });
  await api.upload(ticket as { uploadUrl: string; headers: Record<string, string> }, bytes);
  await api.call(who, complete.path, { ...complete.input, evidenceId: ticket.evidenceId });
  return String(ticket.evidenceId);
}

/** A valid demo resident ID number (GB 11643) in the division `area`, born on `birth` (YYYYMMDD). */
export function demoIdNumber(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}
