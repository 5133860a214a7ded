import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import { NotificationRepository } from '@ufp/db/repositories/notifications';
import type { Table } from '@ufp/db/table';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { TICK_ACTOR, type TenantTickJob } from '@ufp/events/consumers/daily-tick';
import { openClocks } from './domain/clocks.js';
import type { Contract, ContractSettings } from './domain/contract.js';
import { dailyChangeDue, decideDaily } from './domain/daily.js';
import { clockNotice, stepNotice } from './notifications.js';
import { ContractRepository, workCalendar } from './store.js';

interface Day {
  today: string;
  at: string;
  correlationId: string;
  settings: ContractSettings;
  calendar: WorkCalendar;
}

/**
 * The 集体合同 legal clocks, once a day (see `decideDaily`): filed contracts take effect, in-force ones start
 * expiring and expire; due and overdue clocks raise in-app notifications. Each contract's change is its own
 * versioned transaction and each notification is keyed by what it is about, so a rerun of the same day changes nothing.
 */
export function contractsTickJob(table: Table): TenantTickJob {
  const contracts = new ContractRepository(table);
  const inbox = new NotificationRepository(table);
  return {
    name: 'contracts',
    async run({ today, envelope, tenant }) {
      const [calendar, settings] = await Promise.all([workCalendar(table, { fresh: true }), contracts.settings(tenant.id)]);
      const day: Day = { today, at: envelope.time, correlationId: envelope.id, settings, calendar };
      for (const c of await contracts.all({ tenantId: tenant.id })) {
        if (c.status === 'expired' || c.status === 'terminated') continue;
        const after = dailyChangeDue(c, today, settings, calendar) ? await advance(table, contracts, inbox, tenant, c, day) : c;
        for (const clock of openClocks(after, settings, today, calendar)) {
          const notice = clockNotice(after, clock, day.at);
          if (notice) await inbox.notify(notice);
        }
      }
    },
  };
}

async function advance(table: Table, store: ContractRepository, inbox: NotificationRepository, tenant: Tenant, before: Contract, day: Day): Promise<Contract> {
  const coverage = before.unitId ? await store.unitCoverage(tenant.id, before.unitId) : undefined;
  const d = decideDaily(before, { ...day, by: TICK_ACTOR.sub, unitInForce: coverage?.count });
  if (!d) return before;
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: TICK_ACTOR };
  const uow = new UnitOfWork(table, { scope, correlationId: day.correlationId, now: new Date(day.at) });
  for (const event of d.events) uow.emit(event);
  if (coverage && d.unitInForce !== undefined && d.unitInForce !== coverage.count) store.setUnitCoverage(uow, coverage, d.unitInForce);
  const after: Contract = { ...d.after, version: before.version + 1 };
  store.replace(uow, after, before.version);
  uow.audit(d.audit);
  await uow.commit();
  for (const s of d.steps) await inbox.notify(stepNotice(after, s, day.at));
  return after;
}
