import type { AccessTable } from '@ufp/testing/access';

/** 裁判宽严分析: staff read their judges; rollup readers (staff, leadership of a scope or of the tenant) read the scope's panels. */
export const analyticsAccess: AccessTable = {
  'competitions.analytics.judges': { allow: ['federation_admin', 'federation_staff'], as: 'federation_staff', input: () => ({ fromYear: 2025, toYear: 2026 }) },
  'competitions.analytics.province': { allow: ['federation_admin', 'federation_staff', 'leadership_viewer(scope 32)', 'leadership_viewer(tenant)'], as: 'federation_admin', input: () => ({ year: 2026 }) },
};
