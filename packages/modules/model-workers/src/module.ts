import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { modelWorkerConsumers } from './consumers.js';
import { publishedEvents } from './events.js';
import { modelWorkersManifest } from './manifest.js';
import { recounting } from './recount.js';
import { modelWorkersRouter } from './router.js';
import { seedModelWorkers } from './seed.js';

export const modelWorkersModule = defineModule({
  ...modelWorkersManifest,
  ...recounting,
  router: router({ modelWorkers: modelWorkersRouter }),
  events: publishedEvents,
  consumers: modelWorkerConsumers,
  seed: seedModelWorkers,
});
