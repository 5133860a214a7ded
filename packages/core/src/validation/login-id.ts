import { normalizeIdentifier, parsePhone } from './identifiers.js';
import { invalid, type Invalid } from './result.js';

/**
 * How a user signs in at the identity provider: a mainland mobile number or an account name
 * (a letter, then 2–39 letters, digits, `.`, `_` or `-`; case-insensitive, stored lower-cased).
 */
export type LoginId = { ok: true; kind: 'phone' | 'account'; value: string };

const ACCOUNT = /^[a-z][a-z0-9._-]{2,39}$/;

export function parseLoginId(raw: string): LoginId | Invalid<'format'> {
  const value = normalizeIdentifier(raw);
  // A number as pasted ("+86 138-0000-1111", full-width digits) is read the way every phone field reads it.
  if (/^[\d\s+()\-\u2010-\u2015]+$/.test(value)) {
    const phone = parsePhone(value);
    return phone.ok && phone.kind === 'mobile'
      ? { ok: true, kind: 'phone', value: phone.value }
      : invalid('format', '登录手机号应为 11 位中国大陆手机号', 'A login phone number is an 11-digit mainland mobile number');
  }
  const account = value.toLowerCase();
  if (ACCOUNT.test(account)) return { ok: true, kind: 'account', value: account };
  return invalid(
    'format',
    '登录标识应为 11 位手机号，或以字母开头的 3–40 位账号名（字母、数字、. _ -）',
    'A login id is an 11-digit mobile number, or an account name of 3–40 letters, digits, . _ or -, starting with a letter',
  );
}
