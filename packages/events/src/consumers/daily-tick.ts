import { shanghaiDate } from '@ufp/core/clock';
import type { EventEnvelope } from '@ufp/core/events';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import { TenantRepository } from '@ufp/db/repositories/tenants';
import type { Table } from '@ufp/db/table';
import type { ConsumerEffects, ConsumerHandler } from '../idempotent-consumer.js';

/** One job the daily tick runs (legal clocks, at-risk flags, follow-ups); modules add theirs. */
export interface TickJob {
  name: string;
  run(today: string, effects: ConsumerEffects, envelope: EventEnvelope): Promise<void>;
}

/** A module's daily job for one tenant and one day; the daily tick runs it for every active tenant. */
export interface TenantTickJob {
  name: string;
  run(job: TenantTick): Promise<void>;
}

export interface TenantTick {
  tenant: Tenant;
  /** The tenant's scope, acting as the tick. */
  scope: TenantScope;
  today: string;
  /** The tick event: its id is the correlation id of the job's writes, its time their timestamp. */
  envelope: EventEnvelope;
  effects: ConsumerEffects;
}

export const TICK_SOURCE = 'federation.scheduler';
export const TICK_TYPE = 'schedule.tick';

/** The actor a tick job's writes and audit entries carry. */
export const TICK_ACTOR = { sub: 'system:daily-tick', name: '每日定时任务', roles: [] } as const;

/** Runs `fn` for every active tenant, in turn, with a tenant scope acting as the tick. */
export async function forEachActiveTenant(table: Table, fn: (tenant: Tenant, scope: TenantScope) => Promise<void>): Promise<void> {
  for (const tenant of await new TenantRepository(table, 0).list()) {
    if (tenant.status !== 'active') continue;
    await fn(tenant, { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: TICK_ACTOR });
  }
}

/** Runs the modules' jobs for one tenant and one day (a later step fans these out per tenant in AWS). */
export async function runTenantTicks(jobs: readonly TenantTickJob[], tick: Omit<TenantTick, never>): Promise<void> {
  for (const job of jobs) await job.run(tick);
}

/** The day a tick event is for: the tick fires at 00:05 in Shanghai, which is still the previous day in UTC. */
export function tickDay(envelope: EventEnvelope): string {
  const { date, scheduledTime } = envelope.detail.data as { date?: string; scheduledTime?: string };
  return date ?? shanghaiDate(new Date(scheduledTime ?? envelope.time));
}

/** Every active tenant's module jobs, then the platform-wide jobs (the audit seal last, so the day's writes are in the next digest). */
export function dailyTick(table: Table, tenantJobs: readonly TenantTickJob[], jobs: readonly TickJob[]): ConsumerHandler {
  const allJobs = [...tenantJobs.map((j) => j.name), ...jobs.map((j) => j.name)];
  return async (envelope, effects) => {
    const today = tickDay(envelope);
    if (tenantJobs.length) await forEachActiveTenant(table, (tenant, scope) => runTenantTicks(tenantJobs, { tenant, scope, today, envelope, effects }));
    for (const job of jobs) await job.run(today, effects, envelope);
    effects.add({
      Put: {
        TableName: table.name,
        Item: { pk: 'PLATFORM', sk: 'TICK#LAST', kind: 'tick', date: today, at: envelope.time, jobs: allJobs },
      },
    });
  };
}
