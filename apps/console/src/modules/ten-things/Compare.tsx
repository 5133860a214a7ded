import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { query, type RouterOutputs } from '../../api';
import { Banner } from '../../components/Banner';
import { canvasTooltip, createLazyChart } from '../../components/lazy-chart';
import { formatNumber, lang, t } from '../../i18n';
import { errorText } from '../../toast';
import { pct, STATUSES, statusLabel } from './labels';
import './ten-things.css';


type Overview = RouterOutputs['rollups']['overview'];

const m = (r: { metrics: Record<string, number> }, k: string) => r.metrics[k] ?? 0;
const withItems = (d: Overview | undefined) => (d?.rows ?? []).filter((r) => m(r, 'tenThings.items.adopted') > 0);
/** Years searched for data when the page opens: next year's plan (voted in December) back to five years ago. */
const PROBE_AHEAD = 1;
const PROBE_BACK = 5;
const meanCompletion = (r: { metrics: Record<string, number> }) => (m(r, 'tenThings.items.adopted') ? m(r, 'tenThings.completionBp') / 10_000 / m(r, 'tenThings.items.adopted') : 0);

/** Leadership view: every tenant in scope side by side, from rollups only (no records, no PII). */
export default function Compare() {
  const current = new Date().getFullYear();
  // One request per year, shared by the search for the latest year with data and the year shown.
  const loaded = new Map<number, Promise<Overview>>();
  const load = (y: number) => {
    let p = loaded.get(y);
    if (!p) {
      p = query('rollups.overview', { year: y });
      loaded.set(y, p);
      p.catch(() => loaded.delete(y));
    }
    return p;
  };
  /** The latest year with adopted items (null: none in the years searched); the page opens on it. */
  const [latest] = createResource(async () => {
    let failure: unknown;
    let answered = false;
    for (let y = current + PROBE_AHEAD; y >= current - PROBE_BACK; y--) {
      try {
        if (withItems(await load(y)).length > 0) return y;
        answered = true;
      } catch (e) {
        failure = e;
      }
    }
    if (!answered && failure) throw failure;
    return null;
  });
  // An errored resource throws when read: read values through `state` only.
  const latestYear = () => (latest.state === 'ready' ? latest() : undefined);
  const searching = () => latest.state === 'pending' || latest.state === 'unresolved';
  const [chosen, setYear] = createSignal<number>();
  const year = () => chosen() ?? (searching() ? undefined : (latestYear() ?? current));
  const [data] = createResource(year, (y) => load(y));
  const overview = () => (data.state === 'ready' || data.state === 'refreshing' ? data() : undefined);
  const rows = () => withItems(overview());
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
          <input id="tt-compare-year" type="number" min="2000" max="2100" value={year() ?? ''} onChange={(e) => setYear(Number(e.currentTarget.value))} />
        </div>
      </div>
      <p class="muted">{t('tenThings.compareIntro')}</p>
      <Show when={searching() && !chosen()}>
        <p class="muted" role="status">{t('tenThings.compareFinding')}</p>
      </Show>
      <Show when={data.error ?? latest.error}>
        {(err) => <Banner kind="error">{errorText(err())}</Banner>}
      </Show>
      {/* Why a chart is empty: a year without adopted items, with the way to the latest year that has some. */}
      <Show when={!chosen() && latestYear() && latestYear() !== current && rows().length > 0}>
        <p class="muted" data-testid="tt-compare-note">{t('tenThings.compareShowingLatest', { current, latest: latestYear()! })}</p>
      </Show>
      <Show when={data.state === 'ready' && rows().length === 0}>
        <Banner
          kind="info"
          action={
            <Show when={latestYear() && latestYear() !== year()}>
              <button type="button" class="btn" onClick={() => setYear(latestYear()!)}>
                {t('tenThings.compareGoLatest', { latest: latestYear()! })}
              </button>
            </Show>
          }
        >
          <span data-testid="tt-compare-empty">{latestYear() ? t('tenThings.compareEmptyYear', { year: year()! }) : t('tenThings.compareEmptyAny')}</span>
        </Banner>
      </Show>
      <div class="tt-chart" ref={el} role="img" aria-label={t('tenThings.compare')} hidden={rows().length === 0} />
      <div class="table-wrap" hidden={rows().length === 0}>
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
