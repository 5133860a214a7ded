import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { contractsRouter } from './router.js';
import { seedContracts } from './seed.js';
import { contractsTickJob } from './tick.js';

export const contractsModule = defineModule({
  name: 'contracts',
  label: { zh: '集体合同', en: 'Collective contracts' },
  assignable: true,
  notifies: true,
  router: router({ contracts: contractsRouter }),
  ticks: [({ table }) => contractsTickJob(table)],
  seed: seedContracts,
});
