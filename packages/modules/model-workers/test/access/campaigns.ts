import type { AccessTable } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;
const readers = [...staff, 'unit_reporter'] as const;
const campaign = { code: 'city_model_worker', title: '矩阵评选', year: 2026, opensOn: '2026-01-05', closesOn: '2026-03-31', places: 10 };
const ref = { campaignId: 'no-such-campaign', nominationId: 'no-such-nomination' };

/** Campaigns, nominations and 公示 objections: staff run campaigns, reporters nominate their unit's people, the public objects. */
export const campaignsAccess: AccessTable = {
  'modelWorkers.campaigns.create': { allow: staff, as: 'federation_admin', input: () => campaign },
  'modelWorkers.campaigns.update': { allow: staff, as: 'federation_admin', input: () => ({ title: campaign.title, year: 2026, opensOn: '2026-01-05', closesOn: '2026-03-31', places: 10, campaignId: 'no-such-campaign', version: 1 }) },
  'modelWorkers.campaigns.publish': { allow: staff, as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign' }) },
  'modelWorkers.campaigns.startPublicity': { allow: staff, as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign', startsOn: '2026-09-30' }) },
  'modelWorkers.campaigns.get': { allow: readers, as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign' }) },
  'modelWorkers.campaigns.list': { allow: readers, as: 'federation_admin', input: () => undefined },
  'modelWorkers.campaigns.quota': { allow: readers, as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign' }) },
  'modelWorkers.campaigns.whatIf': { allow: readers, as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign', add: 'no-such-person' }) },
  'modelWorkers.nominations.create': {
    allow: readers,
    as: 'federation_admin',
    input: () => ({ campaignId: 'no-such-campaign', personId: 'no-such-person', minutesRef: '职代会决议〔2026〕1号', deedsShort: '扎根一线二十年', deedsLong: '扎根一线二十年，带出徒弟三十人。' }),
  },
  'modelWorkers.nominations.list': { allow: readers, as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign' }) },
  'modelWorkers.nominations.get': { allow: readers, as: 'federation_admin', input: () => ref },
  'modelWorkers.nominations.attachMinutes': { allow: readers, as: 'federation_admin', input: () => ({ ...ref, evidenceId: 'no-such-evidence' }) },
  'modelWorkers.nominations.review': { allow: ['federation_staff'], as: 'federation_staff', input: () => ref },
  'modelWorkers.nominations.vet': { allow: staff, as: 'federation_admin', input: () => ({ ...ref, agency: '税务', on: '2026-01-05', document: '税务无违法证明' }) },
  'modelWorkers.nominations.approve': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ ...ref, conferredBy: '市人民政府' }) },
  'modelWorkers.nominations.withdraw': { allow: readers, as: 'federation_admin', input: () => ({ ...ref, reason: '本人申请撤回' }) },
  'modelWorkers.nominations.reject': { allow: staff, as: 'federation_admin', input: () => ({ ...ref, reason: '材料不实' }) },
  'modelWorkers.objections.notice': { allow: 'public', as: 'anonymous', input: () => ({ tenantId: '321281', campaignId: 'no-such-campaign' }) },
  'modelWorkers.objections.submit': { allow: 'public', as: 'anonymous', input: () => ({ tenantId: '321281', campaignId: 'no-such-campaign', nominationId: 'no-such-nomination', text: '该人选事迹材料与实际不符' }) },
  'modelWorkers.objections.list': { allow: staff, as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign' }) },
  'modelWorkers.objections.decide': { allow: staff, as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign', objectionId: 'no-such-objection', outcome: 'dismissed', reason: '经核实不属实' }) },
};
