import { validateIdNumber, type IdNumberFailure } from './id-number.js';
import { validatePhone, type PhoneKind } from './phone.js';
import { invalid, type Invalid } from './result.js';
import { validateUscc, type UsccFailure } from './uscc.js';

/**
 * Identifiers as people paste them — from Word, WeChat or a spreadsheet: full-width digits and
 * letters (１２３，Ｘ), spaces and invisible characters around them, and for phones the usual
 * separators and country code. Each is normalised to its one canonical form, then validated; the
 * API's schemas and the spreadsheet importers use the same functions, so a number that one accepts
 * the other accepts too, and stores the same way.
 */

/** Full-width ASCII (U+FF01–FF5E) as ASCII, the ideographic space as a space. Nothing else changes. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** White space and invisible characters (zero-width space, BOM, …) at either end of a pasted identifier. */
const EDGES = /^[\s\p{Default_Ignorable_Code_Point}]+|[\s\p{Default_Ignorable_Code_Point}]+$/gu;

/** Half-width, without white space or invisible characters at either end. */
export function normalizeIdentifier(raw: string): string {
  return toHalfWidth(raw).replace(EDGES, '');
}

export type Parsed<Failure extends string, Extra = object> = ({ ok: true; value: string } & Extra) | Invalid<Failure>;

/** A 居民身份证号 as pasted: normalised, upper-case X, validated (birth date against `today`, China time). */
export function parseIdNumber(raw: string, today?: Date): Parsed<IdNumberFailure> {
  const value = normalizeIdentifier(raw).toUpperCase();
  const v = validateIdNumber(value, today);
  return v.ok ? { ok: true, value } : v;
}

/** A 统一社会信用代码 as pasted: normalised, upper-case, validated. */
export function parseUscc(raw: string): Parsed<UsccFailure> {
  const value = normalizeIdentifier(raw).toUpperCase();
  const v = validateUscc(value);
  return v.ok ? { ok: true, value } : v;
}

/** Separators people put in phone numbers: spaces, hyphens and dashes, brackets around the area code. */
const PHONE_SEPARATORS = /[\s\-\u2010-\u2015()]/g;
/** The mainland's country code: +86, 0086, or a bare 86 before a mobile number. */
const COUNTRY_CODE = /^(?:\+86|0086)/;

/**
 * A mainland phone number as pasted — "+86 138 0000 1111", "１３８－００００－１１１１", "(0523) 8612 3456",
 * "+86 523 86123456" — as its canonical form: 11 digits for a mobile, `area-local` for a landline
 * (a 3-digit area code for 010 and 02x, 4 digits otherwise).
 */
export function parsePhone(raw: string): Parsed<'format', { kind: PhoneKind }> {
  let digits = normalizeIdentifier(raw).replace(PHONE_SEPARATORS, '');
  const international = COUNTRY_CODE.test(digits);
  digits = digits.replace(COUNTRY_CODE, '');
  if (!international && /^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2);
  // Dialled from abroad a landline loses its trunk 0: +86 523 86123456 is 0523-86123456, +86 10 … is 010-….
  if (international && /^[1-9]\d{8,10}$/.test(digits) && !/^1[3-9]\d{9}$/.test(digits)) digits = `0${digits}`;
  if (/^0\d{9,11}$/.test(digits)) {
    const areaLength = /^0[12]/.test(digits) ? 3 : 4;
    digits = `${digits.slice(0, areaLength)}-${digits.slice(areaLength)}`;
  }
  const v = validatePhone(digits);
  return v.ok ? { ok: true, value: digits, kind: v.kind } : v;
}

/** A bank account number as pasted: digits only (spaces and full-width digits allowed), 10–30 of them. */
export function parseBankAccount(raw: string): Parsed<'format'> {
  const value = normalizeIdentifier(raw).replace(/[\s-]/g, '');
  if (/^\d{10,30}$/.test(value)) return { ok: true, value };
  return invalid('format', '银行账号应为10–30位数字', 'A bank account number has 10 to 30 digits');
}
