import { createMemo, createResource, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { ActionBanner } from '../../components/Banner';
import { formatDateTime, label, t } from '../../i18n';
import { errorText } from '../../toast';
import { SectionChart } from './Charts';
import { IndicatorSelect, MeasureSelect, RankingTable, TileGrid, Trend } from './Compare';
import { measureText } from './fmt';
import { Alerts, FigureTile } from './Parts';
import type { CockpitSource, IndicatorView, Measure, OverviewData } from './source';
import './cockpit.css';

export interface CockpitState {
  scope: string | undefined;
  year: number | undefined;
  indicator: string | undefined;
  measure: Measure | undefined;
  overview: OverviewData | undefined;
  refetch: () => void;
}

type Search = { scope?: string; year?: string; ind?: string; m?: string; tr?: string };

function readSearch(): Search {
  const q = new URL(window.location.href).searchParams;
  const out: Search = {};
  for (const k of ['scope', 'year', 'ind', 'm', 'tr'] as const) {
    const v = q.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/**
 * One screen per scope, shared by the signed-in cockpit and the meeting-screen link: the breadcrumb with the
 * scopes to drill into, the headline band, the alerts, a section per module with its charts, and the comparison
 * of the federations (ranked table, schematic tiles, trend). Scope, year, indicator and measure live in the URL
 * query, so a view is linkable and Back returns to the scope before.
 */
export function CockpitScreen(props: { source: CockpitSource; ownTenantId?: string; title: (o: OverviewData | undefined) => string; note?: (o: OverviewData) => JSX.Element; actions?: (s: CockpitState) => JSX.Element; big?: boolean; onLoaded?: () => void }) {
  // Scope, year and the compare choices live in the URL query (linkable; Back returns to the scope before), kept
  // here in a signal and written with the History API. Not through the router's navigation: that runs as a
  // transition holding the page until every resource read under it settles, which could leave a drill-down or
  // a Back step showing the scope before.
  const [search, setSearchSignal] = createSignal<Search>(readSearch());
  const setSearch = (next: Search, how: 'push' | 'replace' = 'push') => {
    const merged = { ...search(), ...next };
    const url = new URL(window.location.href);
    for (const [k, v] of Object.entries(merged)) {
      if (v) url.searchParams.set(k, v);
      else url.searchParams.delete(k);
    }
    if (url.href !== window.location.href) window.history[how === 'push' ? 'pushState' : 'replaceState'](window.history.state, '', url);
    setSearchSignal(merged);
  };
  onMount(() => {
    const onPop = () => setSearchSignal(readSearch());
    window.addEventListener('popstate', onPop);
    onCleanup(() => window.removeEventListener('popstate', onPop));
  });
  const year = () => {
    const y = search().year;
    return y && /^\d{4}$/.test(y) ? Number(y) : undefined;
  };
  const scope = () => {
    const c = search().scope;
    return c && /^\d{2}(\d{2}(\d{2})?)?$/.test(c) ? c : undefined;
  };
  const choice = search;
  const choose = (next: Search) => setSearch(next, 'replace');
  const [overview, { refetch }] = createResource(
    () => `${scope() ?? ''}|${year() ?? ''}`,
    async () => {
      const o = await props.source.overview({ ...(scope() && { scope: scope() }), ...(year() && { year: year() }) });
      props.onLoaded?.();
      return o;
    },
  );
  const current = () => (overview.error ? undefined : overview.latest);
  const comparable = (key: string | undefined) => current()?.comparable.find((c) => c.key === key);
  const indicator = createMemo<IndicatorView | undefined>(() => {
    const o = current();
    if (!o) return undefined;
    return comparable(choice().ind) ?? o.comparable.find((c) => o.headline.some((h) => h.key === c.key) && c.per) ?? o.comparable.find((c) => o.headline.some((h) => h.key === c.key)) ?? o.comparable[0];
  });
  const measures = (): Measure[] => ['raw', ...(indicator()?.per ? [indicator()!.per!] : [])];
  const measure = (): Measure => (measures().includes(choice().m as Measure) ? (choice().m as Measure) : (indicator()?.per ?? 'raw'));
  const trendMode = (): 'months' | 'years' => (choice().tr === 'months' || choice().tr === 'years' ? (choice().tr as 'months' | 'years') : indicator()?.kind === 'stock' ? 'years' : 'months');
  const compareInput = () => {
    const ind = indicator();
    const o = current();
    return ind && o ? { scope: o.scope.code, year: o.year, indicator: ind.key } : undefined;
  };
  const [ranking] = createResource(() => (compareInput() ? { ...compareInput()!, measure: measure() } : undefined), (input) => props.source.ranking(input));
  const [trend] = createResource(compareInput, (input) => props.source.trend(input));

  const drill = (code: string) => setSearch({ scope: code });
  const cityNames = createMemo(() => {
    const o = current();
    const names = new Map<string, string>();
    for (const p of o?.path ?? []) if (p.level === 'city') names.set(p.code, p.name);
    for (const c of o?.children ?? []) if (c.level === 'city') names.set(c.code, c.name);
    return names;
  });
  const state = (): CockpitState => ({ scope: current()?.scope.code ?? scope(), year: current()?.year ?? year(), indicator: indicator()?.key, measure: measure(), overview: current(), refetch: () => void refetch() });

  return (
    <section class="ck-page" classList={{ 'ck-page--big': props.big }} aria-labelledby="ck-title">
      <div class="page-head ck-head">
        <div>
          <h1 id="ck-title">{props.title(current())}</h1>
          <Show when={current()}>
            {(o) => (
              <p class="muted ck-subtitle">
                {t('cockpit.subtitle', { scope: o().scope.name, year: o().year, count: o().federations })} · {t('cockpit.readAt', { time: formatDateTime(o().readAt) })}
              </p>
            )}
          </Show>
          <Show when={current() && props.note}>{props.note!(current()!)}</Show>
        </div>
        <div class="toolbar ck-toolbar ck-noprint">
          <div class="field field--inline">
            <label for="ck-year">{t('cockpit.year')}</label>
            <select id="ck-year" value={String(current()?.year ?? '')} onChange={(e) => setSearch({ year: e.currentTarget.value })}>
              <For each={current()?.years ?? []}>
                {(y) => (
                  <option value={String(y)} selected={y === current()?.year}>
                    {y}
                  </option>
                )}
              </For>
            </select>
          </div>
          <button type="button" class="btn" disabled={overview.loading} onClick={() => void refetch()}>
            {overview.loading ? t('common.loading') : t('cockpit.refresh')}
          </button>
          <Show when={props.actions}>{props.actions!(state())}</Show>
        </div>
      </div>
      <Show when={overview.error}>
        <ActionBanner actionLabel={t('common.retry')} onAction={() => void refetch()}>
          {errorText(overview.error)}
        </ActionBanner>
      </Show>
      <Show when={current()} fallback={<Show when={!overview.error}><p role="status">{t('cockpit.loading')}</p></Show>}>
        {(o) => (
          <>
            <nav class="ck-crumbs" aria-label={t('cockpit.breadcrumb')}>
              <ol>
                <For each={o().path}>
                  {(p, i) => (
                    <li>
                      <Show when={i() < o().path.length - 1} fallback={<span aria-current="page">{p.name}</span>}>
                        <button type="button" class="ck-link" onClick={() => drill(p.code)}>
                          {p.name}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
              <Show when={o().children.length > 0}>
                <div class="ck-children">
                  <span class="muted small">{t('cockpit.drill')}：</span>
                  <For each={o().children}>
                    {(c) => (
                      <button type="button" class="btn btn--small ck-child" onClick={() => drill(c.code)}>
                        {c.name}
                        <span class="muted small"> · {t('cockpit.drillCount', { count: c.federations })}</span>
                      </button>
                    )}
                  </For>
                </div>
              </Show>
            </nav>

            <section class="ck-headline ck-section ck-section--first" aria-labelledby="ck-headline-title">
              <h2 id="ck-headline-title" class="visually-hidden">
                {t('cockpit.headline')}
              </h2>
              <ul class="ck-figs ck-figs--headline">
                <For each={o().headline}>{(f) => <FigureTile figure={f} indicator={o().indicators[f.key]} big />}</For>
              </ul>
            </section>

            <Alerts alerts={o().alerts} onDrill={drill} />

            <For each={o().sections}>
              {(s) => (
                <section class="card ck-section ck-module" aria-labelledby={`ck-s-${s.module}`} data-module={s.module}>
                  <h2 id={`ck-s-${s.module}`}>{label(s.title)}</h2>
                  <div class="ck-module__body">
                    <ul class="ck-figs">
                      <For each={s.figures}>{(f) => <FigureTile figure={f} indicator={o().indicators[f.key]} />}</For>
                    </ul>
                    <div class="ck-module__charts">
                      <For each={s.charts.filter((c) => c.points.length > 0)}>{(c) => <SectionChart kind={c.kind} title={c.title} points={c.points} indicators={o().indicators} />}</For>
                    </div>
                  </div>
                </section>
              )}
            </For>

            <Show when={o().comparable.length > 0}>
              <section class="card ck-section ck-compare" aria-labelledby="ck-compare-title">
                <h2 id="ck-compare-title">{t('cockpit.compare')}</h2>
                <div class="ck-compare__controls ck-noprint">
                  <IndicatorSelect overview={o()} value={indicator()?.key ?? ''} onChange={(key) => choose({ ind: key, m: undefined, tr: undefined })} />
                  <MeasureSelect measures={measures()} value={measure()} onChange={(m) => choose({ m })} />
                </div>
                <Show when={ranking.error}>
                  <p class="error-text">{errorText(ranking.error)}</p>
                </Show>
                <Show when={!ranking.error && ranking.latest}>
                  {(r) => (
                    <>
                      <p class="ck-compare__what">
                        <strong>{label(r().indicator.label)}</strong> · {t('cockpit.median')} <span data-testid="ck-median-value">{measureText(r().median, r().indicator, r().measure)}</span>
                      </p>
                      <div class="ck-compare__body">
                        <RankingTable ranking={r()} scopeName={o().scope.name} ownTenantId={props.ownTenantId} onDrill={drill} />
                        <TileGrid ranking={r()} cityNames={cityNames()} onDrill={drill} />
                      </div>
                    </>
                  )}
                </Show>
                <Show when={!trend.error && trend.latest}>{(tr) => <Trend trend={tr()} mode={trendMode()} onMode={(m) => choose({ tr: m })} />}</Show>
              </section>
            </Show>
            <p class="muted small">{t('cockpit.lagNote')}</p>
          </>
        )}
      </Show>
    </section>
  );
}
