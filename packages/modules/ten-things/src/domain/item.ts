import { conflict, invalid, notFound, staleVersion } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { evidenceRef, type Evidence } from '@ufp/core/evidence/model';
import { round2, type LedgerEntry } from './ledger.js';
import type { Item, Milestone } from './model.js';
import { itemProgress, planSummary, type ItemProgress, type TenThingsSettings } from './status.js';
import { checkItemOpen } from './evaluation.js';

export const itemNotFound = () => notFound({ zh: '实事项目', en: 'Ten-things item' });

/** Staff see every item; a unit reporter only items their unit is co-responsible for (others are "not found"). */
export function checkVisible(scope: TenantScope, item: Item): Item {
  if (scope.unitId && !(item.stage === 'adopted' && item.assignment?.coUnitIds.includes(scope.unitId))) throw itemNotFound();
  return item;
}

export function checkThresholds(settings: Pick<TenThingsSettings, 'atRiskPoints' | 'behindPoints'>): void {
  if (settings.behindPoints <= settings.atRiskPoints) {
    throw invalid({ zh: '“落后”阈值须大于“有风险”阈值', en: 'The behind threshold must exceed the at-risk threshold' }, { field: 'behindPoints' });
  }
}

export interface AssignmentInput {
  version: number;
  leadDept: string;
  coUnitIds: string[];
  milestones: Milestone[];
}

/** 责任状 on an adopted item (at the version the caller saw): milestones by quarter, cumulative shares never falling. */
export function checkAssignment(item: Item, input: AssignmentInput): { milestones: Milestone[]; coUnitIds: string[] } {
  checkItemOpen(item);
  if (item.stage !== 'adopted') throw invalid({ zh: '只有票决通过的项目才能签订责任状', en: 'Only adopted items get a responsibility assignment' }, { field: 'itemId' });
  if (input.version !== item.version) throw staleVersion();
  const milestones = [...input.milestones].sort((a, b) => a.quarter - b.quarter);
  milestones.forEach((m, i) => {
    if (i > 0 && milestones[i - 1]!.quarter === m.quarter) throw invalid({ zh: '季度重复', en: 'Quarter listed twice' }, { field: `milestones.${i}.quarter` });
    if (i > 0 && m.share < milestones[i - 1]!.share) throw invalid({ zh: '季度节点的累计进度不能下降', en: 'Cumulative milestone shares cannot decrease' }, { field: `milestones.${i}.share` });
  });
  return { milestones, coUnitIds: [...new Set(input.coUnitIds)] };
}

/** The index of the first co-responsible unit that does not exist, as a refusal. */
export function checkUnitsExist(coUnitIds: readonly string[], found: readonly unknown[]): void {
  const missing = coUnitIds.findIndex((_, i) => !found[i]);
  if (missing >= 0) throw invalid({ zh: '协办单位不存在', en: 'Co-responsible unit not found' }, { field: `coUnitIds.${missing}` });
}

export function assign(item: Item, input: AssignmentInput, checked: { milestones: Milestone[]; coUnitIds: string[] }, by: string, now: Date): Item {
  return {
    ...item,
    assignment: { leadDept: input.leadDept, coUnitIds: checked.coUnitIds, milestones: checked.milestones, assignedAt: now.toISOString(), assignedBy: by },
    leadDept: input.leadDept,
    updatedAt: now.toISOString(),
  };
}

export interface ReportInput {
  itemId: string;
  targetIndex: number;
  quantity: number;
  occurredOn: string;
  note?: string;
  evidenceIds?: string[];
}

/** Progress by hand: on an adopted item, a target not fed by events, a day of the plan's year not in the future. */
export function checkReport(item: Item, input: ReportInput, today: string): void {
  checkItemOpen(item);
  if (item.stage !== 'adopted') throw invalid({ zh: '只有票决通过的项目才能填报进度', en: 'Progress is reported on adopted items only' }, { field: 'itemId' });
  const target = item.targets[input.targetIndex];
  if (!target) throw invalid({ zh: '指标不存在', en: 'No such target' }, { field: 'targetIndex' });
  if (target.link) throw invalid({ zh: '该指标由业务事件自动统计，不能手工填报', en: 'This target is fed by events and cannot be reported by hand' }, { field: 'targetIndex' });
  if (input.occurredOn > today) throw invalid({ zh: '发生日期不能晚于今天', en: 'The date cannot be in the future' }, { field: 'occurredOn' });
  if (!input.occurredOn.startsWith(String(item.year))) throw invalid({ zh: `发生日期须在 ${item.year} 年内`, en: `The date must fall in ${item.year}` }, { field: 'occurredOn' });
}

export function reportEntry(item: Item, input: ReportInput, evidence: readonly Evidence[], ids: { entryId: string; scope: TenantScope }, now: Date): LedgerEntry {
  return {
    entryId: ids.entryId,
    itemId: item.itemId,
    planId: item.planId,
    targetIndex: input.targetIndex,
    quantity: input.quantity,
    occurredOn: input.occurredOn,
    entryType: 'report',
    note: input.note || undefined,
    evidenceIds: evidence.length ? evidence.map((e) => e.evidenceId) : undefined,
    evidence: evidence.length ? evidence.map(evidenceRef) : undefined,
    reporter: ids.scope.actor.sub,
    reporterUnitId: ids.scope.unitId,
    recordedAt: now.toISOString(),
  };
}

/** What the audit log says of an entry. */
export function entrySummary(item: Item, entry: LedgerEntry): string {
  return entry.entryType === 'correction'
    ? `冲正 ${item.title} 指标${entry.targetIndex + 1} 的记录 ${entry.reverses}（${entry.quantity}）：${entry.reason}`
    : `填报 ${item.title} 指标${entry.targetIndex + 1}：+${entry.quantity} ${item.targets[entry.targetIndex]?.unit ?? ''}`;
}

export function satisfactionOf(item: Pick<Item, 'satisfaction'>) {
  const { sum, count } = item.satisfaction;
  return { mean: count ? round2(sum / count) : null, count };
}

/** An item as the API shows it: its progress at `now` (adopted items) and its mean rating. */
export function itemView(item: Item, now: Date, settings: Pick<TenThingsSettings, 'atRiskPoints' | 'behindPoints'>) {
  const progress: ItemProgress | undefined = item.stage === 'adopted' ? itemProgress(item, now, settings) : undefined;
  return { ...item, progress, satisfaction: { ...item.satisfaction, ...satisfactionOf(item) } };
}
export type ItemView = ReturnType<typeof itemView>;

export function planSummaryOf(views: readonly ItemView[]) {
  return planSummary(views.filter((v) => v.stage === 'adopted').map((v) => v.progress!));
}

/** What the public (QR code) page shows of an adopted item. */
export function publicItemView(item: Item, tenantName: string) {
  return {
    tenantName,
    year: item.year,
    title: item.title,
    description: item.description,
    targets: item.targets.map((t) => ({ indicator: t.indicator, unit: t.unit, comparator: t.comparator, target: t.target })),
    satisfaction: satisfactionOf(item),
  };
}

export function checkRateable(item: Item | undefined): Item {
  if (!item || item.stage !== 'adopted') throw itemNotFound();
  if (item.closedAt) throw conflict({ zh: '该计划已完成年终测评并结项，不再接受评价', en: 'The plan has been evaluated and closed; ratings are over' }, { reason: 'plan_closed', status: 'closed' });
  return item;
}
