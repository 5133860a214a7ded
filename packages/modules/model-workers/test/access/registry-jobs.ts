import type { AccessTable } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;

/** The 劳模台账 import as a background job: the same staff as the in-request `registry.import`. */
export const registryJobsAccess: AccessTable = {
  'modelWorkers.registry.importJobs.start': { allow: staff, as: 'federation_admin', input: () => ({ fileName: '劳模台账.xlsx', sizeBytes: 2048, mode: 'validRows' }) },
  'modelWorkers.registry.importJobs.queue': { allow: staff, as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
  'modelWorkers.registry.importJobs.get': { allow: staff, as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
  'modelWorkers.registry.importJobs.list': { allow: staff, as: 'federation_admin', input: () => undefined },
  'modelWorkers.registry.importJobs.cancel': { allow: staff, as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
  'modelWorkers.registry.importJobs.resume': { allow: staff, as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
  'modelWorkers.registry.importJobs.errors': { allow: staff, as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
};
