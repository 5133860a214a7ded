import { indicator, type Base, type Indicator } from '@ufp/core/rollups/indicators';

const count: Base = { module: 'competitions', kind: 'flow', unit: 'count', noun: { zh: '项', en: '' } };
const people: Base = { module: 'competitions', kind: 'flow', unit: 'people', per: 'members', better: 'higher' };

/** 技能竞赛 (flows, counted in the competition's year). No personal data: counts by trade and level are suffixes of keys. */
export const competitionIndicators: readonly Indicator[] = [
  indicator('competitions.contestants', people, { zh: '参赛选手人次', en: 'Contestants (entries)' }, { zh: '本期各赛项报名参赛的选手人次', en: 'Contestants registered for events in the period, counted per event' }),
  indicator('competitions.eventsHeld', count, { zh: '举办竞赛赛项数', en: 'Competition events held' }, { zh: '本期成绩确认为最终成绩的赛项数', en: 'Competition events whose results became final in the period' }),
  indicator('competitions.winners', people, { zh: '获奖选手人数', en: 'Prize winners' }, { zh: '本期最终成绩中获奖次或荣誉推荐的选手人数', en: 'Contestants given a prize place or an honour recommendation in final results of the period' }),
  indicator('competitions.honoursRecommended', count, { zh: '竞赛推荐荣誉数', en: 'Honours recommended by competitions' }, { zh: '本期最终成绩按荣誉规则产生的荣誉推荐数', en: 'Honour recommendations produced by final results under the honour rules in the period' }),
  indicator('competitions.gradeRaises', people, { zh: '竞赛晋升技能等级人数', en: 'Skill-grade raises from competitions' }, { zh: '本期最终成绩按规则晋升一级职业技能等级的人数', en: 'Contestants raised one skill grade by final results in the period' }),
];
