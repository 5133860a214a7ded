/**
 * Instants are stored as ISO strings in UTC; refusals show them as the wall-clock time in China (UTC+8, no DST), to the
 * minute, the way competition notices state them ("2026-06-01 18:00").
 */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** { zh: "2026-06-01 18:00", en: "2026-06-01 18:00 (UTC+8)" }. */
export const instantText = (iso: string): { zh: string; en: string } => ({ zh: beijingTime(iso), en: `${beijingTime(iso)} (UTC+8)` });
