import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { modelWorkerConsumers } from './consumers.js';
import { publishedEvents } from './events.js';
import { campaignDerivedIndicators, campaignIndicators } from './metrics-campaigns.js';
import { serviceDerivedIndicators, serviceIndicators } from './metrics-services.js';
import { modelWorkerIndicators } from './metrics.js';
import { visitIndicators } from './metrics-visits.js';
import { recounting } from './recount.js';
import { modelWorkersRouter } from './router.js';
import { seedModelWorkers } from './seed.js';

export const modelWorkersModule = defineModule({
  name: 'modelWorkers',
  label: { zh: '劳模工匠', en: 'Model workers' },
  assignable: true,
  indicators: [...modelWorkerIndicators, ...campaignIndicators, ...serviceIndicators, ...visitIndicators],
  ...recounting,
  derivedIndicators: [...campaignDerivedIndicators, ...serviceDerivedIndicators],
  router: router({ modelWorkers: modelWorkersRouter }),
  events: publishedEvents,
  consumers: modelWorkerConsumers,
  seed: seedModelWorkers,
});
