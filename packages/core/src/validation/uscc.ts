import { isKnownProvincePrefix } from './division.js';
import { invalid, type Invalid } from './result.js';

/** GB 32100-2015 code alphabet: digits and capitals without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * 登记管理部门码 (position 1) → the 机构类别码 (position 2) it may be followed by.
 * 8 = 工会: a grassroots union registered as a legal person has a code starting `81`.
 */
const CATEGORIES_BY_AUTHORITY: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 群众团体, 其他
  '2': '19', // 外交
  '3': '123459', // 司法行政: 律所, 公证处, 基层法律服务所, 司法鉴定, 仲裁委, 其他
  '4': '19', // 文化
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游
  '7': '129', // 宗教
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 工商/市场监管: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业: 组级/村级/乡镇级集体经济组织, 其他
  Y: '1', // 其他
};

/** Registration at national level carries this division code instead of a province's. */
const NATIONAL_DIVISION = '100000';

export type UsccFailure =
  | 'length'
  | 'character'
  | 'registration_authority'
  | 'category'
  | 'division'
  | 'check_character';

export type UsccValidation = { ok: true } | Invalid<UsccFailure>;

/** The 18th character for the first 17 characters of a code (which must be in the charset). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`Not a USCC character at position ${i + 1}: "${first17.charAt(i)}"`);
    sum += value * WEIGHTS[i]!;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Validates a 统一社会信用代码 exactly as given (callers trim and upper-case first if they wish). */
export function validateUscc(code: string): UsccValidation {
  if (code.length !== 18) {
    return invalid(
      'length',
      `统一社会信用代码应为18位，实际为${code.length}位`,
      `A unified social credit code has 18 characters, got ${code.length}`,
    );
  }
  for (let i = 0; i < 18; i++) {
    const char = code.charAt(i);
    const isDivisionPosition = i >= 2 && i <= 7;
    const allowed = isDivisionPosition ? /\d/.test(char) : USCC_CHARSET.includes(char);
    if (!allowed) {
      const expectation = isDivisionPosition
        ? { zh: '（第3–8位须为数字）', en: ' (positions 3–8 must be digits)' }
        : { zh: '', en: '' };
      const shown = /^[\x21-\x7E]$/.test(char) ? char : undefined;
      return invalid(
        'character',
        `统一社会信用代码第${i + 1}位字符${shown ? `“${shown}”` : ''}非法${expectation.zh}`,
        `Illegal character ${shown ? `"${shown}" ` : ''}at position ${i + 1} of the unified social credit code${expectation.en}`,
      );
    }
  }
  const authority = code.charAt(0);
  const categories = CATEGORIES_BY_AUTHORITY[authority];
  if (categories === undefined) {
    return invalid(
      'registration_authority',
      `统一社会信用代码第1位登记管理部门代码“${authority}”不存在`,
      `Unknown registration authority code "${authority}" at position 1`,
    );
  }
  const category = code.charAt(1);
  if (!categories.includes(category)) {
    return invalid(
      'category',
      `统一社会信用代码第2位机构类别代码“${category}”与登记管理部门代码“${authority}”不匹配`,
      `Organisation category "${category}" at position 2 is not valid for registration authority "${authority}"`,
    );
  }
  const division = code.slice(2, 8);
  if (division !== NATIONAL_DIVISION && !isKnownProvincePrefix(division.slice(0, 2))) {
    return invalid(
      'division',
      `统一社会信用代码第3–8位行政区划码“${division}”的省级代码不存在`,
      `Division code "${division}" at positions 3–8 has an unknown province prefix`,
    );
  }
  // As for ID numbers: the code is wrong, and which character is not ours to guess.
  if (code.charAt(17) !== usccCheckCharacter(code.slice(0, 17))) {
    return invalid('check_character', '统一社会信用代码校验位不正确，请核对代码', 'The unified social credit code fails its check character; please check the code');
  }
  return { ok: true };
}
