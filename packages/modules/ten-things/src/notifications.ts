import type { Tenant } from '@ufp/core/tenancy/scope';
import type { NotificationRepository } from '@ufp/db/repositories/notifications';
import type { Item } from './domain/model.js';
import type { ReportDue } from './domain/report-due.js';
import { ItemStatus } from './domain/status.js';

/** An item turned at risk, behind or overdue: one in-app notification per item, status and day. */
export async function notifyWarning(inbox: NotificationRepository, tenant: Tenant, item: Item, today: string, at: string): Promise<void> {
  const status = item.status!;
  await inbox.notify({
    id: `tenThings#${item.itemId}#${status}#${today}`,
    tenantId: tenant.id,
    module: 'tenThings',
    type: `item_${status}`,
    href: `/ten-things/items/${item.itemId}`,
    title: { zh: `十件实事「${item.title}」${ItemStatus.label(status)}（${today}）`, en: `Ten things: "${item.title}" is ${ItemStatus.label(status, 'en')} (${today})` },
    dueOn: today,
    createdAt: at,
  });
}

/**
 * The 监督 cycle: a period's report still missing is reminded to each responsible unit (its reporters) in the
 * period's last days, and escalated to the federation's staff once the period has ended. One notification per
 * item, period and addressee.
 */
export async function notifyReportDue(inbox: NotificationRepository, tenant: Tenant, item: Item, due: ReportDue, at: string): Promise<void> {
  const { label, end } = due.period;
  if (due.kind === 'overdue') {
    await inbox.notify({
      id: `tenThings#${item.itemId}#reportOverdue#${label}`,
      tenantId: tenant.id,
      module: 'tenThings',
      type: 'report_overdue',
      href: `/ten-things/items/${item.itemId}`,
      title: { zh: `十件实事「${item.title}」${label} 的进度未报送（应于 ${end} 前）`, en: `Ten things: "${item.title}" has no progress report for ${label} (due by ${end})` },
      dueOn: end,
      createdAt: at,
    });
    return;
  }
  const units = item.assignment?.coUnitIds ?? [];
  for (const unitId of units.length > 0 ? units : [undefined]) {
    await inbox.notify({
      id: `tenThings#${item.itemId}#reportDue#${label}${unitId ? `#${unitId}` : ''}`,
      tenantId: tenant.id,
      module: 'tenThings',
      type: 'report_due',
      href: unitId ? '/ten-things/my' : `/ten-things/items/${item.itemId}`,
      title: { zh: `请于 ${end} 前报送十件实事「${item.title}」${label} 的进度`, en: `Please report the ${label} progress of "${item.title}" by ${end}` },
      dueOn: end,
      ...(unitId ? { unitId } : {}),
      createdAt: at,
    });
  }
}
