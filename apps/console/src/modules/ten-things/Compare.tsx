import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { canvasTooltip, createLazyChart } from '../../components/lazy-chart';
import { formatNumber, lang, t } from '../../i18n';
import { errorText } from '../../toast';
import { pct, STATUSES, statusLabel } from './labels';
import './ten-things.css';


const m = (r: { metrics: Record<string, number> }, k: string) => r.metrics[k] ?? 0;
const meanCompletion = (r: { metrics: Record<string, number> }) => (m(r, 'tenThings.items.adopted') ? m(r, 'tenThings.completionBp') / 10_000 / m(r, 'tenThings.items.adopted') : 0);

/** Leadership view: every tenant in scope side by side, from rollups only (no records, no PII). */
export default function Compare() {
  const [year, setYear] = createSignal(new Date().getFullYear());
  const [data] = createResource(year, (y) => query('rollups.overview', { year: y }));
  const rows = () => (data()?.rows ?? []).filter((r) => m(r, 'tenThings.items.adopted') > 0);
  let el!: HTMLDivElement;
  const { chart } = createLazyChart(() => el);
  createEffect(() => {
    const c = chart();
    if (!c) return;
    lang();
    const rs = rows();
    c.setOption(
      {
        tooltip: { ...canvasTooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: rs.map((r) => r.name) },
        yAxis: { type: 'value', minInterval: 1 },
        color: ['#1f7a3f', '#3b6fb6', '#c77700', '#c0262d', '#6b1a1a'],
        series: STATUSES.map((s) => ({ name: statusLabel(s), type: 'bar', stack: 'status', data: rs.map((r) => m(r, `tenThings.items.${s}`)) })),
      },
      true,
    );
  });
  return (
    <section aria-labelledby="tt-compare-title">
      <div class="page-head">
        <h1 id="tt-compare-title">{t('tenThings.compare')}</h1>
        <div class="field">
          <label for="tt-compare-year">{t('tenThings.year')}</label>
          <input id="tt-compare-year" type="number" min="2000" max="2100" value={year()} onChange={(e) => setYear(Number(e.currentTarget.value))} />
        </div>
      </div>
      <p class="muted">{t('tenThings.compareIntro')}</p>
      <Show when={data.error}>
        <Banner kind="error">{errorText(data.error)}</Banner>
      </Show>
      <div class="tt-chart" ref={el} role="img" aria-label={t('tenThings.compare')} />
      <div class="table-wrap">
        <table data-testid="tt-compare">
          <thead>
            <tr>
              <th>{t('tenThings.tenant')}</th>
              <th>{t('tenThings.adoptedCount')}</th>
              <th>{t('tenThings.meanCompletion')}</th>
              <For each={STATUSES}>{(s) => <th>{statusLabel(s)}</th>}</For>
              <th>{t('tenThings.reports')}</th>
              <th>{t('tenThings.meanSatisfaction')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <td>{r.name}</td>
                  <td class="num">{formatNumber(m(r, 'tenThings.items.adopted'))}</td>
                  <td class="num">{pct(meanCompletion(r))}</td>
                  <For each={STATUSES}>{(s) => <td class="num">{formatNumber(m(r, `tenThings.items.${s}`))}</td>}</For>
                  <td class="num">{formatNumber(m(r, 'tenThings.progress.reports'))}</td>
                  <td class="num">{m(r, 'tenThings.ratings') ? (m(r, 'tenThings.ratingSum') / m(r, 'tenThings.ratings')).toFixed(2) : '—'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
