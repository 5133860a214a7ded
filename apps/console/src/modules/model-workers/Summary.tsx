import { createResource, For, Show } from 'solid-js';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { CategoryBars } from '../../components/ChartBox';
import { formatNumber, lang, t } from '../../i18n';
import { formatIndicator } from '../../format';
import { errorText } from '../../toast';
import { enumLabel, enums } from './shared';
import './model-workers.css';

function LevelBars(props: { names: string[]; values: number[] }) {
  return <CategoryBars label={t('modelWorkers.summary.byLevel')} names={props.names} values={props.values} color="#b3261e" testid="mw-level-chart" failed={t('modelWorkers.summary.chartFailed')} />;
}

/** 劳模 across the federations in the viewer's scope, each person counted once: counts only, no names. */
export default function Summary() {
  const [summary, { refetch }] = createResource(() => query('modelWorkers.province.summary'));
  const levels = enums.HonourLevel.values;
  return (
    <section aria-labelledby="mw-summary-title" class="mw">
      <div class="page-head">
        <h1 id="mw-summary-title">{t('modelWorkers.summary.title')}</h1>
        <p class="muted">{t('modelWorkers.summary.note')}</p>
      </div>
      <Show when={summary.error}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{t('common.retry')}</button>}>
          {errorText(summary.error)}
        </Banner>
      </Show>
      <Show when={!summary.error && summary()}>
        {(s) => (
          <>
            <dl class="mw-figures">
              <div><dt>{t('modelWorkers.summary.people')}</dt><dd data-testid="mw-sum-people">{formatNumber(s().people)}</dd></div>
              <div><dt>{t('modelWorkers.summary.honours')}</dt><dd>{formatNumber(s().honours)}</dd></div>
              <div><dt>{t('modelWorkers.summary.multi')}</dt><dd>{formatNumber(s().multiFederation)}</dd></div>
              <div><dt>{t('modelWorkers.summary.revoked')}</dt><dd>{formatNumber(s().revokedHonours)}</dd></div>
            </dl>
            <div class="card">
              <h2>{t('modelWorkers.summary.byLevel')}</h2>
              <LevelBars names={levels.map((l) => enumLabel(enums.HonourLevel, l))} values={levels.map((l) => s().byHighestLevel[l])} />
              <table class="mw-sum-table">
                <caption class="visually-hidden">{t('modelWorkers.summary.byLevel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('modelWorkers.ladder.level')}</th>
                    <th scope="col" class="num">{t('modelWorkers.summary.peopleCol')}</th>
                    <th scope="col" class="num">{t('modelWorkers.summary.honoursCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={levels}>
                    {(l) => (
                      <tr>
                        <th scope="row">{enumLabel(enums.HonourLevel, l)}</th>
                        <td class="num">{formatNumber(s().byHighestLevel[l])}</td>
                        <td class="num">{formatNumber(s().honoursByLevel[l])}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <div class="card">
              <h2 id="mw-year-figures">{t('modelWorkers.summary.yearFigures', { year: s().indicators.year })}</h2>
              <Show when={s().indicators.figures.length} fallback={<p class="muted">{t('modelWorkers.summary.noYearFigures')}</p>}>
                <table class="mw-sum-table" aria-labelledby="mw-year-figures" data-testid="mw-year-figures">
                  <tbody>
                    <For each={s().indicators.figures}>
                      {(f) => (
                        <tr>
                          <th scope="row">{lang() === 'en' ? f.label.en : f.label.zh}</th>
                          <td class="num">{formatIndicator(f.value, f.format)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
