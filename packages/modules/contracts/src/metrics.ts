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
];
