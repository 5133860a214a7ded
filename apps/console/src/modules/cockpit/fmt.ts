import { changeText, figureText, normalisedText, PER_LABEL, unitText, type FigureStyle } from '@ufp/core/rollups/format';
import { formatDateTime, label, lang, t } from '../../i18n';
import type { IndicatorView, Measure } from './source';

/**
 * How the cockpit writes a figure: always through the dictionary's format (money as ¥ with 万/亿, basis points
 * as %, counts with their counter word) — never a metric key or a value in fen.
 */
const L = (): 'zh' | 'en' => (lang() === 'en' ? 'en' : 'zh');

export const figure = (value: number | null | undefined, ind: FigureStyle | undefined): string => (ind ? figureText(value, ind, L()) : '—');
export const change = (value: number | null | undefined, previous: number | null | undefined, ind: IndicatorView): string => changeText(value, previous, ind, L());
export const unit = (ind: IndicatorView): string => unitText(ind, L());
export const nameOf = (ind: IndicatorView | undefined): string => (ind ? label(ind.label) : '');

export function measureText(value: number | null, ind: IndicatorView, measure: Measure): string {
  return measure === 'raw' ? figure(value, ind) : normalisedText(value, ind, measure, L());
}

export const measureLabel = (m: Measure): string => (m === 'raw' ? t('cockpit.measure.raw') : label(PER_LABEL[m]));

/** Which way a figure moved and whether that is good news (by the indicator's `better`). */
export function direction(value: number | null, previous: number | null, better: IndicatorView['better']): { arrow: string; tone: 'good' | 'bad' | 'flat' } {
  if (value === null || previous === null || value === previous) return { arrow: value === null || previous === null ? '' : '→', tone: 'flat' };
  const up = value > previous;
  const tone = !better ? 'flat' : (better === 'higher') === up ? 'good' : 'bad';
  return { arrow: up ? '↑' : '↓', tone };
}

export const asOfText = (at: string | undefined): string => (at ? t('cockpit.asOf', { time: formatDateTime(at) }) : t('cockpit.noData'));

/** The scope a federation stands for: a county's own code, a city federation's city, the province's federation its province. */
export function scopeOfDivision(divisionCode: string): string {
  if (divisionCode.endsWith('0000')) return divisionCode.slice(0, 2);
  if (divisionCode.endsWith('00')) return divisionCode.slice(0, 4);
  return divisionCode;
}

/** A federation's short name for a tile: without the 总工会 suffix. */
export const shortName = (name: string): string => name.replace(/(总工会|工会联合会|工会)$/, '') || name;
