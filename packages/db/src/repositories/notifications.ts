import type { AssignableModule } from '@ufp/core/roles';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { notFound } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { tenantPrefix } from '../keys.js';
import { z } from 'zod';
import { assignableModules } from '@ufp/core/roles';
import { queryAll } from '../query.js';
import { parseStored } from '../stored.js';
import type { Table } from '../table.js';
import type { UnitOfWork } from '../unit-of-work.js';

export const notificationKeys = {
  notification: (tenantId: string, id: string) => ({ pk: `${tenantPrefix(tenantId)}NOTIFY`, sk: id }),
  partition: (tenantId: string) => `${tenantPrefix(tenantId)}NOTIFY`,
};

/** Which module raised a notification; the console groups and filters by it. */
export type NotificationModule = AssignableModule;

/**
 * An in-app notification for a tenant's staff, or — with `unitId` — for one grassroots union's reporters. Never PII:
 * titles name organisations, contract titles, file numbers or 十件实事 items, never a person.
 */
export interface Notification {
  /** Derived from what it is about (subject, clock, due day, state), so a rerun adds nothing. */
  id: string;
  tenantId: string;
  module: NotificationModule;
  type: string;
  /** The console path the notification opens, e.g. `/contracts/<id>`. */
  href: string;
  title: { zh: string; en: string };
  dueOn?: string;
  /** Present on contract notifications (older items carry only this, no `href`). */
  contractId?: string;
  /** Addressed to this unit's reporters (e.g. the investigation their union owes), not to the federation's staff. */
  unitId?: string;
  createdAt: string;
  readAt?: string;
}

/** A notification as stored (parsed on read); items written before notifications had a module and a link lack them. */
export const storedNotification = z.object({
  id: z.string(),
  tenantId: z.string(),
  module: z.enum(assignableModules).optional(),
  type: z.string(),
  href: z.string().optional(),
  title: z.object({ zh: z.string(), en: z.string() }),
  dueOn: z.string().optional(),
  contractId: z.string().optional(),
  unitId: z.string().optional(),
  createdAt: z.string(),
  readAt: z.string().optional(),
});

/** The tenant's in-app notifications (one partition per tenant), raised by daily-tick jobs. */
export class NotificationRepository {
  constructor(private readonly table: Table) {}

  /** Records a notification once; false when it already existed. */
  async notify(n: Notification): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({ TableName: this.table.name, Item: { ...notificationKeys.notification(n.tenantId, n.id), kind: 'notification', ...n }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  /** Newest first. */
  async list(scope: Pick<TenantScope, 'tenantId'>, limit = 200): Promise<Notification[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': notificationKeys.partition(scope.tenantId) } });
    return items
      .map((i) => withDefaults(parseStored(storedNotification, i, 'notification')))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  /**
   * `modules`: the reader's assigned modules; another module's notification is not found for them. `unitId`: a unit
   * reporter marks only their unit's notifications; staff only the federation's (those without a unit).
   */
  markRead(uow: UnitOfWork, tenantId: string, id: string, at: string, modules?: readonly NotificationModule[], unitId?: string): void {
    const names = modules?.map((_, i) => `:m${i}`) ?? [];
    // Items written before notifications had a module are contract notifications (see withDefaults).
    const ofModules = modules
      ? ` AND (#module IN (${names.join(', ')})${modules.includes('contracts') ? ' OR attribute_not_exists(#module)' : ''})`
      : '';
    const addressee = unitId ? ' AND #unit = :unit' : ' AND attribute_not_exists(#unit)';
    uow.raw(
      {
        Update: {
          TableName: this.table.name,
          Key: notificationKeys.notification(tenantId, id),
          UpdateExpression: 'SET readAt = if_not_exists(readAt, :at)',
          ConditionExpression: `attribute_exists(pk)${ofModules}${addressee}`,
          ExpressionAttributeNames: { '#unit': 'unitId', ...(modules ? { '#module': 'module' } : {}) },
          ExpressionAttributeValues: { ':at': at, ...(unitId ? { ':unit': unitId } : {}), ...Object.fromEntries(names.map((n, i) => [n, modules![i]])) },
        },
      },
      notFound({ zh: '通知', en: 'Notification' }),
    );
  }
}

/** Items written before notifications had a module and a link were all contract notifications. */
function withDefaults(n: z.output<typeof storedNotification>): Notification {
  return { ...n, module: n.module ?? 'contracts', href: n.href ?? `/contracts/${n.contractId}` };
}
