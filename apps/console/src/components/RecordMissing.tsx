import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { ApiError } from '../api';
import { lang, t } from '../i18n';
import { errorText, isMissing, isStale } from '../toast';
import { ActionBanner, Banner } from './Banner';

/**
 * The page for a record that cannot be shown: "未找到该档案" for a 404, "无权查看" for a 403, with
 * a link back to its list. Any other error is shown as the server's message with a retry.
 */
export function RecordMissing(props: { error: unknown; backHref: string; backLabel?: string; onRetry?: () => void }) {
  const forbidden = () => props.error instanceof ApiError && props.error.code === 'FORBIDDEN';
  const serverText = () => {
    const e = props.error;
    if (!(e instanceof ApiError)) return '';
    return (lang() === 'en' ? e.messageEn : e.message) ?? '';
  };
  return (
    <Show
      when={isMissing(props.error)}
      fallback={
        <Show when={props.onRetry} fallback={<Banner kind="error">{errorText(props.error)}</Banner>}>
          {(retry) => (
            <ActionBanner actionLabel={t('common.retry')} onAction={() => retry()()}>
              {errorText(props.error)}
            </ActionBanner>
          )}
        </Show>
      }
    >
      <section class="error-page" data-testid="record-missing" aria-labelledby="record-missing-title">
        <p class="error-page__code" aria-hidden="true">
          {forbidden() ? 403 : 404}
        </p>
        <h1 id="record-missing-title">{forbidden() ? t('record.forbiddenTitle') : t('record.notFoundTitle')}</h1>
        <p>{forbidden() ? t('record.forbiddenBody') : t('record.notFoundBody')}</p>
        <Show when={serverText()}>
          <p class="muted">{serverText()}</p>
        </Show>
        <A href={props.backHref} class="btn btn--primary">
          {props.backLabel ?? t('record.back')}
        </A>
      </section>
    </Show>
  );
}

/**
 * An error banner for a failed save: a stale version says "changed by someone else" with a button
 * that reloads the record (what the user typed stays in the form); anything else is the server's own
 * message (a short budget, a running 公示 …).
 */
export function SaveError(props: { error: unknown; onReload: () => void }): JSX.Element {
  return (
    <Show when={isStale(props.error)} fallback={<Banner kind="error">{errorText(props.error)}</Banner>}>
      <ActionBanner actionLabel={t('record.reload')} onAction={() => props.onReload()}>
        {t('record.staleBody')}
      </ActionBanner>
    </Show>
  );
}
