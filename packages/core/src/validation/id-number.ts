import { isKnownProvincePrefix } from './division.js';
import { invalid, type Invalid } from './result.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
/** 港澳台居民居住证 numbers follow GB 11643 with prefixes 81 (HK), 82 (Macao), 83 (Taiwan). */
const RESIDENCE_PERMIT_TAIWAN_PREFIX = '83';
const CHINA_UTC_OFFSET_MS = 8 * 3600 * 1000;
const EARLIEST_BIRTH_YEAR = 1900;

export type IdNumberFailure = 'length' | 'character' | 'check_character' | 'province' | 'birth_date';

export type IdNumberValidation = { ok: true } | Invalid<IdNumberFailure>;

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Expected the first 17 digits of a resident ID number');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * WEIGHTS[i]!;
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Validates a 18-character 居民身份证号 exactly as given (the check character must be an
 * upper-case X). `today` is compared as a calendar date in China time (UTC+8).
 */
export function validateIdNumber(id: string, today: Date = new Date()): IdNumberValidation {
  if (id.length !== 18) {
    return invalid(
      'length',
      `身份证号应为18位，实际为${id.length}位`,
      `A resident ID number has 18 characters, got ${id.length}`,
    );
  }
  for (let i = 0; i < 18; i++) {
    const char = id.charAt(i);
    const allowed = /\d/.test(char) || (i === 17 && char === 'X');
    if (!allowed) {
      const hint = char === 'x' ? { zh: '（请使用大写X）', en: ' (use an upper-case X)' } : { zh: '', en: '' };
      // Only an ASCII character is quoted: the English text stays English whatever was pasted.
      const shown = /^[\x21-\x7E]$/.test(char) ? char : undefined;
      return invalid(
        'character',
        `身份证号第${i + 1}位字符${shown ? `“${shown}”` : ''}非法${hint.zh}`,
        `Illegal character ${shown ? `"${shown}" ` : ''}at position ${i + 1} of the ID number${hint.en}`,
      );
    }
  }
  // Says the number is wrong, not which character to change: "correcting" the check character
  // of a mistyped number would turn it into a valid number of someone else.
  if (id.charAt(17) !== idNumberCheckCharacter(id.slice(0, 17))) {
    return invalid('check_character', '身份证号校验位不正确，请核对号码', 'The ID number fails its check digit; please check the number');
  }
  const province = id.slice(0, 2);
  if (!isKnownProvincePrefix(province) && province !== RESIDENCE_PERMIT_TAIWAN_PREFIX) {
    return invalid(
      'province',
      `身份证号前两位省级代码“${province}”不存在`,
      `Unknown province prefix "${province}" in the ID number`,
    );
  }
  return checkBirthDate(id.slice(6, 14), today);
}

// Messages leave the date itself out: it is personal data and error texts end up in logs.
function checkBirthDate(yyyymmdd: string, today: Date): IdNumberValidation {
  if (!isCalendarDate(yyyymmdd)) {
    return invalid(
      'birth_date',
      '身份证号第7–14位出生日期不是有效日期',
      'The birth date (positions 7–14) is not a real calendar date',
    );
  }
  if (Number(yyyymmdd.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
    return invalid(
      'birth_date',
      `身份证号中的出生年份早于${EARLIEST_BIRTH_YEAR}年`,
      `The birth year is before ${EARLIEST_BIRTH_YEAR}`,
    );
  }
  if (yyyymmdd > chinaCalendarDate(today)) {
    return invalid('birth_date', '身份证号中的出生日期晚于今天', 'The birth date is in the future');
  }
  return { ok: true };
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function chinaCalendarDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Birth date as `YYYY-MM-DD`, or undefined when `validateIdNumber` rejects the number. */
export function birthDateOf(id: string, today?: Date): string | undefined {
  if (!validateIdNumber(id, today).ok) return undefined;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Gender from the sequence code (odd = male), or undefined when `validateIdNumber` rejects the number. */
export function genderOf(id: string, today?: Date): 'male' | 'female' | undefined {
  if (!validateIdNumber(id, today).ok) return undefined;
  return Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
}
