import { useParams } from '@solidjs/router';
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { ApiError } from '../../api';
import { LangSwitch } from '../../components/LangSwitch';
import { formatDateTime, t } from '../../i18n';
import { errorText } from '../../toast';
import { CockpitScreen } from './Screen';
import { sharedSource } from './source';

const REFRESH_MS = 5 * 60_000;

/** Why a share link does not open, in words a meeting room understands. */
function sharedError(err: unknown): string {
  const reason = err instanceof ApiError ? err.details.reason : undefined;
  if (reason === 'share_revoked') return t('cockpit.sharedRevoked');
  if (reason === 'share_expired') return t('cockpit.sharedExpired');
  if (reason === 'share_unknown' || (err instanceof ApiError && err.code === 'BAD_REQUEST')) return t('cockpit.sharedInvalid');
  return errorText(err);
}

/**
 * `/share/:token`: the meeting screen. No sign-in, no navigation, read-only, large type; refreshes every five
 * minutes; an expired or revoked link says so plainly.
 */
export default function Shared() {
  const params = useParams<{ token: string }>();
  const source = sharedSource(params.token);
  const [error, setError] = createSignal<unknown>();
  const [refreshedAt, setRefreshedAt] = createSignal<string>();
  const [expiresAt, setExpiresAt] = createSignal<string>();
  let refetch: (() => void) | undefined;
  const guarded = {
    overview: async (input: Parameters<typeof source.overview>[0]) => {
      try {
        const o = await source.overview(input);
        setError(undefined);
        setRefreshedAt(new Date().toISOString());
        setExpiresAt((o as { share?: { expiresAt: string } }).share?.expiresAt);
        return o;
      } catch (err) {
        setError(err);
        throw err;
      }
    },
    ranking: source.ranking,
    trend: source.trend,
  };
  onMount(() => {
    const timer = setInterval(() => refetch?.(), REFRESH_MS);
    onCleanup(() => clearInterval(timer));
  });
  return (
    <main class="ck-shared" id="main">
      <div class="ck-shared__bar">
        <LangSwitch />
      </div>
      <Show when={error()}>
        <div class="card ck-shared__error" role="alert" data-testid="ck-shared-error">
          <h1>{t('cockpit.sharedErrorTitle')}</h1>
          <p>{sharedError(error())}</p>
        </div>
      </Show>
      <div classList={{ 'ck-hidden': !!error() }}>
        <CockpitScreen
          source={guarded}
          big
          title={(o) => (o ? t('cockpit.sharedTitle', { scope: o.scope.name }) : t('cockpit.title'))}
          note={() => (
            <p class="muted small">
              {t('cockpit.sharedRefreshed', { time: formatDateTime(refreshedAt()) })}
              <Show when={expiresAt()}>{(at) => <> · {t('cockpit.expiresAt', { time: formatDateTime(at()) })}</>}</Show>
            </p>
          )}
          actions={(s) => {
            refetch = s.refetch;
            return null;
          }}
        />
      </div>
    </main>
  );
}
