import { cockpitManifest } from '@ufp/cockpit/manifest';
import { competitionsManifest } from '@ufp/competitions/manifest';
import { contractsManifest } from '@ufp/contracts/manifest';
import { hardshipManifest } from '@ufp/hardship/manifest';
import type { LazyModule } from '@ufp/kit/module';
import { modelWorkersManifest } from '@ufp/model-workers/manifest';
import { platformManifest } from '@ufp/platform/manifest';
import { meProcedure } from '@ufp/platform/routers/me';
import { router } from '@ufp/kit/trpc';
import { tenThingsManifest } from '@ufp/ten-things/manifest';
import { composeLazily } from './compose.js';

/**
 * The API function's modules: the same list as `modules.ts`, each by its manifest and a dynamic import that the
 * bundler splits into its own chunk. The platform's `me` (every console page's first call) is served at once.
 */
export const lazyModules: readonly LazyModule[] = [
  {
    manifest: platformManifest,
    load: async () => (await import('@ufp/platform/module')).platformModule,
    routes: ['platform', 'units', 'users', 'audit', 'deadLetters', 'rollups', 'notifications'],
    eager: router({ me: meProcedure }),
  },
  { manifest: tenThingsManifest, load: async () => (await import('@ufp/ten-things/module')).tenThingsModule },
  { manifest: contractsManifest, load: async () => (await import('@ufp/contracts/module')).contractsModule },
  { manifest: hardshipManifest, load: async () => (await import('@ufp/hardship/module')).hardshipModule },
  { manifest: modelWorkersManifest, load: async () => (await import('@ufp/model-workers/module')).modelWorkersModule },
  { manifest: competitionsManifest, load: async () => (await import('@ufp/competitions/module')).competitionsModule },
  { manifest: cockpitManifest, load: async () => (await import('@ufp/cockpit/module')).cockpitModule },
];

export const lazilyRegistered = () => composeLazily(lazyModules);
