import { addDays } from '@ufp/core/calendar/dates';
import type { MetricDeltas } from '@ufp/core/events';
import { inForceStatuses, type Contract, type ContractStatus } from './contract.js';

/**
 * What an in-force contract contributes to the rollups (counts and sums only): contracts in
 * force by type and industry, covered employees and enterprises, and the agreed wage growth as
 * a sum (in basis points) and a count, so any level can average it. All stock indicators: +1 on
 * the day it takes effect, −1 on the day it expires or is terminated.
 */
export function inForceMetrics(c: Pick<Contract, 'type' | 'scope' | 'coveredEmployees' | 'coveredEnterprises' | 'clauses'>, sign: 1 | -1): MetricDeltas {
  const m: MetricDeltas = {
    'contracts.inForce': sign,
    [`contracts.inForce.byType.${c.type}`]: sign,
    'contracts.coveredEmployees': sign * c.coveredEmployees,
    'contracts.coveredEnterprises': sign * c.coveredEnterprises,
  };
  if (c.scope?.industry) m[`contracts.inForce.byIndustry.${c.scope.industry}`] = sign;
  if (c.clauses.wageGrowthPct !== undefined) {
    m['contracts.wageGrowth.sumBp'] = sign * Math.round(c.clauses.wageGrowthPct * 100);
    m['contracts.wageGrowth.count'] = sign;
  }
  return m;
}

/** Counts of lifecycle steps that are not status changes of an in-force contract (flows). */
export const contractStepMetrics = {
  created: { 'contracts.created': 1 },
  signed: { 'contracts.signed': 1 },
  renewed: { 'contracts.renewed': 1, 'contracts.created': 1 },
} as const satisfies Record<string, MetricDeltas>;

const inForce = (s: ContractStatus) => inForceStatuses.includes(s);

/**
 * The rollup deltas of a contract's status change: it enters or leaves the contracts in force, enters or
 * leaves the 90-day expiring gauge, and an expiry or termination is counted as a step of the year. An amendment
 * (变更协议) is never a contract of its own in the rollups: it never comes into force (it merges into the contract it
 * amends), and its end counts nothing.
 */
export function statusChangeMetrics(c: Pick<Contract, 'type' | 'scope' | 'coveredEmployees' | 'coveredEnterprises' | 'clauses' | 'amends'>, from: ContractStatus, to: ContractStatus): MetricDeltas {
  if (c.amends) return {};
  const parts: MetricDeltas[] = [];
  if (!inForce(from) && inForce(to)) parts.push(inForceMetrics(c, 1));
  if (inForce(from) && !inForce(to)) parts.push(inForceMetrics(c, -1));
  if (from !== 'expiring' && to === 'expiring') parts.push({ 'contracts.expiring90': 1 });
  if (from === 'expiring' && to !== 'expiring') parts.push({ 'contracts.expiring90': -1 });
  if (to === 'expired' && from !== 'expired') parts.push({ 'contracts.expired': 1 });
  if (to === 'terminated' && from !== 'terminated') parts.push({ 'contracts.terminated': 1 });
  return mergeMetrics(...parts);
}

/**
 * A unit is covered (建制) while at least one contract of it is in force. Its in-force counter moving from
 * `before` to `after` changes `contracts.unitsCovered` only on the 0 → 1 and 1 → 0 transitions.
 */
export function unitCoverageMetrics(before: number, after: number): MetricDeltas {
  if (before <= 0 && after > 0) return { 'contracts.unitsCovered': 1 };
  if (before > 0 && after <= 0) return { 'contracts.unitsCovered': -1 };
  return {};
}

/**
 * The day a status change the daily tick makes actually happened, so its stock deltas land in the right
 * year even when the tick runs late: effect on the review's due day, expiring 90 days before the end, expiry
 * the day after the end; never before the contract took effect (so no year can go below zero).
 */
export function changeDay(c: Pick<Contract, 'term'>, to: 'effective' | 'expiring' | 'expired', effectiveOn: string, expiringDays = 90): string {
  const day = to === 'effective' ? effectiveOn : to === 'expiring' ? addDays(c.term.end, -expiringDays) : addDays(c.term.end, 1);
  return day < effectiveOn ? effectiveOn : day;
}

/**
 * What an amendment taking effect moves in the rollups: the contract it amends stays one contract in force with the
 * same parties and coverage, so only its clause-based stocks (the agreed wage growth) move from the old clauses to the
 * new; nothing when the contract is not in force.
 */
export function amendedClauseMetrics(c: Pick<Contract, 'type' | 'scope' | 'coveredEmployees' | 'coveredEnterprises' | 'clauses' | 'status'>, clauses: Contract['clauses']): MetricDeltas {
  if (!inForce(c.status)) return {};
  return mergeMetrics(inForceMetrics(c, -1), inForceMetrics({ ...c, clauses }, 1));
}

export function mergeMetrics(...parts: MetricDeltas[]): MetricDeltas {
  const out: MetricDeltas = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = (out[k] ?? 0) + v;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}
