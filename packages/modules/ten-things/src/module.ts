import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { tenThingsLinkedProgress } from './consumers.js';
import { tenThingsEvents } from './events.js';
import { tenThingsDerivedIndicators, tenThingsIndicators } from './metrics.js';
import { tenThingsRouter } from './router.js';
import { recounting } from './recount.js';
import { seedTenThings } from './seed.js';
import { tenThingsTickJob } from './tick.js';

export const tenThingsModule = defineModule({
  name: 'tenThings',
  label: { zh: '十件实事', en: 'Ten practical things' },
  assignable: true,
  notifies: true,
  indicators: tenThingsIndicators,
  derivedIndicators: tenThingsDerivedIndicators,
  ...recounting,
  router: router({ tenThings: tenThingsRouter }),
  events: tenThingsEvents,
  consumers: [tenThingsLinkedProgress],
  ticks: [tenThingsTickJob],
  seed: seedTenThings,
});
