import { For } from 'solid-js';
import { t } from '../i18n';
import { dismissToast, toasts } from '../toast';

export function Toasts() {
  return (
    <div class="toasts" aria-live="polite">
      <For each={toasts()}>
        {(toast) => (
          <div class={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
            <span>{toast.text()}</span>
            <button
              type="button"
              class="toast__close"
              aria-label={t('common.dismiss')}
              onClick={() => dismissToast(toast.id)}
            >
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
