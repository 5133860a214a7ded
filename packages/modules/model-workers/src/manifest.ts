import { defineManifest } from '@ufp/kit/module';
import { campaignDerivedIndicators, campaignIndicators } from './metrics-campaigns.js';
import { serviceDerivedIndicators, serviceIndicators } from './metrics-services.js';
import { modelWorkerIndicators } from './metrics.js';
import { visitIndicators } from './metrics-visits.js';

export const modelWorkersManifest = defineManifest({
  name: 'modelWorkers',
  label: { zh: '劳模工匠', en: 'Model workers' },
  assignable: true,
  indicators: [...modelWorkerIndicators, ...campaignIndicators, ...serviceIndicators, ...visitIndicators],
  derivedIndicators: [...campaignDerivedIndicators, ...serviceDerivedIndicators],
});
