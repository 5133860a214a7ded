import { defineModule } from '@ufp/kit/module';
import { cockpitManifest } from './manifest.js';
import { cockpitRouter } from './router.js';

export const cockpitModule = defineModule({
  ...cockpitManifest,
  router: cockpitRouter,
});
