import { contractTypeLabels, contractTypes, industries, industryLabels } from '../contracts/contract.js';
import { aidKindLabels, aidKinds, fundSourceLabels, fundSources } from '../hardship/rules.js';
import { tierLabels, tiers } from '../hardship/tier.js';
import { itemStatuses, itemStatusLabels } from '../ten-things/status.js';
import { unitTypeLabels, unitTypes } from '../units/unit.js';

/**
 * The indicator dictionary: every metric key an event can carry in `data.metrics`, what it means and how a
 * year's value is read from the per-year delta partitions (see `valuesForYear`).
 *
 * - `stock`: how many there are (units, members, households on file, contracts in force). A delta lands in the
 *   year the change happened; the value for year Y is the sum of the deltas of every year up to Y — the state
 *   at the end of Y, or now for the current year. It carries across the year boundary by construction.
 * - `flow`: how many happened in the year (grants, approvals, exits, contracts signed). The value for Y is the
 *   deltas of Y alone.
 * - `period`: the state of, or activity on, one year's own plan (十件实事: adopted items by status, their
 *   completion, the reports and ratings on them). Each delta carries the plan's year (`data.year`) whenever it
 *   happens, and the value for Y is the deltas of Y alone: 2026's plan is not 2027's, so nothing carries over.
 */
export type IndicatorKind = 'stock' | 'flow' | 'period';
export type IndicatorUnit = 'count' | 'people' | 'fen' | 'basisPoints' | 'days' | 'points';
/** How to show a value: an integer, fen as yuan, basis points as a percentage, or a number with one decimal (sums of basis points are integers: they are inputs of an average, not a rate). */
export type IndicatorFormat = 'integer' | 'yuan' | 'percent' | 'decimal1';
export type IndicatorModule = 'units' | 'hardship' | 'contracts' | 'tenThings';

interface Text {
  zh: string;
  en: string;
}

export interface Indicator {
  key: string;
  /** The family a key with an enum suffix belongs to, e.g. `hardship.aid.amountFen.<kind>`. */
  family?: string;
  module: IndicatorModule;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  format: IndicatorFormat;
  label: Text;
  definition: Text;
}

/** An indicator computed from two others: numerator × scale ÷ denominator (no value when the denominator is 0). */
export interface DerivedIndicator extends Omit<Indicator, 'family'> {
  numerator: string;
  denominator: string;
  scale: number;
  /** Decimal places kept (0 for basis points). */
  decimals: number;
}

type Base = Omit<Indicator, 'key' | 'family' | 'label' | 'definition' | 'format'> & { format?: IndicatorFormat };

const formatOf = (unit: IndicatorUnit): IndicatorFormat => (unit === 'fen' ? 'yuan' : unit === 'basisPoints' ? 'percent' : unit === 'days' || unit === 'points' ? 'decimal1' : 'integer');

function one(key: string, base: Base, label: Text, definition: Text): Indicator {
  return { key, module: base.module, kind: base.kind, unit: base.unit, format: base.format ?? formatOf(base.unit), label, definition };
}

/** A family: one indicator per value of the suffix's enum, labelled from that enum's own labels. */
function family<S extends string>(pattern: `${string}.<${string}>`, suffixes: readonly S[], labels: Record<S, Text>, base: Base, label: (l: Text) => Text, definition: (l: Text) => Text): Indicator[] {
  const prefix = pattern.slice(0, pattern.lastIndexOf('.<'));
  return suffixes.map((s) => ({ ...one(`${prefix}.${s}`, base, label(labels[s]), definition(labels[s])), family: pattern }));
}

const unitsStock: Base = { module: 'units', kind: 'stock', unit: 'count' };
const hardshipStock: Base = { module: 'hardship', kind: 'stock', unit: 'count' };
const hardshipFlow: Base = { module: 'hardship', kind: 'flow', unit: 'count' };
const aidFen: Base = { module: 'hardship', kind: 'flow', unit: 'fen' };
const contractsStock: Base = { module: 'contracts', kind: 'stock', unit: 'count' };
const contractsFlow: Base = { module: 'contracts', kind: 'flow', unit: 'count' };
const plan: Base = { module: 'tenThings', kind: 'period', unit: 'count' };

const atYearEnd = { zh: '（期末时点数：当年为截至目前）', en: ' (at the end of the year; this year: as of now)' };
const inYear = { zh: '（当年累计）', en: ' (during the year)' };
const ofPlan = { zh: '（当年度十件实事计划）', en: " (the year's ten-things plan)" };

