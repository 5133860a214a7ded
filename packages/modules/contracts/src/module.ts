import { contractDerivedIndicators, contractIndicators } from '@ufp/core/contracts/indicators';
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
  indicators: contractIndicators,
  derivedIndicators: contractDerivedIndicators,
  router: router({ contracts: contractsRouter }),
  ticks: [({ table }) => contractsTickJob(table)],
  seed: seedContracts,
});
