import type { Role } from '../roles.js';

/** Who is acting: produced only by the auth layer from a verified token. */
export interface Actor {
  sub: string;
  name?: string;
  roles: readonly Role[];
}

/**
 * A tenant scope object. Repositories accept only this, never a bare tenant id from input,
 * so every read and write is bound to the tenant the verified token names.
 */
export interface TenantScope {
  readonly kind: 'tenant';
  readonly tenantId: string;
  readonly divisionCode: string;
  readonly actor: Actor;
  /** Set for unit reporters: they see and file for this unit only. */
  readonly unitId?: string;
}

/**
 * The platform's own audit log lives in the partition of this reserved tenant id (no tenant may
 * take it): platform-wide acts such as loading a holiday notice are audited there, and only the
 * platform operator reads it.
 */
export const PLATFORM_AUDIT_TENANT = 'platform';

/** The scope a platform-wide act is audited (and its audit log read) under. */
export const platformAuditScope = (actor: Actor): TenantScope => ({ kind: 'tenant', tenantId: PLATFORM_AUDIT_TENANT, divisionCode: '', actor });

/** A rollup scope: a division code whose aggregates a leader (or a city federation) may read. */
export interface RollupScope {
  readonly kind: 'rollup';
  readonly code: string;
  readonly actor: Actor;
  /** When set, only this tenant's own row (a county admin reads only their federation). */
  readonly tenantId?: string;
}

export interface Tenant {
  id: string;
  name: string;
  level: 'city' | 'county';
  divisionCode: string;
  /** Suspended: its users are refused (403), its public pages say the service is paused; its data and rollup rows stay. */
  status: 'active' | 'suspended';
  /** The federation's contact for the platform operator (an office, not a member: no personal data of workers). */
  contact?: { name?: string; phone?: string; email?: string };
  suspendedAt?: string;
  /** The operator who suspended it (token subject). */
  suspendedBy?: string;
  /** Their name as the token gave it, so the tenants page names a person, not a subject (absent on older records). */
  suspendedByName?: string;
  suspendReason?: string;
  reactivatedAt?: string;
  createdAt: string;
  updatedAt?: string;
  version: number;
}
