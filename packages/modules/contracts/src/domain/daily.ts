import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import type { DefinedEvent } from '@ufp/core/events';
import type { Decision } from '@ufp/kit/transition';
import { contractEffective, contractExpired, contractExpiring } from '../events.js';
import { autoEffect } from './clocks.js';
import { contractStatus, inForceStatuses, type Contract, type ContractSettings } from './contract.js';
import { historyStep, termTransition } from './lifecycle.js';
import { changeDay, mergeMetrics } from './metrics.js';
import { settle } from './outcomes.js';
import { historyEntry, statusChange } from './steps.js';

/** A status change the daily clock made, for the notification it raises. */
export interface DailyStep {
  step: 'effective' | 'expiring' | 'expired' | 'merged';
  on: string;
  what: { zh: string; en: string };
}

export interface DailyDecision extends Decision<Contract> {
  events: DefinedEvent[];
  steps: DailyStep[];
  /** The unit's count of contracts in force after the changes (when it was given). */
  unitInForce?: number;
}

export interface DailyContext {
  today: string;
  /** When the clock ran (the tick's time). */
  at: string;
  by: string;
  settings: ContractSettings;
  calendar: WorkCalendar;
  /** The unit's count of contracts in force before the changes (read when the contract has a unit). */
  unitInForce?: number;
  /** An amendment's parent as it is now (read when the amendment's effect is due, see `mergeDue`). */
  parent?: Contract;
}

/** The day a filed contract takes effect, when no objection stopped it and that day has come. */
function effectDue(c: Contract, today: string, settings: ContractSettings, calendar: WorkCalendar) {
  if (c.status !== 'filed' || !c.filing || c.review?.objectionOn) return undefined;
  const effect = autoEffect(c.filing.filedOn, settings, calendar);
  return today >= effect.effectiveOn ? effect : undefined;
}

/** Whether the daily clock takes this amendment into effect today (so the tick merges it into the contract it amends). */
export const mergeDue = (c: Contract, today: string, settings: ContractSettings, calendar: WorkCalendar): boolean => !!c.amends && !!effectDue(c, today, settings, calendar);

/** Whether the daily clock changes this contract's status today. */
export const dailyChangeDue = (c: Contract, today: string, settings: ContractSettings, calendar: WorkCalendar): boolean =>
  !!effectDue(c, today, settings, calendar) || !!termTransition(c.status, c.term.end, today);

/**
 * The 集体合同 legal clocks' status changes on `today`: a filed contract with no objection takes effect on
 * the day after the review period's last day (see `autoEffect`); an in-force contract starts expiring 90
 * days before its end and expires after it. One event per change, its stock deltas dated the day the change
 * happened (see `changeDay`) and moved with the unit's in-force count as a termination moves them.
 */
