import { useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { Banner } from '../../components/Banner';
import CompletionTimes from './CompletionTimes';
import { t } from '../../i18n';
import { errorText } from '../../toast';
import { judgingApi, stageLabel, timeText, type PanelView } from './judging-api';
import './judging.css';

/** The panel refreshes itself this often while open. */
const REFRESH_S = 4;

/** 1234 bp → "+12.34%", -500 → "−5.00%". */
const deviationText = (bp: number) => `${bp > 0 ? '+' : bp < 0 ? '−' : ''}${(Math.abs(bp) / 100).toFixed(2)}%`;

/**
 * The chief judge's (and staff's) live view of a stage's marking: progress per work number, the judges whose scores
 * stray from the panel beyond the rule's threshold (highlighted), and the judges' open conflicts.
 */
export default function ChiefPanel() {
  const params = useParams<{ eventId: string; stage: string }>();
  const [updatedAt, setUpdatedAt] = createSignal<string>();
  const [last, setLast] = createSignal<PanelView>();
  const [data, { refetch }] = createResource(
    () => ({ eventId: params.eventId, stage: params.stage }),
    async ({ eventId, stage }) => {
      const view = await judgingApi.panel(eventId, stage);
      setLast(view);
      setUpdatedAt(new Date().toISOString());
      return view;
    },
  );
  onMount(() => {
    const timer = setInterval(() => {
      if (!data.loading) void refetch();
    }, REFRESH_S * 1000);
    onCleanup(() => clearInterval(timer));
  });
  // A failed refresh keeps the last view on screen (with the error above it).
  const view = () => last();
  const judgeName = (id: string, name?: string | null) => name ?? view()?.judges.find((j) => j.judgeId === id)?.name ?? id;
  const totals = createMemo(() => (view()?.progress ?? []).reduce((s, p) => ({ entered: s.entered + p.entered, expected: s.expected + p.expected }), { entered: 0, expected: 0 }));
  const flags = createMemo(() => [...(view()?.flags ?? [])].sort((a, b) => Number(b.flagged) - Number(a.flagged) || Math.abs(b.deviationBp) - Math.abs(a.deviationBp)));

  return (
    <div class="judging chief-panel">
      <div class="page-head">
        <div>
          <h1>{t('competitions.judging.chief.title', { stage: stageLabel(params.stage) })}</h1>
          <Show when={updatedAt()}>{(at) => <p class="muted" data-testid="panel-updated">{t('competitions.judging.chief.refreshed', { time: timeText(at()), seconds: REFRESH_S })}</p>}</Show>
        </div>
      </div>
      <Show when={data.error}>
        <Banner kind="error">{errorText(data.error)}</Banner>
      </Show>
      <Show when={view()}>
        {(v) => (
          <>
            <section class="card" aria-labelledby="cp-flags" data-testid="panel-flags">
              <h2 id="cp-flags">{t('competitions.judging.chief.flags')}</h2>
              <p class="muted small">{t('competitions.judging.chief.flagsHint')}</p>
              <Show when={flags().length > 0} fallback={<p>{t('competitions.judging.chief.noFlags')}</p>}>
                <div class="table-wrap">
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('competitions.judging.chief.judge')}</th>
                        <Show when={flags().some((f) => f.workNumber)}>
                          <th scope="col">{t('competitions.judging.chief.work')}</th>
                        </Show>
                        <th scope="col">{t('competitions.judging.chief.aspect')}</th>
                        <th scope="col">{t('competitions.judging.chief.deviation')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={flags()}>
                        {(f) => (
                          <tr classList={{ 'chief-flag': f.flagged }} data-flagged={f.flagged ? 'true' : 'false'}>
                            <td data-label={t('competitions.judging.chief.judge')}>{judgeName(f.judgeId, f.judgeName)}</td>
                            <Show when={flags().some((x) => x.workNumber)}>
                              <td class="mono" data-label={t('competitions.judging.chief.work')}>
                                {f.workNumber ?? ''}
                              </td>
                            </Show>
                            <td class="mono" data-label={t('competitions.judging.chief.aspect')}>
                              {f.aspectCode}
                            </td>
                            <td class="nowrap" data-label={t('competitions.judging.chief.deviation')}>
                              {deviationText(f.deviationBp)}
                              <Show when={f.flagged}>
                                <span class="tag chief-flag__tag">{t('competitions.judging.chief.flagged')}</span>
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </section>

            <section class="card" aria-labelledby="cp-conflicts" data-testid="panel-conflicts">
              <h2 id="cp-conflicts">{t('competitions.judging.chief.conflicts')}</h2>
              <p classList={{ 'error-text': v().conflicts > 0 }}>{v().conflicts > 0 ? t('competitions.judging.chief.openConflicts', { count: v().conflicts }) : t('competitions.judging.chief.noConflicts')}</p>
            </section>

            <section class="card" aria-labelledby="cp-progress" data-testid="panel-progress">
              <h2 id="cp-progress">{t('competitions.judging.chief.progress')}</h2>
              <p>{t('competitions.judging.chief.summary', { entered: totals().entered, expected: totals().expected })}</p>
              <ul class="chief-progress">
                <For each={v().progress}>
                  {(p) => (
                    <li class="chief-progress__item" classList={{ 'chief-progress__item--done': p.expected > 0 && p.entered >= p.expected }}>
                      <span class="mono chief-progress__work">{p.workNumber}</span>
                      <progress max={Math.max(p.expected, 1)} value={p.entered} aria-label={`${p.workNumber} ${p.entered}/${p.expected}`} />
                      <span class="small nowrap">
                        {p.entered}/{p.expected}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </section>

            <CompletionTimes eventId={params.eventId} stage={params.stage} view={v()} onSaved={() => void refetch()} />

            <Show when={v().judges.length > 0}>
              <section class="card" aria-labelledby="cp-judges">
                <h2 id="cp-judges">{t('competitions.judging.chief.judges')}</h2>
                <div class="table-wrap">
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('competitions.judging.chief.judge')}</th>
                        <th scope="col">{t('competitions.judging.chief.marks')}</th>
                        <th scope="col">{t('competitions.judging.chief.flaggedCount')}</th>
                        <th scope="col">{t('competitions.judging.chief.mean')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={v().judges}>
                        {(j) => (
                          <tr classList={{ 'chief-flag': j.flagged > 0 }}>
                            <td data-label={t('competitions.judging.chief.judge')}>{j.name ?? j.judgeId}</td>
                            <td data-label={t('competitions.judging.chief.marks')}>{j.marks}</td>
                            <td data-label={t('competitions.judging.chief.flaggedCount')}>{j.flagged}</td>
                            <td class="nowrap" data-label={t('competitions.judging.chief.mean')}>
                              {deviationText(j.meanDeviationBp)}
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </section>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
