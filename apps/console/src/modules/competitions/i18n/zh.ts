// The 技能竞赛 pages' labels (zh-CN, the source); keys start with `competitions.`. `en.ts` must provide each.
import { judgingZh } from './judging-zh';

export const zh = {
  ...judgingZh,
  'competitions.nav': '技能竞赛',
  'competitions.navJudging': '我的评分',
} as const;