export const indicators: readonly Indicator[] = [
  // 基层工会
  one('units.count', unitsStock, { zh: '基层工会数', en: 'Grassroots unions' }, { zh: `已建立的基层工会总数${atYearEnd.zh}`, en: `Grassroots unions established${atYearEnd.en}` }),
  one('units.members', { ...unitsStock, unit: 'people' }, { zh: '会员人数', en: 'Members' }, { zh: `基层工会会员人数合计${atYearEnd.zh}`, en: `Members of the grassroots unions${atYearEnd.en}` }),
  ...family('units.byType.<type>', unitTypes, unitTypeLabels, unitsStock, (l) => ({ zh: l.zh, en: l.en }), (l) => ({ zh: `${l.zh}数${atYearEnd.zh}`, en: `${l.en}s${atYearEnd.en}` })),

  // 困难职工帮扶
  one('hardship.households', hardshipStock, { zh: '在档困难职工户数', en: 'Households on file' }, { zh: `经审核建档、尚未脱困的困难职工家庭户数${atYearEnd.zh}`, en: `Hardship households approved and not exited${atYearEnd.en}` }),
  ...family('hardship.households.<tier>', tiers, tierLabels, hardshipStock, (l) => ({ zh: `在档户数·${l.zh}`, en: `On file: ${l.en}` }), (l) => ({ zh: `在档困难职工家庭中${l.zh}户数${atYearEnd.zh}`, en: `Households on file classified ${l.en}${atYearEnd.en}` })),
  one('hardship.approvals', hardshipFlow, { zh: '审核建档户数', en: 'Files approved' }, { zh: `审核通过并建档的困难职工家庭户数${inYear.zh}`, en: `Hardship files approved${inYear.en}` }),
  one('hardship.daysToApproval', { ...hardshipFlow, unit: 'days', format: 'integer' }, { zh: '申请至建档天数合计', en: 'Days from application to approval (sum)' }, { zh: `当年建档的档案从提交申请到审核建档的天数之和${inYear.zh}`, en: `Sum over the year's approvals of the days from submission to approval` }),
  one('hardship.exits', hardshipFlow, { zh: '脱困户数', en: 'Households exited' }, { zh: `办理解困脱困退出的户数${inYear.zh}`, en: `Households that exited hardship${inYear.en}` }),
  one('hardship.reentries', hardshipFlow, { zh: '返困户数', en: 'Households re-entered' }, { zh: `脱困后返困重新建档的户数${inYear.zh}`, en: `Exited households back on file${inYear.en}` }),
  one('hardship.aid.grants', hardshipFlow, { zh: '帮扶发放笔数', en: 'Grants made' }, { zh: `帮扶资金发放笔数${inYear.zh}`, en: `Assistance grants made${inYear.en}` }),
  one('hardship.aid.amountFen', aidFen, { zh: '帮扶资金发放额', en: 'Assistance granted' }, { zh: `帮扶资金发放金额合计${inYear.zh}`, en: `Assistance granted${inYear.en}` }),
  ...family('hardship.aid.amountFen.<kind>', aidKinds, aidKindLabels, aidFen, (l) => ({ zh: `发放额·${l.zh}`, en: `Granted: ${l.en}` }), (l) => ({ zh: `${l.zh}发放金额${inYear.zh}`, en: `${l.en} granted${inYear.en}` })),
  ...family('hardship.aid.amountFen.source.<source>', fundSources, fundSourceLabels, aidFen, (l) => ({ zh: `发放额·${l.zh}`, en: `Granted from: ${l.en}` }), (l) => ({ zh: `使用${l.zh}发放的金额${inYear.zh}`, en: `Granted from ${l.en}${inYear.en}` })),

  // 集体合同
  one('contracts.inForce', contractsStock, { zh: '生效集体合同', en: 'Contracts in force' }, { zh: `处于生效期（含即将到期）的集体合同份数${atYearEnd.zh}`, en: `Collective contracts in force, expiring ones included${atYearEnd.en}` }),
  ...family('contracts.inForce.byType.<type>', contractTypes, contractTypeLabels, contractsStock, (l) => ({ zh: `生效·${l.zh}`, en: `In force: ${l.en}` }), (l) => ({ zh: `生效的${l.zh}份数${atYearEnd.zh}`, en: `${l.en} contracts in force${atYearEnd.en}` })),
  ...family('contracts.inForce.byIndustry.<industry>', industries, industryLabels, contractsStock, (l) => ({ zh: `生效·${l.zh}`, en: `In force: ${l.en}` }), (l) => ({ zh: `适用行业为${l.zh}的生效集体合同份数${atYearEnd.zh}`, en: `Contracts in force in ${l.en}${atYearEnd.en}` })),
  one('contracts.coveredEmployees', { ...contractsStock, unit: 'people' }, { zh: '集体合同覆盖职工', en: 'Employees covered' }, { zh: `生效集体合同覆盖的职工人数合计${atYearEnd.zh}`, en: `Employees covered by contracts in force${atYearEnd.en}` }),
  one('contracts.coveredEnterprises', contractsStock, { zh: '集体合同覆盖企业', en: 'Enterprises covered' }, { zh: `生效集体合同覆盖的企业数合计${atYearEnd.zh}`, en: `Enterprises covered by contracts in force${atYearEnd.en}` }),
  one('contracts.unitsCovered', contractsStock, { zh: '已建制基层工会', en: 'Unions with a contract in force' }, { zh: `至少有一份生效集体合同的基层工会数${atYearEnd.zh}`, en: `Grassroots unions with at least one contract in force${atYearEnd.en}` }),
  one('contracts.wageGrowth.sumBp', { ...contractsStock, unit: 'basisPoints', format: 'integer' }, { zh: '约定工资增幅合计', en: 'Agreed wage growth (sum)' }, { zh: `生效合同约定工资增幅之和（基点）${atYearEnd.zh}`, en: `Sum of the agreed wage growth of contracts in force, in basis points${atYearEnd.en}` }),
  one('contracts.wageGrowth.count', contractsStock, { zh: '约定工资增幅合同数', en: 'Contracts agreeing wage growth' }, { zh: `约定了工资增幅的生效合同份数${atYearEnd.zh}`, en: `Contracts in force that agree a wage growth${atYearEnd.en}` }),
  one('contracts.expiring90', contractsStock, { zh: '90日内到期合同', en: 'Expiring within 90 days' }, { zh: `生效且距期满不足90日的合同份数${atYearEnd.zh}`, en: `Contracts in force whose term ends within 90 days${atYearEnd.en}` }),
  one('contracts.created', contractsFlow, { zh: '新建集体合同', en: 'Contracts started' }, { zh: `新建（含续签发起）的集体合同份数${inYear.zh}`, en: `Contracts started, renewals included${inYear.en}` }),
  one('contracts.signed', contractsFlow, { zh: '签订集体合同（份）', en: 'Contracts signed' }, { zh: `双方首席代表签字的集体合同份数${inYear.zh}`, en: `Contracts signed by both chief representatives${inYear.en}` }),
  one('contracts.renewed', contractsFlow, { zh: '续签合同', en: 'Renewals started' }, { zh: `发起续签的集体合同份数${inYear.zh}`, en: `Renewals started${inYear.en}` }),
  one('contracts.expired', contractsFlow, { zh: '期满合同', en: 'Contracts expired' }, { zh: `期满终止的集体合同份数${inYear.zh}`, en: `Contracts whose term ended${inYear.en}` }),
  one('contracts.terminated', contractsFlow, { zh: '解除合同', en: 'Contracts terminated' }, { zh: `提前解除的集体合同份数${inYear.zh}`, en: `Contracts terminated early${inYear.en}` }),

  // 十件实事
  one('tenThings.items.adopted', plan, { zh: '实事项目数', en: 'Items adopted' }, { zh: `职代会票决确定的实事项目数${ofPlan.zh}`, en: `Items adopted by the congress vote${ofPlan.en}` }),
  ...family('tenThings.items.<status>', itemStatuses, itemStatusLabels, plan, (l) => ({ zh: `实事项目·${l.zh}`, en: `Items ${l.en}` }), (l) => ({ zh: `当前状态为「${l.zh}」的实事项目数${ofPlan.zh}`, en: `Items now ${l.en}${ofPlan.en}` })),
  one('tenThings.completionBp', { ...plan, unit: 'basisPoints', format: 'integer' }, { zh: '完成度合计', en: 'Completion (sum)' }, { zh: `各实事项目完成度之和（基点，100% = 10000）${ofPlan.zh}`, en: `Sum of the items' completion in basis points (100% = 10,000)${ofPlan.en}` }),
  one('tenThings.progress.reports', plan, { zh: '进度填报次数', en: 'Progress reports' }, { zh: `对实事项目的进度填报（含自动关联）次数${ofPlan.zh}`, en: `Progress reports, linked ones included${ofPlan.en}` }),
  one('tenThings.progress.corrections', plan, { zh: '冲正次数', en: 'Corrections' }, { zh: `对进度记录的冲正次数${ofPlan.zh}`, en: `Corrections of progress entries${ofPlan.en}` }),
  one('tenThings.ratings', plan, { zh: '群众评价次数', en: 'Public ratings' }, { zh: `群众满意度评价次数${ofPlan.zh}`, en: `Public satisfaction ratings${ofPlan.en}` }),
  one('tenThings.ratingSum', { ...plan, unit: 'points' }, { zh: '评价分合计', en: 'Rating points (sum)' }, { zh: `群众评价分值（1–5分）之和${ofPlan.zh}`, en: `Sum of the 1–5 ratings${ofPlan.en}` }),
];

