import { createEffect, Show } from 'solid-js';
import { lang } from '../../i18n';
import { canvasTooltip, createLazyChart } from '../../components/lazy-chart';
import { tx } from './shared';

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
    const rateName = tx('建制率（%）', 'Coverage rate (%)');
    const forceName = tx('生效合同（份）', 'In force');
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
      <div ref={el} class="chart chart--coverage" role="img" aria-label={tx('各单位集体合同建制率', 'Coverage rate by federation')} />
      <Show when={failed()}>
        <p class="muted">{tx('图表加载失败，请查看下方数据表。', 'The chart failed to load; see the table below.')}</p>
      </Show>
    </>
  );
}
