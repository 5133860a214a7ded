import type { z } from 'zod';
import { shanghaiDate } from '@ufp/core/clock';
import { newId } from '@ufp/core/ids';
import { retryStale, type UnitOfWork } from '@ufp/db/unit-of-work';
import { write } from '@ufp/kit/write';
import { withEntry } from '../domain/apply.js';
import { checkItemOpen } from '../domain/evaluation.js';
import { checkReport, entrySummary, itemView, reportEntry } from '../domain/item.js';
import { reversalOf, type LedgerEntry } from '../domain/ledger.js';
import type { Item } from '../domain/model.js';
import type { TenThingsSettings } from '../domain/status.js';
import type { correctInput, reportInput } from '../schemas.js';
import { tenThingsStore, visibleItem, type Ctx } from './context.js';
import { evidenceForEntry } from './evidence.js';

/** A progress report by hand; a concurrent change of the item (stale version) is met by reading it again. */
export async function report(ctx: Ctx, input: z.infer<typeof reportInput>) {
  const store = tenThingsStore(ctx.deps);
  return retryStale(async () => {
    // The item and the tenant's settings in one round trip's time (a report is 2 reads and 1 transaction).
    const [item, settings] = await Promise.all([visibleItem(ctx, input.itemId), store.settings(ctx.scope.tenantId)]);
    checkReport(item, input, shanghaiDate(ctx.deps.clock.now()));
    const evidence = await evidenceForEntry(ctx, item, input.evidenceIds ?? []);
    return write(ctx, (uow, now) => {
      const entry = reportEntry(item, input, evidence, { entryId: newId(), scope: ctx.scope }, now);
      for (const e of evidence) store.attachEvidence(uow, ctx.scope.tenantId, e, entry.entryId, now.toISOString());
      return applyEntry(ctx, uow, item, entry, now, settings);
    });
  });
}

/** A reversing entry (negated quantity, with a reason); the original stays in the ledger, marked reversed. */
export async function correct(ctx: Ctx, input: z.infer<typeof correctInput>) {
  const store = tenThingsStore(ctx.deps);
  return retryStale(async () => {
    const item = await store.getItem(ctx.scope, input.itemId);
    checkItemOpen(item);
    const original = await store.getEntry(ctx.scope, item.itemId, input.entryId);
    const now = ctx.deps.clock.now();
    const reversal = reversalOf(original, input.reason, { entryId: newId(), reporter: ctx.scope.actor.sub, today: shanghaiDate(now), now: now.toISOString() });
    const settings = await store.settings(ctx.scope.tenantId);
    return write(ctx, (uow, at) => {
      store.markReversed(uow, ctx.scope.tenantId, original, reversal.entryId);
      return applyEntry(ctx, uow, item, reversal, at, settings);
    });
  });
}

/** The entry, the item's new running totals (versioned), the event with rollup deltas, the audit. */
function applyEntry(ctx: Ctx, uow: UnitOfWork, item: Item, entry: LedgerEntry, now: Date, settings: Pick<TenThingsSettings, 'atRiskPoints' | 'behindPoints'>) {
  const store = tenThingsStore(ctx.deps);
  const after = withEntry(item, entry, now, settings);
  store.addEntry(uow, ctx.scope.tenantId, entry);
  store.replaceItem(uow, item, after.item);
  for (const e of after.events) uow.emit(e);
  uow.audit({ action: entry.entryType === 'correction' ? 'tenThings.progress.correct' : 'tenThings.progress.report', entityType: 'tenThings.item', entityId: item.itemId, summary: entrySummary(item, entry) });
  return { entry, item: itemView(after.item, now, settings) };
}
