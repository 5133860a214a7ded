import { atYearEnd, derivedIndicator, inYear, indicator, indicatorFamily, type Base, type DerivedIndicator, type Indicator } from '@ufp/core/rollups/indicators';
import { contractType, industry } from './domain/contract.js';

const contractsStock: Base = { module: 'contracts', kind: 'stock', unit: 'count', noun: { zh: '份', en: '' }, per: 'units' };
const contractsFlow: Base = { module: 'contracts', kind: 'flow', unit: 'count', noun: { zh: '份', en: '' }, per: 'units' };

/** The contracts indicators of the rollups (the module registers them). */
export const contractIndicators: readonly Indicator[] = [
  // 集体合同
  indicator('contracts.inForce', contractsStock, { zh: '生效集体合同', en: 'Contracts in force' }, { zh: `处于生效期（含即将到期）的集体合同份数${atYearEnd.zh}`, en: `Collective contracts in force, expiring ones included${atYearEnd.en}` }),
  ...indicatorFamily('contracts.inForce.byType.<type>', contractType.values, contractType.labels, contractsStock, (l) => ({ zh: `生效·${l.zh}`, en: `In force: ${l.en}` }), (l) => ({ zh: `生效的${l.zh}份数${atYearEnd.zh}`, en: `${l.en} contracts in force${atYearEnd.en}` })),
  ...indicatorFamily('contracts.inForce.byIndustry.<industry>', industry.values, industry.labels, contractsStock, (l) => ({ zh: `生效·${l.zh}`, en: `In force: ${l.en}` }), (l) => ({ zh: `适用行业为${l.zh}的生效集体合同份数${atYearEnd.zh}`, en: `Contracts in force in ${l.en}${atYearEnd.en}` })),
  indicator('contracts.coveredEmployees', { module: 'contracts', kind: 'stock', unit: 'people' }, { zh: '集体合同覆盖职工', en: 'Employees covered' }, { zh: `生效集体合同覆盖的职工人数合计${atYearEnd.zh}`, en: `Employees covered by contracts in force${atYearEnd.en}` }),
  indicator('contracts.coveredEnterprises', { ...contractsStock, noun: { zh: '家', en: '' } }, { zh: '集体合同覆盖企业', en: 'Enterprises covered' }, { zh: `生效集体合同覆盖的企业数合计${atYearEnd.zh}`, en: `Enterprises covered by contracts in force${atYearEnd.en}` }),
  indicator('contracts.unitsCovered', { ...contractsStock, noun: { zh: '家', en: '' }, per: undefined }, { zh: '已建制基层工会', en: 'Unions with a contract in force' }, { zh: `至少有一份生效集体合同的基层工会数${atYearEnd.zh}`, en: `Grassroots unions with at least one contract in force${atYearEnd.en}` }),
  indicator('contracts.wageGrowth.sumBp', { module: 'contracts', kind: 'stock', unit: 'basisPoints', format: 'integer' }, { zh: '约定工资增幅合计', en: 'Agreed wage growth (sum)' }, { zh: `生效合同约定工资增幅之和（基点）${atYearEnd.zh}`, en: `Sum of the agreed wage growth of contracts in force, in basis points${atYearEnd.en}` }),
  indicator('contracts.wageGrowth.count', { ...contractsStock, per: undefined }, { zh: '约定工资增幅合同数', en: 'Contracts agreeing wage growth' }, { zh: `约定了工资增幅的生效合同份数${atYearEnd.zh}`, en: `Contracts in force that agree a wage growth${atYearEnd.en}` }),
  indicator('contracts.expiring90', { ...contractsStock, per: undefined }, { zh: '90日内到期合同', en: 'Expiring within 90 days' }, { zh: `生效且距期满不足90日的合同份数${atYearEnd.zh}`, en: `Contracts in force whose term ends within 90 days${atYearEnd.en}` }),
  indicator('contracts.clocks.overdue', { module: 'contracts', kind: 'stock', unit: 'count', noun: { zh: '项', en: 'clocks' }, better: 'lower' }, { zh: '逾期法定时限', en: 'Overdue legal clocks' }, {
    zh: `逾期法定时限 = 已超过法定答复/报送/审查/公布期限（期限最后一日之次日起）仍未办结的集体合同事项数，协商代表空缺按每方计${atYearEnd.zh}`,
    en: `Overdue legal clocks = collective-contract duties (offer reply, representative refill, filing, review, publication) past their last day and not yet done, a vacancy counted per side${atYearEnd.en}`,
  }),
  // Timed duties as they ended (see `Outcome`), flows of the year of their due day (review: of the effect or objection).
  indicator('contracts.offers.replyDue', { ...contractsFlow, noun: { zh: '份', en: 'offers' }, per: undefined }, { zh: '应回应要约', en: 'Offers due a reply' }, {
    zh: `回应期限届满或已回应的协商要约数（按回应期限最后一日计入年度）${inYear.zh}`,
    en: `Offers to bargain replied to or past their 20-day reply period, by the year of the period's last day${inYear.en}`,
  }),
  indicator('contracts.offers.repliedInTime', { ...contractsFlow, noun: { zh: '份', en: 'offers' }, per: undefined }, { zh: '按期回应要约', en: 'Offers answered in time' }, {
    zh: `收到要约后20日内书面回应的要约数（《集体合同规定》第三十二条）${inYear.zh}`,
    en: `Offers answered in writing within 20 days (Art. 32)${inYear.en}`,
  }),
  indicator('contracts.review.deemedEffective', { ...contractsFlow, per: undefined }, { zh: '审查期满无异议生效', en: 'In effect with no objection' }, {
    zh: `报送后人社部门15日内未提出异议、期满自动生效的合同份数（第四十七条）${inYear.zh}`,
    en: `Contracts in effect because the HR bureau raised no objection in the 15-day review (Art. 47)${inYear.en}`,
  }),
  indicator('contracts.review.objected', { ...contractsFlow, per: undefined, better: 'lower' }, { zh: '审查提出异议', en: 'Objected to in review' }, {
    zh: `人社部门在审查期内提出异议、退回重新协商的次数（第四十六条）${inYear.zh}`,
    en: `Filings the HR bureau objected to within the review period, sent back to bargaining${inYear.en}`,
  }),
  indicator('contracts.checks.due', { ...contractsFlow, noun: { zh: '次', en: 'checks' }, per: undefined }, { zh: '应开展履约检查', en: 'Performance checks due' }, {
    zh: `合同年度届满（或已检查）的应开展年度履约检查次数（按合同年度最后一日计入年度）${inYear.zh}`,
    en: `Yearly performance checks due: contract years ended or checked, by the year of the contract year's last day${inYear.en}`,
  }),
  indicator('contracts.checks.onTime', { ...contractsFlow, noun: { zh: '次', en: 'checks' }, per: undefined }, { zh: '按期完成履约检查', en: 'Performance checks done in time' }, {
    zh: `在合同年度最后一日前完成的年度履约检查次数${inYear.zh}`,
    en: `Yearly performance checks done by the contract year's last day${inYear.en}`,
  }),
  indicator('contracts.created', contractsFlow, { zh: '新建集体合同', en: 'Contracts started' }, { zh: `新建（含续签发起）的集体合同份数${inYear.zh}`, en: `Contracts started, renewals included${inYear.en}` }),
  indicator('contracts.signed', contractsFlow, { zh: '签订集体合同（份）', en: 'Contracts signed' }, { zh: `双方首席代表签字的集体合同份数${inYear.zh}`, en: `Contracts signed by both chief representatives${inYear.en}` }),
  indicator('contracts.renewed', contractsFlow, { zh: '续签合同', en: 'Renewals started' }, { zh: `发起续签的集体合同份数${inYear.zh}`, en: `Renewals started${inYear.en}` }),
  indicator('contracts.expired', contractsFlow, { zh: '期满合同', en: 'Contracts expired' }, { zh: `期满终止的集体合同份数${inYear.zh}`, en: `Contracts whose term ended${inYear.en}` }),
  indicator('contracts.terminated', contractsFlow, { zh: '解除合同', en: 'Contracts terminated' }, { zh: `提前解除的集体合同份数${inYear.zh}`, en: `Contracts terminated early${inYear.en}` }),
];

