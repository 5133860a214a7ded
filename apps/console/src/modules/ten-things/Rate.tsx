import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ApiError, type InputOf, type OutputOf } from '../../api';
import { LangSwitch } from '../../components/LangSwitch';
import { PublicError } from '../../components/PublicError';
import { formatNumber, t } from '../../i18n';
import { comparatorSign } from './labels';
import './ten-things.css';


// The public page calls the API without a token (no login, and no redirect on 401).
async function call<P extends 'tenThings.public.item' | 'tenThings.public.rate'>(path: P, input: InputOf<P>, kind: 'query' | 'mutation'): Promise<OutputOf<P>> {
  const res =
    kind === 'query'
      ? await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : await fetch(`/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data: OutputOf<P> }; error?: { message: string; data?: { code?: string; messageEn?: string } } };
  if (!res.ok || body.error) throw new ApiError(body.error?.message ?? `HTTP ${res.status}`, body.error?.data?.code ?? 'ERROR', res.status, [], body.error?.data?.messageEn);
  return body.result!.data;
}

/** 满意度测评: anyone rates an adopted item 1–5 from its public link or QR code, without logging in. */
export default function Rate() {
  const params = useParams<{ tenantId: string; itemId: string }>();
  const [item] = createResource(() => call('tenThings.public.item', { tenantId: params.tenantId, itemId: params.itemId }, 'query'));
  const [score, setScore] = createSignal(0);
  const [done, setDone] = createSignal<{ mean: number; count: number }>();
  const [error, setError] = createSignal('');
  const submit = async () => {
    setError('');
    try {
      setDone(await call('tenThings.public.rate', { tenantId: params.tenantId, itemId: params.itemId, score: score() }, 'mutation'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <main class="tt-public" aria-labelledby="tt-rate-title">
      <div class="tt-lang-row">
        <LangSwitch />
      </div>
      <Show when={item.error}>
        <PublicError error={item.error} />
      </Show>
      <Show when={!item.error && item()}>
        {(it) => (
          <>
            <p class="muted">
              {it().tenantName} · {it().year} · {t('tenThings.rateTitle')}
            </p>
            <h1 id="tt-rate-title">{it().title}</h1>
            <ul class="tt-targets">
              <For each={it().targets}>
                {(t) => (
                  <li>
                    {t.indicator}：{comparatorSign(t.comparator)} {formatNumber(t.target)} {t.unit}
                  </li>
                )}
              </For>
            </ul>
            <Show
              when={done()}
              fallback={
                <>
                  <p>{t('tenThings.rateIntro')}</p>
                  <div class="tt-stars" role="group" aria-label={t('tenThings.rateTitle')}>
                    <For each={[1, 2, 3, 4, 5]}>
                      {(n) => (
                        <button type="button" class="btn" aria-pressed={score() === n} onClick={() => setScore(n)}>
                          {'★'.repeat(n)}
                          <span class="visually-hidden">{t('tenThings.stars', { n })}</span>
                        </button>
                      )}
                    </For>
                  </div>
                  <button class="btn btn--primary" type="button" disabled={score() === 0} onClick={() => void submit()}>
                    {t('tenThings.rateSubmit')}
                  </button>
                  <Show when={error()}>
                    <p role="alert" class="field__error">
                      {error()}
                    </p>
                  </Show>
                  <p class="muted">
                    {it().satisfaction.count ? `${t('tenThings.satisfaction')} ${it().satisfaction.mean} · ${t('tenThings.ratings', { count: it().satisfaction.count })}` : t('tenThings.noRatings')}
                  </p>
                </>
              }
            >
              {(d) => (
                <p role="status" data-testid="tt-rate-done">
                  {t('tenThings.rateThanks', { mean: d().mean, count: d().count })}
                </p>
              )}
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}
