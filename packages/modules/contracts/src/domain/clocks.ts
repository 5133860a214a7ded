import { daysLate, defaultCalendar, dutyState, type Deadline, type DutyState, type WorkCalendar } from '@ufp/core/calendar/calendar';
import { addDays } from '@ufp/core/calendar/dates';
import type { MetricDeltas } from '@ufp/core/events';
import type { Decision } from '@ufp/kit/transition';
import { contractClocksOverdue } from '../events.js';
import { bargainingSide, clockRuleDays, clockRuleLabels, clockRules, voteRuleOf, type ClockRule, type Contract, type ContractSettings, type Side } from './contract.js';
import { bargainingStatuses, openVacancies, renewalOpensOn } from './lifecycle.js';
import { owedContractYear } from './performance.js';

export type ClockKind = ClockRule | 'renewalWindow' | 'expiry' | 'performanceCheck';

/** One running legal clock of a contract. */
export interface OpenClock {
  contractId: string;
  title: string;
  kind: ClockKind;
  label: { zh: string; en: string };
  basis: string;
  /** The side a representative-vacancy clock is about. */
  side?: Side;
  from: string;
  dueOn: string;
  days?: number;
  count?: Deadline['count'];
  extendedFrom?: string;
  provisional?: Deadline['provisional'];
  /** Review clock only: the day the contract takes effect if no objection is raised by `dueOn`. */
  effectiveOn?: string;
  /** Performance-check clock only: the contract year the check is owed for. */
  contractYear?: number;
  /** Days from today to the due day (negative when overdue). */
  daysLeft: number;
  state: DutyState;
}

/** Days before a due day at which a clock counts as due soon (and notifies). */
export const DUE_SOON_DAYS = 3;
/** The yearly 履约 check is announced a month ahead: a check takes preparing. */
export const CHECK_DUE_SOON_DAYS = 30;

/** The clocks that are duties: overdue from the day after their last day (the renewal window and the term's end are not). */
export const dutyKinds: readonly ClockKind[] = [...clockRules, 'performanceCheck'];

/**
 * The last day of a legal clock that runs from `from` ("within N days of X", see `Deadline`): an
 * act on `dueOn` is in time, the clock is overdue from the next day. Natural or working days per
 * the tenant's settings; a natural-day period ending on a rest day runs on when the tenant extends.
 */
export function ruleDeadline(rule: ClockRule, from: string, settings: ContractSettings, calendar: WorkCalendar = defaultCalendar): Deadline {
  const days = rule === 'publish' ? settings.publishWithinDays : clockRuleDays[rule];
  return calendar.deadline(from, days, settings.dayCount[rule], { extendOnRestDay: settings.extendOnRestDay });
}

