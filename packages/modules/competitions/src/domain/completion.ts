import { invalid } from '@ufp/core/errors';
import type { Scheme } from './scheme.js';

/**
 * 完成用时: the time a contestant's practical work took (whole seconds), recorded per work number by the chief judge or
 * the organiser's time-keeper. It is the first step of the usual tie-break cascade. The practical parts' time limits
 * (`timeLimitMinutes`, added) are the limit: the work is stopped at the limit, so no completion time can exceed it.
 */

/** The practical work's limit in seconds (its parts' limits added); undefined when no practical part sets one. */
export function practicalTimeLimitSeconds(scheme: Pick<Scheme, 'parts'>): number | undefined {
  const limits = scheme.parts.filter((p) => p.kind === 'practical' && p.timeLimitMinutes !== undefined).map((p) => p.timeLimitMinutes! * 60);
  return limits.length ? limits.reduce((a, b) => a + b, 0) : undefined;
}

/** "2:05:09" / "45:00" for a number of seconds. */
export function durationText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** What a time-keeper types: "1:25:30", "85:30" (minutes may exceed 59) or "5130" seconds → seconds; anything else null. */
export function parseDuration(text: string): number | null {
  const parts = text.trim().split(/[:：]/);
  if (parts.length > 3 || parts.some((p) => !/^\d{1,5}$/.test(p))) return null;
  const [a, b, c] = parts.map(Number) as [number, number?, number?];
  if (parts.length === 1) return a;
  if (parts.length === 2) return b! < 60 ? a * 60 + b! : null;
  return b! < 60 && c! < 60 ? a * 3600 + b! * 60 + c! : null;
}

/** Refuses a completion time that is not a positive whole number of seconds, or beyond the practical time limit. */
export function assertCompletionTime(seconds: number, limitSeconds: number | undefined, field: string): void {
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw invalid({ zh: '完成用时须为正整数秒', en: 'A completion time is a positive whole number of seconds' }, { field });
  }
  if (limitSeconds !== undefined && seconds > limitSeconds) {
    throw invalid(
      { zh: `完成用时 ${durationText(seconds)} 超过实操限时 ${durationText(limitSeconds)}（到时即停止操作）`, en: `Completion time ${durationText(seconds)} is beyond the practical time limit of ${durationText(limitSeconds)} (work stops at the limit)` },
      { field, reason: 'over_time_limit', limitSeconds },
    );
  }
}
