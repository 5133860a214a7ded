/**
 * Reading spreadsheet cells into typed values — the one cell reader every importer uses.
 *
 * A cell arrives as exceljs (or our streaming reader) yields it: a string, a number, a
 * boolean, a Date, rich text (`{ richText: [{ text }] }`), a formula with its cached result
 * (`{ formula, result }`), a hyperlink (`{ text, hyperlink }`), an error value
 * (`{ error: '#N/A' }`) or an unresolved shared string (`{ sharedString: 3 }`). Each column
 * kind has its reader; none of them guesses. Above all, an identifier (ID number, phone, bank
 * account, USCC) that arrives as a number is refused, never turned back into text: a
 * spreadsheet keeps 15 significant digits, so an 18-digit ID typed into a General cell has
 * already lost its last digits, and the digits it reads back as may be another person's
 * valid ID.
 *
 * Problems are bilingual and name the column, never the cell's content: import errors and
 * their reports must not carry personal data.
 *
 * Text and identifiers go through the same normalisation as the API's inputs
 * (`validation/text.ts`, `validation/identifiers.ts`): a cell and a form field that look the same
 * are read the same.
 */
import { normalizeIdentifier } from '../validation/identifiers.js';
import { checkText } from '../validation/text.js';

export interface Label {
  zh: string;
  en: string;
}

export type Lang = 'zh' | 'en';

/** A cell's value with exceljs' wrappers taken off. */
export type Plain =
  | { type: 'empty' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: Date }
  | { type: 'error'; code: string }
  /** A formula saved without its result, or a value of a shape no spreadsheet writes. */
  | { type: 'unreadable'; reason: 'formula' | 'shape' };

const EMPTY: Plain = { type: 'empty' };

export function plainCell(raw: unknown): Plain {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === 'string') return raw.trim() === '' ? EMPTY : { type: 'string', value: raw };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { type: 'number', value: raw } : { type: 'unreadable', reason: 'shape' };
  if (typeof raw === 'boolean') return { type: 'boolean', value: raw };
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? { type: 'unreadable', reason: 'shape' } : { type: 'date', value: raw };
  if (typeof raw !== 'object') return { type: 'unreadable', reason: 'shape' };
  const o = raw as Record<string, unknown>;
  if (Array.isArray(o.richText)) return plainCell((o.richText as { text?: unknown }[]).map((r) => (typeof r?.text === 'string' ? r.text : '')).join(''));
  if (typeof o.error === 'string') return { type: 'error', code: o.error };
  if ('formula' in o || 'sharedFormula' in o) return o.result === undefined || o.result === null ? { type: 'unreadable', reason: 'formula' } : plainCell(o.result);
  if ('hyperlink' in o || 'text' in o) return plainCell(o.text);
  return { type: 'unreadable', reason: 'shape' };
}

/** The cell as the text a user sees, for headers and blank-row checks ('' when empty). */
export function cellText(raw: unknown): string {
  const p = plainCell(raw);
  switch (p.type) {
    case 'string':
      return p.value.trim();
    case 'number':
      return String(p.value);
    case 'boolean':
      return p.value ? 'TRUE' : 'FALSE';
    case 'date':
      return isoDate(p.value);
    case 'error':
      return p.code;
    default:
      return '';
  }
}

/** Reading one cell: a value (undefined when the cell is empty) or what is wrong with it. */
export type CellRead<T> = { ok: true; value: T | undefined } | { ok: false; problem: Label };

const ok = <T>(value: T | undefined): CellRead<T> => ({ ok: true, value });
const problem = (zh: string, en: string): CellRead<never> => ({ ok: false, problem: { zh, en } });

/** What every reader says about cells it cannot take whatever the column. */
function unusable(p: Extract<Plain, { type: 'error' | 'unreadable' }>, name: Label): CellRead<never> {
  if (p.type === 'error') return problem(`「${name.zh}」单元格为错误值 ${p.code}`, `"${name.en}" holds the error value ${p.code}`);
  return p.reason === 'formula'
    ? problem(`「${name.zh}」是没有计算结果的公式，请在表格程序中重新计算并保存`, `"${name.en}" is a formula saved without its result; recalculate and save the workbook`)
    : problem(`「${name.zh}」单元格无法读取`, `"${name.en}" cannot be read`);
}