/** The clocks running for a contract on `today`, given the tenant's settings. */
export function openClocks(c: Contract, settings: ContractSettings, today: string, calendar: WorkCalendar = defaultCalendar): OpenClock[] {
  const out: OpenClock[] = [];
  const push = (kind: ClockKind, d: Pick<Deadline, 'from' | 'dueOn'> & Partial<Deadline>, side?: Side, effectiveOn?: string, contractYear?: number) => {
    const { daysLeft, state } = dutyState(today, d.dueOn, kind === 'performanceCheck' ? CHECK_DUE_SOON_DAYS : DUE_SOON_DAYS);
    const { basis, ...ruleLabel } = clockRuleLabels[kind];
    const label = contractYear ? { zh: `第${contractYear}合同年度${ruleLabel.zh.replace(/^年度/, '')}`, en: `${ruleLabel.en} (contract year ${contractYear})` } : ruleLabel;
    out.push({
      contractId: c.contractId,
      title: c.title,
      kind,
      label: side ? { zh: `${bargainingSide.labels[side].zh}${label.zh}`, en: `${label.en} (${side} side)` } : label,
      basis,
      ...(side ? { side } : {}),
      from: d.from,
      dueOn: d.dueOn,
      ...(d.days !== undefined ? { days: d.days, count: d.count } : {}),
      ...(d.extendedFrom ? { extendedFrom: d.extendedFrom } : {}),
      ...(d.provisional ? { provisional: d.provisional } : {}),
      ...(effectiveOn ? { effectiveOn } : {}),
      ...(contractYear ? { contractYear } : {}),
      daysLeft,
      state,
    });
  };
  if (c.status === 'offer_sent' && c.offer) push('offerReply', ruleDeadline('offerReply', c.offer.sentOn, settings, calendar));
  if (bargainingStatuses.includes(c.status)) {
    // One clock per side, from its earliest open vacancy (Art. 31: 15 days from the vacancy).
    for (const side of ['worker', 'employer'] as const) {
      const first = openVacancies(c).find((v) => v.side === side);
      if (first) push('repVacancy', ruleDeadline('repVacancy', first.vacatedOn, settings, calendar), side);
    }
  }
  const filingFrom = filingClockStart(c);
  if (filingFrom && (c.status === 'signed' || (c.status === 'approved' && voteRuleOf(c.type) === 'sector'))) push('filing', ruleDeadline('filing', filingFrom, settings, calendar));
  if (c.status === 'filed' && c.filing) {
    const { review, effectiveOn } = autoEffect(c.filing.filedOn, settings, calendar);
    push('review', review, undefined, effectiveOn);
  }
  if ((c.status === 'effective' || c.status === 'expiring') && c.effectiveOn) {
    if (!c.publishedOn && settings.publishWithinDays > 0) push('publish', ruleDeadline('publish', c.effectiveOn, settings, calendar));
    const owed = owedContractYear(c, today);
    if (owed) push('performanceCheck', owed, undefined, undefined, owed.contractYear);
    if (!c.successorId) {
      const opens = renewalOpensOn(c.term.end);
      if (today < opens) push('renewalWindow', { from: c.term.start, dueOn: opens });
      push('expiry', { from: c.term.start, dueOn: c.term.end });
    }
  }
  return out;
}

/** A filed contract's review period and the day it takes effect if no objection is raised in it. */
export interface AutoEffect {
  /** The review period: `review.dueOn` is the last day on which the bureau may object. */
  review: Deadline;
  /** The day after the review period: the contract takes effect (Art. 47). */
  effectiveOn: string;
}

/**
 * The review period after filing (Art. 45: the bureau raises objections within 15 days of
 * receiving the contract) and the day the contract takes effect without one (Art. 47: when the
 * 15 days have passed with no objection). The bureau may object on any day of the period, its
 * last day included, so the contract takes effect on day 16 — the day after the period has ended.
 *
 * "The day after" is the next calendar day, also when the tenant counts the period in working
 * days and that day is a weekend or holiday: Art. 47 ties the effect to the period having
 * passed, and no one has to act on that day for it to happen. (Counting on to the next working
 * day would give the bureau days the law does not.) A period ending on a rest day that the tenant
 * extends (民法典 Art. 203) moves its last day first; the contract takes effect the day after that.
 */
export function autoEffect(filedOn: string, settings: ContractSettings, calendar: WorkCalendar = defaultCalendar): AutoEffect {
  const review = ruleDeadline('review', filedOn, settings, calendar);
  return { review, effectiveOn: addDays(review.dueOn, 1) };
}

/**
 * The day the 10-day filing clock starts: the chiefs' signature (Art. 42), but for industry and regional
 * contracts the passage of the draft (the implementing notice: filed within 10 days of passage).
 */
export function filingClockStart(c: Pick<Contract, 'type' | 'signedOn' | 'congress'>): string | undefined {
  if (voteRuleOf(c.type) === 'sector' && c.congress?.passed) return c.congress.recordedOn;
  return c.signedOn;
}

/** A filing's due day and how many days late it was (0 when in time), counted from `filingClockStart`. */
export function filingTimeliness(from: string, filedOn: string, settings: ContractSettings, calendar: WorkCalendar = defaultCalendar) {
  const due = ruleDeadline('filing', from, settings, calendar);
  return { due, lateDays: daysLate(due, filedOn) };
}

/** A vacant seat's refill due day (Art. 31: within 15 days of the vacancy) and how late a refill on `refilledOn` is. */
export function vacancyLateness(vacatedOn: string, refilledOn: string, settings: ContractSettings, calendar: WorkCalendar = defaultCalendar) {
  const due = ruleDeadline('repVacancy', vacatedOn, settings, calendar);
  return { due, lateDays: daysLate(due, refilledOn) };
}


