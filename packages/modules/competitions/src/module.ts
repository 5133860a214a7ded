import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { publishedEvents } from './events.js';
import { competitionsManifest } from './manifest.js';
import { recounting } from './recount.js';
import { competitionsRouter } from './router.js';
import { seedCompetitions } from './seed.js';

export const competitionsModule = defineModule({
  ...competitionsManifest,
  ...recounting,
  router: router({ competitions: competitionsRouter }),
  events: publishedEvents,
  seed: seedCompetitions,
});
