import type { AccessTable } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;
const ref = { draftId: 'no-such-draft', version: 1 };

/** 竞赛推荐草稿: federation staff read, adopt and dismiss the drafts a skills competition's final results open. */
export const draftsAccess: AccessTable = {
  'modelWorkers.drafts.list': { allow: staff, as: 'federation_admin', input: () => ({ status: 'open' }) },
  'modelWorkers.drafts.get': { allow: staff, as: 'federation_admin', input: () => ({ draftId: 'no-such-draft' }) },
  'modelWorkers.drafts.adopt': {
    allow: staff,
    as: 'federation_admin',
    input: () => ({ ...ref, campaignId: 'no-such-campaign', minutesRef: '职代会决议〔2026〕1号', education: 'secondary', occupation: 'frontline' }),
  },
  'modelWorkers.drafts.dismiss': { allow: staff, as: 'federation_admin', input: () => ({ ...ref, reason: '已另行推荐' }) },
};
