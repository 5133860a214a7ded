import { ChartBox } from '../../components/ChartBox';
import { canvasTooltip } from '../../components/lazy-chart';
import { label, t } from '../../i18n';
import { figure, nameOf } from './fmt';
import type { IndicatorView } from './source';

const PALETTE = ['#b3261e', '#3b6fb6', '#e08a1e', '#2e8b57', '#7b5ea7', '#5f6b7a', '#c2571a'];

export interface ChartPoint {
  name: string;
  value: number | null;
}

/** A cockpit chart: values are written with the indicator's own format, so an axis of money reads ¥ with 万, never fen. */
function LazyChart(props: { testid: string; label: string; height: number; option: () => Record<string, unknown> }) {
  return (
    <div class="ck-chart-wrap">
      <ChartBox class="ck-chart" testid={props.testid} label={props.label} height={props.height} option={() => props.option()} loading={t('cockpit.chartLoading')} failed={t('cockpit.chartFailed')} />
    </div>
  );
}

/** A section's chart: a donut of shares or horizontal bars (legible category names on a phone). */
export function SectionChart(props: { kind: 'bars' | 'donut' | 'gauge'; title: { zh: string; en: string }; points: { key: string; value: number | null }[]; indicators: Record<string, IndicatorView> }) {
  const rows = (): ChartPoint[] => props.points.map((p) => ({ name: nameOf(props.indicators[p.key]) || '—', value: p.value }));
  const ind = (i: number) => props.indicators[props.points[i]?.key ?? ''];
  const text = (v: number | null, i: number) => figure(v, ind(i));
  const summary = () => `${label(props.title)}：${rows().map((r, i) => `${r.name} ${text(r.value, i)}`).join('，')}`;
  const donut = () => ({
    color: PALETTE,
    tooltip: { ...canvasTooltip, trigger: 'item', formatter: (p: { name: string; value: number; dataIndex: number; percent: number }) => `${p.name}：${text(p.value, p.dataIndex)}（${p.percent}%）` },
    legend: { bottom: 0, left: 'center', type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { show: true, formatter: (p: { dataIndex: number; value: number }) => text(p.value, p.dataIndex) },
        data: rows().map((r) => ({ name: r.name, value: r.value ?? 0 })),
      },
    ],
  });
  const bars = () => ({
    color: [PALETTE[1]],
    tooltip: { ...canvasTooltip, trigger: 'item', formatter: (p: { name: string; value: number; dataIndex: number }) => `${p.name}：${text(p.value, p.dataIndex)}` },
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    yAxis: { type: 'category', data: rows().map((r) => r.name), inverse: true, axisTick: { show: false }, axisLabel: { interval: 0, width: 110, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => text(v, 0), hideOverlap: true } },
    series: [{ type: 'bar', barMaxWidth: 22, data: rows().map((r) => r.value ?? 0), label: { show: true, position: 'right', formatter: (p: { dataIndex: number; value: number }) => text(p.value, p.dataIndex) } }],
  });
  return (
    <figure class="ck-figure-chart">
      <figcaption>{label(props.title)}</figcaption>
      <LazyChart testid={`ck-chart-${props.kind}`} label={summary()} height={props.kind === 'donut' ? 260 : Math.max(150, 24 + rows().length * 34)} option={props.kind === 'donut' ? donut : bars} />
    </figure>
  );
}

/** An indicator over time: a line across the months of the year, or bars for the years. */
export function TrendChart(props: { points: ChartPoint[]; indicator: IndicatorView; mode: 'months' | 'years'; caption: string }) {
  const text = (v: number | null) => figure(v, props.indicator);
  const option = () => ({
    color: [PALETTE[0]],
    tooltip: { ...canvasTooltip, trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? text(v) : '—') },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: props.points.map((p) => p.name), axisLabel: { hideOverlap: true } },
    // Counts tick in whole numbers (a fractional tick would print as a rounded, repeated label).
    yAxis: { type: 'value', ...(props.indicator.format === 'integer' && { minInterval: 1 }), axisLabel: { formatter: (v: number) => text(v), hideOverlap: true } },
    series: [
      props.mode === 'months'
        ? { type: 'line', name: nameOf(props.indicator), data: props.points.map((p) => p.value), connectNulls: false, symbolSize: 6 }
        : { type: 'bar', name: nameOf(props.indicator), data: props.points.map((p) => p.value), barMaxWidth: 36, label: { show: true, position: 'top', formatter: (p: { value: number }) => text(p.value) } },
    ],
  });
  return (
    <figure class="ck-figure-chart">
      <figcaption>{props.caption}</figcaption>
      <LazyChart testid="ck-chart-trend" label={`${props.caption}：${props.points.map((p) => `${p.name} ${text(p.value)}`).join('，')}`} height={240} option={option} />
    </figure>
  );
}
