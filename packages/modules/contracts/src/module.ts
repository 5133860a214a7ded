import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { calendarFanOut, calendarRecheckConsumer } from './consumers.js';
import { contractEvents } from './events.js';
import { contractDerivedIndicators, contractIndicators } from './metrics.js';
import { recounting } from './recount.js';
import { contractsRouter } from './router.js';
import { seedContracts } from './seed.js';
import { contractsTickJob } from './tick.js';

export const contractsModule = defineModule({
  name: 'contracts',
  label: { zh: '集体合同', en: 'Collective contracts' },
  assignable: true,
  notifies: true,
  indicators: contractIndicators,
  derivedIndicators: contractDerivedIndicators,
  ...recounting,
  router: router({ contracts: contractsRouter }),
  events: contractEvents,
  consumers: [calendarFanOut, calendarRecheckConsumer],
  ticks: [({ table }) => contractsTickJob(table)],
  seed: seedContracts,
});
