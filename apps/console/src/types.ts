// Shapes of the API's procedures as the console uses them (JSON, no transformer).

export const ROLES = [
  'federation_admin',
  'federation_staff',
  'unit_reporter',
  'leadership_viewer',
  'platform_operator',
] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_TYPES = ['enterprise', 'industry', 'regional', 'new_employment_form'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export type ScopeLevel = 'province' | 'city' | 'county';

export const MODULES = ['tenThings', 'hardship', 'contracts'] as const;
export type ModuleName = (typeof MODULES)[number];

export interface Me {
  sub: string;
  name: string;
  roles: string[];
  tenantId?: string;
  tenant?: { id: string; name: string; level: 'city' | 'county'; divisionCode: string; status?: 'active' | 'suspended' };
  unitId?: string;
  unit?: { unitId: string; name: string };
  scope?: { code: string; name: string; level: ScopeLevel };
  /** Staff assigned to modules: only these (absent: every module). */
  modules?: ModuleName[];
}

export interface DevUser {
  sub: string;
  name: string;
  roles: string[];
  tenantId?: string;
  tenantName?: string;
  unitId?: string;
  unitName?: string;
  scope?: unknown;
  status?: 'active' | 'disabled';
  loginId?: string;
  label: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface Unit {
  unitId: string;
  tenantId: string;
  name: string;
  type: UnitType;
  uscc?: string | null;
  memberCount: number;
  chair: { name: string; phoneMasked?: string | null };
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UnitCreateInput {
  name: string;
  type: UnitType;
  uscc?: string;
  memberCount: number;
  chair: { name: string; phone?: string };
}

export interface UnitUpdateInput extends Partial<UnitCreateInput> {
  unitId: string;
  version: number;
}

export interface UserRow {
  userId: string;
  name: string;
  roles: string[];
  unitId?: string | null;
  modules?: ModuleName[];
  /** As shown: an account name, or a phone masked. */
  loginId?: string;
  loginKind?: 'phone' | 'account';
  status: 'active' | 'disabled';
  disabledAt?: string;
  disabledReason?: string;
  version: number;
  createdAt: string;
}

export interface AuditRow {
  auditId: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
}

export interface DeadLetter {
  id: string;
  handler: string;
  eventType: string;
  eventId: string;
  error: string;
  attempts: number;
  failedAt: string;
}

/** An indicator dictionary entry as `rollups.overview` returns it (packages/core/src/rollups/indicators.ts). */
export interface IndicatorInfo {
  key: string;
  kind: 'stock' | 'flow' | 'period';
  unit: string;
  format: string;
  label: { zh: string; en: string };
  definition: { zh: string; en: string };
}

export interface Overview {
  year: number;
  scope: { code: string; name: string; level: ScopeLevel };
  /** Stock indicators as at the end of the year (now, for this year); flow and period indicators of the year. */
  totals: Record<string, number>;
  rows: { tenantId: string; name: string; divisionCode: string; metrics: Record<string, number>; status?: 'active' | 'suspended' }[];
  indicators?: IndicatorInfo[];
}

export interface Tenant {
  id: string;
  name: string;
  level: 'city' | 'county';
  divisionCode: string;
  status?: 'active' | 'suspended';
  contact?: { name?: string; phone?: string; email?: string };
  suspendedAt?: string;
  suspendedBy?: string;
  suspendReason?: string;
  createdAt?: string;
  version: number;
}

/** One dead letter in the platform operator's view (platform.deadLetters.list). */
export interface DeadLetterView {
  id: string;
  source: 'consumer' | 'rule' | 'pipe';
  target: string;
  holder: string;
  tenantId: string | null;
  module: string | null;
  eventType: string | null;
  eventId: string | null;
  occurredAt: string | null;
  failedAt: string;
  attempts: number | null;
  reason: string;
  redrivable: boolean;
  copies?: string[];
}

export interface DeadLetterOverview {
  letters: DeadLetterView[];
  matching: number;
  counts: { tenantId: string | null; module: string | null; source: DeadLetterView['source']; count: number }[];
  queues: { key: string; source: DeadLetterView['source'] | 'schedule'; target: string; depth: number | null; listed: number }[];
  truncated: boolean;
}

export interface RedriveSummary {
  results: { id: string; outcome: 'processed' | 'duplicate' | 'redriven' | 'failed' | 'notFound' | 'notRedrivable'; reason?: string; copyOf?: string }[];
  succeeded: number;
  failed: number;
  skipped: number;
  remaining: number;
}
