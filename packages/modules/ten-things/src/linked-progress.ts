import type { Clock } from '@ufp/core/clock';
import { shanghaiYear } from '@ufp/core/clock';
import { newId } from '@ufp/core/ids';
import { withEntry } from '@ufp/core/ten-things/apply';
import { filterMatches, measureOf, type LedgerEntry } from '@ufp/core/ten-things/ledger';
import type { Item } from '@ufp/core/ten-things/model';
import { shanghaiDate } from '@ufp/core/clock';
import type { CursorCodec } from '@ufp/db/cursor';
import { wrapEvent } from '@ufp/db/envelope';
import { TenThingsRepository, type LinkRegistration } from '@ufp/db/repositories/ten-things';
import type { Table } from '@ufp/db/table';
import type { ConsumerHandler } from '@ufp/events/idempotent-consumer';

/**
 * Feeds linked targets (e.g. "资助困难职工子女N人" counts `hardship.aid.granted` where kind = education) from other
 * modules' events. Each matching event adds a `linked` ledger entry and moves the item's running total in the same
 * transaction as the consumer's processed marker, so a redelivered event counts once. Only events of the plan's year
 * count; only adopted items. A contract emits one `contracts.contract.effective` when it takes effect, so it counts once.
 */
export function tenThingsLinkedProgress(table: Table, clock: Clock, cursors: CursorCodec): ConsumerHandler {
  const repo = new TenThingsRepository(table, cursors);
  return async (envelope, effects) => {
    const { data, meta } = envelope.detail;
    if (!meta?.tenantId) return;
    const regs = await repo.links(meta.tenantId, envelope['detail-type']);
    if (regs.length === 0) return;
    const byItem = new Map<string, LinkRegistration[]>();
    for (const r of regs) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
    // The year the occurrence belongs to, as the rollups count it: `data.year` when the event names it (a contract
    // takes effect on its review's due day even if the tick ran late), else the day it occurred.
    const eventYear = typeof data?.year === 'number' ? data.year : shanghaiYear(new Date(meta.occurredAt));
    const now = clock.now();
    const settings = await repo.settings(meta.tenantId);
    for (const [itemId, itemRegs] of byItem) {
      const original = await repo.itemById(meta.tenantId, itemId);
      if (!original || original.stage !== 'adopted' || original.year !== eventYear) continue;
      let item: Item = original;
      for (const reg of itemRegs.sort((a, b) => a.targetIndex - b.targetIndex)) {
        if (!filterMatches(reg.link.filter, data)) continue;
        const quantity = measureOf(reg.link.measure, data);
        if (quantity === undefined || quantity === 0) continue;
        const entry: LedgerEntry = {
          entryId: newId(),
          itemId,
          planId: item.planId,
          targetIndex: reg.targetIndex,
          quantity,
          occurredOn: shanghaiDate(new Date(meta.occurredAt)),
          entryType: 'linked',
          reporter: `event:${envelope['detail-type']}`,
          eventId: envelope.id,
          recordedAt: now.toISOString(),
        };
        const next = withEntry(item, entry, now, settings);
        effects.add(repo.entryPut(meta.tenantId, entry));
        for (const event of next.events) {
          const out = wrapEvent(event, { tenantId: meta.tenantId, divisionCode: meta.divisionCode, actor: 'system:tenThings', correlationId: meta.correlationId, occurredAt: now.toISOString() });
          effects.add(repo.outboxPut(out, now));
        }
        item = next.item;
      }
      // One versioned write per item: a concurrent manual report makes the whole delivery retry, never double count.
      if (item !== original) effects.add(repo.itemReplacement(original, item));
    }
  };
}
