import { invalid, type Invalid } from './result.js';

export interface ProvinceName {
  /** Short form used in lists and charts, e.g. 江苏. */
  zh: string;
  /** Official name, e.g. 江苏省. */
  zhFull: string;
  en: string;
}

/** The 34 provincial-level divisions of GB/T 2260, keyed by their 2-digit prefix. */
export const provinces: Readonly<Record<string, ProvinceName>> = {
  '11': { zh: '北京', zhFull: '北京市', en: 'Beijing' },
  '12': { zh: '天津', zhFull: '天津市', en: 'Tianjin' },
  '13': { zh: '河北', zhFull: '河北省', en: 'Hebei' },
  '14': { zh: '山西', zhFull: '山西省', en: 'Shanxi' },
  '15': { zh: '内蒙古', zhFull: '内蒙古自治区', en: 'Inner Mongolia' },
  '21': { zh: '辽宁', zhFull: '辽宁省', en: 'Liaoning' },
  '22': { zh: '吉林', zhFull: '吉林省', en: 'Jilin' },
  '23': { zh: '黑龙江', zhFull: '黑龙江省', en: 'Heilongjiang' },
  '31': { zh: '上海', zhFull: '上海市', en: 'Shanghai' },
  '32': { zh: '江苏', zhFull: '江苏省', en: 'Jiangsu' },
  '33': { zh: '浙江', zhFull: '浙江省', en: 'Zhejiang' },
  '34': { zh: '安徽', zhFull: '安徽省', en: 'Anhui' },
  '35': { zh: '福建', zhFull: '福建省', en: 'Fujian' },
  '36': { zh: '江西', zhFull: '江西省', en: 'Jiangxi' },
  '37': { zh: '山东', zhFull: '山东省', en: 'Shandong' },
  '41': { zh: '河南', zhFull: '河南省', en: 'Henan' },
  '42': { zh: '湖北', zhFull: '湖北省', en: 'Hubei' },
  '43': { zh: '湖南', zhFull: '湖南省', en: 'Hunan' },
  '44': { zh: '广东', zhFull: '广东省', en: 'Guangdong' },
  '45': { zh: '广西', zhFull: '广西壮族自治区', en: 'Guangxi' },
  '46': { zh: '海南', zhFull: '海南省', en: 'Hainan' },
  '50': { zh: '重庆', zhFull: '重庆市', en: 'Chongqing' },
  '51': { zh: '四川', zhFull: '四川省', en: 'Sichuan' },
  '52': { zh: '贵州', zhFull: '贵州省', en: 'Guizhou' },
  '53': { zh: '云南', zhFull: '云南省', en: 'Yunnan' },
  '54': { zh: '西藏', zhFull: '西藏自治区', en: 'Xizang' },
  '61': { zh: '陕西', zhFull: '陕西省', en: 'Shaanxi' },
  '62': { zh: '甘肃', zhFull: '甘肃省', en: 'Gansu' },
  '63': { zh: '青海', zhFull: '青海省', en: 'Qinghai' },
  '64': { zh: '宁夏', zhFull: '宁夏回族自治区', en: 'Ningxia' },
  '65': { zh: '新疆', zhFull: '新疆维吾尔自治区', en: 'Xinjiang' },
  '71': { zh: '台湾', zhFull: '台湾省', en: 'Taiwan' },
  '81': { zh: '香港', zhFull: '香港特别行政区', en: 'Hong Kong' },
  '82': { zh: '澳门', zhFull: '澳门特别行政区', en: 'Macao' },
};

export function isKnownProvincePrefix(prefix: string): boolean {
  return Object.hasOwn(provinces, prefix);
}

/** Name of the province a 2-, 4- or 6-digit division code belongs to. */
export function provinceName(code: string): ProvinceName | undefined {
  if (!/^\d{2}(?:\d{2}){0,2}$/.test(code)) return undefined;
  return provinces[code.slice(0, 2)];
}

export type DivisionLevel = 'province' | 'city' | 'county';

export interface ParsedDivision {
  ok: true;
  province: string;
  city: string | undefined;
  county: string | undefined;
  level: DivisionLevel;
}

export type DivisionFailure = 'format' | 'province' | 'city';

/**
 * Parses the short forms the platform uses for scopes: `32` (province), `3212` (city),
 * `321281` (county). Full 6-digit codes of a province or city (`320000`, `321200`) are read
 * at their real level, so they parse the same as `32` and `3212`.
 */
export function parseDivisionCode(code: string): ParsedDivision | Invalid<DivisionFailure> {
  if (!/^(?:\d{2}|\d{4}|\d{6})$/.test(code)) {
    return invalid(
      'format',
      `行政区划代码“${code}”格式错误，应为2位、4位或6位数字`,
      `Division code "${code}" must be 2, 4 or 6 digits`,
    );
  }
  const province = code.slice(0, 2);
  if (!isKnownProvincePrefix(province)) {
    return invalid(
      'province',
      `行政区划代码“${code}”的省级代码“${province}”不存在`,
      `Division code "${code}" has unknown province prefix "${province}"`,
    );
  }
  const cityPart = code.slice(2, 4);
  const countyPart = code.slice(4, 6);
  if (cityPart === '' || (cityPart === '00' && countyPart === '00')) {
    return { ok: true, province, city: undefined, county: undefined, level: 'province' };
  }
  if (cityPart === '00') {
    return invalid(
      'city',
      `行政区划代码“${code}”的地市级代码不能为“00”`,
      `Division code "${code}" has city part "00"`,
    );
  }
  const city = code.slice(0, 4);
  if (countyPart === '' || countyPart === '00') {
    return { ok: true, province, city, county: undefined, level: 'city' };
  }
  return { ok: true, province, city, county: code, level: 'county' };
}

/** The rollup scopes a division code belongs to, widest first: `321281` → `['32', '3212', '321281']`. */
export function scopeChain(code: string): string[] {
  const parsed = parseDivisionCode(code);
  if (!parsed.ok) throw new RangeError(parsed.reason.en);
  return [parsed.province, parsed.city, parsed.county].filter((part): part is string => part !== undefined);
}
