import { useSearchParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { query } from '../../api';
import { LangSwitch } from '../../components/LangSwitch';
import { PublicError } from '../../components/PublicError';
import { label, t } from '../../i18n';
import './model-workers.css';

/**
 * The public page a 劳模 credential's QR code opens (`/mw-verify?t=<token>`, no sign-in): valid or not, in large type, with the treatment level
 * and the masked name as the record stands at the moment of the scan (a revoked honour answers "not valid" at once).
 */
export default function Verify() {
  // The token travels in the query (`?t=`): it holds a dot, which a static host may take for a file extension.
  const [search] = useSearchParams<{ t?: string }>();
  const token = () => {
    const t = search.t?.trim();
    return t && /^[A-Za-z0-9_.-]{10,400}$/.test(t) ? t : undefined;
  };
  const [data] = createResource(token, (t) => query('modelWorkers.credentials.verify', { token: t }));
  const answer = () => (token() ? (data.error ? undefined : data()) : { valid: false as const, reason: 'invalid' as const, checkedOn: '' });
  const valid = () => {
    const a = answer();
    return a?.valid ? a : undefined;
  };
  const invalid = () => {
    const a = answer();
    return a && !a.valid ? { reason: a.reason, checkedOn: a.checkedOn, federation: 'federation' in a ? a.federation : undefined } : undefined;
  };
  return (
    <main class="mw-verify" aria-labelledby="mw-verify-title">
      <LangSwitch />
      <h1 id="mw-verify-title">{t('modelWorkers.verify.title')}</h1>
      <Show when={data.error}>
        <PublicError error={data.error} />
      </Show>
      <Show when={valid()}>
        {(v) => (
          <>
            <div class="mw-verify__answer mw-verify__answer--valid" role="status" data-testid="mw-verify-answer">
              <p class="mw-verify__mark" aria-hidden="true">✓</p>
              <p class="mw-verify__word">{t('modelWorkers.verify.valid')}</p>
              <p class="mw-verify__level">{t('modelWorkers.verify.level', { level: label(v().levelLabel) })}</p>
              <p class="mw-verify__name">{v().nameMasked}</p>
            </div>
            <dl>
              <dt>{t('modelWorkers.verify.federation')}</dt>
              <dd>{v().federation}</dd>
              <dt>{t('modelWorkers.verify.checkedOn')}</dt>
              <dd>{v().checkedOn}</dd>
              <dt>{t('modelWorkers.verify.expiresOn')}</dt>
              <dd>{v().expiresOn}</dd>
            </dl>
          </>
        )}
      </Show>
      <Show when={invalid()}>
        {(v) => (
          <>
            <div class="mw-verify__answer mw-verify__answer--invalid" role="status" data-testid="mw-verify-answer">
              <p class="mw-verify__mark" aria-hidden="true">✗</p>
              <p class="mw-verify__word">{t('modelWorkers.verify.invalid')}</p>
              <p class="mw-verify__name">{t(`modelWorkers.verify.reason.${v().reason}`)}</p>
            </div>
            <dl>
              <Show when={v().federation}>
                {(f) => (
                  <>
                    <dt>{t('modelWorkers.verify.federation')}</dt>
                    <dd>{f()}</dd>
                  </>
                )}
              </Show>
              <Show when={v().checkedOn}>
                <dt>{t('modelWorkers.verify.checkedOn')}</dt>
                <dd>{v().checkedOn}</dd>
              </Show>
            </dl>
          </>
        )}
      </Show>
      <p class="muted">{t('modelWorkers.verify.note')}</p>
    </main>
  );
}
