import { derivedIndicator, indicator, indicatorFamily, inYear, type Base, type DerivedIndicator, type Indicator } from '@ufp/core/rollups/indicators';
import { HonourLevel, NominationStatus } from './domain/enums.js';
import { QuotaRule } from './domain/quota.js';

const flow: Base = { module: 'modelWorkers', kind: 'flow', unit: 'people' };
const campaignsFlow: Base = { module: 'modelWorkers', kind: 'flow', unit: 'count', noun: { zh: '次', en: 'campaigns' } };

/** What each step means in a definition ("…reached 县级审核通过 in the period"). */
const stepDefinition = (s: { zh: string; en: string }) => ({ zh: `本期评选推荐中进入「${s.zh}」的人次${inYear.zh}`, en: `Nominations that reached ${s.en} in the period${inYear.en}` });

/**
 * Nominations through the campaigns (flow, one delta per step from the step's event): 基层推荐, 县审核, 审批, 退回 and
 * 撤回, in all and by the campaign's honour level. `modelWorkers.nominations.approved` keeps its meaning (from
 * `nominationApproved`).
 */
const nominationIndicators: Indicator[] = NominationStatus.values.flatMap((status) => {
  const s = NominationStatus.labels[status];
  return [
    indicator(`modelWorkers.nominations.${status}`, flow, { zh: `评选推荐·${s.zh}`, en: `Nominations: ${s.en}` }, stepDefinition(s)),
    ...indicatorFamily(
      `modelWorkers.nominations.${status}.<level>`,
      HonourLevel.values,
      HonourLevel.labels,
      flow,
      (l) => ({ zh: `评选推荐·${s.zh}·${l.zh}`, en: `Nominations: ${s.en}: ${l.en}` }),
      (l) => ({ zh: `本期${l.zh}荣誉评选中进入「${s.zh}」的人次${inYear.zh}`, en: `Nominations for an honour of ${l.en} level that reached ${s.en} in the period${inYear.en}` }),
    ),
  ];
});

const checked = indicator('modelWorkers.quota.campaigns', campaignsFlow, { zh: '名额结构核查评选数', en: 'Campaigns checked against their quota' }, {
  zh: `本期开始审批的评选数：每次评选在首位人选审批通过时，按当时的推荐名单核查一次名额结构${inYear.zh}`,
  en: `Campaigns whose approvals began in the period: each campaign's list is checked against its quota once, when its first nominee is approved${inYear.en}`,
});

/**
 * Quota compliance (flow of campaigns, recorded once per campaign at its first approval): how many campaigns were
 * checked, how many kept every rule and the places, and per rule how many kept or broke it. Counts of campaigns
 * only: a province reads them without any person's data.
 */
const held = indicator('modelWorkers.quota.campaignsHeld', campaignsFlow, { zh: '名额结构全部符合的评选数', en: 'Campaigns that kept their quota' }, {
    zh: `审批开始时推荐名单符合全部名额结构要求且未超名额的评选数${inYear.zh}`,
    en: `Campaigns whose list kept every quota rule and the places when approval began${inYear.en}`,
  });

const quotaIndicators: Indicator[] = [
  checked,
  held,
  ...(['held', 'broken'] as const).flatMap((outcome) => {
    const o = outcome === 'held' ? { zh: '符合', en: 'kept' } : { zh: '未符合', en: 'broke' };
    return [
      ...indicatorFamily(
        `modelWorkers.quota.${outcome}.<rule>`,
        QuotaRule.values,
        QuotaRule.labels,
        campaignsFlow,
        (l) => ({ zh: `${l.zh}·${o.zh}的评选数`, en: `Campaigns that ${o.en}: ${l.en}` }),
        (l) => ({ zh: `审批开始时推荐名单${o.zh}「${l.zh}」要求的评选数（未设该项要求的评选不计）${inYear.zh}`, en: `Campaigns whose list ${o.en} the rule "${l.en}" when approval began (campaigns without the rule not counted)${inYear.en}` }),
      ),
      indicator(`modelWorkers.quota.places.${outcome}`, campaignsFlow, { zh: `推荐人数${outcome === 'held' ? '未超' : '超出'}名额的评选数`, en: `Campaigns ${outcome === 'held' ? 'within' : 'over'} their places` }, {
        zh: `审批开始时推荐人数${outcome === 'held' ? '不超过' : '超过'}所分配名额的评选数${inYear.zh}`,
        en: `Campaigns whose list was ${outcome === 'held' ? 'within' : 'over'} the places allotted when approval began${inYear.en}`,
      }),
    ];
  }),
];

export const campaignIndicators: readonly Indicator[] = [...nominationIndicators, ...quotaIndicators];

/** 名额结构符合率: campaigns that kept their quota ÷ campaigns checked, in basis points. */
export const campaignDerivedIndicators: readonly DerivedIndicator[] = [
  derivedIndicator('modelWorkers.quota.complianceRate', held, 'modelWorkers.quota.campaigns', 'basisPoints', { zh: '名额结构符合率', en: 'Quota compliance rate' }, {
    zh: '名额结构全部符合的评选数 ÷ 名额结构核查评选数',
    en: 'Campaigns that kept their quota ÷ campaigns checked',
  }),
];
