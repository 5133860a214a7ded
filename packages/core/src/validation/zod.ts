import { z } from 'zod';
import { parseDivisionCode } from './division.js';
import { checkDivisionCode } from './divisions.js';
import { normalizeIdentifier, parseBankAccount, parseIdNumber, parsePhone, parseUscc, type Parsed } from './identifiers.js';
import type { Reason } from './result.js';
import { normalizeText, textProblem, type TextRule } from './text.js';
import { isIsoDate } from '../calendar/dates.js';

// ── messages ─────────────────────────────────────────────────────────────────────────────
/*
 * A zod issue carries one string as its message. The API's error formatter
 * (packages/api/src/zod-bilingual.ts) reads it in one of three forms and puts the field's name in
 * words in front where it belongs:
 *   predicate  "\u241f不能包含控制字符\u241emust not contain control characters" → "名称不能包含控制字符"
 *   sentence   "身份证号校验位不正确，请核对号码\u241eThe ID number fails …" (or zh with params.en)
 *   generic    "\u241d<received type>": zod's own issue (too short, wrong type…), worded from its code
 */
export const MESSAGE_SEPARATOR = '\u241e';
export const PREDICATE_MARK = '\u241f';
export const GENERIC_MARK = '\u241d';

/** A whole sentence in both languages. */
export const bilingualMessage = (m: Reason): string => `${m.zh}${MESSAGE_SEPARATOR}${m.en}`;
/** A predicate that follows the field's name, in both languages. */
export const predicateMessage = (m: Reason): string => `${PREDICATE_MARK}${m.zh}${MESSAGE_SEPARATOR}${m.en}`;

export type IssueText = { kind: 'predicate' | 'sentence'; zh: string; en: string } | { kind: 'generic'; received: string };

/** Reads an issue's message (and the English of `params.en`, the older form) back. */
export function readIssueMessage(message: string, params?: { en?: unknown }): IssueText {
  if (message.startsWith(GENERIC_MARK)) return { kind: 'generic', received: message.slice(GENERIC_MARK.length) };
  const predicate = message.startsWith(PREDICATE_MARK);
  const [zh = '', en] = (predicate ? message.slice(PREDICATE_MARK.length) : message).split(MESSAGE_SEPARATOR);
  return { kind: predicate ? 'predicate' : 'sentence', zh, en: en ?? (typeof params?.en === 'string' ? params.en : zh) };
}

function receivedType(input: unknown): string {
  if (input === undefined) return 'missing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return 'non-finite';
  return typeof input;
}

/**
 * zod's own issues (too short, wrong type, …) keep their structure, and the API words them from
 * it; the one thing lost by the time it does is what was received, so the global error map
 * records only that. Installed when this module loads: wherever these schemas run, no issue
 * carries zod's locale text.
 */
export function installIssueWording(): void {
  z.config({ localeError: (issue) => `${GENERIC_MARK}${receivedType(issue.input)}` });
}
installIssueWording();

const addReason = (ctx: z.RefinementCtx<string>, reason: Reason, code?: string, predicate = false) =>
  ctx.addIssue({ code: 'custom', message: predicate ? predicateMessage(reason) : bilingualMessage(reason), params: { en: reason.en, ...(code ? { reason: code } : {}) } });

// ── free text ────────────────────────────────────────────────────────────────────────────
/**
 * Free text of every router: NFC-normalised and trimmed, refusing control characters (\n and \t
 * only in `multiline` text), unpaired surrogates, bidi overrides and text with nothing visible;
 * length in characters within the rule (see `limits.ts` for each field's rule).
 */
export function text(rule: TextRule) {
  return z
    .string()
    .overwrite((raw) => normalizeText(raw, rule.multiline))
    .superRefine((value, ctx) => {
      const problem = textProblem(value, rule);
      if (problem) addReason(ctx, problem, problem.code, true);
    });
}

/** Record ids (ULIDs, `table/<tenant>/<letter>`, tenant ids…) and other machine tokens (media types): 1–`max` visible ASCII characters. */
export function recordId(max = 64) {
  return z
    .string()
    .min(1)
    .max(max)
    .superRefine((v, ctx) => {
      if (!/^[\x21-\x7E]*$/.test(v)) addReason(ctx, { zh: '格式不正确（只能包含英文字母、数字和符号）', en: 'is malformed (letters, digits and symbols only)' }, 'format', true);
    });
}

