import type { AccessTable } from '@ufp/testing/access';
import { campaignsAccess } from './access/campaigns.js';
import { draftsAccess } from './access/drafts.js';
import { extrasAccess } from './access/extras.js';
import { peopleAccess } from './access/people.js';
import { registryJobsAccess } from './access/registry-jobs.js';
import { servicesAccess } from './access/services.js';
import { visitsAccess } from './access/visits.js';

/**
 * Who may call each of the 劳模 procedures, and a valid input to call it with: the permission matrix sends it as every
 * role, the fuzz test mutates it. A procedure without a row fails the matrix. One file per area of the module.
 */
export const access: AccessTable = { ...peopleAccess, ...extrasAccess, ...registryJobsAccess, ...servicesAccess, ...campaignsAccess, ...visitsAccess, ...draftsAccess };
