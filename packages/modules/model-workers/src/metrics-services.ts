import { derivedIndicator, indicator, indicatorFamily, inYear, type Base, type DerivedIndicator, type Indicator } from '@ufp/core/rollups/indicators';
import { BenefitKind } from './domain/enums.js';

const counted: Base = { module: 'modelWorkers', kind: 'flow', unit: 'count', noun: { zh: '笔', en: 'grants' } };
const forms: Base = { ...counted, noun: { zh: '份', en: '' } };
const fen: Base = { module: 'modelWorkers', kind: 'flow', unit: 'fen' };
const people: Base = { module: 'modelWorkers', kind: 'flow', unit: 'people' };

/**
 * The services delivered to 劳模 (flow): benefits granted (count and fen, by kind, in the grant's year), 生活状况调查
 * submitted and those the hardship hand-over found below the hardship line (in the survey's year), and 疗休养 places
 * offered and used (in the year the batch starts). Counts and fen only, never a person.
 */
const places = indicator('modelWorkers.recuperation.places', people, { zh: '疗休养名额', en: 'Recuperation places offered' }, { zh: `当年开始的疗休养批次的名额之和${inYear.zh}`, en: `Places of the recuperation batches starting in the year${inYear.en}` });
const used = indicator('modelWorkers.recuperation.placesUsed', people, { zh: '疗休养已安排人数', en: 'Recuperation places used' }, {
  zh: `当年开始的疗休养批次中已安排的人数（取消安排的不计）${inYear.zh}`,
  en: `People placed in the recuperation batches starting in the year (cancellations deducted)${inYear.en}`,
});

export const serviceIndicators: readonly Indicator[] = [
  indicator('modelWorkers.benefits.grants', counted, { zh: '劳模待遇发放笔数', en: 'Benefit grants' }, { zh: `当年发放的劳模待遇笔数（按发放日期）${inYear.zh}`, en: `Benefits granted to 劳模 in the year (by grant date)${inYear.en}` }),
  ...indicatorFamily(
    'modelWorkers.benefits.grants.<kind>',
    BenefitKind.values,
    BenefitKind.labels,
    counted,
    (k) => ({ zh: `劳模待遇发放笔数·${k.zh}`, en: `Benefit grants: ${k.en}` }),
    (k) => ({ zh: `当年发放的${k.zh}笔数${inYear.zh}`, en: `${k.en} grants in the year${inYear.en}` }),
  ),
  indicator('modelWorkers.benefits.amountFen', fen, { zh: '劳模待遇发放额', en: 'Benefits granted (amount)' }, { zh: `当年发放的劳模待遇金额${inYear.zh}`, en: `Amount of the benefits granted to 劳模 in the year${inYear.en}` }),
  ...indicatorFamily(
    'modelWorkers.benefits.amountFen.<kind>',
    BenefitKind.values,
    BenefitKind.labels,
    fen,
    (k) => ({ zh: `劳模待遇发放额·${k.zh}`, en: `Benefits granted: ${k.en}` }),
    (k) => ({ zh: `当年发放的${k.zh}金额${inYear.zh}`, en: `Amount of ${k.en} granted in the year${inYear.en}` }),
  ),
  indicator('modelWorkers.surveys.submitted', forms, { zh: '生活状况调查份数', en: 'Life-status surveys submitted' }, { zh: `该年度提交的劳模生活状况调查份数（更正不重复计）${inYear.zh}`, en: `Life-status surveys submitted for the year (a correction is not counted again)${inYear.en}` }),
  indicator('modelWorkers.surveys.belowThreshold', forms, { zh: '低于困难标准转交份数', en: 'Surveys handed over below the hardship line' }, {
    zh: `该年度调查经困难帮扶模块按当年认定标准核算、低于困难标准的份数（已自动建立困难档案草稿或已有档案）${inYear.zh}`,
    en: `Surveys of the year that the hardship module found below its hardship line (a draft file opened, or one already open)${inYear.en}`,
  }),
  places,
  used,
];

/** 疗休养名额使用率: places used ÷ places offered, in basis points. */
export const serviceDerivedIndicators: readonly DerivedIndicator[] = [
  derivedIndicator('modelWorkers.recuperation.utilisation', used, 'modelWorkers.recuperation.places', 'basisPoints', { zh: '疗休养名额使用率', en: 'Recuperation places used (share)' }, {
    zh: '疗休养已安排人数 ÷ 疗休养名额',
    en: 'Recuperation places used ÷ places offered',
  }),
];
