// Money and days as federation staff type and read them, one implementation for every module.
import { lang, locale } from './i18n';

/** Yuan as typed ("1,234.5", "480，00") → integer fen without floating-point error; undefined when it is not an amount. */
export function parseYuan(text: string): number | undefined {
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，\s]/g, ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : undefined;
}

/** Fen as yuan in the UI's language ("¥1,234.50"); "—" when there is no amount. */
export function yuan(fen: number | undefined | null): string {
  if (fen === undefined || fen === null) return '—';
  return `¥${(fen / 100).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Today (plus `offsetDays`) in Asia/Shanghai as YYYY-MM-DD: the day the federation's clocks and forms count in. */
export function shanghaiToday(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** This year in Asia/Shanghai. */
export const shanghaiYear = (): number => Number(shanghaiToday().slice(0, 4));

/** A rollup indicator's value as its dictionary says to show it: a whole number, yuan, a percentage (basis points) or one decimal. */
export function formatIndicator(value: number, format: 'integer' | 'yuan' | 'percent' | 'decimal1'): string {
  if (format === 'yuan') return yuan(value);
  if (format === 'percent') return `${(value / 100).toLocaleString(locale(), { maximumFractionDigits: 1 })}%`;
  if (format === 'decimal1') return value.toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return value.toLocaleString(locale());
}