// ── identifiers ──────────────────────────────────────────────────────────────────────────
/**
 * An identifier as people paste it (full-width digits, spaces around it, phone separators),
 * stored in its canonical form; the same `parse*` functions serve the spreadsheet importers.
 */
function identifier(parse: (raw: string) => Parsed<string>) {
  return z
    .string()
    .overwrite((raw) => {
      const parsed = parse(raw);
      return parsed.ok ? parsed.value : normalizeIdentifier(raw);
    })
    .superRefine((value, ctx) => {
      const parsed = parse(value);
      if (!parsed.ok) addReason(ctx, parsed.reason, parsed.code);
    });
}

/** A 统一社会信用代码: full-width characters and surrounding spaces accepted, stored upper-case. */
export const usccSchema = identifier(parseUscc);

/** A 居民身份证号: full-width characters and surrounding spaces accepted, `x` stored as `X`; birth date checked against the current date. */
export const idNumberSchema = identifier((raw) => parseIdNumber(raw));

/** A mainland mobile (11 digits) or landline (`area-local`), from "+86 138 0000 1111", "(0523) 8612-3456", full-width digits… */
export const phoneSchema = identifier(parsePhone);

/** A bank account number: 10–30 digits, spaces and full-width digits accepted, stored as digits. */
export const bankAccountSchema = identifier(parseBankAccount);

/** A scope's division code in its short forms (32, 3212, 321281). */
export const divisionCodeSchema = z
  .string()
  .overwrite(normalizeIdentifier)
  .superRefine((code, ctx) => {
    const parsed = parseDivisionCode(code);
    if (!parsed.ok) addReason(ctx, parsed.reason, parsed.code);
  });

/** A current GB/T 2260 code of a city or county (a federation's, a regional contract's region). */
export const currentDivisionCodeSchema = z
  .string()
  .overwrite(normalizeIdentifier)
  .superRefine((code, ctx) => {
    const checked = checkDivisionCode(code);
    if (!checked.ok) addReason(ctx, checked.reason, checked.code, true);
  });

// ── dates ────────────────────────────────────────────────────────────────────────────────

/** What every date field of the API says of a bad date, after the field's name ("签订日期不是有效日期：…"). */
export const dateMessage = { zh: '不是有效日期：应为真实存在的日期，格式 YYYY-MM-DD', en: 'is not a valid date: use a real calendar date as YYYY-MM-DD' } as const;

/** The same for an instant filter (audit `from`/`to`). */
export const dateTimeMessage = {
  zh: '不是有效时间：应为真实存在的日期（YYYY-MM-DD），或带时区的 ISO 8601 时刻（如 2026-03-01T08:00:00+08:00）',
  en: 'is not a valid date or time: use a real calendar date (YYYY-MM-DD) or an ISO 8601 instant with Z or an offset (e.g. 2026-03-01T08:00:00+08:00)',
} as const;

/** Dates outside this range are typing mistakes in this domain (births, terms, holiday notices, reports). */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/** A value that is not a string gets the date's own message; a missing one is "required" (the API's generic wording). */
const notAString = (m: Reason) => (issue: { input?: unknown }) => (issue.input === undefined ? undefined : predicateMessage(m));

/** A real calendar date `YYYY-MM-DD` (leap years included) within `DATE_RANGE`. */
export const isCalendarDate = (v: string): boolean => isIsoDate(v) && v >= DATE_RANGE.min && v <= DATE_RANGE.max;

/**
 * The date of every API input: exactly `YYYY-MM-DD`, a day the calendar has (no 02-30, no
 * 13th month, 02-29 only in leap years), 1900–2100. Not trimmed or coerced: what is stored is
 * what was sent.
 */
