import { createSignal, For, Show } from 'solid-js';
import { mutate, type RouterOutputs } from '../../api';
import { formatDateTime, label, t } from '../../i18n';
import { errorText } from '../../toast';
import { figure } from './fmt';
import type { IndicatorView } from './source';

export type RecountResult = RouterOutputs['rollups']['recount'];

/** 重新核算 (operator or admin): recompute the scope's figures from the records and show any difference from the rollup. */
export function RecountButton(props: { year: number | undefined; scope: string | undefined; indicators: (key: string) => IndicatorView | undefined; sectionTitle: (module: string) => string | undefined }) {
  const [running, setRunning] = createSignal(false);
  const [result, setResult] = createSignal<RecountResult>();
  const [error, setError] = createSignal('');
  const run = async () => {
    if (!props.year) return;
    setRunning(true);
    setError('');
    setResult(undefined);
    try {
      setResult(await mutate('rollups.recount', { year: props.year, ...(props.scope && { scope: props.scope }) }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setRunning(false);
    }
  };
  return (
    <>
      <button type="button" class="btn" disabled={running() || !props.year} aria-busy={running()} onClick={() => void run()}>
        {running() ? t('cockpit.recounting') : t('cockpit.recount')}
      </button>
      <Show when={running() || result() || error()}>
        <div class="ck-recount card" role="status" aria-live="polite">
          <h2>{t('cockpit.recountTitle')}</h2>
          <Show when={running()}>
            <p class="ck-progress">
              <span class="ck-spinner" aria-hidden="true" />
              {t('cockpit.recounting')}
            </p>
          </Show>
          <Show when={error()}>
            <p class="error-text">{error()}</p>
          </Show>
          <Show when={result()}>
            {(r) => (
              <>
                <Show
                  when={r().differences.length + r().totalDifferences.length > 0}
                  fallback={<p class="ck-recount__same">{t('cockpit.recountSame', { keys: r().keysChecked, tenants: r().tenants, time: formatDateTime(r().checkedAt) })}</p>}
                >
                  <p class="error-text">{t('cockpit.recountDiff', { count: r().differences.length + r().totalDifferences.length, time: formatDateTime(r().checkedAt) })}</p>
                  <div class="ck-scroll" role="region" tabindex="0" aria-label={t('cockpit.recountTitle')}>
                    <table class="ck-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('cockpit.federation')}</th>
                          <th scope="col">{t('cockpit.recountIndicator')}</th>
                          <th scope="col" class="num">{t('cockpit.recountProjected')}</th>
                          <th scope="col" class="num">{t('cockpit.recountRecounted')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={[...r().differences, ...r().totalDifferences.map((d) => ({ ...d, name: t('cockpit.recountTotal') }))]}>
                          {(d) => (
                            <tr>
                              <td>{d.name}</td>
                              <td>{label(r().indicators[d.key]?.label ?? { zh: '—', en: '—' })}</td>
                              <td class="num">{figure(d.projected, r().indicators[d.key])}</td>
                              <td class="num">{figure(d.recounted, r().indicators[d.key])}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </Show>
                <Show when={r().notRecountable.length > 0}>
                  <p class="muted small">{t('cockpit.recountNotRecountable', { list: r().notRecountable.map((n) => `${label(r().indicators[n.key]?.label ?? { zh: '—', en: '—' })}（${label(n.reason)}）`).join('；') })}</p>
                </Show>
              </>
            )}
          </Show>
        </div>
      </Show>
    </>
  );
}
