import { randomBytes } from 'node:crypto';
import { fileClocks, needsAttention, type HardshipClock } from './domain/clocks.js';
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
 */
export function hardshipReminder(file: Pick<HardshipFile, 'fileId' | 'tenantId'>, unitName: string, clock: Reminded, at: string): Notification {
  const when = whenText[clock.state](clock);
  return {
    id: `hardship#${file.fileId}#${clock.kind}#${clock.dueOn}#${clock.state}`,
    tenantId: file.tenantId,
    module: 'hardship',
    type: typeOf[clock.state],
    href: `/hardship/files/${file.fileId}`,
    title: { zh: `困难档案 ${file.fileId}（${unitName}）：${clock.label.zh}${when.zh}`, en: `Hardship file ${file.fileId} (${unitName}): ${clock.label.en} ${when.en}` },
    dueOn: clock.dueOn,
    createdAt: at,
  };
}

/**
 * The 困难帮扶 clocks, once a day (Asia/Shanghai): for every active tenant, investigations due
 * soon, today or overdue, notice periods that have ended (ready for review), yearly
 * re-verifications and post-exit follow-ups due, each raised once as an in-app notification.
 * The clock rules are core's `fileClocks`, the same the caseworker queue reads. The tick only
 * reminds: it changes no file.
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
      for (const file of await files.allFiles(scope)) {
        for (const clock of fileClocks(file, today).filter(needsAttention) as Reminded[]) {
          await inbox.notify(hardshipReminder(file, await unitName(file.unitId), clock, envelope.time));
        }
      }
    },
  };
}
