import { shanghaiDate } from '@ufp/core/clock';
import type { Item } from './model.js';
import type { ReportCycle } from './status.js';

/** Days before a period's last day on which the responsible units are reminded that its report is still missing. */
export const REMINDER_DAYS = 5;

/** One reporting period of the 监督 cycle: a month or a quarter of the plan year, as Asia/Shanghai days. */
export interface ReportPeriod {
  /** 2024-03 or 2024-Q1. */
  label: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period of `cycle` that contains `day` (YYYY-MM-DD). */
export function periodOf(cycle: ReportCycle, day: string): ReportPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (cycle === 'monthly') return { label: `${year}-${pad(month)}`, start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
  const quarter = Math.ceil(month / 3);
  const first = quarter * 3 - 2;
  return { label: `${year}-Q${quarter}`, start: `${year}-${pad(first)}-01`, end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export type ReportDue = { kind: 'reminder' | 'overdue'; period: ReportPeriod };

/**
 * Whether an adopted, assigned item still owes the report of a period on `today`: in the last `REMINDER_DAYS` days
 * of a period without a report in it, a reminder (to the responsible units); on any day of the next period while
 * the last report is still older than the ended period, overdue (escalated to the federation's staff). Only items
 * with a hand-reported target (not every target linked to another module's events), not done, and periods of the
 * plan year that began after the 责任状 was signed.
 */
export function reportDue(item: Pick<Item, 'year' | 'stage' | 'status' | 'targets' | 'assignment' | 'lastReportedOn'>, cycle: ReportCycle, today: string): ReportDue | undefined {
  if (item.stage !== 'adopted' || item.status === 'done' || !item.assignment) return undefined;
  if (item.targets.every((t) => t.link)) return undefined;
  const assignedOn = shanghaiDate(new Date(item.assignment.assignedAt));
  const owes = (period: ReportPeriod) => Number(period.start.slice(0, 4)) === item.year && period.start >= assignedOn && (item.lastReportedOn ?? '') < period.start;
  const current = periodOf(cycle, today);
  if (today >= addDays(current.end, -(REMINDER_DAYS - 1)) && owes(current)) return { kind: 'reminder', period: current };
  const previous = periodOf(cycle, addDays(current.start, -1));
  if (owes(previous)) return { kind: 'overdue', period: previous };
  return undefined;
}
