import { changedDays, type WorkCalendar } from '@ufp/core/calendar/calendar';
import { shanghaiDate } from '@ufp/core/clock';
import { staleVersion } from '@ufp/core/errors';
import { platformAuditScope, type Actor } from '@ufp/core/tenancy/scope';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import type { Context } from '@ufp/kit/trpc';
import { openClocks } from '../domain/clocks.js';
import type { NoticeInput } from '../schemas.js';
import { calendarOf, ContractRepository, loadedNotices, noticesInForce, saveNotice, workCalendar, type StoredNotice } from '../store.js';

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
 * Loads (or replaces) a year's notice for every tenant at once, audited in the platform's own
 * log. Answers which days changed and how many open clocks across the tenants moved or stopped
 * being provisional; clocks are computed on read, so they follow from the next call on.
 */
export async function load(ctx: Context & { actor: Actor }, input: NoticeInput) {
  const loaded = await loadedNotices(ctx.deps.table);
  const before = loaded.find((n) => n.year === input.year);
  if ((before?.version ?? 0) !== input.version) throw staleVersion();
  const now = ctx.deps.clock.now();
  const notice = { year: input.year, source: input.source, off: input.off, work: input.work, version: input.version + 1, loadedAt: now.toISOString(), loadedBy: ctx.actor.sub, ...(ctx.actor.name ? { loadedByName: ctx.actor.name } : {}) };
  const [calBefore, calAfter] = [calendarOf(loaded), calendarOf([...loaded.filter((n) => n.year !== input.year), notice])];
  const days = changedDays(input.year, calBefore, calAfter);
  const clocks = await clocksMoved(ctx, calBefore, calAfter);
  const uow = new UnitOfWork(ctx.deps.table, { scope: platformAuditScope(ctx.actor), correlationId: ctx.correlationId, now });
  saveNotice(uow, notice, before);
  uow.audit({
    action: 'contracts.calendar.load',
    entityType: 'calendar',
    entityId: String(input.year),
    summary: `${before ? '更新' : '加载'}${input.year}年节假日安排（${input.source}）：休息 ${input.off.length} 段，调休上班 ${input.work.length} 天；${days.toRest.length} 个工作日改为休息、${days.toWork.length} 个周末改为上班；${clocks.tenants} 个租户的 ${clocks.changed} 个期限随之改变（${clocks.nowExact} 个不再暂定）`,
    changes: { version: { from: before?.version ?? 0, to: notice.version }, ...(before ? { source: { from: before.source, to: notice.source } } : {}) },
  });
  await uow.commit();
  await workCalendar(ctx.deps.table, { fresh: true });
  return { year: notice.year, version: notice.version, days: { toRest: days.toRest.length, toWork: days.toWork.length }, clocks };
}

/**
 * How many open clocks, across every active tenant, a calendar change moves (a different due day
 * or provisional state) and how many of them stop being provisional.
 */
async function clocksMoved(ctx: Context, before: WorkCalendar, after: WorkCalendar): Promise<{ tenants: number; changed: number; nowExact: number }> {
  const r = new ContractRepository(ctx.deps.table);
  const day = shanghaiDate(ctx.deps.clock.now());
  const out = { tenants: 0, changed: 0, nowExact: 0 };
  for (const tenant of await ctx.deps.tenants.list()) {
    if (tenant.status !== 'active') continue;
    const [all, settings] = await Promise.all([r.all({ tenantId: tenant.id }), r.settings(tenant.id)]);
    let changed = 0;
    for (const c of all) {
      const [a, b] = [openClocks(c, settings, day, before), openClocks(c, settings, day, after)];
      a.forEach((k, i) => {
        const n = b[i];
        if (!n || n.dueOn !== k.dueOn || !!n.provisional !== !!k.provisional) changed++;
        if (k.provisional && n && !n.provisional) out.nowExact++;
      });
    }
    if (changed) out.tenants++;
    out.changed += changed;
  }
  return out;
}
