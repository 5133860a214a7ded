import { percent } from '@ufp/competitions/domain/scheme-problems';
import { CompetitionClass, Gender, PartKind, SkillGrade, StageKind } from '@ufp/competitions/domain/enums';
import { lang, locale } from '../../i18n';
import type { AdvancementRule, Bilingual } from './contract';

export { CompetitionClass, Gender, PartKind, SkillGrade, StageKind };

/** A bilingual value (or a plain zh string) in the UI's language. */
export function bi(v: Bilingual | string | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return lang() === 'en' ? v.en || v.zh : v.zh;
}

/** An enum value's label in the UI's language (the value itself when unknown). */
export function label<V extends string>(e: { labels: Readonly<Record<V, Bilingual>> }, v: string | undefined | null): string {
  if (!v) return '';
  const l = (e.labels as Record<string, Bilingual>)[v];
  return l ? bi(l) : v;
}

/** Basis points as a percentage: 3000 → "30%", 3001 → "30.01%". */
export const pct = percent;
/** Basis points as a percentage with one decimal in the UI's locale: 1234 → "12.3%"; `signed` marks a positive "+12.3%". */
export const pct1 = (bp: number, signed = false): string =>
  `${(bp / 100).toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1, ...(signed ? { signDisplay: 'exceptZero' as const } : {}) })}%`;
/** A modified z-score kept in hundredths: 412 → "4.12"; "—" when there were too few panels to compare. */
export const zScore = (hundredths: number | null): string => (hundredths === null ? '—' : (hundredths / 100).toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
/** Hundredths of a mark as marks: 9850 → "98.50". */
export const marks = (h: number): string => (h / 100).toFixed(2);

export function advancementText(a: AdvancementRule | undefined): string {
  if (!a) return '—';
  if (a.kind === 'topN') return lang() === 'en' ? `Top ${a.n} advance` : `前 ${a.n} 名晋级`;
  return lang() === 'en' ? `Top ${pct(a.shareBp)} advance` : `前 ${pct(a.shareBp)} 晋级`;
}

/** A datetime-local value (Asia/Shanghai wall clock) → ISO instant; '' when empty. */
export function localToIso(v: string): string {
  if (!v) return '';
  return new Date(`${v}:00+08:00`).toISOString();
}
/** ISO instant → datetime-local value in Asia/Shanghai. */
export function isoToLocal(iso: string | undefined | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16);
}

/** A 劳模-style JSON rendering of a rule setting's value, short and readable. */
export function settingValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(' → ');
  return JSON.stringify(v);
}

/** Saves a base64 file the API answered (报名表). */
export function saveBase64(file: { fileName: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const type = file.fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