export const isoDateSchema = z.string({ error: notAString(dateMessage) }).superRefine((v, ctx) => {
  if (!isCalendarDate(v)) addReason(ctx, dateMessage, 'date', true);
});

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * The UTC instant (`toISOString` form) of an ISO 8601 time with Z or an offset, or of a bare date
 * read as a day in China (Asia/Shanghai, the platform's business day): its first millisecond, or
 * its last when `bareDate` is `'end'`. Undefined for anything else, impossible days and times included.
 */
export function parseInstant(v: string, bareDate: 'start' | 'end' = 'start'): string | undefined {
  if (isCalendarDate(v)) {
    const start = Date.parse(`${v}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
    return new Date(bareDate === 'start' ? start : start + 86_400_000 - 1).toISOString();
  }
  const m = INSTANT.exec(v);
  if (!m || !isCalendarDate(m[1]!)) return undefined;
  const [year, month, day] = m[1]!.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss, oh, om] = [m[2], m[3], m[4] ?? '0', m[7] ?? '0', m[8] ?? '0'].map(Number) as [number, number, number, number, number];
  if (hh > 23 || mm > 59 || ss > 59 || oh > 14 || om > 59) return undefined;
  const ms = Math.floor(Number(`0.${m[5] ?? '0'}`) * 1000);
  const offsetMinutes = m[6] === 'Z' ? 0 : (m[6]!.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  const utc = Date.UTC(year, month - 1, day, hh, mm, ss, ms) - offsetMinutes * 60_000;
  return new Date(utc).toISOString();
}

const instantSchema = (bareDate: 'start' | 'end') =>
  z
    .string({ error: notAString(dateTimeMessage) })
    .superRefine((v, ctx) => {
      if (parseInstant(v, bareDate) === undefined) addReason(ctx, dateTimeMessage, 'date_time', true);
    })
    .transform((v) => parseInstant(v, bareDate)!);

/**
 * A point in time for filters (audit `from`): an ISO 8601 instant with Z or an offset, or a bare
 * date meaning the start of that day in China; parsed to the UTC form the store keeps timestamps
 * in, so string comparison is time comparison. A time with no zone is ambiguous and refused.
 */
export const isoDateTimeSchema = instantSchema('start');

/** As `isoDateTimeSchema`, for an inclusive upper bound (audit `to`): a bare date means the end of that day. */
export const isoDateTimeUntilSchema = instantSchema('end');

// ── years ────────────────────────────────────────────────────────────────────────────────

/** The years the platform's records and reports are kept for (plans, rules, rollups). */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** What every year field of the API says of a bad year, after the field's name ("年度不是有效年份：…"). */
export const yearMessage = {
  zh: `不是有效年份：应为 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间的整数`,
  en: `is not a valid year: use a whole number from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`,
} as const;

/** A calendar year, a whole number within `YEAR_RANGE`; a missing one is "required" (the API's generic wording). */
export const yearSchema = z.number({ error: notAString(yearMessage) }).superRefine((v, ctx) => {
  if (!Number.isInteger(v) || v < YEAR_RANGE.min || v > YEAR_RANGE.max) {
    ctx.addIssue({ code: 'custom', message: predicateMessage(yearMessage), params: { en: yearMessage.en, reason: 'year' } });
  }
});

// ── decimals ─────────────────────────────────────────────────────────────────────────────

/**
 * A decimal between `min` and `max` with at most `places` places (a percentage to 0.01), kept as its rounded value.
 * JSON numbers may carry what no user typed (8e-323): a value finer than `places` is refused, so nothing outside
 * DynamoDB's number range (magnitudes under 1e-130 fail the write) reaches the store.
 */
export function decimalSchema(min: number, max: number, places: number) {
  const scale = 10 ** places;
  // The same words as zod's own multipleOf refusal (see zod-bilingual), for the values multipleOf's tolerance lets through.
  const message = { zh: `最多保留 ${places} 位小数`, en: `must have at most ${places} decimal places` };
  return z
    .number()
    .min(min)
    .max(max)
    .multipleOf(1 / scale)
    .superRefine((v, ctx) => {
      if (v !== 0 && Math.round(v * scale) === 0) ctx.addIssue({ code: 'custom', message: predicateMessage(message), params: { en: message.en, reason: 'decimal' } });
    })
    .transform((v) => Math.round(v * scale) / scale);
}
