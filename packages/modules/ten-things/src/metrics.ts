import { derivedIndicator, indicator, indicatorFamily, ofPlan, type Base, type DerivedIndicator, type Indicator } from '@ufp/core/rollups/indicators';
import { ItemStatus } from './domain/status.js';

const plan: Base = { module: 'tenThings', kind: 'period', unit: 'count', noun: { zh: '项', en: '' } };
const times: Base = { ...plan, noun: { zh: '次', en: 'times' } };

/** The tenThings indicators of the rollups (the module registers them). */
export const tenThingsIndicators: readonly Indicator[] = [
  // 十件实事
  indicator('tenThings.items.adopted', plan, { zh: '实事项目数', en: 'Items adopted' }, { zh: `职代会票决确定的实事项目数${ofPlan.zh}`, en: `Items adopted by the congress vote${ofPlan.en}` }),
  ...indicatorFamily('tenThings.items.<status>', ItemStatus.values, ItemStatus.labels, plan, (l) => ({ zh: `实事项目·${l.zh}`, en: `Items ${l.en}` }), (l) => ({ zh: `当前状态为「${l.zh}」的实事项目数${ofPlan.zh}`, en: `Items now ${l.en}${ofPlan.en}` })),
  indicator('tenThings.items.doneOnTime', { ...plan, better: 'higher' }, { zh: '按期完成项目数', en: 'Items done on time' }, { zh: `已完成且在截止日期（各指标截止日期中最晚者，默认12月31日）当天或之前全部指标达标的实事项目数${ofPlan.zh}`, en: `Items done whose every target was met on or before the item's due date (the last of its targets' deadlines, 31 December by default)${ofPlan.en}` }),
  indicator('tenThings.completionBp', { module: 'tenThings', kind: 'period', unit: 'basisPoints', format: 'integer' }, { zh: '完成度合计', en: 'Completion (sum)' }, { zh: `各实事项目完成度之和（基点，100% = 10000）${ofPlan.zh}`, en: `Sum of the items' completion in basis points (100% = 10,000)${ofPlan.en}` }),
  indicator('tenThings.progress.reports', times, { zh: '进度填报次数', en: 'Progress reports' }, { zh: `对实事项目的进度填报（含自动关联）次数${ofPlan.zh}`, en: `Progress reports, linked ones included${ofPlan.en}` }),
  indicator('tenThings.progress.corrections', times, { zh: '冲正次数', en: 'Corrections' }, { zh: `对进度记录的冲正次数${ofPlan.zh}`, en: `Corrections of progress entries${ofPlan.en}` }),
  indicator('tenThings.ratings', times, { zh: '群众评价次数', en: 'Public ratings' }, { zh: `群众满意度评价次数${ofPlan.zh}`, en: `Public satisfaction ratings${ofPlan.en}` }),
  indicator('tenThings.ratingSum', { module: 'tenThings', kind: 'period', unit: 'points' }, { zh: '评价分合计', en: 'Rating points (sum)' }, { zh: `群众评价分值（1–5分）之和${ofPlan.zh}`, en: `Sum of the 1–5 ratings${ofPlan.en}` }),
];

const at = (key: string) => tenThingsIndicators.find((i) => i.key === key)!;

export const tenThingsDerivedIndicators: readonly DerivedIndicator[] = [
  derivedIndicator('tenThings.averageCompletion', at('tenThings.completionBp'), 'tenThings.items.adopted', 'basisPoints', { zh: '平均完成度', en: 'Average completion' }, {
    zh: '平均完成度 = 各实事项目完成度之和 ÷ 实事项目数',
    en: 'Average completion = sum of the items’ completion ÷ items adopted',
  }, 'higher'),
  derivedIndicator('tenThings.onTimeRate', at('tenThings.items.doneOnTime'), 'tenThings.items.done', 'basisPoints', { zh: '按期完成率', en: 'On-time completion rate' }, {
    zh: '按期完成率 = 在截止日期当天或之前完成的实事项目数 ÷ 已完成的实事项目数',
    en: 'On-time completion rate = items completed on or before their due date ÷ items done',
  }, 'higher'),
  derivedIndicator('tenThings.satisfaction', at('tenThings.ratingSum'), 'tenThings.ratings', 'points', { zh: '群众满意度（5分制）', en: 'Public satisfaction (of 5)' }, {
    zh: '群众满意度 = 评价分合计 ÷ 评价次数',
    en: 'Public satisfaction = rating points ÷ ratings',
  }, 'higher'),
];
