import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import { openClocks } from './clocks.js';
import type { Contract, ContractSettings } from './contract.js';

export interface ClockChanges {
  /** Open clocks whose due day or provisional state differs between the two calendars. */
  changed: number;
  /** Of those, the ones provisional before and exact after. */
  nowExact: number;
}

/** How a calendar change moves one tenant's open clocks on `day` (its contracts, its settings). */
export function clockChanges(contracts: readonly Contract[], settings: ContractSettings, day: string, before: WorkCalendar, after: WorkCalendar): ClockChanges {
  const out = { changed: 0, nowExact: 0 };
  for (const c of contracts) {
    const [a, b] = [openClocks(c, settings, day, before), openClocks(c, settings, day, after)];
    a.forEach((k, i) => {
      const n = b[i];
      if (!n || n.dueOn !== k.dueOn || !!n.provisional !== !!k.provisional) out.changed++;
      if (k.provisional && n && !n.provisional) out.nowExact++;
    });
  }
  return out;
}