/**
 * Identifier text: 身份证号, phone, bank account, USCC — digits whose every character counts.
 * Only text is taken; a leading apostrophe (how a user forces text in a cell) is dropped, and the
 * text is normalised as the API normalises a pasted identifier: full-width digits and letters
 * (１２３Ｘ) become ASCII, spaces and invisible characters around it go.
 */
export function readIdentifier(raw: unknown, name: Label): CellRead<string> {
  const p = plainCell(raw);
  if (p.type === 'empty') return ok(undefined);
  if (p.type === 'error' || p.type === 'unreadable') return unusable(p, name);
  if (p.type !== 'string') {
    return problem(
      `${name.zh}须以文本格式填写（在单元格格式中选择“文本”，或在号码前加英文单引号 '），按数字保存的号码可能已丢失末几位，请重新录入`,
      `"${name.en}" must be entered as text (format the cells as Text, or type an apostrophe ' before the number); saved as a number it may have lost its last digits, so enter it again`,
    );
  }
  const text = normalizeIdentifier(normalizeIdentifier(p.value).replace(/^['‘’]/, ''));
  return ok(text === '' ? undefined : text);
}

/**
 * Plain text, checked and normalised as the API's free-text fields are (NFC, trimmed; no control
 * characters, line breaks, bidi overrides or text with nothing visible); numbers as written.
 */
export function readText(raw: unknown, name: Label, maxLength = 200): CellRead<string> {
  const p = plainCell(raw);
  if (p.type === 'empty') return ok(undefined);
  if (p.type === 'error' || p.type === 'unreadable') return unusable(p, name);
  if (p.type === 'boolean' || p.type === 'date') return problem(`「${name.zh}」应为文字`, `"${name.en}" must be text`);
  const checked = checkText(p.type === 'string' ? p.value : decimalText(p.value), { min: 0, max: maxLength });
  if (!checked.ok) return problem(`「${name.zh}」${checked.problem.zh}`, `"${name.en}" ${checked.problem.en}`);
  return ok(checked.value === '' ? undefined : checked.value);
}

/**
 * A number as a person wrote it: binary noise (0.1 + 0.2 = 0.30000000000000004) is removed
 * by keeping the 15 significant digits a spreadsheet keeps.
 */
function decimalText(n: number): string {
  const clean = Number(n.toPrecision(15));
  if (Math.abs(clean) >= 1e21 || (clean !== 0 && Math.abs(clean) < 1e-6)) return clean.toFixed(20).replace(/\.?0+$/, '');
  return String(clean);
}

/** A whole number within [min, max], from a number cell or digits typed as text. */
export function readInteger(raw: unknown, name: Label, range: { min?: number; max?: number } = {}): CellRead<number> {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
  const p = plainCell(raw);
  if (p.type === 'empty') return ok(undefined);
  if (p.type === 'error' || p.type === 'unreadable') return unusable(p, name);
  const wrong = () => problem(`「${name.zh}」应为${min}–${max}的整数`, `"${name.en}" must be a whole number from ${min} to ${max}`);
  let n: number;
  if (p.type === 'number') n = Number(p.value.toPrecision(15));
  else if (p.type === 'string' && /^[+-]?\d{1,15}$/.test(p.value.trim())) n = Number(p.value.trim());
  else return wrong();
  return Number.isInteger(n) && n >= min && n <= max ? ok(n) : wrong();
}

/** The largest amount an importer takes by default: ¥100,000,000.00. */
export const MAX_IMPORT_FEN = 10_000_000_000;

/**
 * Yuan → integer fen, exactly: a number cell (binary noise removed) or text such as
 * "12,000.50", "¥48000" or "300元". More than two decimals (a third of a fen) and negative
 * amounts are refused; trailing zeros ("1.500") are fine.
 */
export function readMoney(raw: unknown, name: Label, maxFen = MAX_IMPORT_FEN): CellRead<number> {
  const p = plainCell(raw);
  if (p.type === 'empty') return ok(undefined);
  if (p.type === 'error' || p.type === 'unreadable') return unusable(p, name);
  const tooLarge = () => problem(`「${name.zh}」金额过大（最多 ${(maxFen / 100).toLocaleString('en')} 元）`, `"${name.en}" is too large (at most ${(maxFen / 100).toLocaleString('en')} yuan)`);
  let text: string;
  if (p.type === 'number' && p.value > maxFen / 100) return tooLarge();
  if (p.type === 'number') text = decimalText(p.value);
  else if (p.type === 'string') text = p.value.trim().replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '').replace(/[,，\s]/g, '');
  else return problem(`「${name.zh}」应为金额（以元为单位的数字）`, `"${name.en}" must be an amount in yuan`);
  if (/^-[\d.]/.test(text)) return problem(`「${name.zh}」不能为负数`, `"${name.en}" cannot be negative`);
  const m = /^\+?(\d+)(?:\.(\d*))?$/.exec(text) ?? /^\+?()\.(\d+)$/.exec(text);
  if (!m) return problem(`「${name.zh}」金额格式不正确（应为以元为单位的数字，最多两位小数）`, `"${name.en}" is not an amount in yuan (a number with at most two decimals)`);
  const whole = m[1] ?? '';
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return problem(`「${name.zh}」最多两位小数（精确到分）`, `"${name.en}" has more than two decimals (amounts are exact to the fen)`);
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  if (wholeDigits.length > 13) return tooLarge();
  const fen = Number(wholeDigits || '0') * 100 + Number(fraction.padEnd(2, '0'));
  return fen > maxFen ? tooLarge() : ok(fen);
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system, as it counts (it keeps Lotus' phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The calendar date y-m-d as ISO, or undefined when there is no such day (2026-02-30). */
export function calendarDate(y: number, m: number, d: number): string | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1000 || y > 9999) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? isoDate(date) : undefined;
}

/** An Excel serial day number (1900 system) as an ISO date; the time of day is dropped. */
export function excelSerialDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61) return undefined; // before 1900-03-01 the serials are off by one (the phantom 29 February)
  return isoDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial + 1e-9) * DAY_MS));
}

