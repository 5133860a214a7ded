import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import { yearOf } from '@ufp/core/calendar/dates';
import type { MetricDeltas } from '@ufp/core/events';
import { contractDutySettled } from '../events.js';
import { ruleDeadline } from './clocks.js';
import type { Contract, ContractSettings } from './contract.js';
import { contractYearSpan } from './performance.js';

/**
 * How a contract's timed duties ended, for the compliance indicators: an offer answered within its 20 days or not
 * (Art. 32), a filed contract taking effect with no objection in its 15 days or objected to (Art. 45, 47), a contract
 * year's 履约 check done by the year's last day or not. Each duty is settled once — when it is done, or when the
 * daily tick finds it overdue (a later act changes nothing) — and kept on the contract so a recount gives the same.
 */
export type Duty = 'offerReply' | 'review' | 'performanceCheck';

export interface Outcome {
  duty: Duty;
  /** Which one: the offer's sending date, the filing date under review, the contract year checked. */
  ref: string;
  /** The day that dates it in the rollups: the reply's or check's due day, the effective or objection day. */
  on: string;
  /** Replied in time, took effect without objection, checked in time. */
  kept: boolean;
}

/** An outcome's rollup deltas (counts only; flows of the year of `on`). */
export function outcomeMetrics(o: Pick<Outcome, 'duty' | 'kept'>): MetricDeltas {
  const one = (kept: string, all: string): MetricDeltas => (o.kept ? { [all]: 1, [kept]: 1 } : { [all]: 1 });
  if (o.duty === 'offerReply') return one('contracts.offers.repliedInTime', 'contracts.offers.replyDue');
  if (o.duty === 'performanceCheck') return one('contracts.checks.onTime', 'contracts.checks.due');
  return o.kept ? { 'contracts.review.deemedEffective': 1 } : { 'contracts.review.objected': 1 };
}

const settled = (c: Pick<Contract, 'outcomes'>, duty: Duty, ref: string) => !!c.outcomes?.some((o) => o.duty === duty && o.ref === ref);

/** The contract with the outcome kept and its event, or unchanged when that duty was settled already. */
export function settle(c: Contract, o: Outcome): { after: Contract; event?: ReturnType<typeof contractDutySettled.create> } {
  if (settled(c, o.duty, o.ref)) return { after: c };
  return {
    after: { ...c, outcomes: [...(c.outcomes ?? []), o] },
    event: contractDutySettled.create({ contractId: c.contractId, type: c.type, duty: o.duty, kept: o.kept, year: yearOf(o.on), metrics: outcomeMetrics(o) }),
  };
}

/** Settles several outcomes in turn, collecting the events. */
export function settleAll(c: Contract, outcomes: readonly Outcome[]): { after: Contract; events: NonNullable<ReturnType<typeof settle>['event']>[] } {
  let after = c;
  const events = [];
  for (const o of outcomes) {
    const s = settle(after, o);
    after = s.after;
    if (s.event) events.push(s.event);
  }
  return { after, events };
}

/**
 * The duties overdue on `today` and not settled yet, each as missed: an unanswered offer past its reply period, and
 * every contract year in force whose last day has passed without a check.
 */
export function missedDuties(c: Contract, settings: ContractSettings, today: string, calendar: WorkCalendar): Outcome[] {
  const out: Outcome[] = [];
  if (c.status === 'offer_sent' && c.offer && !c.offer.repliedOn) {
    const { dueOn } = ruleDeadline('offerReply', c.offer.sentOn, settings, calendar);
    if (today > dueOn && !settled(c, 'offerReply', c.offer.sentOn)) out.push({ duty: 'offerReply', ref: c.offer.sentOn, on: dueOn, kept: false });
  }
  if ((c.status === 'effective' || c.status === 'expiring') && c.effectiveOn) {
    const checked = new Set(c.performanceChecks.map((p) => p.contractYear));
    for (let n = 1; n < 100; n++) {
      const span = contractYearSpan({ ...c, effectiveOn: c.effectiveOn }, n);
      if (span.from > c.term.end || span.dueOn >= today) break;
      if (!checked.has(n) && !settled(c, 'performanceCheck', String(n))) out.push({ duty: 'performanceCheck', ref: String(n), on: span.dueOn, kept: false });
    }
  }
  return out;
}
