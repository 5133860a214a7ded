import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { tenThingsLinkedProgress } from './consumers.js';
import { tenThingsEvents } from './events.js';
import { tenThingsManifest } from './manifest.js';
import { recounting } from './recount.js';
import { tenThingsRouter } from './router.js';
import { seedTenThings } from './seed.js';
import { tenThingsTickJob } from './tick.js';

export const tenThingsModule = defineModule({
  ...tenThingsManifest,
  ...recounting,
  router: router({ tenThings: tenThingsRouter }),
  events: tenThingsEvents,
  consumers: [tenThingsLinkedProgress],
  ticks: [tenThingsTickJob],
  seed: seedTenThings,
});
