import { isHoliday, isInLieu, isWorkday as libIsWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from './dates.js';
import { changedDays, defaultCalendar, noticeProblems, WorkCalendar } from './calendar.js';
import { shippedNotices } from './notices.js';
import { parseNoticeDays } from './parse.js';

describe('shipped holiday notices', () => {
  it('agree with chinese-days on every day of 2024–2026', () => {
    const disagreements: string[] = [];
    for (const { year } of shippedNotices) {
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        if (defaultCalendar.isWorkday(d) !== libIsWorkday(d)) disagreements.push(d);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('list exactly the days chinese-days calls statutory days off and adjusted working days', () => {
    for (const n of shippedNotices) {
      for (const d of n.work) expect(libIsWorkday(d), d).toBe(true);
      for (const r of n.off) {
        const [from, to] = typeof r === 'string' ? [r, r] : r;
        for (let d = from; d <= to; d = addDays(d, 1)) expect(isHoliday(d) || isInLieu(d), d).toBe(true);
      }
    }
  });

  it('cover 2024–2026 and not 2027', () => {
    expect(defaultCalendar.coveredYears()).toEqual([2024, 2025, 2026]);
    expect(defaultCalendar.covers(2027)).toBe(false);
  });
});

describe('dates', () => {
  it('tells real calendar days from impossible ones without throwing', () => {
    expect(['2024-02-29', '2026-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2025-02-29', '2026-02-30', '2026-13-01', '2026-00-01', '2026-1-01'].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });
});

describe('deadlines', () => {
  it('counts 20 natural days from the day after the start', () => {
    expect(defaultCalendar.deadline('2025-03-03', 20, 'natural')).toMatchObject({ dueOn: '2025-03-23' });
  });

  it('counts 15 working days across 国庆 2025 with the adjusted Sunday 09-28 and Saturday 10-11', () => {
    const d = defaultCalendar.deadline('2025-09-26', 15, 'working');
    expect(d.dueOn).toBe('2025-10-23');
    expect(d.provisional).toBeUndefined();
  });

  it('moves a natural-day deadline that ends on a statutory holiday to the next working day when asked', () => {
    const d = defaultCalendar.deadline('2025-09-16', 15, 'natural', { extendOnRestDay: true });
    expect(d).toMatchObject({ dueOn: '2025-10-09', extendedFrom: '2025-10-01' });
    expect(defaultCalendar.deadline('2025-09-16', 15, 'natural').dueOn).toBe('2025-10-01');
  });

  it('marks a working-day deadline that runs into an uncovered year provisional, with the reason', () => {
    const d = defaultCalendar.deadline('2026-12-20', 15, 'working');
    expect(d.provisional?.years).toEqual([2027]);
    expect(d.provisional?.reason.zh).toContain('2027');
  });

  it('does not mark a natural-day deadline provisional when no rest-day rule needs the calendar', () => {
    expect(defaultCalendar.deadline('2026-12-20', 20, 'natural').provisional).toBeUndefined();
    expect(defaultCalendar.deadline('2026-12-20', 20, 'natural', { extendOnRestDay: true }).provisional?.years).toEqual([2027]);
  });

  it('follows a notice loaded later, so a year becomes covered', () => {
    const cal = new WorkCalendar([...shippedNotices, { year: 2027, source: 'test', off: ['2027-01-01'], work: [] }]);
    expect(cal.isWorkday('2027-01-01')).toBe(false);
    expect(cal.deadline('2026-12-20', 15, 'working').provisional).toBeUndefined();
  });
});

describe('checking a notice before it is loaded', () => {
  it('places each problem at its entry, bilingual', () => {
    const problems = noticeProblems({
      year: 2027,
      off: [['2027-01-01', '2027-01-03'], ['2027-02-10', '2027-02-06'], '2026-12-31', '2027-02-30'],
      work: ['2027-01-09', '2027-01-05', '2027-01-02'],
    });
    expect(problems.map((p) => p.path)).toEqual([['off', 1], ['off', 2], ['off', 3], ['work', 1], ['work', 2]]);
    expect(problems[3]!.zh).toContain('应为周六或周日');
    expect(problems[4]!.en).toContain('inside a range of days off');
  });

  it('accepts a well-formed notice', () => {
    for (const n of shippedNotices) expect(noticeProblems(n)).toEqual([]);
  });

  it('counts the days a notice changes against the weekday-only answer', () => {
    const loaded = new WorkCalendar([...shippedNotices, { year: 2027, source: 'test', off: [['2027-01-01', '2027-01-03']], work: ['2027-01-10'] }]);
    // 01-01 (Fri) becomes a rest day; 01-02/03 are a weekend anyway; Sunday 01-10 becomes a working day.
    expect(changedDays(2027, defaultCalendar, loaded)).toEqual({ toRest: ['2027-01-01'], toWork: ['2027-01-10'] });
  });
});

describe('reading pasted notice days', () => {
  it('reads days and ranges in the forms the notices and the reference table use', () => {
    const parsed = parseNoticeDays(2027, '元旦 01-01–01-03\n春节 02-06 至 02-12；2027-10-01~2027-10-07\n05-01\n02-07 (Sun)');
    expect(parsed.map((e) => e.value)).toEqual([['2027-01-01', '2027-01-03'], ['2027-02-06', '2027-02-12'], ['2027-10-01', '2027-10-07'], '2027-05-01', '2027-02-07']);
  });
  it('keeps the raw text and a bilingual problem for an unreadable or impossible entry', () => {
    const [bad, impossible] = parseNoticeDays(2027, 'Spring festival\n02-30');
    expect(bad).toMatchObject({ raw: 'Spring festival', problem: { zh: expect.stringContaining('无法识别') } });
    expect(impossible?.problem?.en).toContain('2027-02-30');
  });
  it('reports a month that does not exist as a problem instead of failing', () => {
    expect(parseNoticeDays(2027, '13-01')[0]?.problem?.zh).toContain('2027-13-01');
  });
});
