import { shanghaiDate, shanghaiYear } from '@ufp/core/clock';
import type { EventEnvelope } from '@ufp/core/events';
import { newId } from '@ufp/core/ids';
import { outboxPut, wrapEvent } from '@ufp/db/envelope';
import type { ConsumerHandler } from '@ufp/events/idempotent-consumer';
import { contractEffective } from '@ufp/contracts/events';
import { aidGranted, fileApproved, fileExited } from '@ufp/hardship/events';
import { defineConsumer, type ConsumerDeps } from '@ufp/kit/module';
import { visitLogged } from '@ufp/model-workers/events';
import { withEntry } from './domain/apply.js';
import { filterMatches, measureOf, type LedgerEntry } from './domain/ledger.js';
import type { Item } from './domain/model.js';
import { TenThingsStore, type LinkRegistration } from './store.js';

/**
 * Feeds linked targets (e.g. "资助困难职工子女N人" sums the `students` of `hardship.aid.granted` where kind = education: 金秋助学 is granted per student) from other
 * modules' events. Each matching event adds a `linked` ledger entry and moves the item's running total in the same
 * transaction as the consumer's processed marker, so a redelivered event counts once. A 助企行 visit
 * (`modelWorkers.visit.logged`) feeds "解决技术难题N项" as `sum:problemsSolved`, "培训职工N人次" as `sum:peopleTrained`. Only events of the plan's year
 * count; only adopted items. A contract emits one `contracts.contract.effective` when it takes effect, so it counts once.
 */
export const tenThingsLinkedProgress = defineConsumer({
  name: 'tenThingsLinkedProgress',
  description: "十件实事 linked targets count or sum other modules' events (aid granted, contracts effective, …)",
  // Other modules' events, parsed against their schemas; the pattern adds the types of modules not built yet
  // (delivered unparsed). Keep in step with linkableEventTypes in domain/targets.ts (a test checks it).
  events: [aidGranted, fileApproved, fileExited, contractEffective, visitLogged],
  pattern: {
    'detail-type': [
      'hardship.aid.granted',
      'hardship.file.approved',
      'hardship.file.exited',
      'contracts.contract.effective',
      'modelWorkers.survey.submitted',
      'modelWorkers.visit.logged',
      'competitions.results.finalized',
      'competitions.contestant.registered',
    ],
  },
  create: (deps) => {
    const handle = linkedProgress(deps);
    // Link filters and measures read the data by field name: the handler takes the parsed envelope as a plain one.
    return (envelope, effects) => handle(envelope as EventEnvelope, effects);
  },
});

function linkedProgress({ table, clock, cursors }: ConsumerDeps): ConsumerHandler {
  const repo = new TenThingsStore(table, cursors);
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
      // A closed plan's items take nothing more (the plan was evaluated and closed on what they held).
      if (!original || original.stage !== 'adopted' || original.year !== eventYear || original.closedAt) continue;
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
          effects.add(outboxPut(table.name, out, now));
        }
        item = next.item;
      }
      // One versioned write per item: a concurrent manual report makes the whole delivery retry, never double count.
      if (item !== original) effects.add(repo.itemReplacement(original, item));
    }
  };
}
