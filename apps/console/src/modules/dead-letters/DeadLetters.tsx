import { createSignal, onMount, Show } from 'solid-js';
import { ApiError, mutate, query } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { createPaged } from '../../paged';
import { errorText, showError, showToast } from '../../toast';
import type { RouterOutputs } from '../../api';

type DeadLetter = RouterOutputs['deadLetters']['list']['items'][number];

export default function DeadLetters() {
  const list = createPaged<DeadLetter>((cursor) =>
    query('deadLetters.list', cursor ? { cursor } : {}),
  );
  onMount(() => void list.reload());
  const [replaying, setReplaying] = createSignal<string | null>(null);

  async function replay(d: DeadLetter) {
    setReplaying(d.id);
    try {
      const res = await mutate('deadLetters.replay', { id: d.id });
      list.setItems((items) => items.filter((x) => x.id !== d.id));
      showToast('success', () => (res?.outcome ? `${t('deadLetters.replayed')}（${res.outcome}）` : t('deadLetters.replayed')));
    } catch (e) {
      // 409 here means the consumer still fails (the message says why), not a stale version.
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        showToast('error', () => errorText(e, { staleOnConflict: false }));
        void list.reload();
      } else showError(e);
    } finally {
      setReplaying(null);
    }
  }

  return (
    <section aria-labelledby="dlq-title">
      <div class="page-head">
        <div>
          <h1 id="dlq-title">{t('deadLetters.title')}</h1>
          <p class="muted">{t('deadLetters.subtitle')}</p>
        </div>
        <button type="button" class="btn" onClick={() => void list.reload()}>
          {t('common.refresh')}
        </button>
      </div>
      <Show when={list.error()}>
        <Banner kind="error">{errorText(list.error())}</Banner>
      </Show>
      <DataTable<DeadLetter>
        label={t('deadLetters.title')}
        rows={list.items()}
        loading={list.loading() && !list.loaded()}
        empty={t('deadLetters.empty')}
        columns={[
          { label: () => t('deadLetters.failedAt'), cell: (d) => formatDateTime(d.failedAt), class: 'nowrap' },
          { label: () => t('deadLetters.eventType'), cell: (d) => <code>{d.eventType}</code> },
          { label: () => t('deadLetters.handler'), cell: (d) => <code>{d.handler}</code> },
          { label: () => t('deadLetters.eventId'), cell: (d) => <span class="mono">{d.eventId}</span> },
          { label: () => t('deadLetters.attempts'), cell: (d) => formatNumber(d.attempts), class: 'num' },
          { label: () => t('deadLetters.error'), cell: (d) => <span class="error-text">{d.error}</span>, class: 'cell--wide' },
          {
            label: () => t('common.actions'),
            cell: (d) => (
              <button
                type="button"
                class="btn btn--small"
                title={t('deadLetters.replayLabel', { id: d.eventId })}
                disabled={replaying() !== null}
                onClick={() => void replay(d)}
              >
                {replaying() === d.id ? t('deadLetters.replaying') : t('deadLetters.replay')}
              </button>
            ),
          },
        ]}
      />
      <ListFooter hasMore={list.hasMore()} loading={list.loading()} onMore={() => void list.loadMore()} />
    </section>
  );
}
