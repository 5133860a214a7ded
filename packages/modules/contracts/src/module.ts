import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { calendarFanOut, calendarRecheckConsumer } from './consumers.js';
import { contractEvents } from './events.js';
import { contractsManifest } from './manifest.js';
import { recounting } from './recount.js';
import { contractsRouter } from './router.js';
import { seedContracts } from './seed.js';
import { contractsTickJob } from './tick.js';

export const contractsModule = defineModule({
  ...contractsManifest,
  ...recounting,
  router: router({ contracts: contractsRouter }),
  events: contractEvents,
  consumers: [calendarFanOut, calendarRecheckConsumer],
  ticks: [({ table }) => contractsTickJob(table)],
  seed: seedContracts,
});
