import type { Bilingual } from '../errors.js';
import { addDays, daysBetween, isIsoDate, yearOf, weekday } from './dates.js';
import { shippedNotices, type HolidayNotice } from './notices.js';

export type { HolidayNotice };

export type DayCount = 'natural' | 'working';

/** Why a deadline cannot be relied on yet: it runs through a year with no holiday notice. */
export interface Provisional {
  years: number[];
  reason: Bilingual;
}

/**
 * A period "within N days of X" (民法典 Art. 201–203). X's own day is not counted: day 1 is the
 * day after X and day N — `dueOn` — is the last day on which the act is in time (the whole day,
 * Art. 203 ¶2). The act is late, and the clock overdue, from day N+1. A period that ends in an
 * effect rather than a duty (the 15-day review, after which a contract takes effect) has that
 * effect on day N+1, the day after the period has ended (see `autoEffect` in contracts/clocks).
 */
export interface Deadline {
  /** The last day of the period (an act on this day is in time; overdue from the next day). */
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

/** Where a duty stands on `today` against its last day (see `Deadline`). */
export type DutyState = 'open' | 'due_soon' | 'due_today' | 'overdue';

/**
 * The state of a duty whose last day is `dueOn`: `due_today` on that day (still in time),
 * `overdue` from the day after, `due_soon` within `dueSoonDays` before it. `daysLeft` is negative
 * once overdue (-1 on the first late day).
 */
export function dutyState(today: string, dueOn: string, dueSoonDays: number): { daysLeft: number; state: DutyState } {
  const daysLeft = daysBetween(today, dueOn);
  const state: DutyState = daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'due_today' : daysLeft <= dueSoonDays ? 'due_soon' : 'open';
  return { daysLeft, state };
}

/** How many days after its last day an act done on `actedOn` came (0 when in time, day N included). */
export const daysLate = (deadline: Pick<Deadline, 'dueOn'>, actedOn: string): number => Math.max(0, daysBetween(deadline.dueOn, actedOn));

export interface NoticeProblem {
  /** Where in the notice: `['off', i]` or `['work', j]`. */
  path: (string | number)[];
  zh: string;
  en: string;
}

const isDayOfYear = (d: string, year: number) => isIsoDate(d) && d.startsWith(`${year}-`);
const rangeOf = (r: HolidayNotice['off'][number]): readonly [string, string] => (typeof r === 'string' ? [r, r] : r);

/**
 * Checks a holiday notice before it is loaded, each problem at its place: every date a real day
 * of the notice's year, ranges in order, 调休 working days on weekends and outside the days off.
 */
export function noticeProblems(n: Pick<HolidayNotice, 'year' | 'off' | 'work'>): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  n.off.forEach((r, i) => {
    const [from, to] = rangeOf(r);
    if (!isDayOfYear(from, n.year) || !isDayOfYear(to, n.year)) problems.push({ path: ['off', i], zh: `休息日 ${from === to ? from : `${from}~${to}`} 不是 ${n.year} 年内的有效日期`, en: `Day off ${from === to ? from : `${from}~${to}`} is not a valid date in ${n.year}` });
    else if (from > to) problems.push({ path: ['off', i], zh: `休息日区间 ${from}~${to} 起止颠倒`, en: `Range ${from}~${to} ends before it starts` });
  });
  n.work.forEach((d, j) => {
    if (!isDayOfYear(d, n.year)) problems.push({ path: ['work', j], zh: `调休上班日 ${d} 不是 ${n.year} 年内的有效日期`, en: `Working day ${d} is not a valid date in ${n.year}` });
    else if (weekday(d) !== 0 && weekday(d) !== 6) problems.push({ path: ['work', j], zh: `调休上班日 ${d} 是工作日，应为周六或周日`, en: `Working day ${d} is a weekday; list only weekend days that are worked` });
    else if (n.off.some((r) => rangeOf(r)[0] <= d && d <= rangeOf(r)[1])) problems.push({ path: ['work', j], zh: `调休上班日 ${d} 落在休息日区间内`, en: `Working day ${d} lies inside a range of days off` });
  });
  return problems;
}

/** Days of `year` whose working/rest status differs between two calendars (a notice's effect, for a preview). */
export function changedDays(year: number, before: WorkCalendar, after: WorkCalendar): { toRest: string[]; toWork: string[] } {
  const toRest: string[] = [];
  const toWork: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    const [b, a] = [before.isWorkday(d), after.isWorkday(d)];
    if (b && !a) toRest.push(d);
    if (!b && a) toWork.push(d);
  }
  return { toRest, toWork };
}
