import { createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { mutate, query } from '../../api';
import { Banner } from '../../components/Banner';
import { createConfirm } from '../../components/Confirm';
import { DataTable } from '../../components/DataTable';
import { Input } from '../../components/Input';
import { createFieldErrors } from '../../forms';
import { t } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showError, showToast } from '../../toast';
import { BENEFIT_KINDS, parseYuan, PersonPicker, shanghaiToday, shanghaiYear, yuan, type PersonRow } from './shared';
import './mw-services.css';

/**
 * The 劳模 benefits ledger: the year's budget (set by the admin), a grant (the confirmation states the amount, the
 * treatment level and the budget left after, from the server's quote; a refusal such as a revoked honour is shown
 * as the server words it) and the year's grants.
 */
export default function Benefits() {
  const [year, setYear] = createSignal(shanghaiYear());
  const [budget, budgetCtl] = createResource(year, (y) => query('modelWorkers.benefits.budgets', { year: y }));
  const [ledger, ledgerCtl] = createResource(year, (y) => query('modelWorkers.benefits.list', { year: y }));
  const [newBudget, setNewBudget] = createSignal('');
  const [person, setPerson] = createSignal<PersonRow>();
  const [kind, setKind] = createSignal<(typeof BENEFIT_KINDS)[number]>('spring_festival');
  const [on, setOn] = createSignal(shanghaiToday());
  const [amount, setAmount] = createSignal('');
  const [note, setNote] = createSignal('');
  const [refusal, setRefusal] = createSignal<string>();
  const fields = createFieldErrors();
  const confirm = createConfirm();

  async function saveBudget(e: Event) {
    e.preventDefault();
    const budgetFen = parseYuan(newBudget());
    if (budgetFen === undefined) return fields.setErrors({ budgetFen: () => t('mwServices.err.money') });
    try {
      await mutate('modelWorkers.benefits.setBudget', { year: year(), budgetFen, version: budget()?.budget.version ?? 0 });
      fields.clear();
      setNewBudget('');
      showToast('success', () => t('mwServices.saved'));
      await budgetCtl.refetch();
    } catch (err) {
      if (fields.fromServer(err, ['budgetFen']).length || !fields.get('budgetFen')) showError(err);
    }
  }

  async function grant(e: Event) {
    e.preventDefault();
    setRefusal(undefined);
    const p = person();
    if (!p) return setRefusal(t('mwServices.err.person'));
    const amountFen = kind() === 'special_subsidy' ? parseYuan(amount()) : undefined;
    if (kind() === 'special_subsidy' && amountFen === undefined) return fields.setErrors({ amountFen: () => t('mwServices.err.money') });
    fields.clear();
    const input = { personId: p.personId, kind: kind(), grantedOn: on(), amountFen, note: note().trim() || undefined };
    try {
      const q = await query('modelWorkers.benefits.quote', input);
      const kindLabel = t(`mwServices.kind.${kind()}`);
      const ok = await confirm.ask({
        title: t('mwServices.benefits.confirmTitle', { kind: kindLabel }),
        consequence: t('mwServices.benefits.confirmConsequence', { name: p.name, kind: kindLabel, year: q.year }),
        facts: [
          { label: t('mwServices.benefits.factAmount'), value: yuan(q.amountFen) },
          { label: t('mwServices.benefits.factLevel'), value: t(`mwServices.level.${q.level}`) + (q.reducedBy ? `（${t('mwServices.benefits.reduced', { title: q.reducedBy.title, on: q.reducedBy.revokedOn })}）` : '') },
          { label: t('mwServices.benefits.factLeft'), value: yuan(q.remainingAfterFen) },
        ],
        confirmLabel: t('mwServices.benefits.grant'),
      });
      if (!ok) return;
      const done = await mutate('modelWorkers.benefits.grant', input);
      showToast('success', () => t('mwServices.benefits.done', { name: p.name, kind: kindLabel, amount: yuan(done.amountFen), left: yuan(done.remainingAfterFen) }));
      setPerson(undefined);
      setAmount('');
      setNote('');
      await Promise.all([budgetCtl.refetch(), ledgerCtl.refetch()]);
    } catch (err) {
      if (!fields.placed(err, ['amountFen', 'grantedOn', 'note'])) setRefusal(errorText(err));
    }
  }

  return (
    <section aria-labelledby="mws-benefits-title" class="mws">
      <div class="page-head">
        <h1 id="mws-benefits-title">{t('mwServices.benefits.title')}</h1>
        <label>
          {t('mwServices.benefits.year')}{' '}
          <input type="number" class="year-input" min="2000" max="2100" value={year()} onChange={(e) => setYear(Number(e.currentTarget.value))} />
        </label>
      </div>
      <Show when={budget.error}>
        <Banner kind="error">{errorText(budget.error)}</Banner>
      </Show>
      <Show when={budget()}>
        {(b) => (
          <div class="card" data-testid="mws-budget">
            <h2>{t('mwServices.benefits.budget')}</h2>
            <Show when={b().budget.version} fallback={<p class="muted">{t('mwServices.benefits.noBudget')}</p>}>
              <p>
                {t('mwServices.benefits.budget')} {yuan(b().budget.budgetFen)} · {t('mwServices.benefits.granted')} {yuan(b().budget.grantedFen)} · {t('mwServices.benefits.remaining')} <strong>{yuan(b().budget.remainingFen)}</strong>
              </p>
            </Show>
            <Show when={hasRole('federation_admin')}>
              <form class="mws-inline" onSubmit={(e) => void saveBudget(e)}>
                <Input id="mws-budget-yuan" label={t('mwServices.benefits.budgetYuan')} inputmode="decimal" value={newBudget()} onValue={setNewBudget} error={fields.get('budgetFen')} />
                <button type="submit" class="btn">{t('mwServices.benefits.setBudget')}</button>
              </form>
            </Show>
          </div>
        )}
      </Show>
      <form class="card mws-form" onSubmit={(e) => void grant(e)} novalidate>
        <h2>{t('mwServices.benefits.grantTitle')}</h2>
        <PersonPicker id="mws-grant-person" chosen={person()} onChoose={setPerson} />
        <div class="field">
          <label for="mws-kind">{t('mwServices.benefits.kind')}</label>
          <select id="mws-kind" class="input" value={kind()} onChange={(e) => setKind(e.currentTarget.value as (typeof BENEFIT_KINDS)[number])}>
            <For each={BENEFIT_KINDS}>{(k) => <option value={k}>{t(`mwServices.kind.${k}`)}</option>}</For>
          </select>
        </div>
        <Input id="mws-on" label={t('mwServices.benefits.grantedOn')} type="date" value={on()} onValue={setOn} required error={fields.get('grantedOn')} />
        <Show when={kind() === 'special_subsidy'}>
          <Input id="mws-amount" label={t('mwServices.benefits.amount')} hint={t('mwServices.benefits.amountHint')} inputmode="decimal" value={amount()} onValue={setAmount} required error={fields.get('amountFen')} />
        </Show>
        <Input id="mws-note" label={t('mwServices.benefits.note')} value={note()} onValue={setNote} rule={limits.modelWorkers.note} error={fields.get('note')} />
        <Show when={refusal()}>{(r) => <Banner kind="error">{r()}</Banner>}</Show>
        <button type="submit" class="btn btn--primary">{t('mwServices.benefits.grant')}</button>
      </form>
      <div class="card">
        <h2>{t('mwServices.benefits.ledger')}</h2>
        <Show when={ledger()}>{(l) => <p data-testid="mws-total">{t('mwServices.benefits.total', { amount: yuan(l().totalFen) })}</p>}</Show>
        <DataTable
          label={t('mwServices.benefits.ledger')}
          rows={ledger()?.items ?? []}
          loading={ledger.loading}
          columns={[
            { label: () => t('mwServices.benefits.grantedOn'), cell: (g) => g.grantedOn },
            { label: () => t('mwServices.benefits.person'), cell: (g) => g.personNameMasked, class: 'cell--primary' },
            { label: () => t('mwServices.benefits.kind'), cell: (g) => t(`mwServices.kind.${g.benefit}`) },
            { label: () => t('mwServices.benefits.level'), cell: (g) => t(`mwServices.level.${g.level}`) },
            { label: () => t('mwServices.benefits.factAmount'), cell: (g) => yuan(g.amountFen) },
            { label: () => t('mwServices.benefits.by'), cell: (g) => g.grantedByName ?? '—' },
          ]}
        />
      </div>
      <confirm.Dialog />
    </section>
  );
}
