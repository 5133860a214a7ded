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
  const after: Item = { ...item, achieved, entryCount: item.entryCount + 1, status: progress.status, completionBp: bp, version: item.version + 1, updatedAt: now.toISOString() };
  const metrics = progressMetrics(entry.entryType, bp - beforeBp, beforeStatus, progress.status);
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
  return {
    from,
    to,
    item: { ...item, status: to, version: item.version + 1, updatedAt: at },
    event: itemStatusChanged.create({ planId: item.planId, itemId: item.itemId, from, to, on: today, year: item.year, metrics: itemStatusMetrics(from, to) }),
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

/** The plan's adopted items, counted by their status at adoption. */
export function adoptionMetrics(statuses: readonly ItemStatus[]): Record<string, number> {
  const metrics: Record<string, number> = { 'tenThings.items.adopted': statuses.length };
  for (const s of statuses) metrics[`tenThings.items.${s}`] = (metrics[`tenThings.items.${s}`] ?? 0) + 1;
  return metrics;
}

export function ratingMetrics(score: number): Record<string, number> {
  return { 'tenThings.ratings': 1, 'tenThings.ratingSum': score };
}
