import type { AccessTable } from '@ufp/testing/access';
import { FIXTURE_TENANT } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;
const readers = [...staff, 'unit_reporter'] as const;
const stage = { eventId: 'no-such-event', stage: 'final' };

/**
 * Results, protests and the public pages. Panel-only calls (chief judge publishes, 监督仲裁组 reveals and decides) pass
 * the readers' tier and are refused by the service for a caller not on the panel; a missing 赛项 is 404 first, as here.
 */
export const resultsAccess: AccessTable = {
  'competitions.results.publish': { allow: readers, as: 'federation_staff', input: () => stage },
  'competitions.results.get': { allow: readers, as: 'federation_staff', input: () => stage },
  'competitions.results.finalize': { allow: staff, as: 'federation_staff', input: () => stage },
  'competitions.results.reveal': { allow: readers, as: 'federation_staff', input: () => stage },
  'competitions.results.gradeRaises': { allow: staff, as: 'federation_staff', input: () => ({ competitionId: 'no-such-competition' }) },
  'competitions.protests.file': { allow: readers, as: 'federation_staff', input: () => ({ ...stage, contestantId: 'no-such-contestant', grounds: '矩阵测试的申诉理由' }) },
  'competitions.protests.list': { allow: readers, as: 'federation_staff', input: () => ({ eventId: 'no-such-event' }) },
  'competitions.protests.decide': { allow: readers, as: 'federation_staff', input: () => ({ eventId: 'no-such-event', protestId: 'no-such-protest', outcome: 'dismissed', ruling: '矩阵测试' }) },
  'competitions.public.scoreboard': { allow: 'public', as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT, eventId: 'no-such-event' }) },
  'competitions.public.verify': { allow: 'public', as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT, eventId: 'no-such-event' }) },
};