/** The Excel serial day number of an ISO date (1900 system). */
export function excelSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH_MS) / DAY_MS);
}

/**
 * A calendar date as ISO YYYY-MM-DD: a date cell, an Excel serial number (a date cell read
 * without its format), or text "2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日".
 * Days that do not exist (2026-02-30) and years outside [minYear, maxYear] are refused.
 */
export function readDate(raw: unknown, name: Label, range: { minYear?: number; maxYear?: number } = {}): CellRead<string> {
  const { minYear = 1900, maxYear = 2100 } = range;
  const p = plainCell(raw);
  if (p.type === 'empty') return ok(undefined);
  if (p.type === 'error' || p.type === 'unreadable') return unusable(p, name);
  let iso: string | undefined;
  if (p.type === 'date') iso = isoDate(p.value);
  else if (p.type === 'number') iso = excelSerialDate(p.value);
  else if (p.type === 'string') {
    const m = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)$/.exec(p.value.trim());
    if (m) iso = calendarDate(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
  }
  const year = iso ? Number(iso.slice(0, 4)) : NaN;
  if (!iso || year < minYear || year > maxYear) {
    return problem(`「${name.zh}」不是有效日期（应为日期单元格或 YYYY-MM-DD）`, `"${name.en}" is not a valid date (a date cell or YYYY-MM-DD)`);
  }
  return ok(iso);
}

/** One of a fixed set, by its key or its Chinese or English label (case and spaces ignored). */
export function readEnum<K extends string>(raw: unknown, name: Label, options: Readonly<Record<K, Label>>): CellRead<K> {
  const p = plainCell(raw);
  if (p.type === 'empty') return ok(undefined);
  if (p.type === 'error' || p.type === 'unreadable') return unusable(p, name);
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const wanted = p.type === 'string' ? norm(p.value) : undefined;
  const found = wanted === undefined ? undefined : (Object.keys(options) as K[]).find((k) => norm(k) === wanted || norm(options[k].zh) === wanted || norm(options[k].en) === wanted);
  if (found !== undefined) return ok(found);
  const labels = Object.values<Label>(options);
  return problem(`「${name.zh}」应为以下之一：${labels.map((l) => l.zh).join('、')}`, `"${name.en}" must be one of: ${labels.map((l) => l.en).join(', ')}`);
}
