import { tenThingsDerivedIndicators, tenThingsIndicators } from '@ufp/core/ten-things/indicators';
import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { tenThingsLinkedProgress } from './linked-progress.js';
import { tenThingsRouter } from './router.js';
import { seedTenThings } from './seed.js';
import { tenThingsTickJob } from './tick.js';

export const tenThingsModule = defineModule({
  name: 'tenThings',
  label: { zh: '十件实事', en: 'Ten practical things' },
  assignable: true,
  notifies: true,
  indicators: tenThingsIndicators,
  derivedIndicators: tenThingsDerivedIndicators,
  router: router({ tenThings: tenThingsRouter }),
  consumers: [
    {
      name: 'tenThingsLinkedProgress',
      rule: {
        name: 'ten-things-linked-progress',
        // Keep in step with linkableEventTypes in packages/core/src/ten-things/targets.ts (a test checks it).
        description: "十件实事 linked targets count or sum other modules' events (aid granted, contracts effective, …)",
        pattern: {
          'detail-type': [
            'hardship.aid.granted',
            'hardship.file.approved',
            'hardship.file.exited',
            'contracts.contract.effective',
            'modelWorkers.survey.submitted',
            'competitions.results.finalized',
          ],
        },
      },
      create: ({ table, clock, cursors }) => tenThingsLinkedProgress(table, clock, cursors),
    },
  ],
  ticks: [({ table }) => tenThingsTickJob(table)],
  seed: seedTenThings,
});
