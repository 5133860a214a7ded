import { wrapEvent } from '@ufp/db/envelope';
import { TenantRepository } from '@ufp/db/repositories/tenants';
import { fannedOutId, fanOut } from '@ufp/events/fan-out';
import { defineConsumer } from '@ufp/kit/module';
import { clockChanges } from './domain/calendar-change.js';
import { calendarLoaded, calendarRecheck } from './events.js';
import { calendarJobs, calendarOf, ContractRepository, loadedNotices } from './store.js';

/** A loaded holiday notice fans out one re-check per active tenant (a province's tenants exceed one request's time). */
export const calendarFanOut = defineConsumer({
  name: 'contractsCalendarFanOut',
  description: 'A loaded holiday notice: one re-check of the open 集体合同 clocks per active tenant',
  events: [calendarLoaded],
  create:
    ({ table }) =>
    async (event, effects) => {
      const { jobId, year } = event.detail.data;
      const active = (await new TenantRepository(table, 0).list()).filter((t) => t.status === 'active');
      const shares = active.map((tenant) =>
        wrapEvent(
          calendarRecheck.create({ jobId, year }),
          { tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: event.detail.meta.actor, correlationId: event.detail.meta.correlationId, occurredAt: event.detail.meta.occurredAt },
          fannedOutId(event.id, tenant.id),
        ),
      );
      await fanOut(table, shares, new Date(event.time));
      effects.add(calendarJobs.fannedOut(table, jobId, active.length));
    },
});

/**
 * One tenant's open clocks, before and after the notice (both as the job recorded them, so a later load does not
 * change what this one found), counted into the job once.
 */
export const calendarRecheckConsumer = defineConsumer({
  name: 'contractsCalendarRecheck',
  description: "One tenant's open 集体合同 clocks compared before and after a loaded holiday notice",
  events: [calendarRecheck],
  create: ({ table }) => {
    const contracts = new ContractRepository(table);
    return async (event, effects) => {
      const job = await calendarJobs.read(table, event.detail.data.jobId);
      if (!job) throw new Error(`calendar re-check ${event.detail.data.jobId} not found`);
      const tenantId = event.detail.meta.tenantId;
      const others = (await loadedNotices(table)).filter((n) => n.year !== job.year);
      const before = calendarOf([...others, ...(job.previous ? [job.previous] : [])]);
      const after = calendarOf([...others, job.notice]);
      const [all, settings] = await Promise.all([contracts.all({ tenantId }), contracts.settings(tenantId)]);
      effects.add(calendarJobs.checked(table, job.jobId, clockChanges(all, settings, job.day, before, after)));
    };
  },
});
