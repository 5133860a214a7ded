import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { publishedEvents } from './events.js';
import { competitionIndicators } from './metrics.js';
import { recounting } from './recount.js';
import { competitionsRouter } from './router.js';
import { seedCompetitions } from './seed.js';

export const competitionsModule = defineModule({
  name: 'competitions',
  label: { zh: '技能竞赛', en: 'Skills competitions' },
  assignable: true,
  indicators: competitionIndicators,
  ...recounting,
  router: router({ competitions: competitionsRouter }),
  events: publishedEvents,
  seed: seedCompetitions,
});
