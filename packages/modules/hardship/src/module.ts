import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { hardshipConsumers } from './consumers.js';
import { publishedEvents } from './events.js';
import { hardshipManifest } from './manifest.js';
import { recounting } from './recount.js';
import { hardshipRouter } from './router.js';
import { seedHardship } from './seed.js';
import { hardshipTickJob } from './tick.js';

export const hardshipModule = defineModule({
  ...hardshipManifest,
  ...recounting,
  router: router({ hardship: hardshipRouter }),
  events: publishedEvents,
  consumers: hardshipConsumers,
  ticks: [({ table }) => hardshipTickJob(table)],
  seed: seedHardship,
});
