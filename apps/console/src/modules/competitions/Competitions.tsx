import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ActionBanner } from '../../components/Banner';
import { t } from '../../i18n';
import { errorText } from '../../toast';
import { hasRole } from '../../session';
import { cq } from './call';
import { bi, CompetitionClass, label } from './shared';
import './competitions.css';

/** The federation's competitions (readers), with 新建竞赛 for staff. */
export default function Competitions() {
  const [list, { refetch }] = createResource(() => cq('competitions.competitions.list'));
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  return (
    <section aria-labelledby="cmp-title" class="cmp">
      <div class="page-head">
        <h1 id="cmp-title">{t('competitions.title')}</h1>
        <p>{t('competitions.intro')}</p>
      </div>
      <div class="cmp-row">
        <Show when={isStaff()}>
          <A href="/competitions/new" class="btn btn--primary">
            {t('competitions.new')}
          </A>
        </Show>
        <A href="/competitions/judging" class="btn">
          {t('competitions.navJudging')}
        </A>
      </div>
      <Show when={list.error}>
        <ActionBanner actionLabel={t('common.retry')} onAction={() => void refetch()}>
          {errorText(list.error)}
        </ActionBanner>
      </Show>
      <Show when={!list.error && list()}>
        {(items) => (
          <ul class="cmp-cards" data-testid="cmp-competitions">
            <For each={items()} fallback={<li class="muted">{t('competitions.empty')}</li>}>
              {(c) => (
                <li class="card cmp-card">
                  <A href={`/competitions/${c.competitionId}`} class="cmp-card__title">
                    {bi(c.name)}
                  </A>
                  <span class="muted">
                    {label(CompetitionClass, c.class)} · {c.year}
                  </span>
                  <span>{t('competitions.differencesCount', { n: c.differences.length })}</span>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </section>
  );
}
