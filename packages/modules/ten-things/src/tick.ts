import type { TenantScope } from '@ufp/core/tenancy/scope';
import { NotificationRepository } from '@ufp/db/repositories/notifications';
import type { Table } from '@ufp/db/table';
import { retryStale, UnitOfWork } from '@ufp/db/unit-of-work';
import type { TenantTickJob } from '@ufp/events/consumers/daily-tick';
import type { ConsumerDeps } from '@ufp/kit/module';
import { statusOnDay, warningStatuses } from './domain/apply.js';
import type { Item } from './domain/model.js';
import { ItemStatus, type TenThingsSettings } from './domain/status.js';
import { reportDue } from './domain/report-due.js';
import { notifyReportDue, notifyWarning } from './notifications.js';
import { TenThingsStore } from './store.js';

/**
 * 十件实事 status as days pass: an item's status depends on the date (the elapsed share of the year, the
 * deadlines), so once a day every open adopted item is recomputed for the tick's day. A changed status is its
 * own versioned write with a `tenThings.item.statusChanged` event (metric deltas move the rollup's count of
 * items per status) and an audit entry; an item turning at risk, behind or overdue raises an in-app
 * notification keyed by item, status and day. A period's progress report still missing is reminded to the
 * responsible units and, once the period is over, escalated to staff (`reportDue`). A rerun of the same day finds
 * nothing to change.
 */
export function tenThingsTickJob({ table, cursors }: ConsumerDeps): TenantTickJob {
  const repo = new TenThingsStore(table, cursors);
  const inbox = new NotificationRepository(table);
  return {
    name: 'tenThings',
    async run({ today, envelope, tenant, scope }) {
      const settings = await repo.settings(tenant.id);
      for (const item of await openItems(repo, scope)) {
        const changed = await refresh(table, repo, scope, item, today, settings, envelope.id, envelope.time);
        if (changed && warningStatuses.includes(changed.status!)) await notifyWarning(inbox, tenant, changed, today, envelope.time);
        const due = reportDue(changed ?? item, settings.reportCycle, today);
        if (due) await notifyReportDue(inbox, tenant, changed ?? item, due, envelope.time);
      }
    },
  };
}

/** Adopted items not yet done, of every plan of the tenant (one plan a year). */
async function openItems(repo: TenThingsStore, scope: TenantScope): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await repo.listPlans(scope, {}, { cursor, limit: 200 });
    for (const plan of page.items) {
      if (plan.status === 'collecting' || plan.status === 'closed') continue;
      out.push(...(await repo.planItems(scope, plan.planId)).filter((i) => i.stage === 'adopted' && i.status !== 'done'));
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Writes the item's new status for the day; a concurrent report (stale version) is met by reading it again. */
async function refresh(table: Table, repo: TenThingsStore, scope: TenantScope, first: Item, today: string, settings: TenThingsSettings, correlationId: string, at: string): Promise<Item | undefined> {
  let attempt = 0;
  return retryStale(async () => {
    const item = attempt++ === 0 ? first : await repo.itemById(scope.tenantId, first.itemId);
    if (!item) return undefined;
    const change = statusOnDay(item, today, settings, at);
    if (!change) return undefined;
    const uow = new UnitOfWork(table, { scope, correlationId, now: new Date(at) });
    repo.replaceItem(uow, item, change.item);
    uow.emit(change.event);
    uow.audit({
      action: 'tenThings.tick',
      entityType: 'tenThings.item',
      entityId: item.itemId,
      summary: `十件实事「${item.title}」：${ItemStatus.label(change.from)} → ${ItemStatus.label(change.to)}（${today}）`,
      changes: { status: { from: change.from, to: change.to } },
    });
    await uow.commit();
    return change.item;
  }, 3);
}
