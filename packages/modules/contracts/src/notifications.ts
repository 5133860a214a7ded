import type { Notification } from '@ufp/db/repositories/notifications';
import type { OpenClock } from './domain/clocks.js';
import type { Contract } from './domain/contract.js';
import type { DailyStep } from './domain/daily.js';

const about = (c: Contract) => ({ tenantId: c.tenantId, module: 'contracts' as const, href: `/contracts/${c.contractId}`, contractId: c.contractId });

/** A status change the daily clock made (in effect, expiring, expired): once per contract and change. */
export const stepNotice = (c: Contract, s: DailyStep, at: string): Notification => ({
  ...about(c),
  id: `${c.contractId}#${s.step}`,
  type: `contract_${s.step}`,
  title: { zh: `「${c.title}」${s.what.zh}`, en: `"${c.title}": ${s.what.en}` },
  dueOn: s.on,
  createdAt: at,
});

/** A legal clock due soon, due today or overdue: once per clock, due day and state. The review clock ends in an effect, not a duty. */
export function clockNotice(c: Contract, clock: OpenClock, at: string): Notification | undefined {
  if (clock.state === 'open' || clock.kind === 'review') return undefined;
  const when = { due_soon: { zh: `将于 ${clock.dueOn} 到期`, en: `due on ${clock.dueOn}` }, due_today: { zh: '今日到期', en: 'due today' }, overdue: { zh: `已逾期（期限至 ${clock.dueOn} 止）`, en: `overdue (the last day was ${clock.dueOn})` } }[clock.state];
  return {
    ...about(c),
    id: `${c.contractId}#${clock.kind}${clock.side ? `:${clock.side}` : ''}#${clock.dueOn}#${clock.state}`,
    type: clock.state === 'overdue' ? 'clock_overdue' : clock.state === 'due_today' ? 'clock_due_today' : 'clock_due_soon',
    title: { zh: `「${c.title}」${clock.label.zh}${when.zh}${clock.provisional ? '（暂定）' : ''}`, en: `"${c.title}": ${clock.label.en} ${when.en}${clock.provisional ? ' (provisional)' : ''}` },
    dueOn: clock.dueOn,
    createdAt: at,
  };
}
