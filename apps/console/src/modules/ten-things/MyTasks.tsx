import { t } from '../../i18n';
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { query } from '../../api';
import { Banner } from '../../components/Banner';
import { errorText } from '../../toast';
import { ItemCard } from './parts';
import { ProposeForm } from './ProposeForm';
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
      <Solicitation />
    </section>
  );
}

/** 征集: while a plan collects, the union proposes items and follows what became of its proposals. */
function Solicitation() {
  const [open, { refetch }] = createResource(() => query('tenThings.candidates.mine'));
  const stageText = (p: { stage: string; mergedIntoTitle?: string }) =>
    p.stage === 'merged' ? t('tenThings.stage.merged', { title: p.mergedIntoTitle ?? '' }) : p.stage === 'candidate' ? t('tenThings.stage.candidate') : t('tenThings.stage.proposed');
  return (
    <For each={open()?.plans ?? []}>
      {(plan) => (
        <section class="tt-section" aria-labelledby={`tt-sol-${plan.planId}`} data-testid="tt-solicit">
          <h2 id={`tt-sol-${plan.planId}`}>{t('tenThings.solicitTitle')}</h2>
          <p class="muted">{t('tenThings.solicitHint', { year: plan.year })}</p>
          <ProposeForm planId={plan.planId} unit onSaved={() => void refetch()} />
          <Show when={(open()?.proposals ?? []).some((p) => p.planId === plan.planId)}>
            <h3>{t('tenThings.myProposals')}</h3>
            <ul data-testid="tt-my-proposals">
              <For each={open()!.proposals.filter((p) => p.planId === plan.planId)}>
                {(p) => (
                  <li>
                    {p.title} <span class="muted">· {stageText(p)}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      )}
    </For>
  );
}
