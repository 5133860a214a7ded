import { A, useNavigate } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { mutate, query, type RouterOutputs } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { createFieldErrors } from '../../forms';
import { shanghaiToday } from '../../format';
import { t } from '../../i18n';
import { errorText } from '../../toast';
import { MAX_CAMPAIGN_CONTRACTS } from './domain';
import { ReplyBar, compliance } from './CampaignBoard';
import { bi, sideLabel } from './shared';
import './contracts.css';

type Summary = RouterOutputs['contracts']['campaigns']['list']['items'][number];
type Draft = RouterOutputs['contracts']['list']['items'][number];
const FIELDS = ['title', 'sentOn', 'fromSide', 'contractIds'] as const;

/** 集中要约: the federation's campaigns with their reply counts, and a new one sent to many drafts at once. */
export default function Campaigns() {
  const [campaigns, { refetch }] = createResource(() => query('contracts.campaigns.list'));
  const loaded = () => (campaigns.error ? undefined : campaigns());
  return (
    <section aria-labelledby="campaigns-title">
      <div class="page-head">
        <div>
          <h1 id="campaigns-title">{t('contracts.campaigns')}</h1>
          <p class="muted">{t('contracts.campaignsLead')}</p>
        </div>
        <div class="toolbar">
          <A href="/contracts" class="btn">{t('contracts.ledger')}</A>
        </div>
      </div>
      <Show when={campaigns.error}>
        <Banner kind="error" action={<button type="button" class="btn" onClick={() => void refetch()}>{t('contracts.retry')}</button>}>{errorText(campaigns.error)}</Banner>
      </Show>
      <DataTable<Summary>
        label={t('contracts.campaigns')}
        rows={loaded()?.items ?? []}
        loading={campaigns.loading}
        empty={t('contracts.noCampaigns')}
        columns={[
          { label: () => t('contracts.campaignTitle'), cell: (c) => <A href={`/contracts/campaigns/${encodeURIComponent(c.campaignId)}`}>{c.title}</A>, class: 'cell--primary' },
          { label: () => t('contracts.offerDate'), cell: (c) => `${c.sentOn} · ${bi(sideLabel[c.fromSide])}`, class: 'nowrap' },
          { label: () => t('contracts.campaignReplies'), cell: (c) => <ReplyBar counts={c.counts} /> },
          { label: () => t('contracts.replyCompliance'), cell: (c) => compliance(c.replyCompliance), class: 'num' },
        ]}
      />
      <NewCampaign />
    </section>
  );
}

function NewCampaign() {
  const navigate = useNavigate();
  const [drafts] = createResource(() => query('contracts.list', { status: 'draft', limit: 100 }));
  const [title, setTitle] = createSignal('');
  const [sentOn, setSentOn] = createSignal(shanghaiToday());
  const [fromSide, setFromSide] = createSignal<'worker' | 'employer'>('worker');
  const [filter, setFilter] = createSignal('');
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [banner, setBanner] = createSignal('');
  const errs = createFieldErrors();
  const shown = createMemo(() => {
    const q = filter().trim();
    const all = drafts.error ? [] : (drafts()?.items ?? []);
    return q ? all.filter((c) => c.title.includes(q) || c.employerParties.some((p) => p.name.includes(q))) : all;
  });
  const toggle = (id: string, on: boolean) => setChosen((prev) => {
    const next = new Set(prev);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const allShown = () => shown().length > 0 && shown().every((c) => chosen().has(c.contractId));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setBanner('');
    errs.clear();
    try {
      const made = await mutate('contracts.campaigns.create', { title: title().trim(), sentOn: sentOn(), fromSide: fromSide(), contractIds: [...chosen()] });
      navigate(`/contracts/campaigns/${encodeURIComponent(made.campaignId)}`);
    } catch (err) {
      if (!errs.placed(err, FIELDS)) setBanner(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form" aria-labelledby="new-campaign-title" onSubmit={(e) => void submit(e)} novalidate>
      <h2 id="new-campaign-title">{t('contracts.newCampaign')}</h2>
      <Show when={banner()}>
        <Banner kind="error">{banner()}</Banner>
      </Show>
      <Input id="k-title" label={t('contracts.campaignTitle')} required rule={limits.contracts.title} error={errs.get('title')} value={title()} onValue={setTitle} placeholder={t('contracts.campaignTitleExample')} />
      <Input id="k-sent" type="date" label={t('contracts.offerDate')} required error={errs.get('sentOn')} value={sentOn()} onValue={setSentOn} />
      <Field id="k-side" label={t('contracts.offeringSide')} required error={errs.get('fromSide')}>
        <select id="k-side" value={fromSide()} onChange={(e) => setFromSide(e.currentTarget.value as 'worker' | 'employer')}>
          <option value="worker">{bi(sideLabel.worker)}</option>
          <option value="employer">{bi(sideLabel.employer)}</option>
        </select>
      </Field>
      <fieldset class="campaign-picker">
        <legend>{t('contracts.campaignDrafts', { n: chosen().size, max: MAX_CAMPAIGN_CONTRACTS })}</legend>
        <Show when={errs.get('contractIds')}>{(msg) => <p class="field-error" role="alert">{msg()()}</p>}</Show>
        <Input id="k-filter" label={t('contracts.campaignFilter')} value={filter()} onValue={setFilter} rule={limits.contracts.search} />
        <div class="toolbar">
          <button type="button" class="btn" disabled={shown().length === 0} onClick={() => {
            const on = !allShown();
            for (const c of shown()) toggle(c.contractId, on);
          }}>
            {allShown() ? t('contracts.campaignUnchooseShown', { n: shown().length }) : t('contracts.campaignChooseShown', { n: shown().length })}
          </button>
        </div>
        <Show when={!drafts.loading && shown().length === 0}>
          <p class="muted">{t('contracts.campaignNoDrafts')}</p>
        </Show>
        <ul class="campaign-drafts">
          <For each={shown()}>
            {(c: Draft) => (
              <li>
                <label class="check">
                  <input type="checkbox" checked={chosen().has(c.contractId)} onChange={(e) => toggle(c.contractId, e.currentTarget.checked)} />
                  <span>
                    {c.title}
                    <span class="muted"> · {c.employerParties[0]?.name}</span>
                  </span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="btn btn--primary" disabled={busy() || chosen().size === 0}>
          {busy() ? t('contracts.sending') : t('contracts.sendCampaign', { n: chosen().size })}
        </button>
      </div>
    </form>
  );
}
