import { Show } from 'solid-js';
import { ApiError } from '../api';
import { t } from '../i18n';
import { errorText } from '../toast';
import { Banner } from './Banner';

/**
 * An error on a public page (rating, 公示, self-test). These need no sign-in, so a 403 can only mean that
 * the federation's service is paused (its tenant suspended): say so plainly; anything else is an error.
 */
export function PublicError(props: { error: unknown }) {
  const paused = () => props.error instanceof ApiError && props.error.code === 'FORBIDDEN';
  return (
    <Show when={paused()} fallback={<Banner kind="error">{errorText(props.error)}</Banner>}>
      <div class="card service-paused" role="status" data-testid="service-paused">
        <h2>{t('public.pausedTitle')}</h2>
        <p>{t('public.pausedBody')}</p>
      </div>
    </Show>
  );
}
