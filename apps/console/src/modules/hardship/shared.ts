// Types and small helpers shared by the hardship pages.
import type { RouterOutputs } from '../../api';
import { lang } from '../../i18n';

export const AID_KINDS = ['living', 'medical', 'education', 'festival', 'temporary', 'training'] as const;
export const FUND_SOURCES = ['central', 'province', 'city', 'county', 'union', 'social', 'model_worker'] as const;
export const EVENTS = ['disaster', 'serious_accident', 'major_illness', 'epidemic'] as const;
export const TIERS = ['deep', 'relative', 'accidental'] as const;

export type FileSummary = RouterOutputs['hardship']['files']['queue'][number];
/** A row of the searchable files list: the summary with who created it, by name, and (imported drafts) when. */
export type ListedFile = RouterOutputs['hardship']['files']['list']['items'][number];
export type FileDetail = RouterOutputs['hardship']['files']['get'];
export type Grant = FileDetail['grants'][number];
export type SelfTestResult = RouterOutputs['hardship']['selfTest'];
export type Tier = FileSummary['tier'];
export type FileStatus = FileSummary['status'];

/** `"480.5"` → 48050 fen without floating-point error; undefined when not a money amount. */
export function parseYuan(text: string): number | undefined {
  const s = text.trim().replace(/,/g, '');
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function yuan(fen: number | undefined): string {
  if (fen === undefined) return '—';
  return `¥${(fen / 100).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const explanationOf = (r: { explanation: string; explanationEn: string }) => (lang() === 'en' ? r.explanationEn : r.explanation);

export function todayIso(offsetDays = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}
