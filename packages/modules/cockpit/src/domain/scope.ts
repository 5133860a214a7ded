import { DomainError } from '@ufp/core/errors';
import { readableScope, scopeLevel, scopeName, tenantsInScope } from '@ufp/core/rollups/scopes';
import type { Tenant } from '@ufp/core/tenancy/scope';

export type ScopeLevel = 'province' | 'city' | 'county';

export interface ReaderScope {
  code: string;
  /** A county federation's own row only: no drilling. */
  tenantId?: string;
}

/**
 * The scope a reader asks for: their own, or one inside it (a province leader drills into a city, then a county).
 * Outside it — a sibling city, the province above a city's leader — is refused, as is any drilling by a reader
 * bound to their own federation's row.
 */
export function drillScope(reader: ReaderScope, requested: string | undefined): string {
  if (requested === undefined) return reader.code;
  if (!readableScope(reader, requested)) {
    throw new DomainError('forbidden', { zh: `无权查看范围 ${requested} 的汇总数据（您的范围是 ${reader.code}）`, en: `Scope ${requested} is outside your scope ${reader.code}` }, { field: 'scope', reason: 'outside_scope' });
  }
  return requested;
}

export interface ScopeRef {
  code: string;
  name: string;
  level: ScopeLevel;
}

/** The federations a scope's figures are made of: every tenant whose rows live in it (a county reader: their own). */
export function federationsIn(code: string, tenants: readonly Tenant[], ownTenantId?: string): Tenant[] {
  return tenantsInScope(tenants, code).filter((t) => !ownTenantId || t.id === ownTenantId);
}

export const scopeRef = (code: string, tenants: readonly Tenant[]): ScopeRef => ({ code, name: scopeName(code, tenants), level: scopeLevel(code) });

/** The scopes one level down that have federations: a province's cities, a city's counties; none below a county. */
export function childScopes(code: string, tenants: readonly Tenant[]): (ScopeRef & { federations: number })[] {
  const level = scopeLevel(code);
  if (level === 'county') return [];
  const childOf = (t: Tenant): string | undefined => {
    if (!t.divisionCode.startsWith(code)) return undefined;
    const city = t.divisionCode.slice(0, 4);
    if (level === 'province') return city.endsWith('00') ? undefined : city;
    return t.divisionCode.endsWith('00') ? undefined : t.divisionCode;
  };
  const counts = new Map<string, number>();
  for (const t of tenants) {
    const child = childOf(t);
    if (child) counts.set(child, (counts.get(child) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([c, federations]) => ({ ...scopeRef(c, tenants), federations }));
}

/** The way down from the reader's scope to the one read (the breadcrumb): province › city › county. */
export function scopePath(readerCode: string, code: string, tenants: readonly Tenant[]): ScopeRef[] {
  const codes = [...new Set([code.slice(0, 2), code.slice(0, 4), code])].filter((c) => c.length >= readerCode.length && c.length <= code.length);
  return codes.map((c) => scopeRef(c, tenants));
}
