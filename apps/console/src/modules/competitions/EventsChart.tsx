import { ChartBox } from '../../components/ChartBox';
import { canvasTooltip } from '../../components/lazy-chart';
import { t } from '../../i18n';

export interface EventBar {
  name: string;
  contestants: number;
}

/** Registered contestants per 赛项 of a competition (bars); ECharts loads lazily. */
export default function EventsChart(props: { rows: EventBar[] }) {
  return (
    <ChartBox
      class="cmp-chart"
      label={t('competitions.chart.label', { summary: props.rows.map((r) => `${r.name} ${r.contestants}`).join('，') })}
      failed={t('competitions.chart.failed')}
      option={(box) => ({
        color: ['#b3261e'],
        tooltip: { ...canvasTooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: props.rows.map((r) => r.name), axisLabel: { interval: 0, rotate: box.clientWidth < 480 && props.rows.length > 2 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: t('competitions.chart.contestants'), type: 'bar', data: props.rows.map((r) => r.contestants), label: { show: true, position: 'top' } }],
      })}
    />
  );
}
