import { describe, expect, it } from 'vitest';
import { fileClocks, nearestClock, overdueMetrics, stepOverdueMarks, tickOverdueMarks, type ClockedFile } from './clocks.js';
import { noticeEndsOn, reviewOpensOn } from './workflow.js';

const submitted: ClockedFile = { status: 'submitted', submittedOn: '2026-03-02', investigationDueOn: '2026-03-07' };
const states = (f: ClockedFile, days: string[]) => days.map((d) => fileClocks(f, d).map((c) => `${c.kind}:${c.state}`).join());

describe('hardship clocks', () => {
  it('runs the 5-day investigation clock: due soon 2 days ahead, due today, overdue on day 6', () => {
    expect(states(submitted, ['2026-03-04', '2026-03-05', '2026-03-07', '2026-03-08'])).toEqual([
      'investigation:open',
      'investigation:due_soon',
      'investigation:due_today',
      'investigation:overdue',
    ]);
    expect(nearestClock(submitted, '2026-03-08')).toMatchObject({ from: '2026-03-02', dueOn: '2026-03-07', daysLeft: -1, label: { zh: '入户调查' } });
  });

  it('counts "within 5 days" from the day after submission: a file submitted on Monday is in time through Saturday', () => {
    // Submitted 2026-03-02 (Monday): day 1 is 03-03, day 5 is 03-07 — the last day in time; 03-08 is one day late.
    expect(fileClocks(submitted, '2026-03-07')).toEqual([expect.objectContaining({ dueOn: '2026-03-07', daysLeft: 0, state: 'due_today' })]);
    expect(fileClocks(submitted, '2026-03-08')).toEqual([expect.objectContaining({ daysLeft: -1, state: 'overdue' })]);
    // Recording the visit closes the clock, whatever the day.
    expect(fileClocks({ ...submitted, status: 'investigated' }, '2026-03-07')).toEqual([]);
  });

  it('a notice runs through its last day and is ready for review the day after, never overdue', () => {
    const f: ClockedFile = { status: 'noticed', noticeStartsOn: '2026-03-10', noticeEndsOn: noticeEndsOn('2026-03-10', 5) };
    expect(f.noticeEndsOn).toBe('2026-03-14'); // five days: 10, 11, 12, 13, 14
    expect(reviewOpensOn(f.noticeEndsOn!)).toBe('2026-03-15');
    expect(states(f, ['2026-03-10', '2026-03-14', '2026-03-15', '2026-04-30'])).toEqual(['notice:open', 'notice:open', 'notice:ready', 'notice:ready']);
  });

  it('re-verifies a file on record a year after its last verification (approval when never re-verified)', () => {
    const f: ClockedFile = { status: 'approved', approvedOn: '2026-03-16' };
    expect(nearestClock(f, '2026-06-01')).toMatchObject({ kind: 'reverification', dueOn: '2027-03-16', state: 'open' });
    expect(nearestClock(f, '2027-02-14')?.state).toBe('due_soon');
    expect(nearestClock({ ...f, lastVerifiedOn: '2027-03-01' }, '2027-03-20')).toMatchObject({ dueOn: '2028-03-01', state: 'open' });
    expect(nearestClock(f, '2027-03-17')?.state).toBe('overdue');
  });

  it('follows up an exit on its follow-up day; other statuses run no clock', () => {
    const f: ClockedFile = { status: 'exited', exitedOn: '2026-03-16', followUpDueOn: '2026-09-16' };
    expect(states(f, ['2026-09-01', '2026-09-02', '2026-09-16', '2026-09-17'])).toEqual(['followUp:open', 'followUp:due_soon', 'followUp:due_today', 'followUp:overdue']);
    for (const status of ['draft', 'investigated', 'rejected'] as const) expect(fileClocks({ ...submitted, status }, '2026-03-08')).toEqual([]);
  });
});

describe('overdue marks (hardship.clocks.overdue)', () => {
  it('marks the investigation clock the day after its due day, not on the due day', () => {
    expect(tickOverdueMarks(submitted, '2026-03-07')).toEqual({ overdueClocks: undefined, delta: 0 });
    expect(tickOverdueMarks(submitted, '2026-03-08')).toEqual({ overdueClocks: ['investigation'], delta: 1 });
  });

  it('counts a marked clock once: a rerun of the day, or the next day, changes nothing', () => {
    const marked = { ...submitted, overdueClocks: ['investigation' as const] };
    expect(tickOverdueMarks(marked, '2026-03-08')).toEqual({ overdueClocks: ['investigation'], delta: 0 });
    expect(tickOverdueMarks(marked, '2026-03-09')).toEqual({ overdueClocks: ['investigation'], delta: 0 });
  });

  it('unmarks a clock the step answers (−1), and a step marks nothing new', () => {
    const marked = { ...submitted, overdueClocks: ['investigation' as const] };
    expect(stepOverdueMarks(marked, { ...submitted, status: 'investigated' }, '2026-03-09')).toEqual({ overdueClocks: undefined, delta: -1 });
    expect(stepOverdueMarks({ overdueClocks: [] }, submitted, '2026-03-09')).toEqual({ overdueClocks: undefined, delta: 0 });
    expect(overdueMetrics(-1)).toEqual({ 'hardship.clocks.overdue': -1 });
    expect(overdueMetrics(0)).toEqual({});
  });

  it('never marks a notice period (it ends, it is not a duty)', () => {
    const f: ClockedFile = { status: 'noticed', noticeStartsOn: '2026-03-10', noticeEndsOn: '2026-03-14' };
    expect(tickOverdueMarks(f, '2026-05-01').delta).toBe(0);
  });
});
