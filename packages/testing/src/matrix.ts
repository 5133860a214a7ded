import type { AnyRouter } from '@trpc/server';
import { moduleOfPath } from '@ufp/core/roles';
import { roleKeys, type AccessRow, type AccessTable, type RoleKey } from './access.js';

/** The roles every authenticated caller in good standing holds (`me`, the platform calendar, public pages). */
export const everyone: readonly RoleKey[] = roleKeys.filter((r) => r !== 'federation_staff(disabled)');

/**
 * The columns allowed to call a procedure, from its row. Staff assigned to 帮扶 only may call what staff may,
 * except the other modules' procedures (十件实事, 集体合同 — the holiday calendar included, it is 集体合同's);
 * their public pages stay public. Added here rather than in each row: the rule is the design.
 */
export function expectedColumns(path: string, row: Pick<AccessRow, 'allow'>): readonly RoleKey[] {
  if (row.allow === 'public') return roleKeys;
  const module = moduleOfPath(path);
  const otherModule = module !== undefined && module !== 'hardship';
  const roles = row.allow === 'signed-in' ? everyone : row.allow;
  if (otherModule) return roles.filter((r) => r !== 'federation_staff(hardship only)');
  return roles.includes('federation_staff') && !roles.includes('federation_staff(hardship only)') ? [...roles, 'federation_staff(hardship only)'] : roles;
}

export function proceduresOf(router: AnyRouter): Record<string, 'query' | 'mutation'> {
  const procedures = router._def.procedures as Record<string, { _def: { type: string } }>;
  return Object.fromEntries(Object.entries(procedures).map(([path, p]) => [path, p._def.type === 'mutation' ? 'mutation' : 'query']));
}

/** Procedures of the router without a row, and rows naming no procedure. */
export function matrixGaps(router: AnyRouter, access: AccessTable): { missing: string[]; stale: string[] } {
  const paths = Object.keys(proceduresOf(router)).sort();
  return { missing: paths.filter((p) => !(p in access)), stale: Object.keys(access).filter((p) => !paths.includes(p)) };
}

/** What a refused call answers, per column: a disabled user's token is no longer an identity (401); the rest 403. */
export const refusal = (role: RoleKey) => (role === 'federation_staff(disabled)' ? { status: 401, code: 'UNAUTHORIZED' } : { status: 403, code: 'FORBIDDEN' });

/** Statuses an allowed call may answer with valid input: done, or a record that is not there / stale. */
export const allowedStatuses = [200, 404, 409];
