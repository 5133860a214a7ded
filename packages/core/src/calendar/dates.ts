/** Plain calendar dates (`YYYY-MM-DD`), computed in UTC so no time zone can shift a day. */
const DAY_MS = 86_400_000;

/** A real calendar day written `YYYY-MM-DD` (no 02-30, no month 13: those would roll over or be invalid). */
export const isIsoDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = fromIso(s);
  return !Number.isNaN(d.getTime()) && toIso(d) === s;
};

export function fromIso(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return toIso(new Date(fromIso(date).getTime() + n * DAY_MS));
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((fromIso(b).getTime() - fromIso(a).getTime()) / DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (01-31 + 1 month → 02-28/29). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return toIso(target);
}

export const addYears = (date: string, n: number): string => addMonths(date, 12 * n);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => fromIso(date).getUTCDay();

export const yearOf = (date: string): number => Number(date.slice(0, 4));
