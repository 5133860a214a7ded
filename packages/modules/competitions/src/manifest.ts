import { defineManifest } from '@ufp/kit/module';
import { competitionIndicators } from './metrics.js';

export const competitionsManifest = defineManifest({
  name: 'competitions',
  label: { zh: '技能竞赛', en: 'Skills competitions' },
  assignable: true,
  indicators: competitionIndicators,
});