const at = (key: string) => contractIndicators.find((i) => i.key === key)!;

export const contractDerivedIndicators: readonly DerivedIndicator[] = [
  derivedIndicator('contracts.coverageRate', at('contracts.unitsCovered'), 'units.count', 'basisPoints', { zh: '建制率', en: 'Coverage rate' }, {
    zh: '建制率 = 已签订集体合同（合同在生效期内）的基层工会 ÷ 基层工会总数',
    en: 'Coverage rate = grassroots unions with a collective contract in force ÷ all grassroots unions',
  }, 'higher'),
  derivedIndicator('contracts.wageGrowth.average', at('contracts.wageGrowth.sumBp'), 'contracts.wageGrowth.count', 'basisPoints', { zh: '平均约定工资增幅', en: 'Average agreed wage growth' }, {
    zh: '平均约定工资增幅 = 生效合同约定工资增幅之和 ÷ 约定了工资增幅的生效合同数',
    en: 'Average agreed wage growth = sum of the agreed growth ÷ contracts in force that agree one',
  }),
  derivedIndicator('contracts.offers.replyRate', at('contracts.offers.repliedInTime'), 'contracts.offers.replyDue', 'basisPoints', { zh: '要约按期回应率', en: 'Offer reply compliance' }, {
    zh: '要约按期回应率 = 20日内书面回应的要约 ÷ 已回应或回应期限届满的要约',
    en: 'Offer reply compliance = offers answered within 20 days ÷ offers answered or past their reply period',
  }, 'higher'),
  derivedIndicator('contracts.checks.rate', at('contracts.checks.onTime'), 'contracts.checks.due', 'basisPoints', { zh: '履约检查按期完成率', en: 'Performance checks done in time' }, {
    zh: '履约检查按期完成率 = 按期完成的年度履约检查 ÷ 应开展的年度履约检查',
    en: 'Performance-check rate = yearly checks done by the contract year\'s last day ÷ checks due',
  }, 'higher'),
];
