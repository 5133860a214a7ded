import type { YearDeltas } from '@ufp/core/rollups/indicators';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import type { ConsumerDeps, NotRecountable } from '@ufp/kit/module';
import { valuesFromDeltas, yearOfInstant } from '@ufp/kit/recount';
import type { Fund, Grant, HardshipFile } from './domain/file.js';
import { approvalMetrics, budgetMetrics, daysBetween, fileActions, fileMetricDeltas, grantMetrics, nextStatus, type FileAction, type FileStatus } from './domain/workflow.js';
import { hardshipIndicators } from './metrics.js';
import { HardshipStore } from './store.js';

const isAction = (a: string): a is FileAction => (fileActions as readonly string[]).includes(a);

/** The status after a recorded step, or undefined for an entry the workflow would not have taken from `status`. */
function stepTo(status: FileStatus, action: FileAction): FileStatus | undefined {
  try {
    return nextStatus(status, action);
  } catch {
    return undefined;
  }
}

/**
 * The deltas a file's timeline implies, replayed step by step as `decideStep` emitted them: households on file as
 * it enters and leaves 建档, an approval with its days from submission, exits and re-entries — each in the
 * Asia/Shanghai year the step was recorded (the file's events name no year). The timeline does not keep the tier
 * each step had, so every step is counted with the file's current tier: exact for the current year and for the
 * total on file; an earlier year's split by tier is the current tier's.
 */
export function fileDeltas(file: Pick<HardshipFile, 'timeline' | 'tier' | 'submittedOn'>): YearDeltas[] {
  const out: YearDeltas[] = [];
  let status: FileStatus = 'draft';
  for (const entry of file.timeline) {
    const to: FileStatus | undefined = isAction(entry.action) ? stepTo(status, entry.action) : undefined;
    if (!to) continue;
    const on = entry.on ?? entry.at.slice(0, 10);
    const metrics = { ...fileMetricDeltas({ status, tier: file.tier }, { status: to, tier: file.tier }), ...(entry.action === 'approve' && file.submittedOn ? approvalMetrics(daysBetween(file.submittedOn, on)) : {}) };
    out.push({ year: yearOfInstant(entry.at), metrics });
    status = to;
  }
  return out;
}

/** A grant's deltas, in the grant's year (the event names it). */
export const grantDeltas = (grants: readonly Pick<Grant, 'year' | 'kind' | 'fundSource' | 'amountFen'>[]): YearDeltas[] => grants.map((g) => ({ year: g.year, metrics: grantMetrics(g) }));

/** A year's budgets by fund source (each change was counted as its difference, in the budget's year). */
export const budgetDeltas = (funds: readonly Pick<Fund, 'year' | 'source' | 'budgetFen'>[]): YearDeltas[] => funds.map((f) => ({ year: f.year, metrics: budgetMetrics(f.source, 0, f.budgetFen) }));

/**
 * Overdue clocks as the files are marked now (the daily tick marks a clock the day after its last day, the answering
 * step unmarks it; the file keeps no dates of its marks): exact for the current year, and an earlier year is read
 * as today's marks.
 */
export const overdueDeltas = (files: readonly Pick<HardshipFile, 'overdueClocks'>[], year: number): YearDeltas[] => [{ year, metrics: { 'hardship.clocks.overdue': files.reduce((n, f) => n + (f.overdueClocks?.length ?? 0), 0) } }];

/** Every hardship indicator is recountable: files keep their timeline, grants are never deleted. */
export const notRecountable: readonly NotRecountable[] = [];

export async function recount(deps: ConsumerDeps, tenant: Tenant, year: number): Promise<Record<string, number>> {
  const store = new HardshipStore(deps.table, deps.cursors);
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: { sub: 'recount', roles: [] } };
  const [files, grants, funds] = await Promise.all([store.allFiles(scope), store.allGrants(scope), store.funds(scope, year)]);
  return valuesFromDeltas(hardshipIndicators, year, [...files.flatMap(fileDeltas), ...grantDeltas(grants), ...budgetDeltas(funds), ...overdueDeltas(files, year)]);
}

export const recounting = { recount, notRecountable };
