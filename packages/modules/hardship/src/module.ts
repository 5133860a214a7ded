import { hardshipDerivedIndicators, hardshipIndicators } from '@ufp/core/hardship/indicators';
import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { hardshipRouter, MAX_LEDGER_BYTES } from './router.js';
import { seedHardship } from './seed.js';
import { hardshipTickJob } from './tick.js';

export const hardshipModule = defineModule({
  name: 'hardship',
  label: { zh: '困难职工帮扶', en: 'Hardship assistance' },
  assignable: true,
  notifies: true,
  indicators: hardshipIndicators,
  derivedIndicators: hardshipDerivedIndicators,
  router: router({ hardship: hardshipRouter }),
  ticks: [({ table }) => hardshipTickJob(table)],
  seed: seedHardship,
  bodyLimits: { 'hardship.ledger.import': MAX_LEDGER_BYTES },
});
