import { createEffect, Show } from 'solid-js';
import { formatNumber, lang, t } from '../../i18n';
import { canvasTooltip, createLazyChart } from '../../components/lazy-chart';

export interface ChartRow {
  name: string;
  units: number;
  members: number;
}

/** Bar chart of units and members per tenant. ECharts is imported lazily on mount. */
export default function OverviewChart(props: { rows: ChartRow[]; unitsLabel: string; membersLabel: string }) {
  let el!: HTMLDivElement;
  const { chart, failed } = createLazyChart(() => el);

  createEffect(() => {
    const c = chart();
    if (!c) return;
    lang(); // re-render the labels on a language switch
    const rows = props.rows;
    const narrow = el.clientWidth < 480;
    c.setOption(
      {
        color: ['#b3261e', '#3b6fb6'],
        tooltip: {
          ...canvasTooltip,
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v)),
        },
        legend: { top: 0, data: [props.unitsLabel, props.membersLabel] },
        grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: rows.map((r) => r.name),
          axisLabel: { interval: 0, rotate: narrow && rows.length > 2 ? 30 : 0 },
        },
        yAxis: [
          {
            type: 'value',
            name: props.unitsLabel,
            nameTextStyle: { align: 'left' },
            minInterval: 1,
            splitLine: { show: true },
          },
          {
            type: 'value',
            name: props.membersLabel,
            nameTextStyle: { align: 'right' },
            minInterval: 1,
            splitLine: { show: false },
          },
        ],
        series: [
          { name: props.unitsLabel, type: 'bar', yAxisIndex: 0, data: rows.map((r) => r.units), barMaxWidth: 36 },
          { name: props.membersLabel, type: 'bar', yAxisIndex: 1, data: rows.map((r) => r.members), barMaxWidth: 36 },
        ],
      },
      { notMerge: true },
    );
  });

  return (
    <div class="chart-wrap">
      <div ref={el} class="chart" role="img" aria-label={t('overview.chart')} data-ready={chart() ? 'true' : 'false'} />
      <Show when={!chart() && !failed()}>
        <p class="chart__status" role="status">
          {t('overview.chartLoading')}
        </p>
      </Show>
      <Show when={failed()}>
        <p class="chart__status error-text">{t('overview.chartFailed')}</p>
      </Show>
    </div>
  );
}
