import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { query } from '../../api';
import { ActionBanner } from '../../components/Banner';
import { DataTable, type Column } from '../../components/DataTable';
import OverviewChart from './OverviewChart';
import ContractCoverage from '../contracts/Coverage';
import { formatIndicator } from '../../format';
import { formatDateTime, label, t, tMaybe } from '../../i18n';
import { errorText } from '../../toast';
import type { RouterOutputs } from '../../api';

type OverviewData = RouterOutputs['rollups']['overview'];
type IndicatorInfo = NonNullable<OverviewData['indicators']>[number];

/** Metrics with a label, in display order; other metric names are shown raw after these. */
const KNOWN_METRICS = [
  'units.count',
  'units.members',
  'units.byType.enterprise',
  'units.byType.industry',
  'units.byType.regional',
  'units.byType.new_employment_form',
] as const;

/** The indicator dictionary's label when the server sent one, else the console's own, else the key. */
export function metricLabel(name: string, dictionary?: IndicatorInfo[]): string {
  const entry = dictionary?.find((i) => i.key === name);
  return entry ? label(entry.label) : tMaybe(`overview.metric.${name}`, name);
}

/** The value as the dictionary says to show it (money in yuan, shares in %), a plain number otherwise. */
export function metricValue(name: string, value: number, dictionary?: IndicatorInfo[]): string {
  return formatIndicator(value, dictionary?.find((i) => i.key === name)?.format ?? 'integer');
}

export function orderMetrics(names: Iterable<string>): string[] {
  const set = new Set(names);
  const known = KNOWN_METRICS.filter((m) => set.has(m));
  const rest = [...set].filter((m) => !(KNOWN_METRICS as readonly string[]).includes(m)).sort();
  return [...known, ...rest];
}

type Row = OverviewData['rows'][number];

export default function Overview() {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const [year, setYear] = createSignal(thisYear);
  const [loadedAt, setLoadedAt] = createSignal<number>();
  const [data, { refetch }] = createResource(year, async (y) => {
    const res = await query('rollups.overview', { year: y });
    setLoadedAt(Date.now());
    return res;
  });
  const current = () => (data.error ? undefined : data.latest);

  const metrics = createMemo(() => {
    const d = current();
    if (!d) return [];
    const names = new Set(Object.keys(d.totals ?? {}));
    for (const r of d.rows ?? []) for (const k of Object.keys(r.metrics ?? {})) names.add(k);
    return orderMetrics(names);
  });

  const columns = createMemo<Column<Row>[]>(() => [
    {
      label: () => t('overview.org'),
      // A suspended federation's history stays in the figures, marked.
      cell: (r) => (r.status === 'suspended' ? <span>{r.name} <span class="tag tag--off">{t('tenants.status.suspended')}</span></span> : r.name),
      class: 'cell--primary',
    },
    { label: () => t('overview.divisionCode'), cell: (r) => <span class="mono">{r.divisionCode}</span> },
    ...metrics().map<Column<Row>>((m) => ({
      label: () => metricLabel(m, current()?.indicators),
      cell: (r) => metricValue(m, r.metrics?.[m] ?? 0, current()?.indicators),
      class: 'num',
    })),
  ]);

  const chartRows = createMemo(() =>
    (current()?.rows ?? []).map((r) => ({
      name: r.name,
      units: r.metrics?.['units.count'] ?? 0,
      members: r.metrics?.['units.members'] ?? 0,
    })),
  );

  return (
    <section aria-labelledby="overview-title">
      <div class="page-head">
        <div>
          <h1 id="overview-title">{t('overview.title')}</h1>
          <Show when={current()}>
            {(d) => <p class="muted">{t('overview.subtitle', { scope: d().scope?.name ?? '' })}</p>}
          </Show>
        </div>
        <div class="toolbar">
          <div class="field field--inline">
            <label for="overview-year">{t('overview.year')}</label>
            <select id="overview-year" value={String(year())} onChange={(e) => setYear(Number(e.currentTarget.value))}>
              <For each={years}>
                {(y) => (
                  <option value={String(y)} selected={y === year()}>
                    {y}
                  </option>
                )}
              </For>
            </select>
          </div>
          <button type="button" class="btn" disabled={data.loading} onClick={() => void refetch()}>
            {data.loading ? t('common.loading') : t('overview.refresh')}
          </button>
        </div>
      </div>
      <p class="muted small">
        {t('overview.lagNote')}
        <Show when={loadedAt()}>
          {(at) => <> {t('overview.updatedAt', { time: formatDateTime(at()) })}</>}
        </Show>
      </p>
      <Show when={data.error}>
        <ActionBanner actionLabel={t('common.retry')} onAction={() => void refetch()}>
          {errorText(data.error)}
        </ActionBanner>
      </Show>
      <Show when={current()} fallback={<Show when={!data.error}><p role="status">{t('common.loading')}</p></Show>}>
        {(d) => (
          <>
            <h2 class="visually-hidden">{t('overview.kpis')}</h2>
            <ul class="kpis">
              <For each={metrics()}>
                {(m) => (
                  <li class="kpi">
                    <span class="kpi__label">{metricLabel(m, d().indicators)}</span>
                    <span class="kpi__value">{metricValue(m, d().totals?.[m] ?? 0, d().indicators)}</span>
                  </li>
                )}
              </For>
            </ul>
            <ContractCoverage totals={d().totals} rows={d().rows} />
            <div class="card">
              <h2>{t('overview.chart')}</h2>
              <OverviewChart
                rows={chartRows()}
                unitsLabel={metricLabel('units.count', d().indicators)}
                membersLabel={metricLabel('units.members', d().indicators)}
              />
            </div>
            <h2>{t('overview.table')}</h2>
            <DataTable<Row> label={t('overview.table')} rows={d().rows ?? []} columns={columns()} />
          </>
        )}
      </Show>
    </section>
  );
}
