import type { Bilingual } from '../errors.js';
import { addDays, yearOf, weekday } from './dates.js';
import { shippedNotices, type HolidayNotice } from './notices.js';

export type { HolidayNotice };

export type DayCount = 'natural' | 'working';

/** Why a deadline cannot be relied on yet: it runs through a year with no holiday notice. */
export interface Provisional {
  years: number[];
  reason: Bilingual;
}

export interface Deadline {
  /** The last day of the period (an act on this day is in time). */
  dueOn: string;
  /** The day the period runs from (its own day is not counted, 民法典 Art. 201). */
  from: string;
  days: number;
  count: DayCount;
  /** Set when the last day fell on a rest day and moved to the next working day (民法典 Art. 203). */
  extendedFrom?: string;
  provisional?: Provisional;
}

export const uncoveredReason = (years: number[]): Bilingual => ({
  zh: `${years.join('、')}年节假日安排尚未发布（未加载国务院通知），期限为暂定，按周末推算，待通知发布后重新计算`,
  en: `No holiday notice is loaded for ${years.join(', ')}; the deadline is provisional (weekends only) until the notice is published`,
});

/**
 * A working-day calendar built from holiday notices. Questions about a year without a notice
 * are answered weekday-only *and reported* as uncovered, so callers can mark them provisional.
 */
export class WorkCalendar {
  private readonly off = new Set<string>();
  private readonly work = new Set<string>();
  private readonly years = new Set<number>();

  constructor(notices: readonly HolidayNotice[] = shippedNotices) {
    for (const n of notices) {
      this.years.add(n.year);
      for (const r of n.off) {
        const [from, to] = typeof r === 'string' ? [r, r] : r;
        for (let d = from; d <= to; d = addDays(d, 1)) this.off.add(d);
      }
      for (const d of n.work) this.work.add(d);
    }
  }

  coveredYears(): number[] {
    return [...this.years].sort();
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** Whether a day is a working day (weekday-only for an uncovered year; check `covers`). */
  isWorkday(date: string): boolean {
    if (this.off.has(date)) return false;
    if (this.work.has(date)) return true;
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  isStatutoryHoliday(date: string): boolean {
    return this.off.has(date);
  }

  /**
   * The last day of a period of `days` natural or working days running from `from` (whose own
   * day is not counted). A natural-day period whose last day is a rest day ends on the next
   * working day when `extendOnRestDay` (民法典 Art. 203).
   */
  deadline(from: string, days: number, count: DayCount, opts: { extendOnRestDay?: boolean } = {}): Deadline {
    const touched = new Set<number>();
    let dueOn: string;
    if (count === 'natural') {
      dueOn = addDays(from, days);
    } else {
      let d = from;
      for (let left = days; left > 0; ) {
        d = addDays(d, 1);
        touched.add(yearOf(d));
        if (this.isWorkday(d)) left--;
      }
      dueOn = d;
    }
    let extendedFrom: string | undefined;
    if (count === 'natural' && opts.extendOnRestDay) {
      touched.add(yearOf(dueOn));
      let d = dueOn;
      while (!this.isWorkday(d)) {
        d = addDays(d, 1);
        touched.add(yearOf(d));
      }
      if (d !== dueOn) {
        extendedFrom = dueOn;
        dueOn = d;
      }
    }
    const uncovered = [...touched].filter((y) => !this.covers(y)).sort();
    return {
      dueOn,
      from,
      days,
      count,
      ...(extendedFrom ? { extendedFrom } : {}),
      ...(uncovered.length ? { provisional: { years: uncovered, reason: uncoveredReason(uncovered) } } : {}),
    };
  }
}

export const defaultCalendar = new WorkCalendar();

/** Checks a holiday notice before it is loaded: dates inside its year, ranges in order, 调休 days on weekends. */
export function noticeProblems(n: HolidayNotice): string[] {
  const problems: string[] = [];
  const inYear = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d.startsWith(`${n.year}-`) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  for (const r of n.off) {
    const [from, to] = typeof r === 'string' ? [r, r] : r;
    if (!inYear(from) || !inYear(to)) problems.push(`off:${from}~${to}`);
    else if (from > to) problems.push(`off:${from}>${to}`);
  }
  for (const d of n.work) {
    if (!inYear(d)) problems.push(`work:${d}`);
    else if (weekday(d) !== 0 && weekday(d) !== 6) problems.push(`work:${d}:weekday`);
  }
  return problems;
}
