import type { YearDeltas } from '@ufp/core/rollups/indicators';
import type { Tenant } from '@ufp/core/tenancy/scope';
import type { ConsumerDeps, NotRecountable } from '@ufp/kit/module';
import { valuesFromDeltas, yearOfInstant } from '@ufp/kit/recount';
import type { Contract, ContractStatus } from './domain/contract.js';
import { changeDay, contractStepMetrics, statusChangeMetrics, unitCoverageMetrics } from './domain/metrics.js';
import { contractIndicators } from './metrics.js';
import { outcomeMetrics } from './domain/outcomes.js';
import { yearOf } from '@ufp/core/calendar/dates';
import { ContractRepository, workCalendar } from './store.js';
import { markedSince } from './domain/clocks.js';
import { shanghaiDate } from '@ufp/core/clock';

/** History steps that change a contract's status in or out of force, and the status each leaves it in. */
const statusSteps: Record<string, ContractStatus> = { effective: 'effective', expiring: 'expiring', expired: 'expired', terminate: 'terminated' };

/** A status change replayed from the history: when it was recorded, the year its deltas belong to, and them. */
interface Change {
  at: string;
  year: number;
  unitId?: string;
  inForce: number;
  metrics: Record<string, number>;
}

type Recounted = Pick<Contract, 'type' | 'scope' | 'coveredEmployees' | 'coveredEnterprises' | 'clauses' | 'history' | 'term' | 'effectiveOn' | 'unitId' | 'outcomes' | 'amends'>;

/**
 * One contract's deltas, replayed from its history as the steps emitted them: created (a renewal's successor
 * too), signed and renewal steps in the Asia/Shanghai year they were recorded; the status changes in and out of
 * force in the year the daily clock dates them (`changeDay`), a termination in the year it was recorded. An
 * amendment (变更协议) counts none of these: it is not a contract of its own (its duties' outcomes still count). A
 * contract's clause-based stocks (wage growth) are replayed with its clauses as they are now, amendments merged.
 */
export function contractChanges(c: Recounted): { steps: YearDeltas[]; changes: Change[] } {
  const steps: YearDeltas[] = [];
  const changes: Change[] = [];
  if (c.amends) return { steps, changes };
  let status: ContractStatus = 'draft';
  for (const h of c.history) {
    if (h.step === 'create') steps.push({ year: yearOfInstant(h.at), metrics: { ...contractStepMetrics.created } });
    if (h.step === 'sign') steps.push({ year: yearOfInstant(h.at), metrics: { ...contractStepMetrics.signed } });
    if (h.step === 'renew') steps.push({ year: yearOfInstant(h.at), metrics: { 'contracts.renewed': 1 } });
    const to = statusSteps[h.step];
    if (!to) continue;
    const metrics = statusChangeMetrics(c, status, to);
    const year = to === 'terminated' ? yearOfInstant(h.at) : Number(changeDay(c, to as 'effective' | 'expiring' | 'expired', c.effectiveOn ?? h.on).slice(0, 4));
    changes.push({ at: h.at, year, unitId: c.unitId, inForce: metrics['contracts.inForce'] ?? 0, metrics });
    status = to;
  }
  return { steps, changes };
}

/**
 * 建制: a unit is covered while it has a contract in force. Its counter is replayed over every contract's changes in
 * the order they were recorded, and the 0 → 1 and 1 → 0 moves are counted in the year of the change that made them.
 */
export function unitCoverageDeltas(changes: readonly Change[]): YearDeltas[] {
  const counts = new Map<string, number>();
  const out: YearDeltas[] = [];
  for (const ch of [...changes].sort((a, b) => a.at.localeCompare(b.at))) {
    if (!ch.unitId || ch.inForce === 0) continue;
    const before = counts.get(ch.unitId) ?? 0;
    const after = Math.max(0, before + ch.inForce);
    counts.set(ch.unitId, after);
    const m = unitCoverageMetrics(before, after);
    if (Object.keys(m).length) out.push({ year: ch.year, metrics: m });
  }
  return out;
}

/** Every deltas of a tenant's contracts; the duties' outcomes as kept on each (see `settle`). */
export function contractDeltas(contracts: readonly Recounted[]): YearDeltas[] {
  const replayed = contracts.map(contractChanges);
  const changes = replayed.flatMap((r) => r.changes);
  const outcomes = contracts.flatMap((c) => (c.outcomes ?? []).map((o) => ({ year: yearOf(o.on), metrics: outcomeMetrics(o) })));
  return [...replayed.flatMap((r) => r.steps), ...changes.map((ch) => ({ year: ch.year, metrics: ch.metrics })), ...unitCoverageDeltas(changes), ...outcomes];
}

/** Every 集体合同 indicator is recountable: a contract keeps the history of its steps and status changes. */
export const notRecountable: readonly NotRecountable[] = [];

export async function recount(deps: ConsumerDeps, tenant: Tenant, year: number): Promise<Record<string, number>> {
  const store = new ContractRepository(deps.table);
  const [contracts, settings, calendar] = await Promise.all([store.all({ tenantId: tenant.id }), store.settings(tenant.id), workCalendar(deps.table)]);
  // Overdue legal clocks as the contracts are marked now, each dated the day it became overdue (the marks made by the
  // year's end): exact for the current year; an earlier year misses marks answered since.
  const today = shanghaiDate(deps.clock.now());
  const overdue = contracts.flatMap((c) => markedSince(c, settings, today, calendar)).filter((since) => yearOf(since) <= year).length;
  return valuesFromDeltas(contractIndicators, year, [...contractDeltas(contracts), { year, metrics: { 'contracts.clocks.overdue': overdue } }]);
}

export const recounting = { recount, notRecountable };
