import { addDays, addYears } from '@ufp/core/calendar/dates';
import type { EvidenceRef } from '@ufp/core/evidence/model';
import type { Contract } from './contract.js';

/**
 * 履约监督: an effective contract is checked at least once each contract year and the check reported to the 职代会
 * (local rules). Contract year n runs from the effective date's (n−1)th anniversary to the day before its nth, the
 * last one cut at the term's end; its check is due by its last day.
 */

/** One yearly 履约 check as recorded: who checked, which terms were kept and which not, and whether the 职代会 heard it. */
export interface PerformanceCheck {
  /** The contract year it answers (1 from the effective date); absent on checks recorded by calendar year before. */
  contractYear?: number;
  /** The calendar year (checks recorded before contract years were counted). */
  year?: number;
  checkedOn: string;
  checkers?: string[];
  items?: { item: string; kept: boolean; note?: string }[];
  findings: string;
  breaches?: string;
  reportedToCongress?: boolean;
  reportedOn?: string;
  /** The checked files the check cites (检查记录、职代会报告、整改材料). */
  evidence?: EvidenceRef[];
  /** The contract year's last day, and whether the check came by then. */
  dueOn?: string;
  onTime?: boolean;
}

type Dated = Pick<Contract, 'effectiveOn' | 'term'>;

/** The first and last day of contract year `n` (the last cut at the term's end). */
export function contractYearSpan(c: Dated & { effectiveOn: string }, n: number): { from: string; dueOn: string } {
  const from = addYears(c.effectiveOn, n - 1);
  const end = addDays(addYears(c.effectiveOn, n), -1);
  return { from, dueOn: end < c.term.end ? end : c.term.end };
}

/** The contract years a check has answered. */
const answered = (c: Pick<Contract, 'performanceChecks'>) => new Set(c.performanceChecks.map((p) => p.contractYear).filter((n): n is number => n !== undefined));

/**
 * The contract year whose check is owed on `on`: the earliest one begun by then (and inside the term) that has no check yet,
 * or undefined when every year begun is checked (or the contract never took effect).
 */
export function owedContractYear(c: Dated & Pick<Contract, 'performanceChecks'>, on: string): { contractYear: number; from: string; dueOn: string } | undefined {
  if (!c.effectiveOn) return undefined;
  const done = answered(c);
  const withEffect = { ...c, effectiveOn: c.effectiveOn };
  for (let n = 1; n < 100; n++) {
    const span = contractYearSpan(withEffect, n);
    if (span.from > on || span.from > c.term.end) return undefined;
    if (!done.has(n)) return { contractYear: n, ...span };
  }
  return undefined;
}
