import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { Banner } from '../../components/Banner';
import { label, t } from '../../i18n';
import { me } from '../../session';
import { errorText } from '../../toast';
import { judgingApi, stageKind, stageLabel } from './judging-api';
import './judging.css';

/** The 赛项 whose panel the signed-in user is on, with each stage's score sheet (and, for a chief judge, the panel). */
export default function MyJudging() {
  const [mine] = createResource(() => judgingApi.mine());
  const list = () => (mine.error ? undefined : mine());
  return (
    <div class="judging judging-home">
      <div class="page-head">
        <div>
          <h1>{t('competitions.judging.title')}</h1>
          <p class="muted">{t('competitions.judging.intro')}</p>
        </div>
      </div>
      <Show when={mine.error}>
        <Banner kind="error">{errorText(mine.error)}</Banner>
      </Show>
      <Show when={list()}>
        {(events) => (
          <Show when={events().length > 0} fallback={<p class="card">{t('competitions.judging.none')}</p>}>
            <ul class="plain-list judging-home__events" data-testid="judging-events">
              <For each={events()}>
                {(e) => (
                  <li class="card judging-home__event">
                    <p class="muted small">{label(e.competitionName ?? undefined)}</p>
                    <h2>{label(e.eventName)}</h2>
                    <p class="tags">
                      <For each={e.roles}>{(r) => <span class="tag">{t(`competitions.judging.role.${r}`)}</span>}</For>
                    </p>
                    <ul class="plain-list judging-home__stages">
                      <For each={e.stages.map(stageKind)}>
                        {(stage) => (
                          <li class="judging-home__links">
                            <Show when={e.roles.includes('judge') || e.roles.includes('chief')}>
                              <A class="btn btn--primary judge-big" href={`/competitions/judging/${encodeURIComponent(e.eventId)}/${encodeURIComponent(stage)}`}>
                                {t('competitions.judging.openSheet', { stage: stageLabel(stage) })}
                              </A>
                            </Show>
                            <Show when={e.roles.includes('chief')}>
                              <A class="btn judge-big" href={`/competitions/judging/${encodeURIComponent(e.eventId)}/${encodeURIComponent(stage)}/panel`}>
                                {t('competitions.judging.openPanel', { stage: stageLabel(stage) })}
                              </A>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                    <Show when={me()?.tenantId}>
                      {(tenantId) => (
                        <p>
                          <A href={`/scoreboard/competitions/${encodeURIComponent(tenantId())}/${encodeURIComponent(e.eventId)}`}>{t('competitions.judging.board.title')}</A>
                        </p>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </div>
  );
}
