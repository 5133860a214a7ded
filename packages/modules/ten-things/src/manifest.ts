import { defineManifest } from '@ufp/kit/module';
import { tenThingsDerivedIndicators, tenThingsIndicators } from './metrics.js';

export const tenThingsManifest = defineManifest({
  name: 'tenThings',
  label: { zh: '十件实事', en: 'Ten practical things' },
  assignable: true,
  notifies: true,
  indicators: tenThingsIndicators,
  derivedIndicators: tenThingsDerivedIndicators,
});
