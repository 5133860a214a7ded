import type { MetricDeltas } from '../events.js';
import type { Contract } from './contract.js';

/**
 * What an in-force contract contributes to the rollups (counts and sums only): contracts in
 * force by type and industry, covered employees and enterprises, and the agreed wage growth as
 * a sum (in basis points) and a count, so any level can average it.
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

export function mergeMetrics(...parts: MetricDeltas[]): MetricDeltas {
  const out: MetricDeltas = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = (out[k] ?? 0) + v;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

/**
 * The rollup years a contract counts as in force: every calendar year from the one it takes
 * effect in to the one its term ends in. A year's rollup then answers "contracts in force during
 * the year" without carrying stock across years, and expiry never makes a year's count negative.
 */
export function inForceYears(effectiveOn: string, termEnd: string, fromYear?: number): number[] {
  const first = Math.max(Number(effectiveOn.slice(0, 4)), fromYear ?? 0);
  const last = Number(termEnd.slice(0, 4));
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}
