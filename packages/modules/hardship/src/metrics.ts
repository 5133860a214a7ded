import { atYearEnd, derivedIndicator, inYear, indicator, indicatorFamily, type Base, type DerivedIndicator, type Indicator } from '@ufp/core/rollups/indicators';
import { aidKindLabels, aidKinds, fundSourceLabels, fundSources } from './domain/rules.js';
import { tierLabels, tiers } from './domain/tier.js';

const hardshipStock: Base = { module: 'hardship', kind: 'stock', unit: 'count', noun: { zh: '户', en: 'households' }, per: 'members' };
const hardshipFlow: Base = { module: 'hardship', kind: 'flow', unit: 'count', noun: { zh: '户', en: 'households' }, per: 'members' };
const aidFen: Base = { module: 'hardship', kind: 'flow', unit: 'fen', per: 'members' };
/** Overdue clocks are an alert: raw counts, fewer is better. */
const overdueClocks: Base = { module: 'hardship', kind: 'stock', unit: 'count', noun: { zh: '项', en: 'clocks' }, better: 'lower' };

/** The hardship indicators of the rollups (the module registers them). */
export const hardshipIndicators: readonly Indicator[] = [
  // 困难职工帮扶
  indicator('hardship.households', hardshipStock, { zh: '在档困难职工户数', en: 'Households on file' }, { zh: `经审核建档、尚未脱困的困难职工家庭户数${atYearEnd.zh}`, en: `Hardship households approved and not exited${atYearEnd.en}` }),
  ...indicatorFamily('hardship.households.<tier>', tiers, tierLabels, hardshipStock, (l) => ({ zh: `在档户数·${l.zh}`, en: `On file: ${l.en}` }), (l) => ({ zh: `在档困难职工家庭中${l.zh}户数${atYearEnd.zh}`, en: `Households on file classified ${l.en}${atYearEnd.en}` })),
  indicator('hardship.approvals', hardshipFlow, { zh: '审核建档户数', en: 'Files approved' }, { zh: `审核通过并建档的困难职工家庭户数${inYear.zh}`, en: `Hardship files approved${inYear.en}` }),
  indicator('hardship.daysToApproval', { module: 'hardship', kind: 'flow', unit: 'days', format: 'integer' }, { zh: '申请至建档天数合计', en: 'Days from application to approval (sum)' }, { zh: `当年建档的档案从提交申请到审核建档的天数之和${inYear.zh}`, en: `Sum over the year's approvals of the days from submission to approval` }),
  indicator('hardship.exits', hardshipFlow, { zh: '脱困户数', en: 'Households exited' }, { zh: `办理解困脱困退出的户数${inYear.zh}`, en: `Households that exited hardship${inYear.en}` }),
  indicator('hardship.reentries', hardshipFlow, { zh: '返困户数', en: 'Households re-entered' }, { zh: `脱困后返困重新建档的户数${inYear.zh}`, en: `Exited households back on file${inYear.en}` }),
  indicator('hardship.aid.grants', { ...hardshipFlow, noun: { zh: '笔', en: 'grants' } }, { zh: '帮扶发放笔数', en: 'Grants made' }, { zh: `帮扶资金发放笔数${inYear.zh}`, en: `Assistance grants made${inYear.en}` }),
  indicator('hardship.aid.amountFen', aidFen, { zh: '帮扶资金发放额', en: 'Assistance granted' }, { zh: `帮扶资金发放金额合计${inYear.zh}`, en: `Assistance granted${inYear.en}` }),
  ...indicatorFamily('hardship.aid.amountFen.<kind>', aidKinds, aidKindLabels, aidFen, (l) => ({ zh: `发放额·${l.zh}`, en: `Granted: ${l.en}` }), (l) => ({ zh: `${l.zh}发放金额${inYear.zh}`, en: `${l.en} granted${inYear.en}` })),
  ...indicatorFamily('hardship.aid.amountFen.source.<source>', fundSources, fundSourceLabels, aidFen, (l) => ({ zh: `发放额·${l.zh}`, en: `Granted from: ${l.en}` }), (l) => ({ zh: `使用${l.zh}发放的金额${inYear.zh}`, en: `Granted from ${l.en}${inYear.en}` })),
  indicator('hardship.budgetFen', aidFen, { zh: '帮扶资金预算', en: 'Assistance budget' }, { zh: `当年各资金来源设定的帮扶资金预算合计（预算调整按差额计入）${inYear.zh}`, en: `The year's assistance budgets over every fund source (a change counts by its difference)${inYear.en}` }),
  ...indicatorFamily('hardship.budgetFen.source.<source>', fundSources, fundSourceLabels, aidFen, (l) => ({ zh: `预算·${l.zh}`, en: `Budget: ${l.en}` }), (l) => ({ zh: `${l.zh}当年帮扶资金预算${inYear.zh}`, en: `The year's ${l.en} assistance budget${inYear.en}` })),
  indicator('hardship.clocks.overdue', overdueClocks, { zh: '逾期帮扶时限', en: 'Overdue hardship clocks' }, {
    zh: `逾期帮扶时限 = 已超过期限（入户调查、年度复核、脱困回访的最后一日之次日起）仍未办结的事项数${atYearEnd.zh}`,
    en: `Overdue hardship clocks = investigations, yearly re-verifications and post-exit follow-ups past their last day and not yet done${atYearEnd.en}`,
  }),
];

const at = (key: string) => hardshipIndicators.find((i) => i.key === key)!;

export const hardshipDerivedIndicators: readonly DerivedIndicator[] = [
  derivedIndicator('hardship.averageDaysToApproval', at('hardship.daysToApproval'), 'hardship.approvals', 'days', { zh: '平均建档用时（天）', en: 'Average days to approval' }, {
    zh: '平均建档用时 = 当年建档档案从申请到建档的天数之和 ÷ 当年建档户数',
    en: "Average days to approval = the year's days from application to approval ÷ the year's approvals",
  }, 'lower'),
  derivedIndicator('hardship.budgetSpentRate', at('hardship.aid.amountFen'), 'hardship.budgetFen', 'basisPoints', { zh: '帮扶资金使用率', en: 'Assistance budget spent' }, {
    zh: '帮扶资金使用率 = 当年帮扶资金发放额 ÷ 当年帮扶资金预算',
    en: "Assistance budget spent = the year's assistance granted ÷ the year's assistance budget",
  }),
];
