import type { SeverityBand } from '@ufp/competitions/domain/severity';
import { ChartBox } from '../../components/ChartBox';
import { canvasTooltip } from '../../components/lazy-chart';
import { t } from '../../i18n';
import { pct1 } from './shared';

/** The bands' colours: severe cold (left of zero), lenient warm (right), balanced grey; the legend's chips match (competitions.css). */
export const BAND_COLOURS: Record<SeverityBand, string> = { severe: '#2f5f9e', balanced: '#8a94a6', lenient: '#c2571a' };

export interface DeviationBar {
  name: string;
  bp: number;
  band: SeverityBand;
}

/** Horizontal bars, one per row, the box growing with the rows. */
function HorizontalBars(props: { rows: number; inset: number; testid: string; label: string; option: () => Record<string, unknown> }) {
  return <ChartBox class="cmp-chart cmp-chart--bars" testid={props.testid} label={props.label} height={Math.max(160, props.inset + props.rows * 34)} option={() => props.option()} failed={t('competitions.an.chartFailed')} />;
}

/** Each judge's mean deviation (% of the scale) as a horizontal bar diverging from zero: severe left, lenient right. */
export function DeviationChart(props: { rows: DeviationBar[] }) {
  const option = () => {
    const rows = props.rows;
    const reach = Math.max(5, ...rows.map((r) => Math.abs(r.bp) / 100)) * 1.35;
    return {
      tooltip: { ...canvasTooltip, trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}：${pct1(p.value * 100, true)}` },
      grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: -Math.ceil(reach), max: Math.ceil(reach), axisLabel: { formatter: '{value}%' }, name: t('competitions.an.chartAxis'), nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLine: { show: false, onZero: false }, axisTick: { show: false }, axisLabel: { interval: 0 } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: rows.map((r) => ({
            value: r.bp / 100,
            itemStyle: { color: BAND_COLOURS[r.band] },
            label: { show: true, position: r.bp < 0 ? 'left' : 'right', formatter: () => pct1(r.bp, true) },
          })),
        },
      ],
    };
  };
  return (
    <HorizontalBars
      rows={props.rows.length}
      inset={48}
      testid="cmp-deviation-chart"
      label={t('competitions.an.chartLabel', { summary: props.rows.map((r) => `${r.name} ${pct1(r.bp, true)}`).join('，') })}
      option={option}
    />
  );
}

/** Winners per trade (horizontal bars, the trades' names legible on a phone). */
export function TradeChart(props: { rows: { tradeCode: string; winners: number }[] }) {
  const option = () => ({
    color: ['#b3261e'],
    tooltip: { ...canvasTooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    yAxis: { type: 'category', data: props.rows.map((r) => r.tradeCode), inverse: true, axisLabel: { interval: 0 } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('competitions.prov.winners'), type: 'bar', barMaxWidth: 24, data: props.rows.map((r) => r.winners), label: { show: true, position: 'right' } }],
  });
  return (
    <HorizontalBars
      rows={props.rows.length}
      inset={32}
      testid="cmp-trade-chart"
      label={t('competitions.prov.chartLabel', { summary: props.rows.map((r) => `${r.tradeCode} ${r.winners}`).join('，') })}
      option={option}
    />
  );
}
