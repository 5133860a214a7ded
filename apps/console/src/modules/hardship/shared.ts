// Types and small helpers shared by the hardship pages.
import type { HardshipClock } from '@ufp/core/hardship/clocks';
import { lang } from '../../i18n';

export type Tier = 'deep' | 'relative' | 'accidental' | 'not_eligible';
export type FileStatus = 'draft' | 'submitted' | 'investigated' | 'noticed' | 'approved' | 'rejected' | 'exited';
export const AID_KINDS = ['living', 'medical', 'education', 'festival', 'temporary', 'training'] as const;
export const FUND_SOURCES = ['central', 'province', 'city', 'county', 'union', 'social'] as const;
export const EVENTS = ['disaster', 'serious_accident', 'major_illness', 'epidemic'] as const;
export const TIERS = ['deep', 'relative', 'accidental'] as const;

export interface FileSummary {
  fileId: string;
  unitId: string;
  status: FileStatus;
  tier: Tier;
  tierLabel: string;
  worker: { name: string; nameMasked: string; idMasked: string; phoneMasked?: string; migrant: boolean };
  householdSize: number;
  submittedOn?: string;
  investigationDueOn?: string;
  noticeStartsOn?: string;
  noticeEndsOn?: string;
  approvedOn?: string;
  exitedOn?: string;
  followUpDueOn?: string;
  followedUpOn?: string;
  /** The file's running clocks (core `fileClocks`), nearest first; `clock` is the first. */
  clocks: HardshipClock[];
  clock?: HardshipClock;
  version: number;
  updatedAt: string;
  dueOn?: string;
  overdue?: boolean;
  reviewable?: boolean;
  otherFederations?: number;
}

export interface Grant {
  grantId: string;
  kind: (typeof AID_KINDS)[number];
  amountFen: number;
  fundSource: string;
  grantedOn: string;
  grantedBy: string;
  note?: string;
  bankAccountMasked?: string;
}

export interface FileDetail extends FileSummary {
  household: {
    members: { relation: string; name: string; idMasked?: string; annualIncomeFen?: number; health?: string }[];
    annualIncomeFen: number;
    rigidExpensesFen: number;
    hardshipCostsFen?: number;
    causes: string[];
    events: string[];
    explanation: string;
    explanationEn: string;
    perCapitaMonthlyFen: number;
  };
  findings?: string;
  timeline: { at: string; action: string; actor: string; on?: string }[];
  grants: Grant[];
  actions: string[];
  duplicate?: { year: number; otherFederations: number };
  stale: boolean;
}

export interface SelfTestResult {
  tier: Tier;
  tierLabel: string;
  tierLabelEn: string;
  explanation: string;
  explanationEn: string;
  perCapitaMonthlyFen: number;
}

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
