import { defineManifest } from '@ufp/kit/module';
import { hardshipDerivedIndicators, hardshipIndicators } from './metrics.js';

/**
 * Largest ledger workbook accepted. It travels as multipart/form-data (the console) or, for
 * small files and scripts, base64 in JSON; the module gives this procedure a body limit to match
 * (still under Lambda's 6 MB request payload once API Gateway base64-encodes it). 20,000
 * typical rows are about 0.8 MB.
 */
export const MAX_LEDGER_BYTES = 4 * 1024 * 1024;

export const hardshipManifest = defineManifest({
  name: 'hardship',
  label: { zh: '困难职工帮扶', en: 'Hardship assistance' },
  assignable: true,
  notifies: true,
  indicators: hardshipIndicators,
  derivedIndicators: hardshipDerivedIndicators,
  bodyLimits: { 'hardship.ledger.import': MAX_LEDGER_BYTES },
});
