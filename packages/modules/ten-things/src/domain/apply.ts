import { shanghaiDate } from '@ufp/core/clock';
import type { DefinedEvent } from '@ufp/core/events';
import { itemCompleted, itemStatusChanged, progressReported } from '../events.js';
import { round2, type LedgerEntry } from './ledger.js';
import type { Item } from './model.js';
import { completionBp, itemProgress, type ItemStatus } from './status.js';

/** The item after an entry, and the events it publishes (shared with the linked-progress consumer). */
export function withEntry(item: Item, entry: LedgerEntry, now: Date, settings: { atRiskPoints: number; behindPoints: number }): { item: Item; events: DefinedEvent[] } {
  const achieved = item.achieved.map((a, i) => (i === entry.targetIndex ? round2(a + entry.quantity) : a));
  const progress = itemProgress({ ...item, achieved }, now, settings);
  const beforeStatus = item.status ?? 'on_track';
  const beforeBp = item.completionBp ?? 0;
  const bp = completionBp(progress.completion);
  const onTime = doneOnTimeAfter(item, progress.status, shanghaiDate(now));
  const reported = entry.entryType === 'report' ? { lastReportedOn: shanghaiDate(now) } : {};
  const after: Item = { ...withoutOnTime(item), achieved, entryCount: item.entryCount + 1, status: progress.status, completionBp: bp, ...onTime, ...reported, version: item.version + 1, updatedAt: now.toISOString() };
  const metrics = { ...progressMetrics(entry.entryType, bp - beforeBp, beforeStatus, progress.status), ...doneOnTimeMetrics(item.doneOnTime, onTime.doneOnTime) };
  const events: DefinedEvent[] = [
    progressReported.create({
      planId: item.planId,
      itemId: item.itemId,
      entryId: entry.entryId,
      entryType: entry.entryType,
      targetIndex: entry.targetIndex,
      quantity: entry.quantity,
      completionBp: bp,
      status: progress.status,
      year: item.year,
      metrics,
    }),
  ];
  if (progress.status === 'done' && beforeStatus !== 'done') events.push(itemCompleted.create({ planId: item.planId, itemId: item.itemId, year: item.year }));
  return { item: after, events };
}


/** Statuses that warn (the daily tick raises a notification when an item turns into one). */
export const warningStatuses: readonly ItemStatus[] = ['at_risk', 'behind', 'overdue'];

/**
 * The status of an adopted item recomputed for a calendar day (the daily tick): time alone moves an item from
 * on track to at risk, behind or overdue. Undefined when nothing changed; otherwise the item to write (next
 * version) and the event whose metric deltas move the rollup's count of items per status.
 */
export function statusOnDay(item: Item, today: string, settings: { atRiskPoints: number; behindPoints: number }, at: string): { item: Item; event: DefinedEvent; from: ItemStatus; to: ItemStatus } | undefined {
  if (item.stage !== 'adopted') return undefined;
  const from = item.status ?? 'on_track';
  const to = itemProgress(item, new Date(`${today}T12:00:00+08:00`), settings).status;
  if (to === from) return undefined;
  const onTime = doneOnTimeAfter(item, to, today);
  return {
    from,
    to,
    item: { ...withoutOnTime(item), status: to, ...onTime, version: item.version + 1, updatedAt: at },
    event: itemStatusChanged.create({ planId: item.planId, itemId: item.itemId, from, to, on: today, year: item.year, metrics: { ...itemStatusMetrics(from, to), ...doneOnTimeMetrics(item.doneOnTime, onTime.doneOnTime) } }),
  };
}

/**
 * Rollup deltas are period indicators of the plan's year (the events carry `year: item.year`): the items of a
 * year's plan by status, their completion, and the reports and ratings on them.
 */
export function itemStatusMetrics(from: ItemStatus, to: ItemStatus): Record<string, number> {
  return from === to ? {} : { [`tenThings.items.${from}`]: -1, [`tenThings.items.${to}`]: 1 };
}

export function progressMetrics(entryType: LedgerEntry['entryType'], completionBpDelta: number, from: ItemStatus, to: ItemStatus): Record<string, number> {
  return {
    [entryType === 'correction' ? 'tenThings.progress.corrections' : 'tenThings.progress.reports']: 1,
    ...(completionBpDelta !== 0 ? { 'tenThings.completionBp': completionBpDelta } : {}),
    ...itemStatusMetrics(from, to),
  };
}

/** The plan's adopted items, counted by their status at adoption (and those already done then, on time by construction). */
export function adoptionMetrics(statuses: readonly ItemStatus[], doneOnTime = 0): Record<string, number> {
  const metrics: Record<string, number> = { 'tenThings.items.adopted': statuses.length };
  for (const s of statuses) metrics[`tenThings.items.${s}`] = (metrics[`tenThings.items.${s}`] ?? 0) + 1;
  if (doneOnTime > 0) metrics['tenThings.items.doneOnTime'] = doneOnTime;
  return metrics;
}

/**
 * An item's due date: the last of its targets' deadlines (each defaults to 12-31 of the plan year), the day by
 * which the whole item is promised.
 */
export function itemDueOn(item: Pick<Item, 'year' | 'targets'>): string {
  const fallback = `${item.year}-12-31`;
  return item.targets.reduce((last, t) => ((t.deadline ?? fallback) > last ? (t.deadline ?? fallback) : last), item.targets.length ? '' : fallback);
}

/** Done on time: completed (every target met) on or before the item's due date; the day after is late. */
export const isDoneOnTime = (item: Pick<Item, 'year' | 'targets'>, doneOn: string): boolean => doneOn <= itemDueOn(item);

/**
 * The item's on-time mark once its status is `to` on `day`: fixed on the day it turns done (kept while it
 * stays done), dropped when it leaves done (a correction), so `tenThings.items.doneOnTime` counts only items done now.
 */
export function doneOnTimeAfter(item: Pick<Item, 'year' | 'targets' | 'status' | 'doneOnTime'>, to: ItemStatus, day: string): { doneOnTime?: boolean } {
  if (to !== 'done') return {};
  if ((item.status ?? 'on_track') === 'done' && item.doneOnTime !== undefined) return { doneOnTime: item.doneOnTime };
  return { doneOnTime: isDoneOnTime(item, day) };
}

const withoutOnTime = (item: Item): Item => {
  const { doneOnTime: _drop, ...rest } = item;
  return rest;
};

/** The rollup delta of an item's on-time mark changing (period indicator of the plan's year). */
export function doneOnTimeMetrics(before: boolean | undefined, after: boolean | undefined): Record<string, number> {
  const delta = (after ? 1 : 0) - (before ? 1 : 0);
  return delta ? { 'tenThings.items.doneOnTime': delta } : {};
}

export function ratingMetrics(score: number): Record<string, number> {
  return { 'tenThings.ratings': 1, 'tenThings.ratingSum': score };
}
