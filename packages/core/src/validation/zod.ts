import { z } from 'zod';
import { parseDivisionCode } from './division.js';
import { validateIdNumber } from './id-number.js';
import { validatePhone } from './phone.js';
import type { Reason } from './result.js';
import { validateUscc } from './uscc.js';
import { isIsoDate } from '../calendar/dates.js';

type Check = (value: string) => { ok: true } | { ok: false; reason: Reason };

/** Zod issue with the Chinese text as `message` and the English one in `params.en`. */
function refinedBy(check: Check) {
  return (value: string, ctx: z.RefinementCtx<string>) => {
    const result = check(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason.zh, params: { en: result.reason.en } });
  };
}

/** Trims and upper-cases before validating, so the parsed value is the canonical code. */
export const usccSchema = z.string().trim().toUpperCase().superRefine(refinedBy(validateUscc));

/** Trims and upper-cases (a typed `x` becomes `X`); birth date checked against the current date. */
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine(refinedBy((id) => validateIdNumber(id)));

export const divisionCodeSchema = z.string().trim().superRefine(refinedBy(parseDivisionCode));

export const phoneSchema = z.string().trim().superRefine(refinedBy(validatePhone));

// ── dates ────────────────────────────────────────────────────────────────────────────────

/** The message every date field of the API answers a bad date with. */
export const dateMessage = { zh: '日期无效：应为真实存在的日期，格式 YYYY-MM-DD', en: 'Invalid date: use a real calendar date as YYYY-MM-DD' } as const;

/** The message of an instant filter (audit `from`/`to`). */
export const dateTimeMessage = {
  zh: '时间无效：应为真实存在的日期（YYYY-MM-DD），或带时区的 ISO 8601 时刻（如 2026-03-01T08:00:00+08:00）',
  en: 'Invalid date or time: use a real calendar date (YYYY-MM-DD) or an ISO 8601 instant with Z or an offset (e.g. 2026-03-01T08:00:00+08:00)',
} as const;

/** Dates outside this range are typing mistakes in this domain (births, terms, holiday notices, reports). */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/**
 * One message in both languages for an issue zod raises itself (a value that is not a string):
 * the API's error map (packages/api/src/zod-bilingual.ts) splits zh and en at U+241E.
 */
const bothLanguages = (m: { zh: string; en: string }) => `${m.zh}\u241e${m.en}`;

/** A real calendar date `YYYY-MM-DD` (leap years included) within `DATE_RANGE`. */
export const isCalendarDate = (v: string): boolean => isIsoDate(v) && v >= DATE_RANGE.min && v <= DATE_RANGE.max;

/**
 * The date of every API input: exactly `YYYY-MM-DD`, a day the calendar has (no 02-30, no
 * 13th month, 02-29 only in leap years), 1900–2100. Not trimmed or coerced: what is stored is
 * what was sent.
 */
export const isoDateSchema = z.string({ error: bothLanguages(dateMessage) }).superRefine((v, ctx) => {
  if (!isCalendarDate(v)) ctx.addIssue({ code: 'custom', message: dateMessage.zh, params: { en: dateMessage.en } });
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
    .string({ error: bothLanguages(dateTimeMessage) })
    .superRefine((v, ctx) => {
      if (parseInstant(v, bareDate) === undefined) ctx.addIssue({ code: 'custom', message: dateTimeMessage.zh, params: { en: dateTimeMessage.en } });
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
