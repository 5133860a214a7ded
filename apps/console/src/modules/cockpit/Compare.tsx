import { createMemo, For, Show } from 'solid-js';
import { label, t } from '../../i18n';
import { TrendChart } from './Charts';
import { measureLabel, measureText, nameOf, scopeOfDivision, shortName } from './fmt';
import type { IndicatorView, Measure, OverviewData, RankingData, TrendData } from './source';

type Row = RankingData['rows'][number];
const BUCKETS = 5;

/** The compare selector: every comparable indicator, grouped by the section (module) it belongs to. */
export function IndicatorSelect(props: { overview: OverviewData; value: string; onChange: (key: string) => void }) {
  const groups = createMemo(() => {
    const titles = new Map(props.overview.sections.map((s) => [s.module, s.title] as const));
    const byModule = new Map<string, IndicatorView[]>();
    for (const ind of props.overview.comparable) byModule.set(ind.module, [...(byModule.get(ind.module) ?? []), ind]);
    return [...byModule].map(([module, items]) => ({ title: titles.get(module), items }));
  });
  return (
    <div class="field ck-field">
      <label for="ck-indicator">{t('cockpit.indicator')}</label>
      <select id="ck-indicator" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={groups()}>
          {(g) => (
            <optgroup label={g.title ? label(g.title) : '—'}>
              <For each={g.items}>
                {(i) => (
                  <option value={i.key} selected={i.key === props.value}>
                    {nameOf(i)}
                  </option>
                )}
              </For>
            </optgroup>
          )}
        </For>
      </select>
    </div>
  );
}

