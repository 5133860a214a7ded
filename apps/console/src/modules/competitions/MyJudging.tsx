import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ActionBanner } from '../../components/Banner';
import { t } from '../../i18n';
import { errorText } from '../../toast';
import { cq } from './call';
import { bi, label, StageKind } from './shared';
import './competitions.css';

/** 我的评分: the 赛项 whose panel the user sits on, with the stages to mark (and the chief judge's panel). */
export default function MyJudging() {
  const [list, { refetch }] = createResource(() => cq('competitions.judging.mine'));
  return (
    <section aria-labelledby="cmp-mine-title" class="cmp">
      <div class="page-head">
        <h1 id="cmp-mine-title">{t('competitions.navJudging')}</h1>
        <p>{t('competitions.mine.intro')}</p>
      </div>
      <Show when={list.error}>
        <ActionBanner actionLabel={t('common.retry')} onAction={() => void refetch()}>
          {errorText(list.error)}
        </ActionBanner>
      </Show>
      <Show when={!list.error && list()}>
        {(rows) => (
          <ul class="cmp-cards" data-testid="cmp-mine">
            <For each={rows()} fallback={<li class="muted">{t('competitions.mine.empty')}</li>}>
              {(row) => (
                <li class="card cmp-card">
                  <span class="cmp-card__title">{bi(row.eventName)}</span>
                  <span class="muted">{bi(row.competitionName)}</span>
                  <span>{row.roles.map((r) => t(`competitions.panel.${r === 'chief' ? 'chief' : r === 'arbiter' ? 'arbiter' : 'judge'}`)).join('、')}</span>
                  <For each={row.stages.filter((s) => stageKind(s) !== 'training')}>
                    {(s) => (
                      <span class="cmp-row">
                        <A href={`/competitions/judging/${row.eventId}/${stageKind(s)}`} class="btn btn--small">
                          {t('competitions.mine.mark', { stage: label(StageKind, stageKind(s)) })}
                        </A>
                        <Show when={row.roles.includes('chief')}>
                          <A href={`/competitions/judging/${row.eventId}/${stageKind(s)}/panel`} class="btn btn--small">
                            {t('competitions.mine.panel', { stage: label(StageKind, stageKind(s)) })}
                          </A>
                        </Show>
                        <Show when={row.roles.includes('arbiter')}>
                          <A href={`/competitions/events/${row.eventId}/results/${stageKind(s)}`} class="btn btn--small">
                            {t('competitions.mine.results', { stage: label(StageKind, stageKind(s)) })}
                          </A>
                        </Show>
                      </span>
                    )}
                  </For>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </section>
  );
}

const stageKind = (s: string | { kind: string }): string => (typeof s === 'string' ? s : s.kind);
