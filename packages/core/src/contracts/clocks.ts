import { defaultCalendar, type Deadline, type WorkCalendar } from '../calendar/calendar.js';
import { daysBetween } from '../calendar/dates.js';
import { clockRuleDays, clockRuleLabels, voteRuleOf, type ClockRule, type Contract, type ContractSettings, type Side } from './contract.js';
import { bargainingStatuses, openVacancies, renewalOpensOn } from './lifecycle.js';

export type ClockKind = ClockRule | 'renewalWindow' | 'expiry';

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
  /** Days from today to the due day (negative when overdue). */
  daysLeft: number;
  state: 'open' | 'due_soon' | 'due_today' | 'overdue';
}

/** Days before a due day at which a clock counts as due soon (and notifies). */
export const DUE_SOON_DAYS = 3;

export function ruleDeadline(rule: ClockRule, from: string, settings: ContractSettings, calendar: WorkCalendar = defaultCalendar): Deadline {
  const days = rule === 'publish' ? settings.publishWithinDays : clockRuleDays[rule];
  return calendar.deadline(from, days, settings.dayCount[rule], { extendOnRestDay: settings.extendOnRestDay });
}

/** The clocks running for a contract on `today`, given the tenant's settings. */
export function openClocks(c: Contract, settings: ContractSettings, today: string, calendar: WorkCalendar = defaultCalendar): OpenClock[] {
  const out: OpenClock[] = [];
  const push = (kind: ClockKind, d: Pick<Deadline, 'from' | 'dueOn'> & Partial<Deadline>, side?: Side) => {
    const daysLeft = daysBetween(today, d.dueOn);
    const state: OpenClock['state'] = daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'due_today' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'open';
    const { basis, ...label } = clockRuleLabels[kind];
    out.push({
      contractId: c.contractId,
      title: c.title,
      kind,
      label: side ? { zh: `${side === 'worker' ? '职工方' : '企业方'}${label.zh}`, en: `${label.en} (${side} side)` } : label,
      basis,
      ...(side ? { side } : {}),
      from: d.from,
      dueOn: d.dueOn,
      ...(d.days !== undefined ? { days: d.days, count: d.count } : {}),
      ...(d.extendedFrom ? { extendedFrom: d.extendedFrom } : {}),
      ...(d.provisional ? { provisional: d.provisional } : {}),
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
  if (c.status === 'filed' && c.filing) push('review', ruleDeadline('review', c.filing.filedOn, settings, calendar));
  if ((c.status === 'effective' || c.status === 'expiring') && c.effectiveOn) {
    if (!c.publishedOn && settings.publishWithinDays > 0) push('publish', ruleDeadline('publish', c.effectiveOn, settings, calendar));
    if (!c.successorId) {
      const opens = renewalOpensOn(c.term.end);
      if (today < opens) push('renewalWindow', { from: c.term.start, dueOn: opens });
      push('expiry', { from: c.term.start, dueOn: c.term.end });
    }
  }
  return out;
}

/** The day a filed contract takes effect if no objection is raised: the review period's last day. */
export function autoEffectiveOn(filedOn: string, settings: ContractSettings, calendar: WorkCalendar = defaultCalendar): Deadline {
  return ruleDeadline('review', filedOn, settings, calendar);
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
  return { due, lateDays: Math.max(0, daysBetween(due.dueOn, filedOn)) };
}

