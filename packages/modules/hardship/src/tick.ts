import { randomBytes } from 'node:crypto';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { retryStale, UnitOfWork } from '@ufp/db/unit-of-work';
import { fileClocks, hardshipClockLabels, needsAttention, overdueMetrics, tickOverdueMarks, type HardshipClock } from './domain/clocks.js';
import { clocksOverdue } from './events.js';
import type { HardshipFile } from './domain/file.js';
import { CursorCodec } from '@ufp/db/cursor';
import { HardshipStore } from './store.js';
import { NotificationRepository, type Notification } from '@ufp/db/repositories/notifications';
import { UnitRepository } from '@ufp/db/repositories/units';
import type { Table } from '@ufp/db/table';
import { type TenantTickJob } from '@ufp/events/consumers/daily-tick';

/** Clocks the tick reminds about: every state but `open` (see `needsAttention`). */
type Reminded = HardshipClock & { state: Exclude<HardshipClock['state'], 'open'> };

const whenText: Record<Reminded['state'], (c: HardshipClock) => { zh: string; en: string }> = {
  due_soon: (c) => ({ zh: `将于 ${c.dueOn} 到期`, en: `due on ${c.dueOn}` }),
  due_today: () => ({ zh: '今日到期', en: 'due today' }),
  overdue: (c) => ({ zh: `已逾期（期限至 ${c.dueOn} 止）`, en: `overdue (the last day was ${c.dueOn})` }),
  ready: (c) => ({ zh: `已于 ${c.dueOn} 期满，可以审核`, en: `ended on ${c.dueOn}; ready for review` }),
};

const typeOf: Record<Reminded['state'], string> = { due_soon: 'clock_due_soon', due_today: 'clock_due_today', overdue: 'clock_overdue', ready: 'notice_ended' };

/**
 * A reminder for one clock of one file. The title names the file number and the union, never
 * the worker (PIPL: notifications carry no personal data). The id is derived from the file,
 * the clock, its due day and its state, so a rerun of the day (or the next day in the same
 * state) adds nothing, while a new state (due soon → due today → overdue) notifies once each.
 * `toUnit` addresses it to the file's union (its reporters) instead of the federation's staff.
 */
export function hardshipReminder(file: Pick<HardshipFile, 'fileId' | 'tenantId' | 'unitId'>, unitName: string, clock: Reminded, at: string, toUnit = false): Notification {
  const when = whenText[clock.state](clock);
  return {
    id: `hardship#${file.fileId}#${clock.kind}#${clock.dueOn}#${clock.state}${toUnit ? '#unit' : ''}`,
    tenantId: file.tenantId,
    ...(toUnit ? { unitId: file.unitId } : {}),
    module: 'hardship',
    type: typeOf[clock.state],
    href: `/hardship/files/${file.fileId}`,
    title: { zh: `困难档案 ${file.fileId}（${unitName}）：${clock.label.zh}${when.zh}`, en: `Hardship file ${file.fileId} (${unitName}): ${clock.label.en} ${when.en}` },
    dueOn: clock.dueOn,
    createdAt: at,
  };
}

/**
 * Who a clock's reminder goes to: the investigation is the union's to do, so its reporters are reminded as it nears
 * and when it is late, and the federation's staff only once it is overdue (the escalation); every other clock is the
 * staff's own. `true` is the union, `false` the staff.
 */
export function addressees(clock: Pick<Reminded, 'kind' | 'state'>): boolean[] {
  if (clock.kind !== 'investigation') return [false];
  return clock.state === 'overdue' ? [true, false] : [true];
}

/**
 * The 困难帮扶 clocks, once a day (Asia/Shanghai): for every active tenant, investigations due
 * soon, today or overdue, notice periods that have ended (ready for review), yearly
 * re-verifications and post-exit follow-ups due, each raised once as an in-app notification.
 * The clock rules are core's `fileClocks`, the same the caseworker queue reads. The only change
 * the tick makes to a file is its overdue marks (see `markOverdue`).
 */
export function hardshipTickJob(table: Table): TenantTickJob {
  const cursors = new CursorCodec(randomBytes(32)); // required by the repositories; the tick hands out no cursors
  const files = new HardshipStore(table, cursors);
  const units = new UnitRepository(table, cursors);
  const inbox = new NotificationRepository(table);
  return {
    name: 'hardship',
    async run({ today, envelope, scope }) {
      const unitNames = new Map<string, string>();
      const unitName = async (unitId: string) => {
        if (!unitNames.has(unitId)) unitNames.set(unitId, await units.get(scope, unitId).then((u) => u.name, () => '—'));
        return unitNames.get(unitId)!;
      };
      for (const listed of await files.allFiles(scope)) {
        const file = await markOverdue(table, files, scope, listed, today, envelope);
        for (const clock of fileClocks(file, today).filter(needsAttention) as Reminded[]) {
          for (const toUnit of addressees(clock)) await inbox.notify(hardshipReminder(file, await unitName(file.unitId), clock, envelope.time, toUnit));
        }
      }
    },
  };
}

/**
 * Marks the file's clocks overdue on `today` (and unmarks any no longer overdue), with a
 * `hardship.file.overdue` event carrying the `hardship.clocks.overdue` delta, in one versioned
 * transaction. A clock already marked is not counted again, so a rerun of the day changes nothing;
 * `updatedAt` is left alone (the mark is not an edit: stale files stay stale). A concurrent step
 * (stale version) is met by reading the file again.
 */
async function markOverdue(table: Table, files: HardshipStore, scope: TenantScope, listed: HardshipFile, today: string, envelope: { id: string; time: string }): Promise<HardshipFile> {
  let attempt = 0;
  return retryStale(async () => {
    const before = attempt++ === 0 ? listed : ((await files.findFile(scope, listed.fileId)) ?? listed);
    const marks = tickOverdueMarks(before, today);
    if (sameMarks(before.overdueClocks, marks.overdueClocks)) return before;
    const { overdueClocks: _old, ...rest } = before;
    const after: HardshipFile = { ...rest, ...(marks.overdueClocks ? { overdueClocks: marks.overdueClocks } : {}), version: before.version + 1 };
    const uow = new UnitOfWork(table, { scope, correlationId: envelope.id, now: new Date(envelope.time) });
    files.replaceFile(uow, before, after);
    const metrics = overdueMetrics(marks.delta);
    uow.emit(clocksOverdue.create({ fileId: after.fileId, unitId: after.unitId, overdueClocks: marks.overdueClocks ?? [], ...(Object.keys(metrics).length ? { metrics } : {}) }));
    const names = (k?: readonly string[]) => (k?.length ? k.map((x) => hardshipClockLabels[x as HardshipClock['kind']].zh).join('、') : '无');
    uow.audit({ action: 'hardship.tick', entityType: 'hardship.file', entityId: after.fileId, summary: `困难档案 ${after.fileId}：逾期时限 ${names(before.overdueClocks)} → ${names(marks.overdueClocks)}（${today}）`, changes: { overdueClocks: { from: before.overdueClocks ?? [], to: marks.overdueClocks ?? [] } } });
    await uow.commit();
    return after;
  }, 3);
}

const sameMarks = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join() === (b ?? []).join();
