import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, For, lazy, Show } from 'solid-js';
import { Disclosure } from '../../components/Panel';
import { yuan } from '../../format';
import { t } from '../../i18n';
import { hasRole } from '../../session';
import { showToast } from '../../toast';
import { cq } from './call';
import { PageError } from './PageError';
import { EventForm } from './EventForm';
import { settingLabel, SettingText } from './RulesEditor';
import { advancementText, bi, CompetitionClass, label, StageKind } from './shared';
import './competitions.css';

const EventsChart = lazy(() => import('./EventsChart'));

/** A competition: its 赛项, the rule pack it follows with every difference from it, and the prize budget. */
export default function CompetitionPage() {
  const params = useParams<{ competitionId: string }>();
  const navigate = useNavigate();
  const [c, { refetch }] = createResource(() => params.competitionId, (competitionId) => cq('competitions.competitions.get', { competitionId }));
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  return (
    <section aria-labelledby="cmp-c-title" class="cmp">
      <Show when={c.error}>
        <PageError error={c.error} title={t('competitions.competition')} backHref="/competitions" backLabel={t('competitions.back')} onRetry={() => void refetch()} />
      </Show>
      <Show when={!c.error && c.loading && !c.latest}>
        <h1 id="cmp-c-title">{t('competitions.competition')}</h1>
        <p role="status">{t('common.loading')}</p>
      </Show>
      <Show when={!c.error && c.latest}>
        {(comp) => (
          <>
            <div class="page-head">
              <A href="/competitions">{t('competitions.back')}</A>
              <h1 id="cmp-c-title" class="cmp-wrap">
                {bi(comp().name)}
              </h1>
              <p>
                {label(CompetitionClass, comp().class)} · {comp().year}
                <Show when={comp().coOrganisers.length > 0}>
                  {' · '}
                  {t('competitions.coOrganisers')}：{comp().coOrganisers.join('、')}
                </Show>
              </p>
            </div>
            <div class="card">
              <h2>{t('competitions.events')}</h2>
              <ul class="cmp-list" data-testid="cmp-events">
                <For each={comp().events} fallback={<li class="muted">{t('competitions.noEvents')}</li>}>
                  {(ev) => (
                    <li class="cmp-card">
                      <A href={`/competitions/events/${ev.eventId}`} class="cmp-card__title">
                        {bi(ev.name)}
                      </A>
                      <span class="muted">
                        {t('competitions.event.trade')}：{ev.tradeCode}
                      </span>
                      <span>{ev.stages.map((s) => `${label(StageKind, s.kind)}${s.advancement ? `（${advancementText(s.advancement)}）` : ''}`).join(' → ')}</span>
                      <Show when={ev.contestantCount !== undefined}>
                        <span>{t('competitions.contestantCount', { n: ev.contestantCount ?? 0 })}</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </div>
            <Show when={comp().events.length > 0}>
              <div class="card" data-testid="cmp-chart">
                <h2>{t('competitions.chart.title')}</h2>
                <EventsChart rows={comp().events.map((ev) => ({ name: bi(ev.name), contestants: ev.contestantCount }))} />
              </div>
            </Show>
            <Show when={isStaff()}>
              <Disclosure summary={t('competitions.event.create')} suggestOpen={comp().events.length === 0}>
                <EventForm
                  competitionId={comp().competitionId}
                  onCreated={(ev) => {
                    showToast('success', () => t('competitions.event.created', { name: bi(ev.name) }));
                    navigate(`/competitions/events/${ev.eventId}`);
                  }}
                />
              </Disclosure>
            </Show>
            <div class="card">
              <h2>{t('competitions.rules')}</h2>
              <p>
                {t('competitions.pack')}：{comp().rules.packCode} v{comp().rules.packVersion}
              </p>
              <h3>{t('competitions.differences')}</h3>
              <ul class="cmp-list" data-testid="cmp-differences">
                <For each={comp().differences} fallback={<li class="muted">{t('competitions.noDifferences')}</li>}>
                  {(d) => (
                    <li class="card cmp-diff">
                      <strong>{bi(d.label)}</strong>
                      <dl class="cmp-kv">
                        <dt>{t('competitions.packValue')}</dt>
                        <dd>
                          <SettingText k={d.key} v={d.pack} />
                        </dd>
                        <dt>{t('competitions.yourValue')}</dt>
                        <dd>
                          <SettingText k={d.key} v={d.custom} />
                        </dd>
                      </dl>
                    </li>
                  )}
                </For>
              </ul>
              <h3>{t('competitions.settingsInForce')}</h3>
              <dl class="cmp-kv">
                <For each={Object.entries(comp().rules.settings)}>
                  {([k, v]) => (
                    <>
                      <dt>{settingLabel(k)}</dt>
                      <dd>
                        <SettingText k={k} v={v} />
                      </dd>
                    </>
                  )}
                </For>
              </dl>
            </div>
            <div class="card">
              <h2>{t('competitions.budget')}</h2>
              <p data-testid="cmp-budget">{comp().prizeBudgetFen === null || comp().prizeBudgetFen === undefined ? t('competitions.noBudget') : yuan(comp().prizeBudgetFen)}</p>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
