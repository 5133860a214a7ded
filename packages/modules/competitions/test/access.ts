import type { AccessTable } from '@ufp/testing/access';
import { analyticsAccess } from './access/analytics.js';
import { judgingAccess } from './access/judging.js';
import { resultsAccess } from './access/results.js';
import { structureAccess } from './access/structure.js';

/**
 * Who may call each 技能竞赛 procedure, and a valid input to call it with: the permission matrix sends it as every role,
 * the fuzz test mutates it. Panel roles (judge, chief judge, 监督仲裁组) are the service's checks: their own matrix is
 * `test/panel-roles.integration.test.ts`.
 */
export const access: AccessTable = { ...structureAccess, ...judgingAccess, ...resultsAccess, ...analyticsAccess };
