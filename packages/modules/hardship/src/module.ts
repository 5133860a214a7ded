import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { publishedEvents } from './events.js';
import { hardshipDerivedIndicators, hardshipIndicators } from './metrics.js';
import { hardshipRouter } from './router.js';
import { MAX_LEDGER_BYTES } from './schemas.js';
import { seedHardship } from './seed.js';
import { hardshipTickJob } from './tick.js';
import { hardshipConsumers } from './consumers.js';
import { recounting } from './recount.js';

export const hardshipModule = defineModule({
  name: 'hardship',
  label: { zh: '困难职工帮扶', en: 'Hardship assistance' },
  assignable: true,
  notifies: true,
  indicators: hardshipIndicators,
  derivedIndicators: hardshipDerivedIndicators,
  ...recounting,
  router: router({ hardship: hardshipRouter }),
  events: publishedEvents,
  consumers: hardshipConsumers,
  ticks: [({ table }) => hardshipTickJob(table)],
  seed: seedHardship,
  bodyLimits: { 'hardship.ledger.import': MAX_LEDGER_BYTES },
});
