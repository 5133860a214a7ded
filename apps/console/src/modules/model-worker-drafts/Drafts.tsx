import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { Education, HonourLevel } from '@ufp/model-workers/domain/enums';
import { mutate, query, type OutputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Input, TextArea } from '../../components/Input';
import { ConfirmPanel, FormActions, intoView } from '../../components/Panel';
import { RecordMissing } from '../../components/RecordMissing';
import { createFieldErrors, describedBy } from '../../forms';
import { lang, t, tMaybe } from '../../i18n';
import { errorText, showToast } from '../../toast';
import './mw-drafts.css';

type Draft = OutputOf<'modelWorkers.drafts.list'>[number];
type Filter = 'open' | 'adopted' | 'dismissed' | 'all';

const bi = (v: { zh: string; en: string } | undefined, fallback = '') => (v ? (lang() === 'en' ? v.en : v.zh) : fallback);
const honourOf = (d: Draft) => bi(d.honourName, d.honourCode);

/** 竞赛推荐草稿: the drafts a skills competition's final results opened, with 采用 / 不采用 for the open ones. */
export default function Drafts() {
  const [filter, setFilter] = createSignal<Filter>('open');
  const [list, { refetch }] = createResource(filter, (f) => query('modelWorkers.drafts.list', f === 'all' ? {} : { status: f }));
  const [acting, setActing] = createSignal<{ kind: 'adopt' | 'dismiss'; draft: Draft }>();
  const done = () => {
    setActing(undefined);
    void refetch();
  };
  return (
    <section aria-labelledby="mwd-title" class="mwd">
      <div class="page-head">
        <h1 id="mwd-title">{t('mwDrafts.title')}</h1>
        <p>{t('mwDrafts.intro')}</p>
      </div>
      <div class="mwd-filter">
        <label for="mwd-status">{t('mwDrafts.filter')}</label>
        <select id="mwd-status" value={filter()} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
          <For each={['open', 'adopted', 'dismissed'] as const}>{(s) => <option value={s}>{t(`mwDrafts.status.${s}`)}</option>}</For>
          <option value="all">{t('mwDrafts.filter.all')}</option>
        </select>
      </div>
      <Show when={acting()}>
        {(a) => (
          <Show when={a().kind === 'adopt'} fallback={<DismissPanel draft={a().draft} onDone={done} onCancel={() => setActing(undefined)} />}>
            <AdoptForm draft={a().draft} onDone={done} onCancel={() => setActing(undefined)} />
          </Show>
        )}
      </Show>
      <Show when={list.error}>
        <RecordMissing error={list.error} backHref="/" onRetry={() => void refetch()} />
      </Show>
      <Show when={!list.error && list()}>
        {(items) => (
          <ul class="mwd-cards" data-testid="mwd-list">
            <For each={items()} fallback={<li class="muted">{t('mwDrafts.empty')}</li>}>
              {(d) => <DraftCard draft={d} busy={!!acting()} onAct={(kind) => setActing({ kind, draft: d })} />}
            </For>
          </ul>
        )}
      </Show>
    </section>
  );
}

function DraftCard(props: { draft: Draft; busy: boolean; onAct: (kind: 'adopt' | 'dismiss') => void }) {
  const d = () => props.draft;
  return (
    <li class="card mwd-card" data-testid="mwd-draft" data-status={d().status}>
      <div class="mwd-card__head">
        <strong class="mwd-card__name">{d().person.nameMasked}</strong>
        <span class="mwd-badge" data-status={d().status}>
          {tMaybe(`mwDrafts.status.${d().status}`, d().status)}
        </span>
      </div>
      <dl class="mwd-facts">
        <div>
          <dt>{t('mwDrafts.honour')}</dt>
          <dd>
            {honourOf(d())}（{HonourLevel.label(d().level, lang())}）
          </dd>
        </div>
        <div>
          <dt>{t('mwDrafts.competition')}</dt>
          <dd>
            {bi(d().source.competitionName)} · {bi(d().source.eventName)} · {t('mwDrafts.rank', { rank: d().source.rank })}
          </dd>
        </div>
      </dl>
      <p class="muted mwd-card__meta">
        {d().person.idMasked} · {d().person.personId ? t('mwDrafts.inRegistry') : t('mwDrafts.notInRegistry')}
      </p>
      <Show when={d().adopted}>
        {(a) => (
          <p class="mwd-card__meta">
            {t('mwDrafts.adoptedInfo', { on: a().on })} · <A href={`/mw-campaigns/${a().campaignId}`}>{t('mwDrafts.openCampaign')}</A>
          </p>
        )}
      </Show>
      <Show when={d().dismissed}>{(x) => <p class="mwd-card__meta">{t('mwDrafts.dismissedInfo', { on: x().on, reason: x().reason })}</p>}</Show>
      <div class="mwd-card__actions">
        <a href={d().evidence.verifyPath} target="_blank" rel="noopener">
          {t('mwDrafts.verify')}
        </a>
        <Show when={d().status === 'open'}>
          <button type="button" class="btn btn--primary" disabled={props.busy} onClick={() => props.onAct('adopt')}>
            {t('mwDrafts.adopt')}
          </button>
          <button type="button" class="btn" disabled={props.busy} onClick={() => props.onAct('dismiss')}>
            {t('mwDrafts.dismiss')}
          </button>
        </Show>
      </div>
    </li>
  );
}

