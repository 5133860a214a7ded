import type { Role } from '../../api-types';

/** Who may read and change units, and see a chair's unmasked phone (audited; staff may need to call the chair, as the API allows). */
export const UNITS_ACCESS = {
  read: ['federation_admin', 'federation_staff'],
  write: ['federation_admin'],
  revealPhone: ['federation_admin', 'federation_staff'],
} as const satisfies Record<string, readonly Role[]>;
