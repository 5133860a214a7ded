import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The 劳模 credential a partner scans (青岛's 劳模通道 does it with an ID card): a QR code carrying only the tenant,
 * the record id and an expiry day, signed. No name, no ID number: the answer comes from the record when scanned.
 */
export interface CredentialClaims {
  tenantId: string;
  personId: string;
  /** Last day the code is valid (YYYY-MM-DD, Asia/Shanghai). */
  expiresOn: string;
}

/** A key for this purpose only, derived from the platform's keyed-hash key. */
export const credentialKey = (blindIndexKey: Buffer) => createHmac('sha256', blindIndexKey).update('modelWorkers.credential.v1').digest();

export function signCredential(claims: CredentialClaims, key: Buffer): string {
  const body = Buffer.from(JSON.stringify({ v: 1, t: claims.tenantId, p: claims.personId, e: claims.expiresOn })).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

export type CredentialCheck = { ok: true; claims: CredentialClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** The claims of a genuine, unexpired credential; a token altered in any character is `invalid`. */
export function readCredential(token: string, key: Buffer, today: string): CredentialCheck {
  const [body, sig, ...rest] = token.split('.');
  if (!body || !sig || rest.length) return { ok: false, reason: 'invalid' };
  // Compared as text, not as decoded bytes: the last of 43 base64url characters carries 2 bits a decoder ignores, so a
  // byte comparison would let four spellings of one signature pass. A credential has exactly one valid spelling.
  const expected = Buffer.from(createHmac('sha256', key).update(body).digest('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const c = parsed as { v?: number; t?: unknown; p?: unknown; e?: unknown };
  if (c.v !== 1 || typeof c.t !== 'string' || typeof c.p !== 'string' || typeof c.e !== 'string') return { ok: false, reason: 'invalid' };
  if (c.e < today) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { tenantId: c.t, personId: c.p, expiresOn: c.e } };
}
