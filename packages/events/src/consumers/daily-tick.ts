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

export function dailyTick(table: Table, jobs: readonly TickJob[]): ConsumerHandler {
  return async (envelope, effects) => {
    const { date, scheduledTime } = envelope.detail.data as { date?: string; scheduledTime?: string };
    // The tick fires at 00:05 in Shanghai, which is still the previous day in UTC.
    const today = date ?? shanghaiDate(new Date(scheduledTime ?? envelope.time));
    for (const job of jobs) await job.run(today, effects, envelope);
    effects.add({
      Put: {
        TableName: table.name,
        Item: { pk: 'PLATFORM', sk: 'TICK#LAST', kind: 'tick', date: today, at: envelope.time, jobs: jobs.map((j) => j.name) },
      },
    });
  };
}
