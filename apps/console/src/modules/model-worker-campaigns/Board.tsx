import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { limits } from '@ufp/core/validation/limits';
import { issuesByField, mutate, query, type RouterOutputs } from '../../api';
import { createConfirm } from '../../components/Confirm';
import { EvidenceSlot } from '../../components/EvidenceSlot';
import { Field } from '../../components/Field';
import { Input, TextArea } from '../../components/Input';
import { RecordMissing, SaveError } from '../../components/RecordMissing';
import { lang, t } from '../../i18n';
import { hasRole } from '../../session';
import { showError, showToast } from '../../toast';
import { codePoints, nominationStatusLabel, occupationLabel, ruleLabel, statusLabel, shanghaiToday } from './shared';
import './mw-campaigns.css';

type Campaign = RouterOutputs['modelWorkers']['campaigns']['get'];
type Nomination = RouterOutputs['modelWorkers']['nominations']['list'][number];
type Quota = RouterOutputs['modelWorkers']['campaigns']['quota'];
type Warning = { zh: string; en: string };

const say = (w: Warning) => (lang() === 'en' ? w.en : w.zh);

/** The campaign board: its state and actions, the live quota panel, the nomination form with the what-if check, the list with vetting, and the objections. */
export default function CampaignBoard() {
  const params = useParams<{ campaignId: string }>();
  const id = () => params.campaignId;
  const [campaign, { refetch: refetchCampaign }] = createResource(id, (campaignId) => query('modelWorkers.campaigns.get', { campaignId }));
  const [list, { refetch: refetchList }] = createResource(id, (campaignId) => query('modelWorkers.nominations.list', { campaignId }));
  const [quota, { refetch: refetchQuota }] = createResource(id, (campaignId) => query('modelWorkers.campaigns.quota', { campaignId }));
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const [objections, { refetch: refetchObjections }] = createResource(
    () => (isStaff() && !campaign.error && campaign() && campaign()!.status !== 'draft' && campaign()!.status !== 'open' ? id() : undefined),
    (campaignId) => query('modelWorkers.objections.list', { campaignId }),
  );
  const [saveError, setSaveError] = createSignal<unknown>();
  const confirm = createConfirm();
  const refresh = () => {
    setSaveError(undefined);
    void refetchCampaign();
    void refetchList();
    void refetchQuota();
    void refetchObjections();
  };
  const act = async (run: () => Promise<unknown>, done: () => string) => {
    setSaveError(undefined);
    try {
      await run();
      showToast('success', done);
      refresh();
    } catch (err) {
      setSaveError(err);
      showError(err);
    }
  };

  return (
    <section aria-labelledby="mwc-board-title" class="mwc">
      <confirm.Dialog />
      <Show when={campaign.error}>
        <RecordMissing error={campaign.error} backHref="/mw-campaigns" backLabel={t('mwCampaigns.back')} onRetry={() => void refetchCampaign()} />
      </Show>
      <Show when={!campaign.error && campaign()}>
        {(c) => (
          <>
            <div class="page-head">
              <h1 id="mwc-board-title">{c().title}</h1>
              <A class="btn" href="/mw-campaigns">
                {t('mwCampaigns.back')}
              </A>
            </div>
            <CampaignHead campaign={c()} reviewed={list.error ? 0 : (list() ?? []).filter((n) => n.status === 'reviewed').length} act={act} confirm={confirm.ask} />
            <Show when={saveError()}>
              <SaveError error={saveError()} onReload={refresh} />
            </Show>
            <div class="mwc-board">
              <div class="mwc-board__side">
                <Show when={!quota.error && quota()}>{(q) => <QuotaPanel quota={q()} />}</Show>
              </div>
              <div class="mwc-board__main">
                <Show when={c().status === 'open'}>
                  <NominateForm campaign={c()} onSaved={refresh} />
                </Show>
                <NominationList campaign={c()} items={list.error ? [] : (list() ?? [])} act={act} confirm={confirm.ask} refresh={refresh} />
                <Show when={!objections.error && objections() !== undefined}>
                  <Objections items={objections() ?? []} campaignId={c().campaignId} act={act} />
                </Show>
              </div>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}

type Act = (run: () => Promise<unknown>, done: () => string) => Promise<void>;
type Ask = ReturnType<typeof createConfirm>['ask'];

function CampaignHead(props: { campaign: Campaign; reviewed: number; act: Act; confirm: Ask }) {
  const c = () => props.campaign;
  const [startsOn, setStartsOn] = createSignal(shanghaiToday());
  const publish = async () => {
    if (!(await props.confirm({ title: t('mwCampaigns.publish'), consequence: t('mwCampaigns.publishConsequence'), confirmLabel: t('mwCampaigns.publish') }))) return;
    await props.act(() => mutate('modelWorkers.campaigns.publish', { campaignId: c().campaignId, version: c().version }), () => t('mwCampaigns.published'));
  };
  const publicity = async () => {
    const ok = await props.confirm({ title: t('mwCampaigns.startPublicity'), consequence: t('mwCampaigns.publicityConsequence', { n: props.reviewed, days: c().publicityDays }), confirmLabel: t('mwCampaigns.startPublicity') });
    if (!ok) return;
    let answer: Campaign | undefined;
    await props.act(
      async () => (answer = await mutate('modelWorkers.campaigns.startPublicity', { campaignId: c().campaignId, startsOn: startsOn() })),
      () => t('mwCampaigns.publicityStarted', { startsOn: answer?.publicity?.startsOn ?? '', endsOn: answer?.publicity?.endsOn ?? '' }),
    );
  };
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  return (
    <div class="card mwc-head">
      <dl class="mwc-facts">
        <div>
          <dt>{t('mwCampaigns.honour')}</dt>
          <dd>{lang() === 'en' ? c().honour.en : c().honour.zh}</dd>
        </div>
        <div>
          <dt>{t('mwCampaigns.status')}</dt>
          <dd>
            <span class="mwc-badge" data-status={c().status} data-testid="mwc-status">
              {statusLabel(c().status)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('mwCampaigns.window')}</dt>
          <dd>
            {c().opensOn} – {c().closesOn}
          </dd>
        </div>
        <div>
          <dt>{t('mwCampaigns.places')}</dt>
          <dd>{c().places}</dd>
        </div>
        <div>
          <dt>{t('mwCampaigns.agencies')}</dt>
          <dd>{c().agencies.join('、')}</dd>
        </div>
        <Show when={c().publicity}>
          {(p) => (
            <div>
              <dt>{t('mwCampaigns.publicityLink')}</dt>
              <dd>
                <A href={`/mw-publicity/${c().tenantId}/${c().campaignId}`}>{t('mwCampaigns.publicityPeriod', { startsOn: p().startsOn, endsOn: p().endsOn })}</A>
              </dd>
            </div>
          )}
        </Show>
      </dl>
      <Show when={isStaff()}>
        <div class="mwc-actions">
          <Show when={c().status === 'draft'}>
            <button type="button" class="btn btn--primary" onClick={() => void publish()}>
              {t('mwCampaigns.publish')}
            </button>
          </Show>
          <Show when={c().status === 'open'}>
            <Input id="mwc-publicity-start" label={t('mwCampaigns.publicityStartsOn')} type="date" value={startsOn()} onValue={setStartsOn} />
            <button type="button" class="btn" onClick={() => void publicity()}>
              {t('mwCampaigns.startPublicity')}
            </button>
          </Show>
        </div>
      </Show>
    </div>
  );
}

/** Each rule: the list's share, the limit and whether it holds; the count against the places. */
export function QuotaPanel(props: { quota: Quota }) {
  return (
    <div class="card mwc-quota" data-testid="mwc-quota" aria-live="polite">
      <h2>{t('mwCampaigns.quota')}</h2>
      <p classList={{ 'mwc-bad': !props.quota.placesHold }} data-testid="mwc-quota-count">
        {t('mwCampaigns.quotaCount', { count: props.quota.count, places: props.quota.places })}
      </p>
      <ul class="mwc-rules">
        <For each={props.quota.rules}>
          {(r) => (
            <li classList={{ 'mwc-bad': !r.holds }} data-testid={`mwc-rule-${r.rule}`} data-holds={String(r.holds)}>
              <span class="mwc-rules__label">{ruleLabel(r.rule)}</span>
              <span class="mwc-rules__value">
                {r.percent}% {r.kind === 'max' ? '≤' : '≥'} {r.limit}%
              </span>
              <span class="mwc-rules__mark" aria-label={r.holds ? t('mwCampaigns.holds') : t('mwCampaigns.breaks')}>
                {r.holds ? '✓' : '✗'}
              </span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

function NominateForm(props: { campaign: Campaign; onSaved: () => void }) {
  const [people] = createResource(() => query('modelWorkers.people.list', { limit: 100 }));
  const [personId, setPersonId] = createSignal('');
  const [minutes, setMinutes] = createSignal('');
  const [short, setShort] = createSignal('');
  const [long, setLong] = createSignal('');
  const [ack, setAck] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [errors, setErrors] = createSignal(new Map<string, { message: string }>());
  const err = (f: string) => {
    const m = errors().get(f)?.message;
    return m === undefined ? undefined : () => m;
  };
  // The what-if check runs as soon as a person is chosen: the warning shows BEFORE anything is saved.
  const [check] = createResource(
    () => personId() || undefined,
    (add) => query('modelWorkers.campaigns.whatIf', { campaignId: props.campaign.campaignId, add }),
  );
  const warnings = () => (check.error || !check() ? [] : check()!.warnings);
  const chosen = () => (people.error ? undefined : people()?.items.find((p) => p.personId === personId()));
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    try {
      const name = chosen()?.name ?? '';
      await mutate('modelWorkers.nominations.create', {
        campaignId: props.campaign.campaignId,
        personId: personId(),
        minutesRef: minutes().trim(),
        deedsShort: short().trim(),
        deedsLong: long().trim(),
        ...(ack() ? { acknowledgeQuota: true } : {}),
      });
      showToast('success', () => t('mwCampaigns.nominated', { name }));
      setPersonId('');
      setMinutes('');
      setShort('');
      setLong('');
      setAck(false);
      setErrors(new Map());
      props.onSaved();
    } catch (error) {
      setErrors(issuesByField(error));
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  const counter = (id: string, value: string, max: number) => (
    <span id={`${id}-live`} class="mwc-counter" classList={{ 'mwc-bad': codePoints(value) > max }} data-testid={`${id}-counter`}>
      {t('mwCampaigns.counter', { n: codePoints(value), max })}
    </span>
  );
  return (
    <form class="card mwc-form" onSubmit={submit} aria-labelledby="mwc-nominate-title">
      <h2 id="mwc-nominate-title">{t('mwCampaigns.nominate')}</h2>
      <Field id="mwc-person" label={t('mwCampaigns.person')} required error={err('personId')}>
        <select id="mwc-person" value={personId()} onChange={(e) => (setPersonId(e.currentTarget.value), setAck(false))} required>
          <option value="">{t('mwCampaigns.choosePerson')}</option>
          <For each={people.error ? [] : (people()?.items ?? [])}>
            {(p) => (
              <option value={p.personId}>
                {p.name}（{occupationLabel(p.occupation)}）
              </option>
            )}
          </For>
        </select>
      </Field>
      <Show when={personId() && !check.error ? check() : undefined}>
        {(w) => (
          <div class="mwc-whatif" classList={{ 'mwc-whatif--bad': warnings().length > 0 }} data-testid="mwc-whatif" role={warnings().length ? 'alert' : 'status'}>
            <strong>{t('mwCampaigns.whatIfTitle')}</strong>
            <Show when={w().alreadyListed}>
              <span>{t('mwCampaigns.alreadyListed')}</span>
            </Show>
            <Show when={warnings().length} fallback={<Show when={!w().alreadyListed}><span>{t('mwCampaigns.whatIfOk')}</span></Show>}>
              <ul>
                <For each={warnings()}>{(x) => <li>{say(x)}</li>}</For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
      <Input id="mwc-minutes" label={t('mwCampaigns.minutesRef')} hint={t('mwCampaigns.minutesAfterSave')} required rule={limits.modelWorkers.document} error={err('minutesRef')} value={minutes()} onValue={setMinutes} />
      <TextArea id="mwc-short" label={t('mwCampaigns.deedsShort')} required rows={3} rule={limits.modelWorkers.deedsShort} error={err('deedsShort')} value={short()} onValue={setShort} live extra={counter('mwc-short', short(), limits.modelWorkers.deedsShort.max)} />
      <TextArea id="mwc-long" label={t('mwCampaigns.deedsLong')} required rows={6} rule={limits.modelWorkers.deedsLong} error={err('deedsLong')} value={long()} onValue={setLong} live extra={counter('mwc-long', long(), limits.modelWorkers.deedsLong.max)} />
      <Show when={warnings().length > 0}>
        <label class="mwc-check">
          <input type="checkbox" checked={ack()} onChange={(e) => setAck(e.currentTarget.checked)} />
          <span>{t('mwCampaigns.acknowledge')}</span>
        </label>
      </Show>
      <div class="form__actions">
        <button class="btn btn--primary" type="submit" disabled={saving() || (warnings().length > 0 && !ack())}>
          {t('mwCampaigns.save')}
        </button>
      </div>
    </form>
  );
}

function NominationList(props: { campaign: Campaign; items: Nomination[]; act: Act; confirm: Ask; refresh: () => void }) {
  return (
    <div class="card">
      <h2>{t('mwCampaigns.list')}</h2>
      <ul class="mwc-noms" data-testid="mwc-list">
        <For each={props.items} fallback={<li class="muted">{t('mwCampaigns.listEmpty')}</li>}>
          {(n) => <NominationRow campaign={props.campaign} n={n} act={props.act} confirm={props.confirm} refresh={props.refresh} />}
        </For>
      </ul>
    </div>
  );
}

function NominationRow(props: { campaign: Campaign; n: Nomination; act: Act; confirm: Ask; refresh: () => void }) {
  const n = () => props.n;
  const ref = () => ({ campaignId: n().campaignId, nominationId: n().nominationId, version: n().version });
  const [conferredBy, setConferredBy] = createSignal('');
  const active = () => n().status === 'nominated' || n().status === 'reviewed';
  const close = async (to: 'withdraw' | 'reject') => {
    const reason = window.prompt(t('mwCampaigns.reasonPrompt'));
    if (!reason) return;
    const action = t(to === 'withdraw' ? 'mwCampaigns.withdraw' : 'mwCampaigns.reject');
    await props.act(() => mutate(`modelWorkers.nominations.${to}`, { ...ref(), reason }), () => t('mwCampaigns.closed', { action, name: n().name }));
  };
  const approve = async () => {
    const honour = lang() === 'en' ? props.campaign.honour.en : props.campaign.honour.zh;
    const ok = await props.confirm({ title: t('mwCampaigns.approve'), consequence: t('mwCampaigns.approveConsequence', { name: n().name, year: props.campaign.year, honour }), confirmLabel: t('mwCampaigns.approve') });
    if (!ok) return;
    await props.act(() => mutate('modelWorkers.nominations.approve', { ...ref(), conferredBy: conferredBy().trim() }), () => t('mwCampaigns.approved', { name: n().name }));
  };
  return (
    <li class="mwc-nom" data-testid="mwc-nomination">
      <div class="mwc-nom__head">
        <strong>{n().name}</strong>
        <span class="muted">{occupationLabel(n().occupation)}</span>
        <Show when={n().gender === 'female'}>
          <span class="mwc-tag">{t('mwCampaigns.female')}</span>
        </Show>
        <Show when={n().migrantWorker}>
          <span class="mwc-tag">{t('mwCampaigns.migrant')}</span>
        </Show>
        <span class="mwc-badge" data-status={n().status}>
          {nominationStatusLabel(n().status)}
        </span>
      </div>
      <p class="mwc-deeds">{n().deedsShort}</p>
      <Show when={n().quotaAcknowledged.length > 0}>
        <p class="muted">
          {t('mwCampaigns.quotaAcknowledged')}：{n().quotaAcknowledged.map(ruleLabel).join('、')}
        </p>
      </Show>
      <NominationMinutes n={n()} onRecorded={props.refresh} />
      <div class="mwc-actions">
        <Show when={n().status === 'nominated' && hasRole('federation_staff')}>
          <button
            type="button"
            class="btn btn--small"
            disabled={!n().minutes}
            aria-describedby={n().minutes ? undefined : `mwc-minutes-missing-${n().nominationId}`}
            onClick={() => void props.act(() => mutate('modelWorkers.nominations.review', ref()), () => t('mwCampaigns.reviewed', { name: n().name }))}
          >
            {t('mwCampaigns.review')}
          </button>
          <Show when={!n().minutes}>
            <span class="muted" id={`mwc-minutes-missing-${n().nominationId}`}>{t('mwCampaigns.minutesMissing')}</span>
          </Show>
        </Show>
        <Show when={active() && hasRole('federation_admin', 'federation_staff')}>
          <button type="button" class="btn btn--small btn--ghost" onClick={() => void close('reject')}>
            {t('mwCampaigns.reject')}
          </button>
        </Show>
        <Show when={active() && hasRole('unit_reporter')}>
          <button type="button" class="btn btn--small btn--ghost" onClick={() => void close('withdraw')}>
            {t('mwCampaigns.withdraw')}
          </button>
        </Show>
      </div>
      <Show when={active() && hasRole('federation_admin', 'federation_staff')}>
        <Vetting campaign={props.campaign} n={n()} act={props.act} />
      </Show>
      <Show when={n().status === 'reviewed' && hasRole('federation_admin')}>
        <div class="mwc-inline">
          <Input id={`mwc-conferred-${n().nominationId}`} label={t('mwCampaigns.conferredBy')} required rule={limits.modelWorkers.conferredBy} value={conferredBy()} onValue={setConferredBy} />
          <button type="button" class="btn btn--primary btn--small" disabled={!conferredBy().trim()} onClick={() => void approve()}>
            {t('mwCampaigns.approve')}
          </button>
        </div>
      </Show>
    </li>
  );
}

/**
 * The 职代会 / 民主推荐 minutes file (the 文号 is typed on the form): uploaded by the nominating union's reporter or
 * staff until the county review, which needs it; anyone who sees the nomination may open it (audited).
 */
function NominationMinutes(props: { n: Nomination; onRecorded: () => void }) {
  const ref = () => ({ campaignId: props.n.campaignId, nominationId: props.n.nominationId });
  return (
    <EvidenceSlot
      id={`mwc-minutes-file-${props.n.nominationId}`}
      testId="mwc-minutes"
      types={['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']}
      attached={props.n.minutes}
      canUpload={props.n.status === 'nominated' && hasRole('federation_admin', 'federation_staff', 'unit_reporter')}
      texts={{
        attachedFile: () => t('mwCampaigns.minutesFile', { ref: props.n.minutesRef }),
        view: () => t('mwCampaigns.minutesView', { name: props.n.name }),
        upload: () => t('mwCampaigns.minutesUpload'),
        replace: () => t('mwCampaigns.minutesReplace'),
        inputLabel: () => t('mwCampaigns.minutesUploadFor', { name: props.n.name }),
        typeNotAllowed: () => t('mwCampaigns.minutesTypeNotAllowed'),
        recorded: () => t('mwCampaigns.minutesRecorded', { name: props.n.name }),
      }}
      create={(file) => mutate('modelWorkers.evidence.createMinutesUpload', { ...ref(), fileName: file.name, contentType: file.type, sizeBytes: file.size })}
      signUrl={(evidenceId) => mutate('modelWorkers.evidence.url', { evidenceId })}
      complete={(evidenceId) => mutate('modelWorkers.evidence.complete', { evidenceId })}
      record={(evidenceId) => mutate('modelWorkers.nominations.attachMinutes', { ...ref(), version: props.n.version, evidenceId })}
      onRecorded={props.onRecorded}
    />
  );
}

/** The 联审 checklist: each agency of the campaign ticked with its date and document. */
function Vetting(props: { campaign: Campaign; n: Nomination; act: Act }) {
  const done = () => props.campaign.agencies.filter((a) => props.n.vetting[a]).length;
  return (
    <details class="mwc-vetting">
      <summary>{t('mwCampaigns.vettingDone', { done: done(), total: props.campaign.agencies.length })}</summary>
      <ul>
        <For each={props.campaign.agencies}>
          {(agency, i) => {
            const [on, setOn] = createSignal(shanghaiToday());
            const [doc, setDoc] = createSignal('');
            const idp = () => `mwc-vet-${props.n.nominationId}-${i()}`;
            return (
              <li class="mwc-vetting__row">
                <Show
                  when={props.n.vetting[agency]}
                  fallback={
                    <div class="mwc-inline">
                      <strong>☐ {agency}</strong>
                      <Input id={`${idp()}-on`} label={t('mwCampaigns.vetOn')} type="date" required value={on()} onValue={setOn} />
                      <Input id={`${idp()}-doc`} label={t('mwCampaigns.vetDocument')} required rule={limits.modelWorkers.document} value={doc()} onValue={setDoc} />
                      <button
                        type="button"
                        class="btn btn--small"
                        disabled={!doc().trim()}
                        onClick={() => void props.act(() => mutate('modelWorkers.nominations.vet', { campaignId: props.n.campaignId, nominationId: props.n.nominationId, agency, on: on(), document: doc().trim() }), () => t('mwCampaigns.vetted', { agency }))}
                      >
                        {t('mwCampaigns.vetRecord')}
                      </button>
                    </div>
                  }
                >
                  {(v) => (
                    <span>
                      ☑ {agency} · {v().on} · {v().document}
                    </span>
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
    </details>
  );
}

function Objections(props: { items: RouterOutputs['modelWorkers']['objections']['list']; campaignId: string; act: Act }) {
  const decide = async (objectionId: string, outcome: 'upheld' | 'dismissed') => {
    const reason = window.prompt(t('mwCampaigns.reasonPrompt'));
    if (!reason) return;
    await props.act(() => mutate('modelWorkers.objections.decide', { campaignId: props.campaignId, objectionId, outcome, reason }), () => t('mwCampaigns.decided'));
  };
  return (
    <div class="card">
      <h2>{t('mwCampaigns.objections')}</h2>
      <ul class="mwc-noms">
        <For each={props.items} fallback={<li class="muted">{t('mwCampaigns.objectionsEmpty')}</li>}>
          {(o) => (
            <li class="mwc-nom">
              <div class="mwc-nom__head">
                <strong>{o.name ?? o.nameMasked}</strong>
                <span class="muted">{o.receivedOn}</span>
                <span class="mwc-badge">{o.decision ? (o.decision.outcome === 'upheld' ? t('mwCampaigns.uphold') : t('mwCampaigns.dismiss')) : t('mwCampaigns.undecided')}</span>
              </div>
              <p class="mwc-deeds">{o.text}</p>
              <Show when={!o.decision}>
                <div class="mwc-actions">
                  <button type="button" class="btn btn--small" onClick={() => void decide(o.objectionId, 'upheld')}>
                    {t('mwCampaigns.uphold')}
                  </button>
                  <button type="button" class="btn btn--small btn--ghost" onClick={() => void decide(o.objectionId, 'dismissed')}>
                    {t('mwCampaigns.dismiss')}
                  </button>
                </div>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
