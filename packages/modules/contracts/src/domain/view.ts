import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import { addDays } from '@ufp/core/calendar/dates';
import { openClocks, type OpenClock } from './clocks.js';
import type { Contract, ContractSettings, ContractStatus, ContractType, Industry } from './contract.js';
import { nextSteps, type LifecycleStep } from './lifecycle.js';

/** What a contract looks like to callers: the record plus its open steps and running clocks. */
export type ContractView = Contract & { nextSteps: LifecycleStep[]; clocks: OpenClock[] };

export const contractView = (c: Contract, settings: ContractSettings, on: string, cal: WorkCalendar): ContractView => ({ ...c, nextSteps: nextSteps(c), clocks: openClocks(c, settings, on, cal) });

export interface ContractFilter {
  type?: ContractType;
  status?: ContractStatus;
  industry?: Industry;
  unitId?: string;
  /** In force and ending on or before this date. */
  endingBy?: string;
  /** Title or any employer party contains this. */
  q?: string;
}

/** The ledger filter a caller sends (`expiringWithinDays` counted from `today`). */
export interface LedgerQuery {
  type?: ContractType;
  status?: ContractStatus;
  industry?: Industry;
  unitId?: string;
  expiringWithinDays?: number;
  q?: string;
}

export function contractFilter(query: LedgerQuery | undefined, today: string): ContractFilter {
  return {
    type: query?.type,
    status: query?.status,
    industry: query?.industry,
    unitId: query?.unitId,
    endingBy: query?.expiringWithinDays !== undefined ? addDays(today, query.expiringWithinDays) : undefined,
    q: query?.q?.trim() || undefined,
  };
}

export function matchesFilter(c: Contract, f: ContractFilter): boolean {
  if (f.type && c.type !== f.type) return false;
  if (f.status && c.status !== f.status) return false;
  if (f.industry && c.scope?.industry !== f.industry) return false;
  if (f.unitId && c.unitId !== f.unitId) return false;
  if (f.endingBy && !((c.status === 'effective' || c.status === 'expiring') && c.term.end <= f.endingBy)) return false;
  const q = f.q;
  if (q && !(c.title.includes(q) || c.employerParties.some((p) => p.name.includes(q)))) return false;
  return true;
}
