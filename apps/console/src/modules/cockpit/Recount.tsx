import { createSignal, For, Show } from 'solid-js';
import { ApiError } from '../../api';
import { formatDateTime, t } from '../../i18n';
import { getToken } from '../../session';
import { errorText } from '../../toast';
import { figure, nameOf } from './fmt';
import type { IndicatorView } from './source';

/** What `rollups.recount` answers: the differences between the projected rollup and the figures recomputed from records. */
export interface RecountResult {
  differences: { tenantId: string; name: string; key: string; projected: number; recounted: number }[];
  notRecountable: string[];
  keysChecked: number;
  tenants: number;
  checkedAt: string;
}

/**
 * Calls `rollups.recount` without depending on its type (it lands beside this page): a mutation, or a query when
 * the API declares it so; a procedure the API does not have says so instead of failing the page.
 */
async function recount(input: { year: number; scope?: string }): Promise<RecountResult | 'absent'> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let res = await fetch('/trpc/rollups.recount', { method: 'POST', headers, body: JSON.stringify(input) });
  if (res.status === 405) res = await fetch(`/trpc/rollups.recount?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  const body = (await res.json().catch(() => null)) as { result?: { data: RecountResult }; error?: { message: string; data?: { code?: string; messageEn?: string; details?: unknown } } } | null;
  // No such procedure: tRPC's own 404, without the details a domain "not found" carries.
  if (res.status === 404 && body?.error?.data?.code === 'NOT_FOUND' && !body.error.data.details) return 'absent';
  if (!res.ok || !body?.result) throw new ApiError(body?.error?.message ?? `HTTP ${res.status}`, body?.error?.data?.code ?? 'ERROR', res.status, [], body?.error?.data?.messageEn);
  return body.result.data;
}

/** 重新核算 (operator or admin): recompute the scope's figures from the records and show any difference from the rollup. */
export function RecountButton(props: { year: number | undefined; scope: string | undefined; indicators: (key: string) => IndicatorView | undefined; sectionTitle: (module: string) => string | undefined }) {
  const [running, setRunning] = createSignal(false);
  const [result, setResult] = createSignal<RecountResult | 'absent'>();
  const [error, setError] = createSignal('');
  const run = async () => {
    if (!props.year) return;
    setRunning(true);
    setError('');
    setResult(undefined);
    try {
      setResult(await recount({ year: props.year, ...(props.scope && { scope: props.scope }) }));
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
          <Show when={result() === 'absent'}>
            <p class="muted">{t('cockpit.recountUnavailable')}</p>
          </Show>
          <Show when={typeof result() === 'object' ? (result() as RecountResult) : undefined}>
            {(r) => (
              <>
                <Show
                  when={r().differences.length > 0}
                  fallback={<p class="ck-recount__same">{t('cockpit.recountSame', { keys: r().keysChecked, tenants: r().tenants, time: formatDateTime(r().checkedAt) })}</p>}
                >
                  <p class="error-text">{t('cockpit.recountDiff', { count: r().differences.length, time: formatDateTime(r().checkedAt) })}</p>
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
                        <For each={r().differences}>
                          {(d) => (
                            <tr>
                              <td>{d.name}</td>
                              <td>{nameOf(props.indicators(d.key)) || t('cockpit.noData')}</td>
                              <td class="num">{figure(d.projected, props.indicators(d.key))}</td>
                              <td class="num">{figure(d.recounted, props.indicators(d.key))}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </Show>
                <Show when={r().notRecountable.length > 0}>
                  <p class="muted small">{t('cockpit.recountNotRecountable', { list: r().notRecountable.map((m) => props.sectionTitle(m) ?? m).join('、') })}</p>
                </Show>
              </>
            )}
          </Show>
        </div>
      </Show>
    </>
  );
}