export function decideDaily(before: Contract, ctx: DailyContext): DailyDecision | undefined {
  let c = before;
  let unitInForce = ctx.unitInForce;
  const events: DefinedEvent[] = [];
  const steps: DailyStep[] = [];
  const record = (to: Exclude<DailyStep['step'], 'merged'>, on: string, note: string, what = { zh: `${historyStep.labels[to].zh}（${on}）`, en: `${historyStep.labels[to].en} (${on})` }) => {
    const from = c.status;
    c = { ...c, status: to, history: [...c.history, historyEntry(to, on, ctx.at, ctx.by, note)] };
    steps.push({ step: to, on, what });
    const change = statusChange(c, from, to, unitInForce);
    if (change.unitInForce !== undefined) unitInForce = change.unitInForce;
    return { contractId: c.contractId, type: c.type, year: yearOf(changeDay(c, to, c.effectiveOn ?? ctx.today)), ...(Object.keys(change.metrics).length ? { metrics: change.metrics } : {}) };
  };

  const effect = effectDue(c, ctx.today, ctx.settings, ctx.calendar);
  if (effect && c.amends && !(ctx.parent && inForceStatuses.includes(ctx.parent.status) && ctx.parent.amendment?.contractId === c.contractId)) {
    // The contract it amends is no longer in force (or no longer waits for it): there is nothing to merge into.
    const reason = `原合同已不在生效期（${ctx.parent ? contractStatus.labels[ctx.parent.status].zh : '不存在'}），变更协议未能生效`;
    c = { ...c, status: 'terminated', terminated: { reason, on: ctx.today }, history: [...c.history, historyEntry('terminate', ctx.today, ctx.at, ctx.by, reason)] };
  } else if (effect && c.amends) {
    // An amendment does not come into force as a contract of its own: it merges into the contract it amends (the
    // tick closes the parent's amendment in the same transaction, see `closeAmendment`).
    const { review, effectiveOn } = effect;
    const what = { zh: `变更协议审查期至 ${review.dueOn} 届满无异议，自 ${effectiveOn} 起生效并入原合同`, en: `no objection in the review period (ended ${review.dueOn}); the amendment is in effect from ${effectiveOn}, merged into the contract` };
    c = { ...c, effectiveOn, status: 'merged', history: [...c.history, historyEntry('merged', effectiveOn, ctx.at, ctx.by, `审查期至 ${review.dueOn} 届满，人社部门未提出异议，变更协议自 ${effectiveOn} 起生效，条款并入原合同（《集体合同规定》第四十、四十七条）`)] };
    steps.push({ step: 'merged', on: effectiveOn, what });
    const deemed = settle(c, { duty: 'review', ref: c.filing!.filedOn, on: effectiveOn, kept: true });
    c = deemed.after;
    if (deemed.event) events.push(deemed.event);
  } else if (effect) {
    const { review, effectiveOn } = effect;
    c = { ...c, effectiveOn };
    const ref = record(
      'effective',
      effectiveOn,
      `审查期至 ${review.dueOn} 届满，人社部门未提出异议，自 ${effectiveOn} 起生效（《集体合同规定》第四十七条）${review.provisional ? '（期限按暂定日历计算）' : ''}`,
      { zh: `审查期至 ${review.dueOn} 届满无异议，自 ${effectiveOn} 起生效`, en: `no objection in the review period (ended ${review.dueOn}); in effect from ${effectiveOn}` },
    );
    // One event when it takes effect: +1 in force from that day until it expires or is terminated, and — no objection
    // in the review period — one deemed effective (Art. 47) for the review indicators.
    const deemed = settle(c, { duty: 'review', ref: c.filing!.filedOn, on: effectiveOn, kept: true });
    c = deemed.after;
    const metrics = mergeMetrics(ref.metrics ?? {}, deemed.event?.data.metrics ?? {});
    events.push(contractEffective.create({ ...ref, metrics, industry: c.scope?.industry, coveredEmployees: c.coveredEmployees, effectiveOn }));
  }
  for (let next = termTransition(c.status, c.term.end, ctx.today); next; next = termTransition(c.status, c.term.end, ctx.today)) {
    if (next === 'expiring') events.push(contractExpiring.create({ ...record('expiring', ctx.today, '距期满不足90日'), termEnd: c.term.end }));
    // No longer in force from the day after its end: the stock indicators drop in that day's year.
    else events.push(contractExpired.create({ ...record('expired', ctx.today, '合同期满'), termEnd: c.term.end }));
  }
  if (c === before) return undefined;
  const after: Contract = { ...c, updatedAt: ctx.at };
  return {
    after,
    events,
    steps,
    unitInForce,
    audit: {
      action: 'contracts.tick',
      entityType: 'contract',
      entityId: c.contractId,
      summary: `集体合同「${c.title}」：${contractStatus.labels[before.status].zh} → ${contractStatus.labels[after.status].zh}（${ctx.today} 法定期限）`,
      changes: { status: { from: before.status, to: after.status } },
    },
  };
}

const yearOf = (date: string) => Number(date.slice(0, 4));
