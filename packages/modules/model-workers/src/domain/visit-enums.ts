import { defineEnum } from '@ufp/kit/enum';

/** The 助企行 and 创新工作室 enumerations (zod-free: the console reads the labels). */

export const RequestStatus = defineEnum({
  open: { zh: '待匹配', en: 'Open' },
  matched: { zh: '已匹配', en: 'Matched' },
  in_progress: { zh: '服务中', en: 'In service' },
  closed: { zh: '已办结', en: 'Closed' },
});
export type RequestStatus = (typeof RequestStatus.values)[number];

export const StudioLevel = defineEnum({
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
});
export type StudioLevel = (typeof StudioLevel.values)[number];

/** The "七有" standard provinces name studios against. */
export const SevenHas = defineEnum({
  venue: { zh: '有场所', en: 'Premises' },
  equipment: { zh: '有设备', en: 'Equipment' },
  team: { zh: '有团队', en: 'Team' },
  projects: { zh: '有项目', en: 'Projects' },
  rules: { zh: '有制度', en: 'Rules' },
  funding: { zh: '有经费', en: 'Funding' },
  results: { zh: '有成果', en: 'Results' },
});
export type SevenHas = (typeof SevenHas.values)[number];

export const AchievementKind = defineEnum({
  patent: { zh: '专利', en: 'Patent' },
  innovation: { zh: '技术革新', en: 'Innovation' },
  result: { zh: '创新成果', en: 'Result' },
});

export const ReviewOutcome = defineEnum({
  excellent: { zh: '优秀', en: 'Excellent' },
  passed: { zh: '合格', en: 'Passed' },
  failed: { zh: '不合格', en: 'Failed' },
});
export type ReviewOutcome = (typeof ReviewOutcome.values)[number];

/** Why a 领衔人 needs attention: deceased, title revoked, or no honour in force. */
export const LeaderFlag = defineEnum({
  deceased: { zh: '领衔人已去世', en: 'Leader deceased' },
  revoked: { zh: '领衔人称号已撤销', en: "Leader's title revoked" },
  no_honour: { zh: '领衔人无有效荣誉', en: 'Leader holds no honour in force' },
});
export type LeaderFlag = (typeof LeaderFlag.values)[number];
