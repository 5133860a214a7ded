import { defineManifest } from '@ufp/kit/module';
import { contractDerivedIndicators, contractIndicators } from './metrics.js';

export const contractsManifest = defineManifest({
  name: 'contracts',
  label: { zh: '集体合同', en: 'Collective contracts' },
  assignable: true,
  notifies: true,
  indicators: contractIndicators,
  derivedIndicators: contractDerivedIndicators,
});
