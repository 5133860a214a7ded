import type { DomainEvent } from '../events.js';
import { round2, type LedgerEntry } from './ledger.js';
import type { Item } from './model.js';
import { completionBp, itemProgress } from './status.js';

/** The item after an entry, and the events it publishes (shared with the linked-progress consumer). */
export function withEntry(item: Item, entry: LedgerEntry, now: Date, settings: { atRiskPoints: number; behindPoints: number }): { item: Item; events: DomainEvent[] } {
  const achieved = item.achieved.map((a, i) => (i === entry.targetIndex ? round2(a + entry.quantity) : a));
  const progress = itemProgress({ ...item, achieved }, now, settings);
  const beforeStatus = item.status ?? 'on_track';
  const beforeBp = item.completionBp ?? 0;
  const bp = completionBp(progress.completion);
  const after: Item = { ...item, achieved, entryCount: item.entryCount + 1, status: progress.status, completionBp: bp, version: item.version + 1, updatedAt: now.toISOString() };
  const metrics: Record<string, number> = { [entry.entryType === 'correction' ? 'tenThings.progress.corrections' : 'tenThings.progress.reports']: 1 };
  if (bp !== beforeBp) metrics['tenThings.completionBp'] = bp - beforeBp;
  if (progress.status !== beforeStatus) {
    metrics[`tenThings.items.${beforeStatus}`] = -1;
    metrics[`tenThings.items.${progress.status}`] = 1;
  }
  const events: DomainEvent[] = [
    {
      type: 'tenThings.progress.reported',
      data: { planId: item.planId, itemId: item.itemId, entryId: entry.entryId, entryType: entry.entryType, targetIndex: entry.targetIndex, quantity: entry.quantity, completionBp: bp, status: progress.status, year: item.year, metrics },
    },
  ];
  if (progress.status === 'done' && beforeStatus !== 'done') events.push({ type: 'tenThings.item.completed', data: { planId: item.planId, itemId: item.itemId, year: item.year } });
  return { item: after, events };
}

