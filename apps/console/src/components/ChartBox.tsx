import { createEffect, Show } from 'solid-js';
import { lang } from '../i18n';
import { canvasTooltip } from './lazy-chart';
import { createLazyChart } from './lazy-chart';

/**
 * One lazily loaded ECharts box: the option is set again when it, or the language, changes; the box's height (when
 * given) is set through the CSSOM, which the CSP allows (no style attribute). `data-ready` tells tests the chart
 * is drawn; the failure text shows when the chart code cannot be loaded, the loading text (if any) until it is.
 */
export function ChartBox(props: { class: string; testid?: string; label: string; height?: number; option: (box: HTMLDivElement) => Record<string, unknown>; failed: string; loading?: string; values?: readonly number[] }) {
  let el!: HTMLDivElement;
  const { chart, failed } = createLazyChart(() => el);
  createEffect(() => {
    const c = chart();
    if (!c) return;
    lang();
    const option = props.option(el);
    if (props.height !== undefined) el.style.height = `${props.height}px`;
    c.resize();
    c.setOption(option, true);
  });
  return (
    <>
      <div ref={el} class={props.class} role="img" data-testid={props.testid} data-ready={chart() ? 'true' : 'false'} data-values={props.values?.join(',')} aria-label={props.label} />
      <Show when={props.loading && !chart() && !failed()}>
        <p class="chart-status muted small" role="status">
          {props.loading}
        </p>
      </Show>
      <Show when={failed()}>
        <p class="chart-status error-text">{props.failed}</p>
      </Show>
    </>
  );
}

/** Counts by category as horizontal bars (category names such as 中央财政帮扶资金 stay legible on a phone), one colour. */
export function CategoryBars(props: { label: string; names: readonly string[]; values: readonly number[]; color: string; testid: string; failed: string }) {
  return (
    <div class="chart-wrap">
      <ChartBox
        class="chart"
        testid={props.testid}
        label={props.label}
        values={props.values}
        failed={props.failed}
        option={() => ({
          color: [props.color],
          tooltip: { ...canvasTooltip, trigger: 'axis' },
          grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
          yAxis: { type: 'category', data: [...props.names], inverse: true, axisLabel: { interval: 0 } },
          xAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: [...props.values], barMaxWidth: 28, label: { show: true, position: 'right' } }],
        })}
      />
    </div>
  );
}
