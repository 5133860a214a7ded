import { t } from '../../i18n';
import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query } from '../../api';
import { Banner } from '../../components/Banner';
import { Input } from '../../components/Input';
import { Disclosure } from '../../components/Panel';
import { hasRole } from '../../session';
import { errorText, showError, showToast } from '../../toast';
import { categoryLabel, pct, STATUSES, statusLabel } from './labels';
import { ItemCard } from './parts';
import { ProposeForm } from './ProposeForm';
import { TenThingsSettings } from './Settings';
import { EvaluationPanel } from './EvaluationPanel';
import { ProposalsPanel } from './ProposalsPanel';
import { VotePanel } from './VotePanel';
import './ten-things.css';
import { limits } from '@ufp/core/validation/limits';

export default function Board() {
  const [plans, { refetch: refetchPlans }] = createResource(() => query('tenThings.plans.list', { limit: 50 }));
  const [chosen, setChosen] = createSignal<string>();
  const planId = () => chosen() ?? plans()?.items[0]?.planId;
  const [view, { refetch }] = createResource(planId, (id) => query('tenThings.plans.get', { planId: id }));
  const [status, setStatus] = createSignal('');
  const [dept, setDept] = createSignal('');
  const isAdmin = () => hasRole('federation_admin');
  const adopted = createMemo(() => ((view.error ? undefined : view())?.items ?? []).filter((i) => i.stage === 'adopted'));
  const depts = createMemo(() => [...new Set(adopted().map((i) => i.assignment?.leadDept ?? i.leadDept))].sort());
  const shown = createMemo(() =>
    adopted().filter((i) => (!status() || i.progress?.status === status()) && (!dept() || (i.assignment?.leadDept ?? i.leadDept) === dept())),
  );
  const [year, setYear] = createSignal(new Date().getFullYear());
  const [title, setTitle] = createSignal('');

  const createPlan = async (e: Event) => {
    e.preventDefault();
    try {
      const planTitle = title().trim() || `${year()}年服务职工“十件实事”`;
      const plan = await mutate('tenThings.plans.create', { year: year(), title: planTitle });
      showToast('success', () => t('tenThings.planCreated', { title: planTitle }));
      await refetchPlans();
      setChosen(plan.planId);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <section aria-labelledby="tt-title">
      <div class="page-head">
        <h1 id="tt-title">{t('tenThings.title')}</h1>
        <div class="tt-inline no-print">
          <Show when={(plans()?.items.length ?? 0) > 0}>
            <label for="tt-plan" class="visually-hidden">
              {t('tenThings.plan')}
            </label>
            <select id="tt-plan" value={planId() ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
              <For each={plans()?.items ?? []}>{(p) => <option value={p.planId}>{p.year} · {p.title}</option>}</For>
            </select>
          </Show>
          <Show when={planId()}>
            <A class="btn" href={`/ten-things/report/${planId()}`}>
              {t('tenThings.annual')}
            </A>
          </Show>
        </div>
      </div>

      <Show when={isAdmin()}>
        <Disclosure class="card no-print" summary={t('tenThings.createPlan')} suggestOpen={plans()?.items.length === 0}>
          <form class="tt-inline" onSubmit={createPlan}>
            <Input id="tt-year" label={t('tenThings.year')} required type="number" inputmode="numeric" min="2000" max="2100" value={String(year())} onValue={(x) => setYear(Number(x))} />
            <Input id="tt-plan-title" label={t('tenThings.planTitle')} rule={limits.tenThings.planTitle} value={title()} onValue={setTitle} placeholder={`${year()}年服务职工“十件实事”`} />
            <button class="btn btn--primary" type="submit">
              {t('tenThings.createPlan')}
            </button>
          </form>
        </Disclosure>
      </Show>

      <Show when={plans.error || view.error}>
        <Banner kind="error">{errorText(plans.error ?? view.error)}</Banner>
      </Show>
      <Show when={plans() && plans()!.items.length === 0}>
        <p class="muted">{t('tenThings.noPlan')}</p>
      </Show>

      <Show when={!view.error && view()}>
        {(v) => (
          <>
            <Show when={v().plan.closedAt}>
              {(closedAt) => (
                <Banner kind="info">
                  <span data-testid="tt-closed">{t('tenThings.closedOn', { date: closedAt().slice(0, 10) })}</span>
                </Banner>
              )}
            </Show>
            <Show when={adopted().length > 0}>
              <div class="tt-summary" aria-label={t('tenThings.status')}>
                <span>
                  {t('tenThings.itemsAdopted', { n: adopted().length })} · {t('tenThings.completion')} <strong data-testid="tt-plan-completion">{pct(v().summary.completion)}</strong>
                </span>
                <For each={STATUSES}>
                  {(s) => (
                    <span class={`tt-status tt--${s}`}>
                      {statusLabel(s)} {v().summary.byStatus[s]}
                    </span>
                  )}
                </For>
                <span class="muted">{t('tenThings.asOf', { date: v().asOf })}</span>
              </div>
              <form class="filters no-print" role="search" onSubmit={(e) => e.preventDefault()}>
                <div class="field">
                  <label for="tt-f-status">{t('tenThings.status')}</label>
                  <select id="tt-f-status" value={status()} onChange={(e) => setStatus(e.currentTarget.value)}>
                    <option value="">{t('tenThings.allStatuses')}</option>
                    <For each={STATUSES}>{(s) => <option value={s}>{statusLabel(s)}</option>}</For>
                  </select>
                </div>
                <div class="field">
                  <label for="tt-f-dept">{t('tenThings.leadDept')}</label>
                  <select id="tt-f-dept" value={dept()} onChange={(e) => setDept(e.currentTarget.value)}>
                    <option value="">{t('tenThings.allDepts')}</option>
                    <For each={depts()}>{(d) => <option value={d}>{d}</option>}</For>
                  </select>
                </div>
              </form>
              <div class="tt-grid" data-testid="tt-board">
                <For each={shown()}>{(item) => <ItemCard item={item} href={`/ten-things/items/${item.itemId}`} />}</For>
              </div>
            </Show>

            <Show when={v().plan.status !== 'adopted'}>
              <section class="tt-section" aria-labelledby="tt-cands">
                <h2 id="tt-cands">
                  {t('tenThings.candidates')}（{v().items.filter((i) => i.stage === 'candidate' || i.stage === 'tied').length}）
                </h2>
                <ol data-testid="tt-candidates">
                  <For each={v().items.filter((i) => i.stage !== 'proposed' && i.stage !== 'merged')}>
                    {(i) => (
                      <li>
                        {i.title} <span class="muted">· {categoryLabel(i.category)} · {i.leadDept} · {i.targets.length} {t('tenThings.targets')}</span>
                      </li>
                    )}
                  </For>
                </ol>
                <Show when={v().plan.status === 'collecting'}>
                  <ProposalsPanel view={v()} onSaved={() => void refetch()} />
                  <ProposeForm planId={v().plan.planId} onSaved={() => void refetch()} />
                </Show>
              </section>
            </Show>
            <Show when={isAdmin() && v().plan.status !== 'adopted' && v().plan.status !== 'closed' && v().items.some((i) => i.stage === 'candidate' || i.stage === 'tied')}>
              <VotePanel view={v()} onSaved={() => void refetch()} />
            </Show>
            <Show when={isAdmin() && v().plan.status === 'adopted'}>
              <EvaluationPanel view={v()} onSaved={() => void refetch()} />
            </Show>
          </>
        )}
      </Show>
      <Show when={isAdmin()}>
        <TenThingsSettings />
      </Show>
    </section>
  );
}
