import { changedDays } from '@ufp/core/calendar/calendar';
import { shanghaiDate } from '@ufp/core/clock';
import { DomainError, staleVersion } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { platformAuditScope, type Actor } from '@ufp/core/tenancy/scope';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import type { Context } from '@ufp/kit/trpc';
import { calendarLoaded } from '../events.js';
import type { NoticeInput } from '../schemas.js';
import { calendarJobs, calendarOf, loadedNotices, noticesInForce, saveNotice, workCalendar, type StoredNotice } from '../store.js';

/** Who loaded a notice, by name: the one written with it, else the platform directory's (never only a subject when either knows). */
const pickLoaded =
  (names: ReadonlyMap<string, string>) =>
  ({ year, source, version, loadedAt, loadedBy, loadedByName }: StoredNotice) => ({ year, source, version, loadedAt, loadedBy, loadedByName: loadedByName ?? names.get(loadedBy) });

/** The holiday notices the clocks run on: those in force (shipped or loaded) and those the operator loaded. */
export async function get(ctx: Context) {
  const [loaded, names] = await Promise.all([loadedNotices(ctx.deps.table), ctx.deps.users.platformNames()]);
  const pick = pickLoaded(names);
  return {
    coveredYears: calendarOf(loaded).coveredYears(),
    today: shanghaiDate(ctx.deps.clock.now()),
    notices: noticesInForce(loaded).map(({ year, source, off, work, origin }) => ({ year, source, off, work, origin, ...(origin === 'loaded' ? pick(loaded.find((n) => n.year === year)!) : {}) })),
    loaded: loaded.map(pick),
  };
}

/**
 * Loads (or replaces) a year's notice for every tenant at once, audited in the platform's own log, and starts the
 * re-check of every active tenant's open clocks against it: one event here, one per tenant from its fan-out, each
 * tenant counted by its own consumer (`calendar.job` follows the progress). Answers which days changed; clocks
 * are computed on read, so they follow the new notice from the next call on whatever the re-check has reached.
 */
export async function load(ctx: Context & { actor: Actor }, input: NoticeInput) {
  const loaded = await loadedNotices(ctx.deps.table);
  const before = loaded.find((n) => n.year === input.year);
  if ((before?.version ?? 0) !== input.version) throw staleVersion();
  const now = ctx.deps.clock.now();
  const notice = { year: input.year, source: input.source, off: input.off, work: input.work, version: input.version + 1, loadedAt: now.toISOString(), loadedBy: ctx.actor.sub, ...(ctx.actor.name ? { loadedByName: ctx.actor.name } : {}) };
  const days = changedDays(input.year, calendarOf(loaded), calendarOf([...loaded.filter((n) => n.year !== input.year), notice]));
  const jobId = newId();
  const uow = new UnitOfWork(ctx.deps.table, { scope: platformAuditScope(ctx.actor), correlationId: ctx.correlationId, now });
  saveNotice(uow, notice, before);
  calendarJobs.start(uow, { jobId, year: notice.year, version: notice.version, notice, previous: before, day: shanghaiDate(now), startedAt: now.toISOString(), checked: 0, changed: 0, nowExact: 0, tenantsChanged: 0 });
  uow.emit(calendarLoaded.create({ jobId, year: notice.year }));
  uow.audit({
    action: 'contracts.calendar.load',
    entityType: 'calendar',
    entityId: String(input.year),
    summary: `${before ? '更新' : '加载'}${input.year}年节假日安排（${input.source}）：休息 ${input.off.length} 段，调休上班 ${input.work.length} 天；${days.toRest.length} 个工作日改为休息、${days.toWork.length} 个周末改为上班；各租户的期限随之重新核对（任务 ${jobId}）`,
    changes: { version: { from: before?.version ?? 0, to: notice.version }, ...(before ? { source: { from: before.source, to: notice.source } } : {}) },
  });
  await uow.commit();
  await workCalendar(ctx.deps.table, { fresh: true });
  return { year: notice.year, version: notice.version, days: { toRest: days.toRest.length, toWork: days.toWork.length }, jobId };
}

/** A calendar re-check's progress: tenants checked of those it fanned out to, and the clocks it found moved. */
export async function job(ctx: Context, input: { jobId: string }) {
  const found = await calendarJobs.read(ctx.deps.table, input.jobId);
  if (!found) throw new DomainError('not_found', { zh: '核对任务不存在', en: 'No such re-check' }, { entity: 'calendarJob', field: 'jobId' });
  const { jobId, year, version, day, startedAt, tenants, checked, changed, nowExact, tenantsChanged } = found;
  return { jobId, year, version, day, startedAt, tenants: tenants ?? null, checked, clocks: { tenants: tenantsChanged, changed, nowExact }, done: tenants !== undefined && checked >= tenants };
}
