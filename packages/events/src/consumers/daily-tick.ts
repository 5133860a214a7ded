import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { shanghaiDate, type Clock } from '@ufp/core/clock';
import type { EventEnvelope } from '@ufp/core/events';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import { keys } from '@ufp/db/keys';
import { TenantRepository } from '@ufp/db/repositories/tenants';
import type { Table } from '@ufp/db/table';
import { failureReason } from '../consumer-runner.js';
import { fannedOutId, fanOut } from '../fan-out.js';
import type { ConsumerEffects, ConsumerHandler } from '../idempotent-consumer.js';

/** One platform-wide job the daily tick runs itself (the audit seal). */
export interface TickJob {
  name: string;
  run(today: string, effects: ConsumerEffects, envelope: EventEnvelope): Promise<void>;
}

/** A module's daily job for one tenant and one day; it runs in that module's tenant-tick consumer, once per tenant. */
export interface TenantTickJob {
  name: string;
  run(job: TenantTick): Promise<void>;
}

export interface TenantTick {
  tenant: Tenant;
  /** The tenant's scope, acting as the tick. */
  scope: TenantScope;
  today: string;
  /** The tenant's tick event: its id is the correlation id of the job's writes, its time their timestamp. */
  envelope: EventEnvelope;
  effects: ConsumerEffects;
}

export const TICK_SOURCE = 'federation.scheduler';
export const TICK_TYPE = 'schedule.tick';
/** One per active tenant and tick, raised by the daily tick; each module with daily jobs has a rule for it. */
export const TENANT_TICK_TYPE = 'schedule.tenantTick';

/** The actor a tick job's writes and audit entries carry. */
export const TICK_ACTOR = { sub: 'system:daily-tick', name: '每日定时任务', roles: [] } as const;

/** The day a tick event is for: the tick fires at 00:05 in Shanghai, which is still the previous day in UTC. */
export function tickDay(envelope: EventEnvelope): string {
  const { date, scheduledTime } = envelope.detail.data as { date?: string; scheduledTime?: string };
  return date ?? shanghaiDate(new Date(scheduledTime ?? envelope.time));
}

/**
 * A tenant's share of one tick. Its id comes from the tick's (stable across the scheduler's retries of one day),
 * so a tick delivered twice fans out to the same events and every tenant's consumers recognise the repeat.
 */
export function tenantTickEvent(tick: EventEnvelope, today: string, tenant: Tenant): EventEnvelope {
  return {
    id: fannedOutId(tick.id, tenant.id),
    source: TICK_SOURCE,
    'detail-type': TENANT_TICK_TYPE,
    time: tick.time,
    detail: {
      data: { date: today },
      meta: { tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: TICK_ACTOR.sub, correlationId: tick.id, occurredAt: tick.time, v: 1 },
    },
  };
}

/**
 * The scheduler's daily tick: one `schedule.tenantTick` per active tenant, published through the outbox (each
 * tenant's jobs then run in their own consumer invocations, in parallel, with their own retries and dead letters),
 * then the platform-wide jobs.
 */
export function dailyTick(table: Table, jobs: readonly TickJob[]): ConsumerHandler {
  const tenants = new TenantRepository(table, 0);
  return async (envelope, effects) => {
    const today = tickDay(envelope);
    const active = (await tenants.list()).filter((t) => t.status === 'active');
    await fanOut(table, active.map((tenant) => tenantTickEvent(envelope, today, tenant)), new Date(envelope.time));
    for (const job of jobs) await job.run(today, effects, envelope);
    effects.add({
      Put: {
        TableName: table.name,
        Item: { ...keys.lastTick, kind: 'tick', date: today, at: envelope.time, tenants: active.length, jobs: jobs.map((j) => j.name) },
      },
    });
  };
}

/**
 * One module's daily jobs for the tenant a `schedule.tenantTick` names. A tenant suspended since the fan-out is
 * left alone. The run is stamped on the tenant's tick record: done (with the marker, in one transaction), or
 * failed (written at once, then the error goes on to the runner's retries and dead letter).
 */
export function tenantTick(table: Table, clock: Clock, module: string, jobs: readonly TenantTickJob[]): ConsumerHandler {
  const tenants = new TenantRepository(table, 0);
  return async (envelope, effects) => {
    const today = tickDay(envelope);
    const tenant = await tenants.get(envelope.detail.meta.tenantId);
    if (!tenant || tenant.status !== 'active') return;
    const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: TICK_ACTOR };
    const key = keys.tenantTick(tenant.id, module);
    try {
      for (const job of jobs) await job.run({ tenant, scope, today, envelope, effects });
    } catch (err) {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: key,
          UpdateExpression: 'SET kind = :kind, tenantId = :t, #module = :m, failing = :yes, #error = :e, failedAt = :at ADD failures :one',
          ExpressionAttributeNames: { '#module': 'module', '#error': 'error' },
          ExpressionAttributeValues: { ':kind': 'tenantTick', ':t': tenant.id, ':m': module, ':yes': true, ':e': `${today}: ${failureReason(err)}`, ':at': clock.now().toISOString(), ':one': 1 },
        }),
      );
      throw err;
    }
    effects.add({
      Put: { TableName: table.name, Item: { ...key, kind: 'tenantTick', tenantId: tenant.id, module, lastDate: today, lastAt: clock.now().toISOString(), failing: false, failures: 0 } },
    });
  };
}
