import { createEffect, Show } from 'solid-js';
import { canvasTooltip, createLazyChart } from '../../components/lazy-chart';
import { lang, t } from '../../i18n';

export interface EventBar {
  name: string;
  contestants: number;
}

/** Registered contestants per 赛项 of a competition (bars); ECharts loads lazily. */
export default function EventsChart(props: { rows: EventBar[] }) {
  let el!: HTMLDivElement;
  const { chart, failed } = createLazyChart(() => el);
  createEffect(() => {
    const c = chart();
    if (!c) return;
    lang();
    const narrow = el.clientWidth < 480;
    c.setOption(
      {
        color: ['#b3261e'],
        tooltip: { ...canvasTooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: props.rows.map((r) => r.name), axisLabel: { interval: 0, rotate: narrow && props.rows.length > 2 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: t('competitions.chart.contestants'), type: 'bar', data: props.rows.map((r) => r.contestants), label: { show: true, position: 'top' } }],
      },
      true,
    );
  });
  return (
    <>
      <div ref={el} class="cmp-chart" role="img" aria-label={t('competitions.chart.label', { summary: props.rows.map((r) => `${r.name} ${r.contestants}`).join('，') })} />
      <Show when={failed()}>
        <p class="muted">{t('competitions.chart.failed')}</p>
      </Show>
    </>
  );
}
