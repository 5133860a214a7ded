import { dutyState } from '@ufp/core/calendar/calendar';
import { defineEnum } from '@ufp/kit/enum';
import type { HardshipFile } from './file.js';
import { addMonths, daysBetween } from './workflow.js';

/**
 * The clocks of a hardship file (DOMAIN.md §6): the unit's investigation (5 days), the public
 * notice period, the yearly re-verification and the follow-up after an exit (6 months).
 *
 * Natural (calendar) days, not working days: DOMAIN §6 and the anchors (§5, 义乌: "单位工会
 * investigates within 5 days") name plain days, and the rule pack stores `investigationDays`
 * and `noticeDays` as calendar days. Only the 集体合同 review period is a working-day rule
 * (DOMAIN §3, local). A duty's due day is its last day, as for every legal clock (see `Deadline`
 * in calendar/calendar.ts): the unit investigates "within 5 days" of submission, so day 5 (the
 * submission day not counted) is still in time (`due_today`) and the clock is overdue from day 6;
 * the same rule, `dutyState`, serves the contract clocks. The due days are fixed on the file when
 * the step happens (`investigationDueOn` at submission, `noticeEndsOn` at publication, `followUpDueOn` at exit),
 * so a later rule-pack change never moves a running clock.
 *
 * One function, `fileClocks`, serves the caseworker queue, the file view and the daily tick.
 */
export const HardshipClockKind = defineEnum({
  investigation: { zh: '入户调查', en: 'Investigation visit' },
  notice: { zh: '公示期', en: 'Notice period' },
  reverification: { zh: '年度复核', en: 'Yearly re-verification' },
  followUp: { zh: '脱困回访', en: 'Post-exit follow-up' },
});
export type HardshipClockKind = (typeof HardshipClockKind.values)[number];
export const hardshipClockKinds = HardshipClockKind.values;
export const hardshipClockLabels = HardshipClockKind.labels;

/**
 * `open`: running, nothing due yet; `due_soon` / `due_today` / `overdue`: a duty (visit,
 * re-verification, follow-up) approaching or past its day; `ready`: a waiting period (the
 * notice) has run and the next step (review) may begin.
 */
export type HardshipClockState = 'open' | 'due_soon' | 'due_today' | 'overdue' | 'ready';

/** Days before the due day at which a duty counts as due soon (and the tick reminds). */
export const dueSoonDays: Record<Exclude<HardshipClockKind, 'notice'>, number> = { investigation: 2, reverification: 30, followUp: 14 };

/** Files on record are re-verified every year (DOMAIN §6 "annual re-verification"). */
export const REVERIFY_MONTHS = 12;

export interface HardshipClock {
  kind: HardshipClockKind;
  label: { zh: string; en: string };
  /** The day the clock started (submission, notice start, last verification, exit). */
  from: string;
  dueOn: string;
  /** Days from today to the due day (negative when past). */
  daysLeft: number;
  state: HardshipClockState;
}

export type ClockedFile = Pick<HardshipFile, 'status' | 'submittedOn' | 'investigationDueOn' | 'noticeStartsOn' | 'noticeEndsOn' | 'approvedOn' | 'lastVerifiedOn' | 'exitedOn' | 'followUpDueOn' | 'followedUpOn'>;

/** A notice runs through its last day (`endsOn`); review may begin the day after. */
const noticeState = (today: string, endsOn: string): { daysLeft: number; state: HardshipClockState } => {
  const daysLeft = daysBetween(today, endsOn);
  return { daysLeft, state: daysLeft < 0 ? 'ready' : 'open' };
};

/** The clocks running for a file on `today`, nearest due day first. */
export function fileClocks(file: ClockedFile, today: string): HardshipClock[] {
  const out: HardshipClock[] = [];
  const push = (kind: HardshipClockKind, from: string, dueOn: string) => {
    const { daysLeft, state } = kind === 'notice' ? noticeState(today, dueOn) : dutyState(today, dueOn, dueSoonDays[kind]);
    out.push({ kind, label: hardshipClockLabels[kind], from, dueOn, daysLeft, state });
  };
  if (file.status === 'submitted' && file.investigationDueOn) push('investigation', file.submittedOn ?? file.investigationDueOn, file.investigationDueOn);
  if (file.status === 'noticed' && file.noticeEndsOn) push('notice', file.noticeStartsOn ?? file.noticeEndsOn, file.noticeEndsOn);
  const verified = file.lastVerifiedOn ?? file.approvedOn;
  if (file.status === 'approved' && verified) push('reverification', verified, addMonths(verified, REVERIFY_MONTHS));
  if (file.status === 'exited' && file.followUpDueOn && !file.followedUpOn) push('followUp', file.exitedOn ?? file.followUpDueOn, file.followUpDueOn);
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The clock a caseworker should look at first, or undefined when none runs. */
export function nearestClock(file: ClockedFile, today: string): HardshipClock | undefined {
  return fileClocks(file, today)[0];
}

/** A clock that calls for someone (reminders, queue highlight), as opposed to one merely running. */
export const needsAttention = (c: HardshipClock) => c.state !== 'open';

/**
 * The clocks of a file that can be overdue (a duty with a last day: investigation, re-verification,
 * follow-up; a notice period only ends) and are overdue on `today`: from the day after the due day.
 */
export function overdueClockKinds(file: ClockedFile, today: string): HardshipClockKind[] {
  return fileClocks(file, today)
    .filter((c) => c.state === 'overdue')
    .map((c) => c.kind)
    .sort();
}

export interface OverdueMarks {
  /** The kinds marked overdue after the change (undefined when none). */
  overdueClocks?: HardshipClockKind[];
  /** The change of `hardship.clocks.overdue` (a stock): + marked, − unmarked. */
  delta: number;
}

/**
 * The daily tick's marks: exactly the clocks overdue on `today`. A clock is marked once (a rerun of the day,
 * or the next day, finds it marked and changes nothing), so the stock counts each overdue clock once.
 */
export function tickOverdueMarks(file: ClockedFile & { overdueClocks?: readonly HardshipClockKind[] }, today: string): OverdueMarks {
  const marked = file.overdueClocks ?? [];
  const next = overdueClockKinds(file, today);
  const delta = next.filter((k) => !marked.includes(k)).length - marked.filter((k) => !next.includes(k)).length;
  return { overdueClocks: next.length ? next : undefined, delta };
}

/**
 * The marks after a workflow step: a marked clock the step answered or closed (no longer overdue) is
 * unmarked (−1); the step marks nothing new — that is the daily tick's.
 */
export function stepOverdueMarks(before: { overdueClocks?: readonly HardshipClockKind[] }, after: ClockedFile, today: string): OverdueMarks {
  const marked = before.overdueClocks ?? [];
  const still = overdueClockKinds(after, today);
  const kept = marked.filter((k) => still.includes(k));
  return { overdueClocks: kept.length ? kept : undefined, delta: kept.length - marked.length };
}

/** The rollup delta of a change of marks. */
export const overdueMetrics = (delta: number): Record<string, number> => (delta ? { 'hardship.clocks.overdue': delta } : {});
