import { judgingEn } from './judging-en';
import type { zh } from './zh';

export const en: Record<keyof typeof zh, string> = {
  ...judgingEn,
  'competitions.nav': 'Skills competitions',
  'competitions.navJudging': 'My judging',
};
