import { invalid, type Invalid } from './result.js';

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code 0xx/0xxx, optional hyphen, 7–8 digit local number (local numbers never start with 0 or 1). */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}$/;

export type PhoneKind = 'mobile' | 'landline';

export type PhoneValidation = { ok: true; kind: PhoneKind } | Invalid<'format'>;

export function isMobilePhone(value: string): boolean {
  return MOBILE.test(value);
}

export function isLandline(value: string): boolean {
  return LANDLINE.test(value);
}

export function validatePhone(value: string): PhoneValidation {
  if (isMobilePhone(value)) return { ok: true, kind: 'mobile' };
  if (isLandline(value)) return { ok: true, kind: 'landline' };
  return invalid(
    'format',
    '电话号码格式错误，应为11位手机号或带区号的固定电话（如 0523-86123456）',
    'Not a mainland mobile number (11 digits) or a landline with area code (e.g. 0523-86123456)',
  );
}