export function MeasureSelect(props: { measures: Measure[]; value: Measure; onChange: (m: Measure) => void }) {
  return (
    <div class="field ck-field">
      <label for="ck-measure">{t('cockpit.measure')}</label>
      <select id="ck-measure" value={props.value} disabled={props.measures.length < 2} onChange={(e) => props.onChange(e.currentTarget.value as Measure)}>
        <For each={props.measures}>
          {(m) => (
            <option value={m} selected={m === props.value}>
              {measureLabel(m)}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

/** Where the median row goes: before the first federation that measures worse than the median (or has no measure). */
function medianIndex(rows: Row[], median: number | null, better: IndicatorView['better']): number {
  if (median === null) return -1;
  const worse = (m: number) => (better === 'lower' ? m > median : m < median);
  const i = rows.findIndex((r) => r.measure === null || worse(r.measure));
  return i === -1 ? rows.length : i;
}

/** The ranked table: the median marked, the reader's own federation highlighted, each federation a drill-down. */
export function RankingTable(props: { ranking: RankingData; scopeName: string; ownTenantId?: string; onDrill: (scope: string) => void }) {
  const at = () => medianIndex(props.ranking.rows, props.ranking.median, props.ranking.indicator.better);
  const text = (v: number | null) => measureText(v, props.ranking.indicator, props.ranking.measure);
  const MedianRow = () => (
    <tr class="ck-median" data-testid="ck-median">
      <td>—</td>
      <th scope="row">{t('cockpit.medianRow', { scope: props.scopeName })}</th>
      <td class="num">{text(props.ranking.median)}</td>
    </tr>
  );
  return (
    <div class="ck-scroll" role="region" tabindex="0" aria-label={t('cockpit.rankingTable', { indicator: nameOf(props.ranking.indicator) })}>
      <table class="ck-table ck-rank" aria-label={t('cockpit.rankingTable', { indicator: nameOf(props.ranking.indicator) })}>
        <thead>
          <tr>
            <th scope="col">{t('cockpit.rank')}</th>
            <th scope="col">{t('cockpit.federation')}</th>
            <th scope="col" class="num">
              {measureLabel(props.ranking.measure)}
            </th>
          </tr>
        </thead>
        <tbody>
          <Show when={props.ranking.rows.length === 0}>
            <tr>
              <td colspan="3" class="muted">
                {t('cockpit.rankingEmpty')}
              </td>
            </tr>
          </Show>
          <For each={props.ranking.rows}>
            {(r, i) => (
              <>
                <Show when={i() === at()}>
                  <MedianRow />
                </Show>
                <tr classList={{ 'ck-own': r.tenantId === props.ownTenantId }} aria-current={r.tenantId === props.ownTenantId ? 'true' : undefined}>
                  <td>{r.rank ?? '—'}</td>
                  <th scope="row">
                    <button type="button" class="ck-link" onClick={() => props.onDrill(scopeOfDivision(r.divisionCode))}>
                      {r.name}
                    </button>
                    <Show when={r.tenantId === props.ownTenantId}>
                      <span class="tag">{t('cockpit.you')}</span>
                    </Show>
                    <Show when={r.status === 'suspended'}>
                      <span class="tag tag--off">{t('tenants.status.suspended')}</span>
                    </Show>
                  </th>
                  <td class="num">{text(r.measure)}</td>
                </tr>
              </>
            )}
          </For>
          <Show when={props.ranking.rows.length > 0 && at() === props.ranking.rows.length}>
            <MedianRow />
          </Show>
        </tbody>
      </table>
    </div>
  );
}

/**
 * A schematic tile grid (NOT a map: maps published in China need a 审图号, and no boundary data ships): the
 * federations grouped by city, each tile its short name and value, coloured in five steps of the chosen measure.
 */
export function TileGrid(props: { ranking: RankingData; cityNames: Map<string, string>; onDrill: (scope: string) => void }) {
  const range = createMemo(() => {
    const values = props.ranking.rows.flatMap((r) => (r.measure === null ? [] : [r.measure]));
    return values.length ? { min: Math.min(...values), max: Math.max(...values) } : undefined;
  });
  const bucket = (m: number | null): string => {
    const r = range();
    if (m === null || !r) return 'none';
    if (r.max === r.min) return String(BUCKETS - 1);
    return String(Math.min(BUCKETS - 1, Math.floor(((m - r.min) / (r.max - r.min)) * BUCKETS)));
  };
  const cities = createMemo(() => {
    const groups = new Map<string, Row[]>();
    for (const r of [...props.ranking.rows].sort((a, b) => a.divisionCode.localeCompare(b.divisionCode))) {
      const city = r.divisionCode.slice(0, 4);
      groups.set(city, [...(groups.get(city) ?? []), r]);
    }
    return [...groups].map(([code, rows]) => ({ code, name: props.cityNames.get(code) ?? rows.find((r) => r.divisionCode === `${code}00`)?.name ?? code, rows }));
  });
  const text = (v: number | null) => measureText(v, props.ranking.indicator, props.ranking.measure);
  const legend = createMemo(() => {
    const r = range();
    if (!r) return [];
    return Array.from({ length: r.max === r.min ? 1 : BUCKETS }, (_, i) => {
      const b = r.max === r.min ? BUCKETS - 1 : i;
      const from = r.max === r.min ? r.min : r.min + ((r.max - r.min) * i) / BUCKETS;
      return { b, text: r.max === r.min ? text(r.min) : `≥ ${text(Math.round(from * 100) / 100)}` };
    });
  });
  return (
    <div class="ck-tiles-wrap" data-testid="ck-tiles">
      <h3 class="ck-tiles__title">{t('cockpit.tiles')}</h3>
      <p class="muted small ck-tiles__note">{t('cockpit.tilesNote')}</p>
      <div class="ck-tiles">
        <For each={cities()}>
          {(c) => (
            <div class="ck-city">
              <h4 class="ck-city__name">{c.name}</h4>
              <ul class="ck-city__tiles">
                <For each={c.rows}>
                  {(r) => (
                    <li>
                      <button type="button" class={`ck-tile ck-tile--b${bucket(r.measure)}`} title={r.name} onClick={() => props.onDrill(scopeOfDivision(r.divisionCode))}>
                        <span class="ck-tile__name">{shortName(r.name)}</span>
                        <span class="ck-tile__value">{text(r.measure)}</span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          )}
        </For>
      </div>
      <div class="ck-legend" aria-label={t('cockpit.tilesLegend')} role="group">
        <span class="muted small">{t('cockpit.tilesLegend')}：</span>
        <For each={legend()}>
          {(l) => (
            <span class="ck-legend__item">
              <span class={`ck-swatch ck-tile--b${l.b}`} aria-hidden="true" />
              {l.text}
            </span>
          )}
        </For>
        <span class="ck-legend__item">
          <span class="ck-swatch ck-tile--bnone" aria-hidden="true" />
          {t('cockpit.tilesNone')}
        </span>
      </div>
    </div>
  );
}

/** The years from the first with a figure (the last three at least): a row of empty years before the platform says nothing. */
function sinceFirstFigure<Y extends { value: number | null }>(years: Y[]): Y[] {
  const first = years.findIndex((y) => y.value !== null && y.value !== 0);
  return years.slice(Math.max(0, Math.min(first === -1 ? years.length : first, years.length - 3)));
}

/** The trend of the chosen indicator: months (flows, period figures) or years (stocks), with a toggle. */
export function Trend(props: { trend: TrendData; mode: 'months' | 'years'; onMode: (m: 'months' | 'years') => void }) {
  const points = () =>
    props.mode === 'months'
      ? props.trend.months.map((m) => ({ name: t('cockpit.month', { month: m.month }), value: m.value }))
      : sinceFirstFigure(props.trend.years).map((y) => ({ name: String(y.year), value: y.value }));
  const caption = () =>
    `${nameOf(props.trend.indicator)} · ${props.mode === 'months' ? t('cockpit.trendMonthsOf', { year: props.trend.year }) : props.trend.indicator.kind === 'stock' ? t('cockpit.trendYearsOf') : t('cockpit.trendYearsFlowOf')}`;
  return (
    <div class="ck-trend">
      <div class="ck-toggle ck-noprint" role="group" aria-label={t('cockpit.trend')}>
        <button type="button" class="btn btn--small" aria-pressed={props.mode === 'months'} onClick={() => props.onMode('months')}>
          {t('cockpit.trendMonths')}
        </button>
        <button type="button" class="btn btn--small" aria-pressed={props.mode === 'years'} onClick={() => props.onMode('years')}>
          {t('cockpit.trendYears')}
        </button>
      </div>
      <TrendChart points={points()} indicator={props.trend.indicator} mode={props.mode} caption={caption()} />
    </div>
  );
}