function derived(key: string, numerator: string, denominator: string, unit: IndicatorUnit, label: Text, definition: Text): DerivedIndicator {
  const n = indicatorOf(numerator)!;
  return { key, module: n.module, kind: n.kind, unit, format: formatOf(unit), label, definition, numerator, denominator, scale: unit === 'basisPoints' && n.unit !== 'basisPoints' ? 10_000 : 1, decimals: unit === 'basisPoints' ? 0 : 1 };
}

const byKey = new Map(indicators.map((i) => [i.key, i]));

/** The dictionary entry of a metric key; undefined for a key no emitter produces. */
export function indicatorOf(key: string): Indicator | undefined {
  return byKey.get(key);
}

export const derivedIndicators: readonly DerivedIndicator[] = [
  derived('contracts.coverageRate', 'contracts.unitsCovered', 'units.count', 'basisPoints', { zh: '建制率', en: 'Coverage rate' }, {
    zh: '建制率 = 已签订集体合同（合同在生效期内）的基层工会 ÷ 基层工会总数',
    en: 'Coverage rate = grassroots unions with a collective contract in force ÷ all grassroots unions',
  }),
  derived('contracts.wageGrowth.average', 'contracts.wageGrowth.sumBp', 'contracts.wageGrowth.count', 'basisPoints', { zh: '平均约定工资增幅', en: 'Average agreed wage growth' }, {
    zh: '平均约定工资增幅 = 生效合同约定工资增幅之和 ÷ 约定了工资增幅的生效合同数',
    en: 'Average agreed wage growth = sum of the agreed growth ÷ contracts in force that agree one',
  }),
  derived('hardship.averageDaysToApproval', 'hardship.daysToApproval', 'hardship.approvals', 'days', { zh: '平均建档用时（天）', en: 'Average days to approval' }, {
    zh: '平均建档用时 = 当年建档档案从申请到建档的天数之和 ÷ 当年建档户数',
    en: "Average days to approval = the year's days from application to approval ÷ the year's approvals",
  }),
  derived('tenThings.averageCompletion', 'tenThings.completionBp', 'tenThings.items.adopted', 'basisPoints', { zh: '平均完成度', en: 'Average completion' }, {
    zh: '平均完成度 = 各实事项目完成度之和 ÷ 实事项目数',
    en: 'Average completion = sum of the items’ completion ÷ items adopted',
  }),
  derived('tenThings.satisfaction', 'tenThings.ratingSum', 'tenThings.ratings', 'points', { zh: '群众满意度（5分制）', en: 'Public satisfaction (of 5)' }, {
    zh: '群众满意度 = 评价分合计 ÷ 评价次数',
    en: 'Public satisfaction = rating points ÷ ratings',
  }),
];

