import { DomainError } from '@ufp/core/errors';
import { PER_LABEL } from '@ufp/core/rollups/format';
import { metricsForRanking, rankFederations, type Measure } from '../domain/compare.js';
import { federationsIn, scopeRef } from '../domain/scope.js';
import { versionOf } from '../store.js';
import { indicatorView, inputsOf, resolve, storeOf, valueOf, visibleTo, type Reader } from './context.js';

export interface RankingInput {
  scope?: string;
  year?: number;
  indicator: string;
  measure?: Measure;
}

/** The indicator asked for, if the reader may see it; else a 400 naming it. */
export function rankedIndicator(reader: Reader, key: string) {
  const dictionary = reader.deps.indicators;
  const view = indicatorView(dictionary, key);
  if (!view || !visibleTo(reader, dictionary)(key)) {
    throw new DomainError('invalid', { zh: `未知的指标：${key}`, en: `Unknown indicator: ${key}` }, { field: 'indicator', reason: 'unknown_indicator' });
  }
  return view;
}

/**
 * The federations of a scope ranked on one indicator, raw or per 万名职工 / per 100 基层工会 when the dictionary
 * says that is the fair comparison, with the median of the scope marked. Reads each federation's row restricted
 * to the indicator's inputs and the two sizes.
 */
export async function ranking(reader: Reader, input: RankingInput) {
  const { code, year, tenants } = await resolve(reader, input);
  const indicator = rankedIndicator(reader, input.indicator);
  const measures: Measure[] = ['raw', ...(indicator.per ? [indicator.per] : [])];
  const measure = input.measure ?? indicator.per ?? 'raw';
  if (!measures.includes(measure)) {
    const offered = (lang: 'zh' | 'en') => measures.map((m) => (m === 'raw' ? (lang === 'zh' ? '原值' : 'raw values') : PER_LABEL[m][lang])).join(lang === 'zh' ? '、' : ' or ');
    throw new DomainError('invalid', { zh: `指标「${indicator.label.zh}」只能按${offered('zh')}比较`, en: `${indicator.label.en} can be compared on ${offered('en')} only` }, { field: 'measure', reason: 'measure_not_offered' });
  }
  const dictionary = reader.deps.indicators;
  const store = storeOf(reader);
  const years = await store.years(code);
  const totals = await store.totals(code, years, year);
  const values = await store.federationValues(code, years, year, metricsForRanking(inputsOf(dictionary, indicator.key)), versionOf(totals, year));
  const federations = federationsIn(code, tenants, reader.scope.tenantId);
  const ranked = rankFederations(
    federations.map((t) => {
      const v = values.get(t.id) ?? {};
      return { tenantId: t.id, name: t.name, divisionCode: t.divisionCode, value: valueOf(dictionary, v, indicator.key), size: { members: v['units.members'] ?? 0, units: v['units.count'] ?? 0 } };
    }),
    indicator,
    measure,
  );
  // A suspended federation's history stays in the ranking, marked.
  const status = new Map(federations.map((t) => [t.id, t.status]));
  return { year, scope: scopeRef(code, tenants), indicator, measure, measures, median: ranked.median, rows: ranked.rows.map((r) => ({ ...r, status: status.get(r.tenantId) ?? 'active' })) };
}
