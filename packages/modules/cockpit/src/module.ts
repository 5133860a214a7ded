import { defineModule } from '@ufp/kit/module';
import { cockpitRouter } from './router.js';

/** 领导驾驶舱: the leadership's reading of the rollups (no records, no events of its own). */
export const cockpitModule = defineModule({
  name: 'cockpit',
  label: { zh: '领导驾驶舱', en: 'Leadership cockpit' },
  router: cockpitRouter,
});
