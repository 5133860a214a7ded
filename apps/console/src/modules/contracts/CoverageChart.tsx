import { createEffect, Show } from 'solid-js';
import { lang, t } from '../../i18n';
import { canvasTooltip, createLazyChart } from '../../components/lazy-chart';

export interface CoverageRow {
  name: string;
  rate: number;
  inForce: number;
}

/** 建制率 per federation (bars, %) with contracts in force (second axis); ECharts loads lazily. */
export default function CoverageChart(props: { rows: CoverageRow[] }) {
  let el!: HTMLDivElement;
  const { chart, failed } = createLazyChart(() => el);
  createEffect(() => {
    const c = chart();
    if (!c) return;
    lang();
    const rateName = t('contracts.coverageRate2');
    const forceName = t('contracts.inForce2');
    const narrow = el.clientWidth < 480;
    c.setOption(
      {
        color: ['#b3261e', '#3b6fb6'],
        tooltip: { ...canvasTooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, data: [rateName, forceName] },
        grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: props.rows.map((r) => r.name), axisLabel: { interval: 0, rotate: narrow && props.rows.length > 2 ? 30 : 0 } },
        yAxis: [
          { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
          { type: 'value', minInterval: 1 },
        ],
        series: [
          { name: rateName, type: 'bar', data: props.rows.map((r) => Math.round(r.rate * 10) / 10) },
          { name: forceName, type: 'bar', yAxisIndex: 1, data: props.rows.map((r) => r.inForce) },
        ],
      },
      true,
    );
  });
  return (
    <>
      <div ref={el} class="chart chart--coverage" role="img" aria-label={t('contracts.coverageRateByFederation')} />
      <Show when={failed()}>
        <p class="muted">{t('contracts.theChartFailedToLoad')}</p>
      </Show>
    </>
  );
}
