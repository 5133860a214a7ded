import { createSignal, For, Show } from 'solid-js';
import { mutate } from '../../api';
import { t } from '../../i18n';
import { showError, showToast } from '../../toast';
import { categoryLabel, type PlanViewV } from './labels';

type ItemV = PlanViewV['items'][number];

/** 征集 → 初定 (staff): the units' proposals, each shortlisted with its lead department or merged into a duplicate. */
export function ProposalsPanel(props: { view: PlanViewV; onSaved: () => void }) {
  const proposals = () => props.view.items.filter((i) => i.stage === 'proposed');
  const targetsFor = (item: ItemV) => props.view.items.filter((i) => i.itemId !== item.itemId && (i.stage === 'proposed' || i.stage === 'candidate'));
  const units = (item: ItemV) => (item.proposers ?? []).map((p) => p.unitName ?? p.unitId ?? '—').join('、');
  return (
    <Show when={proposals().length > 0}>
      <section class="card tt-section no-print" aria-labelledby="tt-proposals-title" data-testid="tt-proposals">
        <h2 id="tt-proposals-title">
          {t('tenThings.proposals')}（{proposals().length}）
        </h2>
        <ul class="tt-proposals">
          <For each={proposals()}>{(item, i) => <Proposal item={item} index={i()} units={units(item)} targets={targetsFor(item)} onSaved={props.onSaved} />}</For>
        </ul>
      </section>
    </Show>
  );
}

function Proposal(props: { item: ItemV; index: number; units: string; targets: ItemV[]; onSaved: () => void }) {
  const [dept, setDept] = createSignal('');
  const [into, setInto] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const run = async (action: () => Promise<unknown>, done: () => string) => {
    setBusy(true);
    try {
      await action();
      showToast('success', done);
      props.onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const id = (what: string) => `tt-p-${props.index}-${what}`;
  const intoTitle = () => props.targets.find((x) => x.itemId === into())?.title ?? '';
  return (
    <li data-testid="tt-proposal">
      <strong>{props.item.title}</strong>{' '}
      <span class="muted">
        · {categoryLabel(props.item.category)} · {t('tenThings.proposedBy')}：{props.units}
      </span>
      <div class="muted">{props.item.targets.map((x) => `${x.indicator} ${x.target}${x.unit}`).join('；')}</div>
      <form
        class="tt-inline"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => mutate('tenThings.candidates.shortlist', { itemId: props.item.itemId, version: props.item.version, leadDept: dept().trim() }), () => t('tenThings.shortlisted', { title: props.item.title }));
        }}
      >
        <label for={id('dept')} class="visually-hidden">
          {t('tenThings.leadDept')}
        </label>
        <input id={id('dept')} class="input" required placeholder={t('tenThings.leadDept')} aria-label={`${props.item.title} ${t('tenThings.leadDept')}`} value={dept()} onInput={(e) => setDept(e.currentTarget.value)} />
        <button class="btn btn--primary" type="submit" disabled={busy()}>
          {t('tenThings.shortlist')}
        </button>
      </form>
      <Show when={props.targets.length > 0}>
        <form
          class="tt-inline"
          onSubmit={(e) => {
            e.preventDefault();
            const title = intoTitle();
            void run(() => mutate('tenThings.candidates.merge', { itemId: props.item.itemId, intoItemId: into() }), () => t('tenThings.merged', { title }));
          }}
        >
          <label for={id('into')} class="visually-hidden">
            {t('tenThings.mergeInto')}
          </label>
          <select id={id('into')} required aria-label={`${props.item.title} ${t('tenThings.mergeInto')}`} value={into()} onChange={(e) => setInto(e.currentTarget.value)}>
            <option value="">{t('tenThings.mergeInto')}…</option>
            <For each={props.targets}>{(x) => <option value={x.itemId}>{x.title}</option>}</For>
          </select>
          <button class="btn" type="submit" disabled={busy() || !into()}>
            {t('tenThings.merge')}
          </button>
        </form>
      </Show>
    </li>
  );
}
