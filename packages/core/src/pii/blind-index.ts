import { createHmac } from 'node:crypto';

export interface BlindIndexOptions {
  /** Secret of at least 32 bytes, kept apart from the encryption keys. */
  key: Buffer;
  /**
   * Domain separation, e.g. `member.idNumber`. Values indexed under different purposes never
   * match. Put the tenant id in it too when the same person must not be linkable across tenants.
   */
  purpose: string;
}

const MIN_KEY_BYTES = 32;

/**
 * Keyed HMAC-SHA256 of a normalised value (NFKC, trimmed, upper-cased — so `x`/`X` and
 * full-width digits in ID numbers index the same) for equality lookups on encrypted fields.
 * Returns 43 base64url characters; without the key nothing about the value can be recovered.
 */
export function blindIndex(value: string, { key, purpose }: BlindIndexOptions): string {
  if (key.length < MIN_KEY_BYTES) throw new RangeError(`Blind index key must be at least ${MIN_KEY_BYTES} bytes`);
  if (!purpose) throw new TypeError('Blind index purpose must not be empty');
  const normalised = normaliseForIndex(value);
  // An empty value would index every blank field to the same entry.
  if (!normalised) throw new RangeError('Cannot blind-index an empty value');
  const purposeKey = createHmac('sha256', key).update(`ufp-blind-index:${purpose}`, 'utf8').digest();
  return createHmac('sha256', purposeKey).update(normalised, 'utf8').digest('base64url');
}

export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}
