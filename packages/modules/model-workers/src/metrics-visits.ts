import { indicator, type Base, type Indicator } from '@ufp/core/rollups/indicators';

const times: Base = { module: 'modelWorkers', kind: 'flow', unit: 'count', noun: { zh: '次', en: 'times' } };
const people: Base = { module: 'modelWorkers', kind: 'flow', unit: 'people' };

/** 劳模工匠助企行 (flow, from `modelWorkers.visit.logged`, counted in the visit's year): the national targets' figures. */
export const visitIndicators: readonly Indicator[] = [
  indicator('modelWorkers.visits', times, { zh: '助企行走访次数', en: 'Enterprise service visits' }, { zh: '本期劳模工匠深入企业开展技术服务的次数', en: 'Visits by model workers and craftsmen to enterprises in the period' }),
  indicator('modelWorkers.visits.workerTimes', people, { zh: '助企行劳模工匠人次', en: 'Model-worker visits (person-times)' }, { zh: '本期参加助企行走访的劳模工匠人次', en: 'Model workers and craftsmen taking part in visits in the period, counted per visit' }),
  indicator('modelWorkers.visits.problemsSolved', { ...times, noun: { zh: '个', en: 'problems' } }, { zh: '助企行解决技术难题数', en: 'Technical problems solved' }, { zh: '本期助企行走访解决的企业技术难题项数', en: 'Technical problems of enterprises solved on visits in the period' }),
  indicator('modelWorkers.visits.peopleTrained', people, { zh: '助企行培训职工人次', en: 'Workers trained (person-times)' }, { zh: '本期助企行走访中参加技能提升活动的职工人次', en: 'Workers taking part in skill-upgrade activities on visits in the period' }),
];
