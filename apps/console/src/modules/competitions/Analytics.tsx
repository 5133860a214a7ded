import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
// Types only: the domain's severity module reaches zod (scoring → scheme), which must stay out of the console's bundle.
import type { SeverityBand } from '@ufp/competitions/domain/severity';
import { ActionBanner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { scrollRegion } from '../../components/scroll-region';
import { t } from '../../i18n';
import { errorText } from '../../toast';
import { DeviationChart } from './AnalyticsCharts';
import { cq } from './call';
import type { JudgeAnalyticsRow, JudgeAnalyticsView } from './contract';
import { bi, label, pct1, StageKind, zScore } from './shared';
import './competitions.css';

type PanelRow = JudgeAnalyticsView['panels'][number];
type Comparison = JudgeAnalyticsView['comparison'];

/** 偏严 / 适中 / 偏松 as a coloured chip. */
export function BandChip(props: { band: SeverityBand }) {
  return (
    <span class="cmp-band" data-band={props.band}>
      {t(`competitions.an.band.${props.band}`)}
    </span>
  );
}

/** 离群 (highlighted) or 正常. */
export function OutlierBadge(props: { outlier: boolean }) {
  return (
    <Show when={props.outlier} fallback={<span class="muted">{t('competitions.an.normal')}</span>}>
      <span class="cmp-badge cmp-badge--outlier">{t('competitions.an.outlier')}</span>
    </Show>
  );
}

/** How the panels were compared: with how many of the province's, or why not. */
export function ComparisonNote(props: { comparison: Comparison }) {
  const c = () => props.comparison;
  return (
    <p class="muted" data-testid="cmp-comparison">
      <Show when={c().panels >= c().minPanels} fallback={t('competitions.an.tooFew', { n: c().panels, min: c().minPanels })}>
        {t('competitions.an.compared', { n: c().panels, median: pct1(c().medianBp), mad: pct1(c().madBp) })}
      </Show>
    </p>
  );
}

/** The method, folded: how a deviation, a lean and an outlier panel are worked out. */
export function MethodNote(props: { bandBp?: number; comparison: Comparison }) {
  return (
    <details class="card cmp-method">
      <summary>{t('competitions.an.method')}</summary>
      <Show when={props.bandBp}>{(band) => <p>{t('competitions.an.methodJudge', { band: pct1(band()) })}</p>}</Show>
      <p>{t('competitions.an.methodPanel', { z: (props.comparison.outlierZHundredths / 100).toFixed(1), min: props.comparison.minPanels })}</p>
      <p>{t('competitions.an.methodPrivacy')}</p>
    </details>
  );
}

/** 裁判宽严分析 (staff): the federation's judges across events and seasons, and its panels against the province's. */
export default function Analytics() {
  const [from, setFrom] = createSignal<number>();
  const [to, setTo] = createSignal<number>();
  const [data, { refetch }] = createResource(
    () => ({ ...(from() !== undefined ? { fromYear: from()! } : {}), ...(to() !== undefined ? { toYear: to()! } : {}) }),
    (input) => cq('competitions.analytics.judges', input),
  );
  // Every season with final results, whatever the range asked for.
  const years = () => data.latest?.years ?? [];
  const pick = (v: string) => (v ? Number(v) : undefined);
  return (
    <section aria-labelledby="cmp-an-title" class="cmp">
      <div class="page-head">
        <h1 id="cmp-an-title">{t('competitions.an.title')}</h1>
        <p>{t('competitions.an.intro')}</p>
      </div>
      <div class="cmp-row">
        <Field id="cmp-an-from" label={t('competitions.an.from')}>
          <select id="cmp-an-from" value={from() ?? ''} onChange={(e) => setFrom(pick(e.currentTarget.value))}>
            <option value="">{t('competitions.an.allYears')}</option>
            <For each={years().filter((y) => to() === undefined || y <= to()!)}>{(y) => <option value={y}>{t('competitions.an.yearN', { year: y })}</option>}</For>
          </select>
        </Field>
        <Field id="cmp-an-to" label={t('competitions.an.to')}>
          <select id="cmp-an-to" value={to() ?? ''} onChange={(e) => setTo(pick(e.currentTarget.value))}>
            <option value="">{t('competitions.an.allYears')}</option>
            <For each={years().filter((y) => from() === undefined || y >= from()!)}>{(y) => <option value={y}>{t('competitions.an.yearN', { year: y })}</option>}</For>
          </select>
        </Field>
        <A href="/competitions/province" class="btn">
          {t('competitions.an.provinceLink')}
        </A>
      </div>
      <Show when={data.error}>
        <ActionBanner actionLabel={t('common.retry')} onAction={() => void refetch()}>
          {errorText(data.error)}
        </ActionBanner>
      </Show>
      <Show when={!data.error && !data.latest}>
        <p role="status">{t('common.loading')}</p>
      </Show>
      <Show when={!data.error && data.latest}>
        {(d) => (
          <>
            <MethodNote bandBp={d().bandBp} comparison={d().comparison} />
            <Show
              when={d().judges.length > 0 || d().panels.length > 0}
              fallback={
                <div class="card" data-testid="cmp-an-empty">
                  <p>{years().length === 0 ? t('competitions.an.empty') : t('competitions.an.emptyRange')}</p>
                </div>
              }
            >
              <div class="card" aria-busy={data.loading}>
                <h2>{t('competitions.an.chartTitle')}</h2>
                <DeviationChart rows={d().judges.map((j) => ({ name: j.name, bp: j.meanDeviationBp, band: j.band }))} />
                <p class="cmp-legend">
                  <BandChip band="severe" /> {t('competitions.an.legendSevere')} <BandChip band="balanced" /> ±{pct1(d().bandBp)} <BandChip band="lenient" /> {t('competitions.an.legendLenient')}
                </p>
              </div>
              <div class="card">
                <h2>{t('competitions.an.judges')}</h2>
                <JudgesTable rows={d().judges} />
              </div>
              <div class="card">
                <h2>{t('competitions.an.panels')}</h2>
                <ComparisonNote comparison={d().comparison} />
                <PanelsTable rows={d().panels} />
              </div>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

/** A judge's figures in one line (a year or a stage of the expanded row). */
function Figures(props: { f: { marks: number; meanDeviationBp: number; meanAbsDeviationBp: number; flaggedShareBp: number; band: SeverityBand }; panels?: number }) {
  return (
    <span class="cmp-figures-line">
      <Show when={props.panels !== undefined}>
        <span>
          {t('competitions.an.panelCount')} {props.panels}
        </span>
      </Show>
      <span>
        {t('competitions.an.marks')} {props.f.marks}
      </span>
      <span>
        {t('competitions.an.meanDeviation')} {pct1(props.f.meanDeviationBp, true)}
      </span>
      <span>
        {t('competitions.an.meanAbs')} {pct1(props.f.meanAbsDeviationBp)}
      </span>
      <span>
        {t('competitions.an.flaggedShare')} {pct1(props.f.flaggedShareBp)}
      </span>
      <BandChip band={props.f.band} />
    </span>
  );
}

/** The judges, most severe first; a row opens to its years and its stages. */
function JudgesTable(props: { rows: JudgeAnalyticsRow[] }) {
  const [open, setOpen] = createSignal<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns = () => [t('competitions.an.name'), t('competitions.an.panelCount'), t('competitions.an.marks'), t('competitions.an.meanDeviation'), t('competitions.an.meanAbs'), t('competitions.an.flaggedShare'), t('competitions.an.band')];
  return (
    <div class="table-wrap" ref={(el) => scrollRegion(el, () => t('competitions.an.judges'))}>
      <table class="table" aria-label={t('competitions.an.judges')} data-testid="cmp-judges">
        <thead>
          <tr>
            <For each={columns()}>{(c) => <th scope="col">{c}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(j) => {
              const isOpen = () => open().has(j.judgeId);
              const detailId = `cmp-judge-${j.judgeId}`;
              return (
                <>
                  <tr data-judge={j.name}>
                    <td data-label={columns()[0]} class="cell--primary">
                      <span class="cell">
                        <button type="button" class="cmp-expand" aria-expanded={isOpen()} aria-controls={detailId} aria-label={t('competitions.an.showDetails', { name: j.name })} onClick={() => toggle(j.judgeId)}>
                          <span aria-hidden="true">{isOpen() ? '▾' : '▸'}</span> {j.name}
                        </button>
                      </span>
                    </td>
                    <td data-label={columns()[1]} class="num">
                      <span class="cell">{j.panels}</span>
                    </td>
                    <td data-label={columns()[2]} class="num">
                      <span class="cell">{j.marks}</span>
                    </td>
                    <td data-label={columns()[3]} class="num">
                      <span class="cell">{pct1(j.meanDeviationBp, true)}</span>
                    </td>
                    <td data-label={columns()[4]} class="num">
                      <span class="cell">{pct1(j.meanAbsDeviationBp)}</span>
                    </td>
                    <td data-label={columns()[5]} class="num">
                      <span class="cell">{pct1(j.flaggedShareBp)}</span>
                    </td>
                    <td data-label={columns()[6]}>
                      <span class="cell">
                        <BandChip band={j.band} />
                      </span>
                    </td>
                  </tr>
                  <Show when={isOpen()}>
                    <tr id={detailId} class="cmp-detail-row">
                      <td colSpan={7} class="cmp-detail">
                        <h3>{t('competitions.an.byYear')}</h3>
                        <ul class="cmp-list" data-testid="cmp-judge-years">
                          <For each={j.byYear}>
                            {(y) => (
                              <li>
                                <strong>{t('competitions.an.yearN', { year: y.year })}</strong> <Figures f={y} panels={y.panels} />
                              </li>
                            )}
                          </For>
                        </ul>
                        <h3>{t('competitions.an.byStage')}</h3>
                        <ul class="cmp-list" data-testid="cmp-judge-stages">
                          <For each={j.stages}>
                            {(s) => (
                              <li>
                                <strong class="cmp-wrap">
                                  {bi(s.eventName)} · {label(StageKind, s.stage)} · {s.year}
                                </strong>{' '}
                                <span class="muted cmp-wrap">{bi(s.competitionName)}</span> <Figures f={s} />
                              </li>
                            )}
                          </For>
                        </ul>
                      </td>
                    </tr>
                  </Show>
                </>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** The federation's panels, newest first, each placed among the province's panels of the same years. */
function PanelsTable(props: { rows: PanelRow[] }) {
  return (
    <DataTable<PanelRow>
      label={t('competitions.an.panels')}
      rows={props.rows}
      rowClass={(p) => (p.outlier ? 'cmp-outlier' : '')}
      columns={[
        { label: () => t('competitions.an.competition'), cell: (p) => bi(p.competitionName), class: 'cell--primary' },
        { label: () => t('competitions.an.event'), cell: (p) => bi(p.eventName) },
        { label: () => t('competitions.an.stage'), cell: (p) => label(StageKind, p.stage) },
        { label: () => t('competitions.an.year'), cell: (p) => p.year },
        { label: () => t('competitions.an.judgeCount'), cell: (p) => p.judges, class: 'num' },
        { label: () => t('competitions.an.meanAbs'), cell: (p) => pct1(p.meanAbsBp), class: 'num' },
        { label: () => t('competitions.an.spread'), cell: (p) => pct1(p.biasSpreadBp), class: 'num' },
        { label: () => t('competitions.an.flaggedShare'), cell: (p) => pct1(p.flaggedShareBp), class: 'num' },
        { label: () => t('competitions.an.z'), cell: (p) => zScore(p.zHundredths), class: 'num' },
        { label: () => t('competitions.an.outlier'), cell: (p) => <OutlierBadge outlier={p.outlier} /> },
      ]}
    />
  );
}
