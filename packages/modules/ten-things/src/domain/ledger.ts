import { conflict, invalid } from '@ufp/core/errors';
import type { EvidenceRef } from '@ufp/core/evidence/model';
import { defineEnum } from '@ufp/kit/enum';

/** report: by hand; correction: reverses a report; linked: fed by another module's event. */
export const EntryType = defineEnum({
  report: { zh: '填报', en: 'Report' },
  correction: { zh: '冲正', en: 'Correction' },
  linked: { zh: '自动关联', en: 'Linked' },
});
export type EntryType = (typeof EntryType.values)[number];

export interface LedgerEntry {
  entryId: string;
  itemId: string;
  planId: string;
  targetIndex: number;
  /** Signed: a correction carries the negated quantity of the entry it reverses. */
  quantity: number;
  occurredOn: string;
  entryType: EntryType;
  note?: string;
  evidenceIds?: string[];
  /** Name, type and size of each attached file (checked and ready when attached); the bytes are in the blob store. */
  evidence?: EvidenceRef[];
  reporter: string;
  reporterUnitId?: string;
  /** For a correction: the entry it reverses, and why. */
  reverses?: string;
  reason?: string;
  /** Set on an entry once it has been reversed (it can be reversed only once). */
  reversedBy?: string;
  /** For a linked entry: the event that fed it. */
  eventId?: string;
  recordedAt: string;
}

/**
 * A correction is a reversing entry: the same target, the negated quantity, a reason. Only reports can be
 * reversed (not corrections, not event-fed entries, whose source is the other module), and only once.
 */
export function reversalOf(original: LedgerEntry, reason: string, ids: { entryId: string; reporter: string; reporterUnitId?: string; today: string; now: string }): LedgerEntry {
  if (original.entryType !== 'report') {
    throw invalid(
      original.entryType === 'linked'
        ? { zh: '自动统计的进度来自业务事件，不能手工冲正', en: 'Event-fed progress cannot be corrected by hand' }
        : { zh: '冲正记录不能再次冲正', en: 'A correction cannot itself be corrected' },
      { field: 'entryId' },
    );
  }
  if (original.reversedBy) throw conflict({ zh: '该记录已冲正', en: 'This entry was already corrected' }, { field: 'entryId' });
  const trimmed = reason.trim();
  if (trimmed.length < 2) throw invalid({ zh: '请填写冲正原因', en: 'Give a reason for the correction' }, { field: 'reason' });
  return {
    entryId: ids.entryId,
    itemId: original.itemId,
    planId: original.planId,
    targetIndex: original.targetIndex,
    quantity: -original.quantity,
    occurredOn: ids.today,
    entryType: 'correction',
    reporter: ids.reporter,
    reporterUnitId: ids.reporterUnitId,
    reverses: original.entryId,
    reason: trimmed,
    recordedAt: ids.now,
  };
}

/** The running totals a ledger implies (what the item keeps incrementally): the sum per target. */
export function totalsOf(entries: Pick<LedgerEntry, 'targetIndex' | 'quantity'>[], targetCount: number): number[] {
  const totals = new Array<number>(targetCount).fill(0);
  for (const e of entries) if (e.targetIndex < targetCount) totals[e.targetIndex] = round2(totals[e.targetIndex]! + e.quantity);
  return totals;
}

/** A linked target's measure applied to one event's data: 1 for `count`, the field's number for `sum:<field>`. */
export function measureOf(measure: string, data: Record<string, unknown>): number | undefined {
  if (measure === 'count') return 1;
  if (measure.startsWith('sum:')) {
    const v = data[measure.slice(4)];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  }
  return undefined;
}

export function filterMatches(filter: Record<string, unknown> | undefined, data: Record<string, unknown>): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([k, v]) => data[k] === v);
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
