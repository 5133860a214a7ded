import type { AccessTable } from '@ufp/testing/access';

export const judgingAccess: AccessTable = {};