/**
 * The legal clocks of a contract overdue on `today` — from the day after their last day — as ids (`offerReply`,
 * `repVacancy:worker`, `filing`, `review`, `publish`, `performanceCheck`). The renewal window and the term's end are not
 * duties: the term's end is the daily expiry, not an overdue clock.
 */
export function overdueClockIds(c: Contract, settings: ContractSettings, today: string, calendar: WorkCalendar = defaultCalendar): string[] {
  return openClocks(c, settings, today, calendar)
    .filter((k) => dutyKinds.includes(k.kind) && k.state === 'overdue')
    .map((k) => (k.side ? `${k.kind}:${k.side}` : k.kind))
    .sort();
}

/**
 * The day each marked clock became overdue (the day after its last day; today for a mark no open clock explains), so a
 * recount of `contracts.clocks.overdue` can date the marks: a year's stock holds the marks made by its end.
 */
export function markedSince(c: Contract, settings: ContractSettings, today: string, calendar: WorkCalendar = defaultCalendar): string[] {
  const open = new Map(openClocks(c, settings, today, calendar).map((k) => [k.side ? `${k.kind}:${k.side}` : k.kind, k.dueOn]));
  return (c.overdueClocks ?? []).map((id) => {
    const dueOn = open.get(id);
    return dueOn ? addDays(dueOn, 1) : today;
  });
}

export interface OverdueMarks {
  /** The clocks marked after the change (undefined when none). */
  overdueClocks?: string[];
  /** The change of `contracts.clocks.overdue` (a stock): + marked, − unmarked. */
  delta: number;
}

/**
 * The daily tick's marks: exactly the clocks overdue on `today`. A clock already marked is not counted again,
 * so a rerun of the day (or the next day) changes nothing.
 */
export function tickOverdueMarks(c: Contract, settings: ContractSettings, today: string, calendar: WorkCalendar = defaultCalendar): OverdueMarks {
  const marked = c.overdueClocks ?? [];
  const next = overdueClockIds(c, settings, today, calendar);
  const delta = next.filter((k) => !marked.includes(k)).length - marked.filter((k) => !next.includes(k)).length;
  return { overdueClocks: next.length ? next : undefined, delta };
}

/** The marks after a step: a marked clock the step answered or closed is unmarked (−1); a step marks nothing new. */
export function stepOverdueMarks(before: Pick<Contract, 'overdueClocks'>, after: Contract, settings: ContractSettings, today: string, calendar: WorkCalendar = defaultCalendar): OverdueMarks {
  const marked = before.overdueClocks ?? [];
  const still = overdueClockIds(after, settings, today, calendar);
  const kept = marked.filter((k) => still.includes(k));
  return { overdueClocks: kept.length ? kept : undefined, delta: kept.length - marked.length };
}

export const overdueMetrics = (delta: number): MetricDeltas => (delta ? { 'contracts.clocks.overdue': delta } : {});

/** The contract with its marks replaced (the field left out when none). */
export function withMarks(c: Contract, marks: OverdueMarks): Contract {
  const { overdueClocks: _old, ...rest } = c;
  return marks.overdueClocks ? { ...rest, overdueClocks: marks.overdueClocks } : rest;
}

/** The event of a change of marks: the clocks now marked and the rollup delta. */
export const overdueEvent = (c: Contract, marks: OverdueMarks) =>
  contractClocksOverdue.create({ contractId: c.contractId, type: c.type, overdueClocks: marks.overdueClocks ?? [], ...(marks.delta ? { metrics: overdueMetrics(marks.delta) } : {}) });

/**
 * A step's decision with the overdue clocks it answered unmarked, in the same transaction: one fewer overdue
 * clock each, on a `contracts.contract.overdue` event.
 */
export function unmarkAnswered<D extends Decision<Contract>>(before: Contract, decision: D, settings: ContractSettings, today: string, calendar: WorkCalendar = defaultCalendar): D {
  if (!before.overdueClocks?.length) return decision;
  const marks = stepOverdueMarks(before, decision.after, settings, today, calendar);
  if (marks.delta === 0) return decision;
  const after = withMarks(decision.after, marks);
  return { ...decision, after, events: [...(decision.events ?? []), overdueEvent(after, marks)] };
}
