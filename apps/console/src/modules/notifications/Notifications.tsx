import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query, type RouterOutputs } from '../../api';
import { Banner } from '../../components/Banner';
import { formatDateTime, label, t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showError } from '../../toast';
import '../contracts/contracts.css';

type Note = RouterOutputs['notifications']['list']['items'][number];

const MODULES: { value: Note['module'] | ''; zh: string; en: string }[] = [
  { value: '', zh: '全部', en: 'All' },
  { value: 'contracts', zh: '集体合同', en: 'Collective contracts' },
  { value: 'hardship', zh: '困难帮扶', en: 'Hardship assistance' },
  { value: 'tenThings', zh: '十件实事', en: 'Ten things' },
];

const moduleLabel = (value: Note['module']) => {
  const m = MODULES.find((x) => x.value === value);
  return m ? label(m) : '';
};

/** In-app notifications from every module: legal clocks, hardship clocks, 十件实事 items; a reporter's, their union's. */
export default function Notifications() {
  const [module, setModule] = createSignal<Note['module'] | ''>('');
  const [data, { refetch, mutate: set }] = createResource(
    () => ({ module: module() }),
    (f) => query('notifications.list', f.module ? { module: f.module } : {}),
  );
  /** The loaded value, or nothing while loading or after a failure (reading a failed resource throws). */
  const loaded = () => (data.error ? undefined : data());
  async function markRead(n: Note) {
    try {
      const res = await mutate('notifications.markRead', { id: n.id });
      const d = loaded()!;
      set({ items: d.items.map((x) => (x.id === n.id ? { ...x, readAt: res.readAt } : x)), unread: Math.max(0, d.unread - 1) });
    } catch (e) {
      showError(e);
    }
  }
  // A unit reporter gets only their union's reminders (the investigations it owes): no module filter.
  const staff = () => hasRole('federation_admin', 'federation_staff');
  return (
    <section aria-labelledby="notes-title">
      <div class="page-head">
        <h1 id="notes-title">{t('notifications.notifications')}</h1>
        <Show when={loaded()}><p class="muted">{t('notifications.unread', { unread: loaded()!.unread })}</p></Show>
      </div>
      <Show when={staff()}>
        <label class="field">
          {t('notifications.module')}{' '}
          <select name="module" value={module()} onChange={(e) => setModule(e.currentTarget.value as Note['module'] | '')}>
            <For each={MODULES}>{(m) => <option value={m.value}>{label(m)}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={data.error}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{t('notifications.retry')}</button>}>{errorText(data.error)}</Banner>
      </Show>
      <Show when={loaded() && loaded()!.items.length === 0}>
        <p class="muted">{staff() ? t('notifications.noNotifications') : t('notifications.noNotificationsUnit')}</p>
      </Show>
      <ul class="timeline" aria-label={t('notifications.notifications2')}>
        <For each={loaded()?.items ?? []}>
          {(n) => (
            <li class={n.readAt ? 'done' : 'current'} data-testid="notification">
              <span class="note">{moduleLabel(n.module)}</span>{' '}
              <A href={n.href} classList={{ 'clock--overdue': n.type === 'clock_overdue' }}>{label(n.title)}</A>
              <span class="note">{formatDateTime(n.createdAt)}</span>
              <Show when={!n.readAt}>
                <button type="button" class="btn btn--small" onClick={() => void markRead(n)}>{t('notifications.markRead')}</button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
