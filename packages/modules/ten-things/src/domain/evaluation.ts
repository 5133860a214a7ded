import { conflict, invalid } from '@ufp/core/errors';
import { planClosed } from '../events.js';
import type { Item, Plan } from './model.js';
import { withoutItems, type Decided, type PlanWithItems } from './plan.js';
import { PlanStatus } from './model.js';

/** One adopted item's year-end 测评 tally: the representatives' 满意 / 基本满意 / 不满意 forms. */
export interface ItemEvaluation {
  satisfied: number;
  basic: number;
  dissatisfied: number;
}

export interface EvaluationInput {
  /** Representatives who returned a form. */
  respondents: number;
  items: ({ itemId: string } & ItemEvaluation)[];
}

/** A closed plan refuses every change, naming its state. */
export const planClosedError = () => conflict({ zh: '计划已结项，不能再修改', en: 'The plan is closed; it cannot be changed' }, { reason: 'plan_closed', status: 'closed' });

/** Items of a closed plan take no report, correction, 责任状 or evidence. */
export function checkItemOpen(item: Pick<Item, 'closedAt'>): void {
  if (item.closedAt) throw planClosedError();
}

function checkAdopted(plan: Plan): void {
  if (plan.status === 'closed') throw planClosedError();
  if (plan.status !== 'adopted') {
    throw conflict({ zh: `计划${PlanStatus.label(plan.status)}，尚未完成票决`, en: `The plan is ${PlanStatus.label(plan.status, 'en').toLowerCase()}; its vote is not complete` }, { reason: 'not_adopted', status: plan.status });
  }
}

/** The least number of representatives whose forms make the 测评 valid: `floorPercent` of those called, rounded up. */
export const evaluationFloor = (representativesTotal: number, floorPercent: number): number => Math.ceil((representativesTotal * floorPercent) / 100);

/**
 * The year-end 测评 of an adopted plan, by the representatives who voted it: enough of them (the floor, a tenant
 * setting), one tally per adopted item and none for any other, no item with more forms than respondents.
 */
export function checkEvaluation(plan: PlanWithItems, input: EvaluationInput, floorPercent: number): void {
  checkAdopted(plan);
  const total = plan.vote!.representativesTotal;
  if (input.respondents > total) {
    throw invalid({ zh: `参评代表不能多于应到代表 ${total} 人`, en: `Respondents cannot exceed the ${total} representatives` }, { field: 'respondents' });
  }
  const floor = evaluationFloor(total, floorPercent);
  if (input.respondents < floor) {
    throw invalid(
      { zh: `参评代表 ${input.respondents} 人，少于应到代表 ${total} 人的 ${floorPercent}%（至少 ${floor} 人），测评无效`, en: `${input.respondents} respondents is under ${floorPercent}% of the ${total} representatives (at least ${floor}): the evaluation is not valid` },
      { field: 'respondents', floor },
    );
  }
  const adopted = new Map(plan.items.filter((i) => i.stage === 'adopted').map((i) => [i.itemId, i]));
  const seen = new Set<string>();
  input.items.forEach((row, i) => {
    const item = adopted.get(row.itemId);
    if (!item) throw invalid({ zh: '只测评本计划票决通过的项目', en: 'Only the adopted items of this plan are evaluated' }, { field: `items.${i}.itemId` });
    if (seen.has(row.itemId)) throw invalid({ zh: `「${item.title}」重复填写`, en: `"${item.title}" is listed twice` }, { field: `items.${i}.itemId` });
    seen.add(row.itemId);
    const forms = row.satisfied + row.basic + row.dissatisfied;
    if (forms > input.respondents) {
      throw invalid({ zh: `「${item.title}」的测评票数合计 ${forms}，多于参评代表 ${input.respondents} 人`, en: `"${item.title}" has ${forms} forms, more than the ${input.respondents} respondents` }, { field: `items.${i}` });
    }
  });
  const missing = [...adopted.values()].find((item) => !seen.has(item.itemId));
  if (missing) throw invalid({ zh: `缺少「${missing.title}」的测评结果`, en: `The evaluation of "${missing.title}" is missing` }, { field: 'items' });
}

/** 满意率: 满意 and 基本满意 over the forms that answered, in basis points; undefined without any form. */
export function satisfactionBp(e: ItemEvaluation): number | undefined {
  const forms = e.satisfied + e.basic + e.dissatisfied;
  return forms ? Math.round(((e.satisfied + e.basic) * 10_000) / forms) : undefined;
}

/** The 测评 recorded on the plan and its items (recorded again until the plan is closed; the audit keeps each). */
export function recordEvaluation(before: PlanWithItems, input: EvaluationInput, floorPercent: number, by: string, now: Date): Decided {
  const rows = new Map(input.items.map((r) => [r.itemId, r]));
  const at = now.toISOString();
  const items = before.items.map((item) => {
    const row = rows.get(item.itemId);
    return row ? { ...item, evaluation: { satisfied: row.satisfied, basic: row.basic, dissatisfied: row.dissatisfied }, version: item.version + 1, updatedAt: at } : item;
  });
  const plan: Plan = {
    ...withoutItems(before),
    evaluation: { representativesTotal: before.vote!.representativesTotal, respondents: input.respondents, floorPercent, recordedAt: at, recordedBy: by },
    updatedAt: at,
  };
  return { after: { ...plan, items }, events: [], adopted: [] };
}

/** 结项: after the 测评, the plan and all its items are closed for good. */
export function closePlan(before: PlanWithItems, by: string, now: Date): Decided {
  checkAdopted(before);
  if (!before.evaluation) throw conflict({ zh: '须先录入年终测评结果，才能结项', en: 'Record the year-end evaluation before closing the plan' }, { reason: 'evaluation_missing' });
  const at = now.toISOString();
  const items = before.items.map((item) => ({ ...item, closedAt: at, version: item.version + 1, updatedAt: at }));
  const plan: Plan = { ...withoutItems(before), status: 'closed', closedAt: at, closedBy: by, updatedAt: at };
  const adopted = items.filter((i) => i.stage === 'adopted');
  return { after: { ...plan, items }, events: [planClosed.create({ planId: plan.planId, year: plan.year, items: adopted.length, done: adopted.filter((i) => i.status === 'done').length })], adopted: [] };
}

