import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import { NotificationRepository } from '@ufp/db/repositories/notifications';
import type { Table } from '@ufp/db/table';
import { retryStale, UnitOfWork } from '@ufp/db/unit-of-work';
import { TICK_ACTOR, type TenantTickJob } from '@ufp/events/consumers/daily-tick';
import { openClocks, overdueEvent, tickOverdueMarks, withMarks } from './domain/clocks.js';
import type { Contract, ContractSettings } from './domain/contract.js';
import { closeAmendment } from './domain/amendment.js';
import { dailyChangeDue, decideDaily, mergeDue } from './domain/daily.js';
import { missedDuties, settleAll } from './domain/outcomes.js';
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
 * expiring and expire; clocks past their last day are marked overdue (see `markOverdue`); due and overdue
 * clocks raise in-app notifications. Each contract's change is its own
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
      // Contracts an amendment merged into (or ended on) in this run are read again: the tick wrote them.
      const touched = new Set<string>();
      const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: TICK_ACTOR };
      for (const listed of await contracts.all({ tenantId: tenant.id })) {
        const c = touched.has(listed.contractId) ? ((await contracts.find(scope, listed.contractId)) ?? listed) : listed;
        if (c.status === 'expired' || c.status === 'terminated' || c.status === 'merged') continue;
        const advanced = dailyChangeDue(c, today, settings, calendar) ? await advance(table, contracts, inbox, tenant, c, day) : c;
        if (advanced.amends && advanced !== c) touched.add(advanced.amends);
        const after = await markOverdue(table, contracts, tenant, advanced, day);
        for (const clock of openClocks(after, settings, today, calendar)) {
          const notice = clockNotice(after, clock, day.at);
          if (notice) await inbox.notify(notice);
        }
      }
    },
  };
}

/**
 * One contract's status change of the day, in one versioned transaction. An amendment taking effect (or unable to,
 * its parent no longer in force) closes its parent's amendment in the same transaction (see `closeAmendment`): the
 * parent's clauses become the amendment's, with its history entry, guarded by the parent's version.
 */
async function advance(table: Table, store: ContractRepository, inbox: NotificationRepository, tenant: Tenant, before: Contract, day: Day): Promise<Contract> {
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: TICK_ACTOR };
  const coverage = before.unitId ? await store.unitCoverage(tenant.id, before.unitId) : undefined;
  const parent = before.amends && mergeDue(before, day.today, day.settings, day.calendar) ? await store.find(scope, before.amends) : undefined;
  const d = decideDaily(before, { ...day, by: TICK_ACTOR.sub, unitInForce: coverage?.count, parent });
  if (!d) return before;
  const uow = new UnitOfWork(table, { scope, correlationId: day.correlationId, now: new Date(day.at) });
  for (const event of d.events) uow.emit(event);
  if (parent && parent.amendment?.contractId === before.contractId && (d.after.status === 'merged' || d.after.status === 'terminated')) {
    const closed = closeAmendment(parent, {
      amendment: d.after,
      outcome: d.after.status === 'merged' ? 'merged' : 'ended',
      on: d.after.status === 'merged' ? d.after.effectiveOn! : day.today,
      at: day.at,
      by: TICK_ACTOR.sub,
      reason: d.after.terminated?.reason,
    });
    store.replace(uow, { ...closed.after, version: parent.version + 1 }, parent.version);
    for (const event of closed.events ?? []) uow.emit(event);
    uow.audit(closed.audit);
  }
  if (coverage && d.unitInForce !== undefined && d.unitInForce !== coverage.count) store.setUnitCoverage(uow, coverage, d.unitInForce);
  const after: Contract = { ...d.after, version: before.version + 1 };
  store.replace(uow, after, before.version);
  uow.audit(d.audit);
  await uow.commit();
  for (const s of d.steps) await inbox.notify(stepNotice(after, s, day.at));
  return after;
}

/**
 * Marks the contract's legal clocks overdue on the tick's day (and unmarks any no longer overdue), with a
 * `contracts.contract.overdue` event carrying the `contracts.clocks.overdue` delta, and settles the duties now missed
 * (see `missedDuties`) with their `contracts.contract.dutySettled` events, in one versioned transaction. A clock already marked is not counted again, so a rerun of the day changes nothing; `updatedAt`
 * is left alone (the mark is not an edit). A concurrent step (stale version) is met by reading the contract again.
 */
async function markOverdue(table: Table, store: ContractRepository, tenant: Tenant, first: Contract, day: Day): Promise<Contract> {
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: TICK_ACTOR };
  let attempt = 0;
  return retryStale(async () => {
    const before = attempt++ === 0 ? first : ((await store.find(scope, first.contractId)) ?? first);
    const marks = tickOverdueMarks(before, day.settings, day.today, day.calendar);
    const missed = settleAll(before, missedDuties(before, day.settings, day.today, day.calendar));
    const marksChanged = (before.overdueClocks ?? []).join() !== (marks.overdueClocks ?? []).join();
    if (!marksChanged && !missed.events.length) return before;
    const after: Contract = { ...withMarks(missed.after, marks), version: before.version + 1 };
    const uow = new UnitOfWork(table, { scope, correlationId: day.correlationId, now: new Date(day.at) });
    store.replace(uow, after, before.version);
    if (marksChanged) uow.emit(overdueEvent(after, marks));
    for (const event of missed.events) uow.emit(event);
    uow.audit({
      action: 'contracts.tick',
      entityType: 'contract',
      entityId: after.contractId,
      summary: `集体合同「${after.title}」：逾期法定时限 ${(before.overdueClocks ?? []).join('、') || '无'} → ${(marks.overdueClocks ?? []).join('、') || '无'}（${day.today}）${missed.events.length ? `；逾期未办结事项 ${missed.events.length} 项计入履约指标` : ''}`,
      changes: { overdueClocks: { from: before.overdueClocks ?? [], to: marks.overdueClocks ?? [] } },
    });
    await uow.commit();
    return after;
  }, 3);
}
