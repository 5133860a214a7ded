import { idNumberCheckCharacter, validateIdNumber } from '@ufp/core/validation/id-number';
import { normalizeIdentifier, parseIdNumber } from '@ufp/core/validation/identifiers';
import type { Reason } from '@ufp/core/validation/result';

/**
 * The ID number checked as it is typed, with the server's own rule (`@ufp/core/validation/id-number`,
 * zod-free): an illegal character, an unknown province code or an impossible birth date is named as
 * soon as it is typed; the check digit once all 18 characters are there.
 */
export type IdCheck =
  | { state: 'empty' }
  /** Fine so far, `length` of 18 typed. */
  | { state: 'partial'; length: number }
  | { state: 'error'; reason: Reason }
  | { state: 'ok'; value: string; birthDate: string };

export function checkIdNumberLive(raw: string, today: Date = new Date()): IdCheck {
  const v = normalizeIdentifier(raw).toUpperCase();
  if (!v) return { state: 'empty' };
  if (v.length >= 18) {
    const parsed = parseIdNumber(raw, today);
    if (!parsed.ok) return { state: 'error', reason: parsed.reason };
    return { state: 'ok', value: parsed.value, birthDate: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}` };
  }
  // Fewer than 18: complete the number with zeros and its own check digit, then keep only the failures
  // that the typed part alone decides (a character, the province once 2 are typed, the date once 14 are).
  const first17 = v.slice(0, 17).padEnd(17, '0');
  if (!/^\d{17}$/.test(first17)) {
    const r = validateIdNumber(`${first17}0`, today);
    if (!r.ok && r.code === 'character') return { state: 'error', reason: r.reason };
  } else {
    const r = validateIdNumber(first17 + idNumberCheckCharacter(first17), today);
    if (!r.ok && ((r.code === 'province' && v.length >= 2) || (r.code === 'birth_date' && v.length >= 14))) return { state: 'error', reason: r.reason };
  }
  return { state: 'partial', length: v.length };
}
