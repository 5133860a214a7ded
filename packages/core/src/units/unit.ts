export const unitTypes = ['enterprise', 'industry', 'regional', 'new_employment_form'] as const;
export type UnitType = (typeof unitTypes)[number];

export const unitTypeLabels: Record<UnitType, { zh: string; en: string }> = {
  enterprise: { zh: '企业工会', en: 'Enterprise union' },
  industry: { zh: '行业工会联合会', en: 'Industry union federation' },
  regional: { zh: '区域性工会联合会', en: 'Regional union federation' },
  new_employment_form: { zh: '新就业形态工会', en: 'New-employment-form union' },
};

/**
 * A grassroots union (基层工会) as stored; the chair's phone is kept encrypted. The platform module owns the rules
 * (`@ufp/platform/domain/unit`); the shape stays here because the db repository behind `ApiDeps.units` reads it.
 */
export interface Unit {
  unitId: string;
  tenantId: string;
  name: string;
  type: UnitType;
  uscc?: string;
  memberCount: number;
  /** The phone is stored encrypted, with its masked form beside it for lists. */
  chair: { name: string; phoneEncrypted?: string; phoneMasked?: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}
