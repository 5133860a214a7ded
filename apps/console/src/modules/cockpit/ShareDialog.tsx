import { limits } from '@ufp/core/validation/limits';
import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import { mutate, query, type OutputOf } from '../../api';
import { formatDateTime, t } from '../../i18n';
import { errorText, showError, showToast } from '../../toast';

type Created = OutputOf<'cockpit.shares.create'>;

/** 分享大屏链接: create a read-only link for a meeting screen (hours, note), copy it, list and revoke the scope's links. */
export function ShareDialog(props: { scope: string | undefined; scopeName: string; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  const [hours, setHours] = createSignal(24);
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [created, setCreated] = createSignal<Created>();
  const [copied, setCopied] = createSignal(false);
  const [error, setError] = createSignal('');
  const [links, { refetch }] = createResource(() => query('cockpit.shares.list'));
  onMount(() => dialog.showModal());
  const url = (token: string) => `${location.origin}/share/${token}`;
  const create = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      setCreated(await mutate('cockpit.shares.create', { ...(props.scope && { scope: props.scope }), hours: hours(), ...(note().trim() && { label: note().trim() }) }));
      setCopied(false);
      void refetch();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      (document.getElementById('ck-share-url') as HTMLInputElement | null)?.select();
    }
  };
  const revoke = async (id: string) => {
    try {
      await mutate('cockpit.shares.revoke', { id });
      showToast('success', () => t('cockpit.revoked'));
      void refetch();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <dialog ref={dialog} class="ck-dialog" aria-labelledby="ck-share-title" onClose={() => props.onClose()}>
      <h2 id="ck-share-title">{t('cockpit.shareTitle')}</h2>
      <p class="muted small">{t('cockpit.shareIntro')}</p>
      <p class="small">{t('cockpit.shareScope', { scope: props.scopeName })}</p>
      <form class="ck-share-form" onSubmit={create}>
        <div class="field">
          <label for="ck-share-hours">{t('cockpit.shareHours')}</label>
          <input id="ck-share-hours" type="number" min="1" max="168" step="1" required value={hours()} onInput={(e) => setHours(Number(e.currentTarget.value))} />
        </div>
        <div class="field">
          <label for="ck-share-label">{t('cockpit.shareLabel')}</label>
          <input id="ck-share-label" type="text" maxLength={limits.cockpit.shareLabel.max} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button type="submit" class="btn btn--primary" disabled={busy()}>
          {busy() ? t('common.saving') : t('cockpit.shareCreate')}
        </button>
      </form>
      <Show when={error()}>
        <p class="error-text" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={created()}>
        {(c) => (
          <div class="ck-share-created" role="status">
            <p>{t('cockpit.shareCreated')}</p>
            <div class="ck-share-url">
              <label for="ck-share-url" class="visually-hidden">
                {t('cockpit.shareUrl')}
              </label>
              <input id="ck-share-url" type="text" readOnly value={url(c().token)} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" class="btn" onClick={() => void copy(url(c().token))}>
                {copied() ? t('cockpit.copied') : t('cockpit.copy')}
              </button>
            </div>
            <p class="muted small">{t('cockpit.expiresAt', { time: formatDateTime(c().expiresAt) })}</p>
          </div>
        )}
      </Show>
      <h3>{t('cockpit.shareList')}</h3>
      <Show when={(links.latest?.items.length ?? 0) > 0} fallback={<p class="muted small">{t('cockpit.shareNone')}</p>}>
        <ul class="ck-share-list">
          <For each={links.latest?.items ?? []}>
            {(l) => (
              <li>
                <span>
                  {l.label || l.code} · <span class="muted small">{t('cockpit.expiresAt', { time: formatDateTime(l.expiresAt) })}</span>{' '}
                  <span class={`tag ${l.open ? '' : 'tag--off'}`}>{l.revokedAt ? t('cockpit.shareRevoked') : l.open ? t('cockpit.shareOpen') : t('cockpit.shareClosed')}</span>
                </span>
                <Show when={l.open}>
                  <button type="button" class="btn btn--small" onClick={() => void revoke(l.id)}>
                    {t('cockpit.revoke')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="form__actions">
        <button type="button" class="btn" onClick={() => dialog.close()}>
          {t('cockpit.close')}
        </button>
      </div>
    </dialog>
  );
}
