import type { AccessTable } from '@ufp/testing/access';

/** 领导驾驶舱: every rollup reader (staff, admins, leadership of a scope or of a tenant); a share link opens without sign-in. */
const readers = ['federation_admin', 'federation_staff', 'leadership_viewer(scope 32)', 'leadership_viewer(tenant)'] as const;

export const access: AccessTable = {
  'cockpit.overview': { allow: readers, as: 'federation_admin', input: () => ({ year: 2026 }) },
  'cockpit.ranking': { allow: readers, as: 'federation_admin', input: () => ({ year: 2026, indicator: 'units.count' }) },
  'cockpit.trend': { allow: readers, as: 'federation_admin', input: () => ({ year: 2026, indicator: 'units.members' }) },
  'cockpit.exportRanking': { allow: readers, as: 'federation_admin', input: () => ({ year: 2026, indicator: 'units.count', lang: 'zh' }) },
  'cockpit.shares.create': { allow: readers, as: 'federation_admin', input: () => ({ hours: 2, label: '矩阵' }) },
  'cockpit.shares.list': { allow: readers, as: 'federation_admin', input: () => undefined },
  'cockpit.shares.revoke': { allow: readers, as: 'federation_admin', input: () => ({ id: 'no-such-link' }) },
  'cockpit.shared.overview': { allow: 'public', as: 'anonymous', input: () => ({ token: '32.no-such-token' }) },
  'cockpit.shared.ranking': { allow: 'public', as: 'anonymous', input: () => ({ token: '32.no-such-token', indicator: 'units.count' }) },
  'cockpit.shared.trend': { allow: 'public', as: 'anonymous', input: () => ({ token: '32.no-such-token', indicator: 'units.count' }) },
};
