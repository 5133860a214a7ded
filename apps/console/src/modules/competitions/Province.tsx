import { createResource, createSignal, For, Show } from 'solid-js';
import { ActionBanner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { t } from '../../i18n';
import { errorText } from '../../toast';
import { ComparisonNote, MethodNote, OutlierBadge } from './Analytics';
import { TradeChart } from './AnalyticsCharts';
import { cq } from './call';
import type { ProvinceAnalyticsView } from './contract';
import { bi, CompetitionClass, label, pct1, StageKind, zScore } from './shared';
import './competitions.css';

type PanelRow = ProvinceAnalyticsView['panels'][number];
type FederationRow = ProvinceAnalyticsView['federations'][number];
type ClassRow = ProvinceAnalyticsView['byClass'][number];

/** 技能竞赛统计 (leadership, and staff for their own scope): a year's winners by trade and level, panels with outliers, federations. Aggregates only. */
export default function Province() {
  const [year, setYear] = createSignal<number>();
  const [data, { refetch }] = createResource(
    () => (year() !== undefined ? { year: year()! } : {}),
    (input) => cq('competitions.analytics.province', input),
  );
  return (
    <section aria-labelledby="cmp-prov-title" class="cmp cmp-report">
      <div class="page-head">
        <h1 id="cmp-prov-title">{t('competitions.prov.title')}</h1>
        <p>{t('competitions.prov.intro')}</p>
      </div>
      <Show when={data.error}>
        <ActionBanner actionLabel={t('common.retry')} onAction={() => void refetch()}>
          {errorText(data.error)}
        </ActionBanner>
      </Show>
      <Show when={!data.error && !data.latest}>
        <p role="status">{t('common.loading')}</p>
      </Show>
      <Show when={!data.error && data.latest}>
        {(d) => (
          <Show
            when={d().year !== null}
            fallback={
              <div class="card" data-testid="cmp-prov-empty">
                <p>{t('competitions.prov.empty')}</p>
              </div>
            }
          >
            <div class="cmp-row">
              <Field id="cmp-prov-year" label={t('competitions.prov.year')}>
                <select id="cmp-prov-year" value={d().year ?? ''} onChange={(e) => setYear(Number(e.currentTarget.value))}>
                  <For each={[...d().years].reverse()}>{(y) => <option value={y}>{t('competitions.an.yearN', { year: y })}</option>}</For>
                </select>
              </Field>
              <button type="button" class="btn cmp-noprint" onClick={() => window.print()}>
                {t('competitions.prov.print')}
              </button>
            </div>
            <Body data={d()} busy={data.loading} />
          </Show>
        )}
      </Show>
    </section>
  );
}

function Body(props: { data: ProvinceAnalyticsView; busy: boolean }) {
  const d = () => props.data;
  const sum = (k: 'events' | 'contestants' | 'winners' | 'honoursRecommended') => d().byTrade.reduce((s, r) => s + r[k], 0);
  const figures = () => [
    { key: 'events', label: t('competitions.prov.events'), value: sum('events') },
    { key: 'contestants', label: t('competitions.prov.contestants'), value: sum('contestants') },
    { key: 'winners', label: t('competitions.prov.winners'), value: sum('winners') },
    { key: 'honours', label: t('competitions.prov.honours'), value: sum('honoursRecommended') },
    { key: 'outliers', label: t('competitions.prov.outliers'), value: d().panels.filter((p) => p.outlier).length },
  ];
  return (
    <div class="cmp-report__body" aria-busy={props.busy}>
      <h2 class="visually-hidden">{t('competitions.prov.headline')}</h2>
      <ul class="cmp-figures" data-testid="cmp-prov-figures">
        <For each={figures()}>
          {(f) => (
            <li class="card" data-figure={f.key}>
              <span class="cmp-figures__value">{f.value}</span>
              <span class="muted">{f.label}</span>
            </li>
          )}
        </For>
      </ul>
      <div class="card">
        <h2>{t('competitions.prov.byTrade')}</h2>
        <TradeChart rows={d().byTrade} />
      </div>
      <div class="card">
        <h2>{t('competitions.prov.byClass')}</h2>
        <DataTable<ClassRow>
          label={t('competitions.prov.byClass')}
          rows={d().byClass}
          columns={[
            { label: () => t('competitions.prov.class'), cell: (r) => label(CompetitionClass, r.competitionClass), class: 'cell--primary' },
            { label: () => t('competitions.prov.events'), cell: (r) => r.events, class: 'num' },
            { label: () => t('competitions.prov.contestants'), cell: (r) => r.contestants, class: 'num' },
            { label: () => t('competitions.prov.winners'), cell: (r) => r.winners, class: 'num' },
            { label: () => t('competitions.prov.honours'), cell: (r) => r.honoursRecommended, class: 'num' },
          ]}
        />
      </div>
      <div class="card">
        <h2>{t('competitions.prov.panels')}</h2>
        <ComparisonNote comparison={d().comparison} />
        <DataTable<PanelRow>
          label={t('competitions.prov.panels')}
          rows={d().panels}
          rowClass={(p) => (p.outlier ? 'cmp-outlier' : '')}
          columns={[
            { label: () => t('competitions.an.event'), cell: (p) => `${bi(p.eventName)} · ${label(StageKind, p.stage)}`, class: 'cell--primary' },
            { label: () => t('competitions.prov.federation'), cell: (p) => p.tenantName },
            { label: () => t('competitions.an.competition'), cell: (p) => bi(p.competitionName) },
            { label: () => t('competitions.prov.class'), cell: (p) => label(CompetitionClass, p.competitionClass) },
            { label: () => t('competitions.an.judgeCount'), cell: (p) => p.judges, class: 'num' },
            { label: () => t('competitions.an.meanAbs'), cell: (p) => pct1(p.meanAbsBp), class: 'num' },
            { label: () => t('competitions.an.spread'), cell: (p) => pct1(p.biasSpreadBp), class: 'num' },
            { label: () => t('competitions.an.flaggedShare'), cell: (p) => pct1(p.flaggedShareBp), class: 'num' },
            { label: () => t('competitions.an.z'), cell: (p) => zScore(p.zHundredths), class: 'num' },
            { label: () => t('competitions.an.outlier'), cell: (p) => <OutlierBadge outlier={p.outlier} /> },
          ]}
        />
      </div>
      <div class="card">
        <h2>{t('competitions.prov.federations')}</h2>
        <DataTable<FederationRow>
          label={t('competitions.prov.federations')}
          rows={d().federations}
          columns={[
            { label: () => t('competitions.prov.federation'), cell: (f) => f.tenantName, class: 'cell--primary' },
            { label: () => t('competitions.prov.panelCount'), cell: (f) => f.panels, class: 'num' },
            { label: () => t('competitions.prov.outlierCount'), cell: (f) => f.outliers, class: 'num' },
            { label: () => t('competitions.prov.marks'), cell: (f) => f.marks, class: 'num' },
            { label: () => t('competitions.an.meanAbs'), cell: (f) => pct1(f.meanAbsBp), class: 'num' },
          ]}
        />
      </div>
      <MethodNote comparison={d().comparison} />
    </div>
  );
}
