import { z } from 'zod';
import { WorkCalendar } from '@ufp/core/calendar/calendar';
import { shippedNotices, type HolidayNotice } from '@ufp/core/calendar/notices';
import { queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';

/**
 * The working-day calendar of the platform's legal clocks: the shipped 国务院办公厅 holiday notices plus
 * those the operator loaded (contracts' calendar page writes them at PLATFORM / CALENDAR#<year>). Any
 * module counting working days (劳动合同 clocks, 劳模 公示) reads it from here.
 */

const date = z.string();
export const storedNotice = z.object({
  year: z.number().int(),
  off: z.array(z.union([date, z.tuple([date, date])])),
  work: z.array(date),
  source: z.string(),
  version: z.number().int(),
  loadedAt: z.string(),
  loadedBy: z.string(),
  /** The operator's name as the token gave it (absent on older notices). */
  loadedByName: z.string().optional(),
});
export type StoredNotice = z.output<typeof storedNotice>;

/** Loaded holiday notices, read by every tenant's clocks. */
export async function loadedNotices(table: Table): Promise<StoredNotice[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': 'PLATFORM', ':p': 'CALENDAR#' },
  });
  return items.map((i) => parseStored(storedNotice, i, 'holiday notice'));
}

const calendarCache = new Map<string, { at: number; calendar: WorkCalendar }>();

/**
 * The working-day calendar every clock uses: the shipped notices plus those the operator loaded
 * (a loaded year replaces a shipped one). Cached for a few seconds per table; `fresh` skips it.
 */
export async function workCalendar(table: Table, opts: { fresh?: boolean } = {}): Promise<WorkCalendar> {
  const hit = calendarCache.get(table.name);
  if (!opts.fresh && hit && Date.now() - hit.at < 5_000) return hit.calendar;
  const calendar = calendarOf(await loadedNotices(table));
  calendarCache.set(table.name, { at: Date.now(), calendar });
  return calendar;
}

/** The notices in force: the shipped ones, each replaced by a loaded notice of the same year. */
export function noticesInForce(loaded: readonly HolidayNotice[]): (HolidayNotice & { origin: 'shipped' | 'loaded' })[] {
  const years = new Set(loaded.map((n) => n.year));
  return [...shippedNotices.filter((n) => !years.has(n.year)).map((n) => ({ ...n, origin: 'shipped' as const })), ...loaded.map((n) => ({ ...n, origin: 'loaded' as const }))].sort((a, b) => a.year - b.year);
}

export const calendarOf = (loaded: readonly HolidayNotice[]): WorkCalendar => new WorkCalendar(noticesInForce(loaded));
