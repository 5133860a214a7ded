import { defineManifest } from '@ufp/kit/module';
import { unitDerivedIndicators, unitIndicators } from './metrics.js';

/** The platform pieces every federation uses: tenants, units, users, audit, dead letters, rollups, notifications. */
export const platformManifest = defineManifest({
  name: 'platform',
  label: { zh: '平台', en: 'Platform' },
  indicators: unitIndicators,
  derivedIndicators: unitDerivedIndicators,
});
