import { shanghaiYear } from '../../format';
import { createResource, createSignal, Show } from 'solid-js';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { CategoryBars } from '../../components/ChartBox';
import { t } from '../../i18n';
import { errorText } from '../../toast';
import { AID_KINDS, FUND_SOURCES, TIERS } from './shared';
import './hardship.css';


function Bars(props: { label: string; names: string[]; values: number[]; color: string; testId: string }) {
  return <CategoryBars label={props.label} names={props.names} values={props.values} color={props.color} testid={props.testId} failed={t('hardship.charts.failed')} />;
}

/** Leadership charts from rollups only: households by tier, funds granted by kind. No PII. */
export default function HardshipCharts() {
  const [year, setYear] = createSignal(shanghaiYear());
  const [data, { refetch }] = createResource(year, (y) => query('rollups.overview', { year: y }));
  const m = (k: string) => data()?.totals[k] ?? 0;
  return (
    <section aria-labelledby="hs-charts-title">
      <div class="page-head">
        <h1 id="hs-charts-title">{t('hardship.charts.title')}</h1>
        <div>
          <input type="number" aria-label={t('hardship.year')} value={year()} class="year-input" onChange={(e) => setYear(Number(e.currentTarget.value))} />{' '}
          <button type="button" class="btn" onClick={() => void refetch()}>{t('common.refresh')}</button>
        </div>
      </div>
      <Show when={data.error}><Banner kind="error">{errorText(data.error)}</Banner></Show>
      <Show when={data()}>
        <p class="muted">{data()!.scope.name} · {t('hardship.charts.households')} {m('hardship.households')} · {t('hardship.charts.exits')} {m('hardship.exits')} · {t('hardship.charts.reentries')} {m('hardship.reentries')}
          <Show when={m('hardship.approvals')}> · {t('hardship.charts.avgDays')} {(m('hardship.daysToApproval') / m('hardship.approvals')).toFixed(1)}</Show>
        </p>
        <div class="card">
          <h2>{t('hardship.charts.byTier')}</h2>
          <Bars label={t('hardship.charts.byTier')} testId="chart-tiers" color="#b3261e" names={TIERS.map((x) => t(`hardship.tier.${x}`))} values={TIERS.map((x) => m(`hardship.households.${x}`))} />
        </div>
        <div class="card">
          <h2>{t('hardship.charts.byKind')}</h2>
          <Bars label={t('hardship.charts.byKind')} testId="chart-kinds" color="#3b6fb6" names={AID_KINDS.map((x) => t(`hardship.kind.${x}`))} values={AID_KINDS.map((x) => m(`hardship.aid.amountFen.${x}`) / 100)} />
        </div>
        <div class="card">
          <h2>{t('hardship.charts.bySource')}</h2>
          <Bars label={t('hardship.charts.bySource')} testId="chart-sources" color="#6a8f3a" names={FUND_SOURCES.map((x) => t(`hardship.source.${x}`))} values={FUND_SOURCES.map((x) => m(`hardship.aid.amountFen.source.${x}`) / 100)} />
        </div>
      </Show>
    </section>
  );
}