const FIELDS = ['campaignId', 'minutesRef', 'deedsShort', 'deedsLong', 'education', 'acknowledgeQuota'] as const;

function AdoptForm(props: { draft: Draft; onDone: () => void; onCancel: () => void }) {
  const d = props.draft;
  const [campaigns] = createResource(() => query('modelWorkers.campaigns.list'));
  const fitting = createMemo(() => (campaigns.error ? [] : (campaigns() ?? []).filter((c) => c.code === d.honourCode && c.status !== 'closed')));
  const [campaignId, setCampaignId] = createSignal('');
  const [minutesRef, setMinutesRef] = createSignal('');
  const [deedsShort, setDeedsShort] = createSignal(d.deedsShort);
  const [deedsLong, setDeedsLong] = createSignal(d.deedsLong);
  const [education, setEducation] = createSignal('');
  const [ack, setAck] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const errors = createFieldErrors();
  const needsRecord = !d.person.personId;

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    errors.clear();
    setBusy(true);
    try {
      await mutate('modelWorkers.drafts.adopt', {
        draftId: d.draftId,
        version: d.version,
        campaignId: campaignId(),
        minutesRef: minutesRef().trim(),
        deedsShort: deedsShort().trim(),
        deedsLong: deedsLong().trim(),
        ...(needsRecord && education() ? { education: education() as (typeof Education.values)[number] } : {}),
        ...(ack() ? { acknowledgeQuota: true } : {}),
      });
      showToast('success', () => t('mwDrafts.adopted', { name: d.person.nameMasked }));
      props.onDone();
    } catch (err) {
      if (errors.fromServer(err, FIELDS).length > 0 || Object.keys(errors.errors()).length === 0) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card mwd-form" onSubmit={submit} aria-labelledby="mwd-adopt-title" ref={intoView}>
      <h2 id="mwd-adopt-title">{t('mwDrafts.adoptTitle', { name: d.person.nameMasked })}</h2>
      <Show when={error()}>
        <Banner kind="error">{errorText(error(), { staleOnConflict: false })}</Banner>
      </Show>
      <Field id="mwd-campaign" label={t('mwDrafts.campaign')} required hint={t('mwDrafts.campaignHint', { honour: honourOf(d) })} error={errors.get('campaignId')}>
        <select id="mwd-campaign" value={campaignId()} onChange={(e) => setCampaignId(e.currentTarget.value)} required aria-describedby={describedBy('mwd-campaign', true, !!errors.get('campaignId'))}>
          <option value="" />
          <For each={fitting()}>
            {(c) => (
              <option value={c.campaignId}>
                {c.title}（{c.year}）
              </option>
            )}
          </For>
        </select>
      </Field>
      <Show when={campaigns() && fitting().length === 0}>
        <p class="muted" data-testid="mwd-no-campaign">
          {t('mwDrafts.noCampaign', { honour: honourOf(d) })}
        </p>
      </Show>
      <Input id="mwd-minutes" label={t('mwDrafts.minutesRef')} required rule={limits.modelWorkers.document} error={errors.get('minutesRef')} value={minutesRef()} onValue={setMinutesRef} />
      <TextArea id="mwd-short" label={t('mwDrafts.deedsShort')} required rule={limits.modelWorkers.deedsShort} error={errors.get('deedsShort')} value={deedsShort()} onValue={setDeedsShort} />
      <TextArea id="mwd-long" label={t('mwDrafts.deedsLong')} required rows={5} rule={limits.modelWorkers.deedsLong} error={errors.get('deedsLong')} value={deedsLong()} onValue={setDeedsLong} />
      <Show when={needsRecord}>
        <Field id="mwd-education" label={t('mwDrafts.education')} required error={errors.get('education')}>
          <select id="mwd-education" value={education()} onChange={(e) => setEducation(e.currentTarget.value)} required>
            <option value="" />
            <For each={Education.values}>{(v) => <option value={v}>{Education.label(v, lang())}</option>}</For>
          </select>
        </Field>
      </Show>
      <label class="mwd-check">
        <input type="checkbox" checked={ack()} onChange={(e) => setAck(e.currentTarget.checked)} />
        <span>{t('mwDrafts.acknowledgeQuota')}</span>
      </label>
      <FormActions busy={busy()} submitLabel={t('mwDrafts.adopt')} onCancel={props.onCancel} />
    </form>
  );
}

function DismissPanel(props: { draft: Draft; onDone: () => void; onCancel: () => void }) {
  const d = props.draft;
  return (
    <ConfirmPanel
      id="mwd-dismiss"
      title={t('mwDrafts.dismissTitle', { name: d.person.nameMasked })}
      reason={{ label: t('mwDrafts.dismissReason'), rule: limits.modelWorkers.reason, tooShort: () => t('mwDrafts.dismissReasonShort') }}
      confirmLabel={t('mwDrafts.dismiss')}
      run={async (reason) => {
        await mutate('modelWorkers.drafts.dismiss', { draftId: d.draftId, version: d.version, reason });
        showToast('success', () => t('mwDrafts.dismissed'));
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      <p>{t('mwDrafts.dismissText')}</p>
    </ConfirmPanel>
  );
}
