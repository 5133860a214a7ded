import type { Text } from '@ufp/core/rollups/indicators';

/**
 * What a leader reads first and in which order: the headline band (the figures a 市总/省总 leader asks about in
 * a meeting) and one section per module, each with the figures and the chart that answer "how is this going".
 * Keys the dictionary does not hold (a module not registered) are left out when the page is built, so the
 * layout can name what a module will have before it is built.
 */
export type ChartKind = 'bars' | 'donut' | 'gauge';

export interface SectionLayout {
  module: string;
  title: Text;
  figures: readonly string[];
  charts: readonly ChartLayout[];
}

export interface ChartLayout {
  kind: ChartKind;
  title: Text;
  keys: readonly string[];
}

export const HEADLINE: readonly string[] = [
  'units.count',
  'units.members',
  'tenThings.averageCompletion',
  'tenThings.onTimeRate',
  'contracts.coverageRate',
  'hardship.households',
  'hardship.aid.amountFen',
  'modelWorkers.people',
  'competitions.contestants',
];

/** The headline shows at most this many figures: a band, not a wall. */
export const HEADLINE_MAX = 8;

const byType = ['enterprise', 'industry', 'regional', 'new_employment_form'].map((t) => `units.byType.${t}`);
const itemStatuses = ['done', 'on_track', 'at_risk', 'behind', 'overdue'].map((s) => `tenThings.items.${s}`);
const tiers = ['deep', 'relative', 'accidental'].map((t) => `hardship.households.${t}`);
const sources = ['central', 'province', 'city', 'county', 'union', 'social', 'model_worker'].map((s) => `hardship.aid.amountFen.source.${s}`);
const contractTypes = ['comprehensive', 'special', 'industry', 'regional'].map((t) => `contracts.inForce.byType.${t}`);
const honourLevels = ['national', 'provincial', 'city', 'county'].map((l) => `modelWorkers.people.${l}`);

export const SECTIONS: readonly SectionLayout[] = [
  {
    module: 'units',
    title: { zh: '基层组织', en: 'Grassroots unions' },
    figures: ['units.count', 'units.members'],
    charts: [{ kind: 'donut', title: { zh: '基层工会类型', en: 'Unions by type' }, keys: byType }],
  },
  {
    module: 'tenThings',
    title: { zh: '十件实事', en: 'Ten things' },
    figures: ['tenThings.items.adopted', 'tenThings.averageCompletion', 'tenThings.onTimeRate', 'tenThings.items.done', 'tenThings.items.behind', 'tenThings.items.overdue', 'tenThings.satisfaction'],
    charts: [{ kind: 'bars', title: { zh: '实事项目进度状态', en: 'Items by progress' }, keys: itemStatuses }],
  },
  {
    module: 'hardship',
    title: { zh: '困难职工帮扶', en: 'Hardship assistance' },
    figures: ['hardship.households', 'hardship.approvals', 'hardship.exits', 'hardship.aid.grants', 'hardship.aid.amountFen', 'hardship.budgetSpentRate', 'hardship.averageDaysToApproval'],
    charts: [
      { kind: 'donut', title: { zh: '在档户数·困难类型', en: 'Households by tier' }, keys: tiers },
      { kind: 'bars', title: { zh: '帮扶资金来源', en: 'Funds by source' }, keys: sources },
    ],
  },
  {
    module: 'contracts',
    title: { zh: '集体合同', en: 'Collective contracts' },
    figures: ['contracts.coverageRate', 'contracts.inForce', 'contracts.coveredEmployees', 'contracts.coveredEnterprises', 'contracts.signed', 'contracts.expiring90', 'contracts.wageGrowth.average'],
    charts: [{ kind: 'bars', title: { zh: '生效合同类型', en: 'Contracts in force by type' }, keys: contractTypes }],
  },
  {
    module: 'modelWorkers',
    title: { zh: '劳模工匠', en: 'Model workers' },
    figures: ['modelWorkers.people', 'modelWorkers.nominations.approved', 'modelWorkers.benefits.amountFen', 'modelWorkers.visits', 'modelWorkers.recuperation.utilisation'],
    charts: [{ kind: 'bars', title: { zh: '劳模工匠（按荣誉级别）', en: 'Honoured people by level' }, keys: honourLevels }],
  },
  {
    module: 'competitions',
    title: { zh: '技能竞赛', en: 'Skills competitions' },
    figures: ['competitions.eventsHeld', 'competitions.contestants', 'competitions.winners', 'competitions.gradeRaises', 'competitions.honoursRecommended'],
    charts: [{ kind: 'bars', title: { zh: '竞赛成果', en: 'Competition results' }, keys: ['competitions.contestants', 'competitions.winners', 'competitions.gradeRaises'] }],
  },
];
