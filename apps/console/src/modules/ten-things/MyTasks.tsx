import { t } from '../../i18n';
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { errorText } from '../../toast';
import { ItemCard } from './parts';
import { ReportForm } from './ReportForm';
import './ten-things.css';

/** 我的任务: the adopted items the reporter's union is co-responsible for, each with a report form (phone first). */
export default function MyTasks() {
  const [tasks, { refetch }] = createResource(() => query('tenThings.items.mine'));
  return (
    <section aria-labelledby="tt-my-title">
      <div class="page-head">
        <h1 id="tt-my-title">{t('tenThings.myTasks')}</h1>
      </div>
      <Show when={tasks.error}>
        <Banner kind="error">{errorText(tasks.error)}</Banner>
      </Show>
      <Show when={tasks() && tasks()!.items.length === 0}>
        <p class="muted">{t('tenThings.noTasks')}</p>
      </Show>
      <div class="tt-grid">
        <For each={tasks()?.items ?? []}>
          {(item, i) => (
            <div class="tt-task card" data-testid="tt-task">
              <ItemCard item={item} href={`/ten-things/items/${item.itemId}`} />
              <h2 class="tt-task__title">{t('tenThings.report')}</h2>
              <ReportForm item={item} idPrefix={`tt-task-${i()}`} onSaved={() => void refetch()} />
            </div>
          )}
        </For>
      </div>
      <p class="muted">
        <A href="/ten-things/my">{t('tenThings.progressHint')}</A>
      </p>
    </section>
  );
}
