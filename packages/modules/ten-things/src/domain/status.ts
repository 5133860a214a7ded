import { shanghaiDate } from '@ufp/core/clock';
import { defineEnum } from '@ufp/kit/enum';
import type { Milestone } from './model.js';
import type { Target } from './targets.js';

/** An adopted item's status (computed from its targets, the date and the tenant's thresholds). */
export const ItemStatus = defineEnum({
  done: { zh: '已完成', en: 'done' },
  on_track: { zh: '正常推进', en: 'on track' },
  at_risk: { zh: '有风险', en: 'at risk' },
  behind: { zh: '进度落后', en: 'behind' },
  overdue: { zh: '逾期', en: 'overdue' },
});
export type ItemStatus = (typeof ItemStatus.values)[number];
export const itemStatuses = ItemStatus.values;

/** How often the responsible units report progress (监督: monthly or quarterly). */
export const ReportCycle = defineEnum({
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
});
export type ReportCycle = (typeof ReportCycle.values)[number];

export interface TenThingsSettings {
  /** At most this many candidates are adopted at the vote. */
  maxAdopted: number;
  /** Points of completion below the elapsed share of the year at which an item is at risk / behind. */
  atRiskPoints: number;
  behindPoints: number;
  /** The 监督 cycle: a hand-reported item is due a report in each month (or quarter) of its plan year. */
  reportCycle: ReportCycle;
  /** The year-end 测评 is valid with forms from at least this share of the representatives, in percent. */
  evaluationFloorPercent: number;
}

export const defaultSettings: TenThingsSettings = { maxAdopted: 10, atRiskPoints: 15, behindPoints: 30, reportCycle: 'monthly', evaluationFloorPercent: 60 };

/** Completion of one target in [0, 1]: achieved over target, capped at 100%; a ceiling (≤) is met while not exceeded. */
export function targetCompletion(target: Pick<Target, 'comparator' | 'target'>, achieved: number): number {
  if (target.comparator === 'lte') return achieved <= target.target ? 1 : 0;
  if (target.target <= 0) return 1;
  return Math.min(1, Math.max(0, achieved / target.target));
}

export function targetMet(target: Pick<Target, 'comparator' | 'target'>, achieved: number): boolean {
  return target.comparator === 'lte' ? achieved <= target.target : achieved >= target.target;
}

/** Share of the plan year elapsed at `today` (Asia/Shanghai calendar date), in [0, 1]. */
export function elapsedShare(year: number, today: string): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const at = Date.parse(`${today}T00:00:00Z`) + 86_400_000; // the whole of `today` has elapsed by its end
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

export interface ItemProgress {
  /** Completion per target in [0, 1]. */
  targets: number[];
  /** The least complete target's completion (an item is only as done as its weakest promise). */
  completion: number;
  status: ItemStatus;
  /** Completion minus the elapsed share, in points (negative = behind the calendar). */
  gapPoints: number;
  /** The 责任状's latest milestone whose quarter has ended, and whether the completion reached it. */
  milestone?: { quarter: Milestone['quarter']; share: number; met: boolean };
}

/** The day after each quarter's last day (Asia/Shanghai calendar), as MM-DD; Q4 ends with the year. */
const QUARTER_OVER: Record<Milestone['quarter'], string> = { 1: '04-01', 2: '07-01', 3: '10-01', 4: '13-01' };

/** The 责任状 milestone in force at `today`: the one of the latest quarter that has ended (shares are cumulative). */
export function milestoneDue(year: number, milestones: readonly Milestone[] | undefined, today: string): Milestone | undefined {
  let due: Milestone | undefined;
  for (const m of milestones ?? []) {
    const ended = Number(today.slice(0, 4)) > year || (today.slice(0, 4) === String(year) && today.slice(5) >= QUARTER_OVER[m.quarter]);
    if (ended && (!due || m.quarter > due.quarter)) due = m;
  }
  return due;
}

/**
 * Status of an adopted item at `now` (platform clock): done when every target is met; overdue when an unmet
 * target's deadline (default 12-31 of the plan year) has passed; behind when the completion is short of the 责任状's
 * milestone for the last quarter that ended (whatever the year-linear line says); otherwise compared with the
 * elapsed share of the year — at risk more than `atRiskPoints` below it, behind more than `behindPoints` below it.
 */
export function itemProgress(
  item: { year: number; targets: Pick<Target, 'comparator' | 'target' | 'deadline'>[]; achieved: number[]; assignment?: { milestones: readonly Milestone[] } },
  now: Date,
  settings: Pick<TenThingsSettings, 'atRiskPoints' | 'behindPoints'> = defaultSettings,
): ItemProgress {
  const today = shanghaiDate(now);
  const per = item.targets.map((t, i) => targetCompletion(t, item.achieved[i] ?? 0));
  const completion = per.length ? Math.min(...per) : 0;
  const elapsed = elapsedShare(item.year, today);
  const gapPoints = round1((completion - elapsed) * 100);
  const allMet = item.targets.length > 0 && item.targets.every((t, i) => targetMet(t, item.achieved[i] ?? 0));
  const due = milestoneDue(item.year, item.assignment?.milestones, today);
  // Basis points, so that 60% of a target is exactly the 60% milestone.
  const milestone = due && { quarter: due.quarter, share: due.share, met: Math.round(completion * 10_000) >= due.share * 100 };
  let status: ItemStatus;
  if (allMet) status = 'done';
  else if (item.targets.some((t, i) => !targetMet(t, item.achieved[i] ?? 0) && (t.deadline ?? `${item.year}-12-31`) < today)) status = 'overdue';
  else if (milestone && !milestone.met) status = 'behind';
  else if (-gapPoints > settings.behindPoints) status = 'behind';
  else if (-gapPoints > settings.atRiskPoints) status = 'at_risk';
  else status = 'on_track';
  return { targets: per, completion, status, gapPoints, ...(milestone ? { milestone } : {}) };
}

/** Plan summary: items per status and the mean item completion. */
export function planSummary(progress: ItemProgress[]): { byStatus: Record<ItemStatus, number>; completion: number } {
  const byStatus = Object.fromEntries(itemStatuses.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const p of progress) byStatus[p.status]++;
  const completion = progress.length ? progress.reduce((s, p) => s + p.completion, 0) / progress.length : 0;
  return { byStatus, completion };
}

/** Completion in basis points (integer) for rollup metrics: 0…10000. */
export const completionBp = (completion: number): number => Math.round(completion * 10_000);

const round1 = (n: number) => Math.round(n * 10) / 10;
