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
  status: 'active' | 'suspended';
  createdAt: string;
  version: number;
}
