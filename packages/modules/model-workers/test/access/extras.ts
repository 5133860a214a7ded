import type { AccessTable } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;

/** 疗休养 batches and the QR credential: staff plan and issue; anyone may verify a scanned code. */
export const extrasAccess: AccessTable = {
  'modelWorkers.recuperation.settings': { allow: staff, as: 'federation_admin', input: () => undefined },
  'modelWorkers.recuperation.setSettings': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ version: 99, gapYears: 3 }) },
  'modelWorkers.recuperation.create': { allow: staff, as: 'federation_admin', input: () => ({ title: '矩阵疗休养', destination: '无锡太湖', startsOn: '2026-09-01', endsOn: '2026-09-07', capacity: 20 }) },
  'modelWorkers.recuperation.list': { allow: staff, as: 'federation_admin', input: () => undefined },
  'modelWorkers.recuperation.get': { allow: staff, as: 'federation_admin', input: () => ({ batchId: 'no-such-batch' }) },
  'modelWorkers.recuperation.join': { allow: staff, as: 'federation_admin', input: () => ({ batchId: 'no-such-batch', version: 1, personIds: ['no-such-person'] }) },
  'modelWorkers.recuperation.leave': { allow: staff, as: 'federation_admin', input: () => ({ batchId: 'no-such-batch', version: 1, personId: 'no-such-person' }) },
  'modelWorkers.credentials.issue': { allow: staff, as: 'federation_admin', input: () => ({ personId: 'no-such-person' }) },
  'modelWorkers.credentials.verify': { allow: 'public', as: 'anonymous', input: () => ({ token: 'eyJ2IjoxfQ.not-a-signature' }) },
  'modelWorkers.registry.template': { allow: staff, as: 'federation_admin', input: () => ({ lang: 'zh' }) },
  'modelWorkers.registry.import': { allow: staff, as: 'federation_admin', input: () => ({ fileBase64: 'UEsDBA==', mode: 'validRows' }) },
  'modelWorkers.registry.export': { allow: staff, as: 'federation_admin', input: () => ({ lang: 'zh' }) },
};
