import { createSignal, For, Show } from 'solid-js';
import { mutate } from '../../api';
import { createConfirm } from '../../components/Confirm';
import { Input } from '../../components/Input';
import { t } from '../../i18n';
import { showError, showToast } from '../../toast';
import { type PlanViewV } from './labels';

const KINDS = ['satisfied', 'basic', 'dissatisfied'] as const;
type Tally = Record<(typeof KINDS)[number], number>;

/**
 * 年终测评 and 结项 (admins): the representatives' forms per adopted item (满意 / 基本满意 / 不满意), valid from the
 * tenant's floor of the representatives who voted the plan; once recorded, the plan can be closed for good.
 */
export function EvaluationPanel(props: { view: PlanViewV; onSaved: () => void }) {
  const plan = () => props.view.plan;
  const adopted = () => props.view.items.filter((i) => i.stage === 'adopted');
  const total = () => plan().vote?.representativesTotal ?? 0;
  const [respondents, setRespondents] = createSignal(String(plan().evaluation?.respondents ?? ''));
  const [tallies, setTallies] = createSignal<Record<string, Tally>>(Object.fromEntries(adopted().map((i) => [i.itemId, { satisfied: 0, basic: 0, dissatisfied: 0, ...i.evaluation }])));
  const setTally = (itemId: string, kind: keyof Tally, value: number) =>
    setTallies({ ...tallies(), [itemId]: { ...tallies()[itemId]!, [kind]: Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0 } });
  const [busy, setBusy] = createSignal(false);
  const confirm = createConfirm();

  async function save(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await mutate('tenThings.plans.evaluate', { planId: plan().planId, respondents: Number(respondents()), items: adopted().map((i) => ({ itemId: i.itemId, ...tallies()[i.itemId]! })) });
      showToast('success', () => t('tenThings.evaluationSaved', { n: respondents(), total: total() }));
      props.onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  async function close() {
    const ok = await confirm.ask({
      title: t('tenThings.closeTitle'),
      consequence: t('tenThings.closeBody'),
      facts: [
        { label: t('tenThings.plan'), value: plan().title },
        { label: t('tenThings.respondentsLabel'), value: `${plan().evaluation?.respondents ?? 0} / ${total()}` },
      ],
      confirmLabel: t('tenThings.closePlan'),
    });
    if (!ok) return;
    try {
      await mutate('tenThings.plans.close', { planId: plan().planId });
      showToast('success', () => t('tenThings.planClosed'));
      props.onSaved();
    } catch (err) {
      showError(err);
    }
  }

  return (
    <section class="card tt-section no-print" aria-labelledby="tt-eval-title" data-testid="tt-evaluation">
      <h2 id="tt-eval-title">{t('tenThings.evaluationTitle')}</h2>
      <confirm.Dialog />
      <p class="muted">{t('tenThings.evaluationHint', { floor: props.view.evaluationFloor ?? 0, total: total(), pct: props.view.settings.evaluationFloorPercent })}</p>
      <form class="form" onSubmit={(e) => void save(e)}>
        <Input id="tt-e-respondents" label={t('tenThings.respondentsLabel')} required type="number" inputmode="numeric" min="1" max={String(total())} value={respondents()} onValue={setRespondents} />
        <div class="table-wrap">
          <table class="tt-vote-table">
            <thead>
              <tr>
                <th>{t('tenThings.itemTitle')}</th>
                <For each={KINDS}>{(k) => <th>{t(`tenThings.eval.${k}`)}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={adopted()}>
                {(item, i) => (
                  <tr>
                    <td>{item.title}</td>
                    <For each={KINDS}>
                      {(k) => (
                        <td>
                          <input
                            type="number"
                            min="0"
                            inputmode="numeric"
                            aria-label={`${item.title} ${t(`tenThings.eval.${k}`)}`}
                            data-testid={`tt-eval-${i()}-${k}`}
                            value={tallies()[item.itemId]?.[k] ?? 0}
                            onInput={(e) => setTally(item.itemId, k, Number(e.currentTarget.value))}
                          />
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <div class="form__actions">
          <button type="submit" class="btn btn--primary" disabled={busy()}>{t('tenThings.saveEvaluation')}</button>
          <Show when={plan().evaluation}>
            <button type="button" class="btn" onClick={() => void close()}>{t('tenThings.closePlan')}</button>
          </Show>
        </div>
      </form>
    </section>
  );
}
