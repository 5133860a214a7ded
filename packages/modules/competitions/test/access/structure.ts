import type { AccessTable } from '@ufp/testing/access';

export const structureAccess: AccessTable = {};