/** How a key's deltas are read: a key outside the dictionary reads as a flow (its own year only). */
export function kindOf(key: string): IndicatorKind {
  return byKey.get(key)?.kind ?? 'flow';
}

export interface YearDeltas {
  year: number;
  metrics: Record<string, number>;
}

/**
 * A year's values from per-year delta partitions: a stock sums the deltas of every year up to and including
 * `year` (the state at the end of the year), a flow or a period indicator takes that year's deltas alone.
 * Partitions of later years are ignored. Exact under at-least-once, unordered delivery: every delta lands in
 * the partition of the year it belongs to, whenever it is processed, and addition commutes.
 */
export function valuesForYear(year: number, partitions: readonly YearDeltas[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partitions) {
    if (p.year > year) continue;
    for (const [key, delta] of Object.entries(p.metrics)) {
      if (p.year === year || kindOf(key) === 'stock') out[key] = (out[key] ?? 0) + delta;
    }
  }
  return out;
}

/** The derived indicators of a set of values; null where the denominator is 0 or absent. */
export function derivedValues(values: Record<string, number>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const d of derivedIndicators) {
    const denominator = values[d.denominator] ?? 0;
    const factor = 10 ** d.decimals;
    out[d.key] = denominator > 0 ? Math.round(((values[d.numerator] ?? 0) * d.scale * factor) / denominator) / factor : null;
  }
  return out;
}
