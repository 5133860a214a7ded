import type { IndicatorFormat, IndicatorUnit, Normalisation, Text } from './indicators.js';

/**
 * How a leader reads a figure: money in yuan with 万/亿 for large sums (never fen), basis points as a percentage,
 * counts with their counter word. One implementation for the console, the print view and the Excel export.
 */
export type Lang = 'zh' | 'en';

export interface FigureStyle {
  format: IndicatorFormat;
  unit: IndicatorUnit;
  noun?: Text;
}

const grouped = (n: number, lang: Lang, digits = 0) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Trailing zeros of a fixed-point text dropped: 12.50 → 12.5, 3.0 → 3. */
const trim = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

/** Fen as a leader reads yuan: ¥3,600 · ¥12.5万 · ¥1.25亿 (en: ¥3,600 · ¥125k · ¥12.5m). */
export function yuanText(fen: number, lang: Lang): string {
  const yuan = fen / 100;
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(yuan);
  if (lang === 'zh') {
    if (abs >= 1e8) return `${sign}¥${trim((abs / 1e8).toFixed(2))}亿`;
    if (abs >= 1e4) return `${sign}¥${trim((abs / 1e4).toFixed(abs >= 1e6 ? 0 : abs >= 1e5 ? 1 : 2))}万`;
  } else {
    if (abs >= 1e6) return `${sign}¥${trim((abs / 1e6).toFixed(2))}m`;
    if (abs >= 1e4) return `${sign}¥${trim((abs / 1e3).toFixed(1))}k`;
  }
  return `${sign}¥${grouped(abs, lang, Number.isInteger(abs) ? 0 : 2)}`;
}

/** Basis points as a percentage with at most one decimal: 8750 → 87.5%. */
export const percentText = (bp: number): string => `${trim((Math.round(bp / 10) / 10).toFixed(1))}%`;

/** The unit a figure is read in, for a column head or an axis: 元, %, 人, or the count's counter word. */
export function unitText(style: FigureStyle, lang: Lang): string {
  if (style.format === 'yuan') return lang === 'zh' ? '元' : 'yuan';
  if (style.format === 'percent') return '%';
  if (style.unit === 'people') return lang === 'zh' ? '人' : 'people';
  if (style.unit === 'days') return lang === 'zh' ? '天' : 'days';
  if (style.unit === 'points') return lang === 'zh' ? '分' : 'points';
  return style.noun?.[lang] ?? '';
}

/** A figure as it is shown: "¥12.5万", "87.5%", "1,234 人", "56 家"; "—" when there is no value. */
export function figureText(value: number | null | undefined, style: FigureStyle, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (style.format === 'yuan') return yuanText(value, lang);
  if (style.format === 'percent') return percentText(value);
  const number = style.format === 'decimal1' ? grouped(value, lang, 1) : grouped(value, lang);
  const unit = unitText(style, lang);
  return unit ? `${number} ${unit}` : number;
}

export const PER_LABEL: Record<Normalisation, Text> = {
  members: { zh: '每万名职工', en: 'per 10,000 members' },
  units: { zh: '每百家基层工会', en: 'per 100 grassroots unions' },
};

/** The size a normalisation divides by: the federation's members or its grassroots unions. */
export const PER_DENOMINATOR: Record<Normalisation, string> = { members: 'units.members', units: 'units.count' };
const PER_SCALE: Record<Normalisation, number> = { members: 10_000, units: 100 };

/**
 * A value per 万名职工 or per 100 基层工会, to two decimals (money stays in fen, rounded to whole fen); null when the
 * federation has no members or units on record — a fair comparison is impossible, not zero.
 */
export function normalised(value: number, size: number, per: Normalisation, format: IndicatorFormat): number | null {
  if (!(size > 0)) return null;
  const raw = (value * PER_SCALE[per]) / size;
  return format === 'yuan' ? Math.round(raw) : Math.round(raw * 100) / 100;
}

/** A normalised figure: "3.25 家/每万名职工" reads badly, so the unit comes first and the basis after: "3.25 家 · 每万名职工". */
export function normalisedText(value: number | null, style: FigureStyle, per: Normalisation, lang: Lang): string {
  if (value === null) return '—';
  const figure = style.format === 'yuan' ? yuanText(value, lang) : `${grouped(value, lang, 2)}${unitText(style, lang) ? ` ${unitText(style, lang)}` : ''}`;
  return `${figure} · ${PER_LABEL[per][lang]}`;
}

/**
 * The change from last year as a leader reads it: a rate moves in percentage points (+2.3 个百分点), anything else
 * by its own share (+12.5%); "—" with nothing to compare (no value, or nothing last year).
 */
export function changeText(value: number | null | undefined, previous: number | null | undefined, style: FigureStyle, lang: Lang): string {
  if (value === null || value === undefined || previous === null || previous === undefined) return '—';
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
  if (style.format === 'percent') {
    const points = Math.round((value - previous) / 10) / 10;
    return `${sign(points)}${trim(Math.abs(points).toFixed(1))}${lang === 'zh' ? ' 个百分点' : ' pts'}`;
  }
  if (previous === 0) return value === 0 ? '±0%' : '—';
  const share = ((value - previous) / Math.abs(previous)) * 100;
  return `${sign(share)}${trim(Math.abs(share).toFixed(1))}%`;
}
