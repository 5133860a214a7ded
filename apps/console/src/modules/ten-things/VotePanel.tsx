import { t } from '../../i18n';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ApiError, mutate, query, type RouterOutputs } from '../../api';
import { showError, showToast } from '../../toast';
import { createConfirm } from '../../components/Confirm';
import { Input } from '../../components/Input';
import { type PlanViewV } from './labels';

type Outcome = RouterOutputs['tenThings']['plans']['previewVote'];

/** 票决 entry: counts per candidate, with the quorum and the adoption result shown (server-computed) before saving. */
export function VotePanel(props: { view: PlanViewV; onSaved: () => void }) {
  const plan = () => props.view.plan;
  const candidates = () => props.view.items.filter((i) => i.stage === 'candidate' || i.stage === 'tied');
  const [total, setTotal] = createSignal(45);
  const [present, setPresent] = createSignal(40);
  const [counts, setCounts] = createSignal<Record<string, { for: number; against: number; abstain: number }>>({});
  const [chosen, setChosen] = createSignal<string[]>([]);
  const ballots = () => candidates().map((c) => ({ candidateId: c.itemId, for: 0, against: 0, abstain: 0, ...counts()[c.itemId] }));
  const setCount = (id: string, k: 'for' | 'against' | 'abstain', v: number) =>
    setCounts({ ...counts(), [id]: { for: 0, against: 0, abstain: 0, ...counts()[id], [k]: Number.isFinite(v) ? v : 0 } });
  const input = () => ({ planId: plan().planId, representativesTotal: total(), present: present(), ballots: ballots() });
  const [preview] = createResource(
    () => (plan().status === 'collecting' ? JSON.stringify(input()) : undefined),
    async (json) => {
      try {
        return { ok: true as const, outcome: await query('tenThings.plans.previewVote', JSON.parse(json)) };
      } catch (err) {
        return { ok: false as const, message: err instanceof ApiError ? err.message : String(err) };
      }
    },
  );
  const nameOf = (id: string) => props.view.items.find((i) => i.itemId === id)?.title ?? id;

  const confirm = createConfirm();
  /** The 票决 result is final: the dialog names what will be adopted before it is saved. */
  const save = async () => {
    const p = preview();
    const outcome = p?.ok ? p.outcome : undefined;
    const ok = await confirm.ask({
      title: t('tenThings.confirm.voteTitle'),
      consequence: t('tenThings.confirm.voteBody', { n: outcome?.adopted.length ?? 0 }),
      facts: [
        { label: t('tenThings.confirm.attendance'), value: `${present()} / ${total()}` },
        { label: t('tenThings.confirm.adopted'), value: outcome ? outcome.adopted.map(nameOf).join('、') || '—' : '—' },
      ],
      confirmLabel: t('tenThings.confirm.vote'),
    });
    if (!ok) return;
    try {
      const { outcome: o } = await mutate('tenThings.plans.recordVote', input());
      // Says what was decided: attendance, how many were adopted (by name) and any tie left to the plenary.
      const names = o.adopted.map(nameOf).join('、') || '—';
      const tie = o.tie ? o.tie.candidateIds.length : 0;
      showToast('success', () => t('tenThings.voteRecorded', { present: o.quorum.present, total: o.quorum.total, n: o.adopted.length, names }) + (tie ? t('tenThings.voteRecordedTie', { n: tie }) : ''), 10_000);
      props.onSaved();
    } catch (err) {
      showError(err);
    }
  };
  const resolve = async () => {
    try {
      await mutate('tenThings.plans.resolveTie', { planId: plan().planId, candidateIds: chosen() });
      showToast('success', () => t('tenThings.voteRecorded'));
      props.onSaved();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <section class="card tt-section no-print" aria-labelledby="tt-vote-title">
      <h2 id="tt-vote-title">{t('tenThings.vote')}</h2>
      <confirm.Dialog />
      <Show
        when={plan().status === 'collecting'}
        fallback={
          <Show when={plan().vote?.tie}>
            {(tie) => (
              <div>
                <p>{t('tenThings.tie', { votes: tie().votes, names: tie().candidateIds.map(nameOf).join('、'), count: tie().candidateIds.length, seats: tie().seats })}</p>
                <For each={tie().candidateIds}>
                  {(id) => (
                    <label class="block-label">
                      <input
                        type="checkbox"
                        checked={chosen().includes(id)}
                        onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen(), id] : chosen().filter((c) => c !== id))}
                      />{' '}
                      {nameOf(id)}
                    </label>
                  )}
                </For>
                <button class="btn btn--primary" type="button" onClick={() => void resolve()}>
                  {t('tenThings.resolveTie')}
                </button>
              </div>
            )}
          </Show>
        }
      >
        <div class="tt-inline">
          <Input id="tt-v-total" label={t('tenThings.representativesTotal')} required type="number" inputmode="numeric" min="1" value={String(total())} onValue={(x) => setTotal(Number(x))} />
          <Input id="tt-v-present" label={t('tenThings.present')} required type="number" inputmode="numeric" min="0" value={String(present())} onValue={(x) => setPresent(Number(x))} />
        </div>
        <div class="table-wrap">
          <table class="tt-vote-table">
            <thead>
              <tr>
                <th>{t('tenThings.itemTitle')}</th>
                <th>{t('tenThings.for')}</th>
                <th>{t('tenThings.against')}</th>
                <th>{t('tenThings.abstain')}</th>
                <th>{t('tenThings.status')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={candidates()}>
                {(c, i) => {
                  const result = () => (preview()?.ok ? preview()!.ok && (preview() as { outcome: Outcome }).outcome.results.find((r) => r.candidateId === c.itemId) : undefined);
                  return (
                    <tr>
                      <td>{c.title}</td>
                      <For each={['for', 'against', 'abstain'] as const}>
                        {(k) => (
                          <td>
                            <input
                              type="number"
                              min="0"
                              aria-label={`${c.title} ${t(`tenThings.${k}`)}`}
                              data-testid={`tt-ballot-${i()}-${k}`}
                              value={counts()[c.itemId]?.[k] ?? 0}
                              onInput={(e) => setCount(c.itemId, k, Number(e.currentTarget.value))}
                            />
                          </td>
                        )}
                      </For>
                      <td>
                        {(() => {
                          const r = result();
                          return r ? (r.adopted ? t('tenThings.adopted') : r.passed ? t('tenThings.passed') : t('tenThings.notPassed')) : '';
                        })()}
                      </td>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
        </div>
        <div class="tt-preview" classList={{ 'tt-preview--error': preview() && !preview()!.ok }} data-testid="tt-vote-preview" aria-live="polite">
          <Show when={preview()}>
            {(p) => (
              <Show when={p().ok} fallback={<span role="alert">{(p() as { message: string }).message}</span>}>
                {(() => {
                  const o = (p() as { outcome: Outcome }).outcome;
                  return (
                    <>
                      <div>{t('tenThings.quorumOk', { present: o.quorum.present, required: o.quorum.required })}</div>
                      <div>
                        <strong>{t('tenThings.willAdopt', { n: o.adopted.length })}</strong>
                      </div>
                      <Show when={o.tie}>
                        {(tie) => <div>{t('tenThings.tie', { votes: tie().votes, names: tie().candidateIds.map(nameOf).join('、'), count: tie().candidateIds.length, seats: tie().seats })}</div>}
                      </Show>
                    </>
                  );
                })()}
              </Show>
            )}
          </Show>
        </div>
        <div class="form__actions">
          <button class="btn btn--primary" type="button" disabled={!preview()?.ok} onClick={() => void save()}>
            {t('tenThings.recordVote')}
          </button>
        </div>
      </Show>
    </section>
  );
}
