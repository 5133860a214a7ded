import { A, useParams } from '@solidjs/router';
import QRCode from 'qrcode';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query } from '../../api';
import { createConfirm } from '../../components/Confirm';
import { Field } from '../../components/Field';
import { Input, TextArea } from '../../components/Input';
import { RecordMissing, SaveError } from '../../components/RecordMissing';
import { formatDateTime, label, t } from '../../i18n';
import { hasRole } from '../../session';
import { showError, showToast } from '../../toast';
import { CertificateScan } from './CertificateScan';
import { PersonForm } from './PersonForm';
import { enumLabel, enums, NEXT_STATUS, shanghaiToday, type LadderHonour, type Level, type PersonHonour, type Status } from './shared';
import './model-workers.css';
import { limits } from '@ufp/core/validation/limits';

const m = limits.modelWorkers;

/** A person: profile, honours timeline (record / revoke), status, masked ID and phone with an audited reveal, corrections. */
export default function Person() {
  const params = useParams<{ personId: string }>();
  const [person, { refetch }] = createResource(() => params.personId, (personId) => query('modelWorkers.people.get', { personId }));
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const [ladder] = createResource(() => isStaff() && 'ladder', () => query('modelWorkers.honours.ladder'));
  const [units] = createResource(() => isStaff() && 'units', () => query('units.list', { limit: 200 }));
  const [revealed, setRevealed] = createSignal<{ idNumber?: string; phone?: string | null }>({});
  const [editing, setEditing] = createSignal(false);
  const [saveError, setSaveError] = createSignal<unknown>();
  const [revoking, setRevoking] = createSignal<string>();
  const confirm = createConfirm();
  const version = () => person()?.version ?? 1;
  const unitName = (id: string | null | undefined) => (id ? (units()?.items.find((u) => u.unitId === id)?.name ?? id) : '—');

  async function reveal(field: 'idNumber' | 'phone') {
    try {
      const r = await mutate('modelWorkers.people.reveal', { personId: params.personId, fields: [field] });
      setRevealed({ ...revealed(), ...r });
    } catch (e) {
      showError(e);
    }
  }

  /** Runs a step on the person, says what happened, re-reads the record; a failure shows beside the actions. */
  async function step(run: () => Promise<unknown>, done: () => string): Promise<boolean> {
    setSaveError(undefined);
    try {
      await run();
      showToast('success', done);
      await refetch();
      return true;
    } catch (e) {
      setSaveError(e);
      return false;
    }
  }

  // ——— record an honour ———
  const [code, setCode] = createSignal('');
  const [year, setYear] = createSignal(String(Number(shanghaiToday().slice(0, 4))));
  const [conferredBy, setConferredBy] = createSignal('');
  const [certNo, setCertNo] = createSignal('');
  const grouped = createMemo(() => {
    const offered = (ladder()?.honours ?? []).filter((h) => !h.retired);
    return enums.HonourLevel.values.map((level) => ({ level, honours: offered.filter((h) => h.level === level) })).filter((g) => g.honours.length);
  });
  async function award() {
    const h = ladder()?.honours.find((x) => x.code === code());
    if (!h) return;
    const ok = await step(
      () => mutate('modelWorkers.honours.award', { personId: params.personId, version: version(), code: h.code, year: Number(year()), conferredBy: conferredBy().trim(), ...(certNo().trim() ? { certificateNo: certNo().trim() } : {}) }),
      () => t('modelWorkers.awarded', { title: label(h.name), year: year() }),
    );
    if (ok) {
      setCode('');
      setConferredBy('');
      setCertNo('');
    }
  }

  // ——— revoke an honour ———
  const [revokeOn, setRevokeOn] = createSignal(shanghaiToday());
  const [revokeDoc, setRevokeDoc] = createSignal('');
  const [revokeReason, setRevokeReason] = createSignal('');
  async function revoke(h: PersonHonour) {
    const ok = await confirm.ask({
      title: t('modelWorkers.revoke.title', { title: label(h.title) }),
      consequence: t('modelWorkers.revoke.consequence', { on: revokeOn() }),
      facts: [
        { label: t('modelWorkers.honour'), value: `${h.year} ${label(h.title)}` },
        { label: t('modelWorkers.revoke.document'), value: revokeDoc().trim() },
      ],
      confirmLabel: t('modelWorkers.revoke.confirm'),
      danger: true,
    });
    if (!ok) return;
    const done = await step(
      () => mutate('modelWorkers.honours.revoke', { personId: params.personId, version: version(), honourId: h.honourId, on: revokeOn(), document: revokeDoc().trim(), reason: revokeReason().trim() }),
      () => t('modelWorkers.revoked', { title: label(h.title), on: revokeOn() }),
    );
    if (done) {
      setRevoking(undefined);
      setRevokeDoc('');
      setRevokeReason('');
    }
  }

  // ——— status ———
  const [nextStatus, setNextStatus] = createSignal<Status | ''>('');
  const [statusOn, setStatusOn] = createSignal(shanghaiToday());
  const [statusNote, setStatusNote] = createSignal('');
  async function changeStatus() {
    const p = person();
    const to = nextStatus();
    if (!p || !to) return;
    const ok = await confirm.ask({
      title: t('modelWorkers.statusChange.title'),
      consequence: t(to === 'deceased' || to === 'revoked' ? 'modelWorkers.statusChange.final' : 'modelWorkers.statusChange.body', { name: p.name, from: enumLabel(enums.PersonStatus, p.status), to: enumLabel(enums.PersonStatus, to), on: statusOn() }),
      confirmLabel: t('modelWorkers.statusChange.confirm'),
      danger: to === 'deceased' || to === 'revoked',
    });
    if (!ok) return;
    const done = await step(
      () => mutate('modelWorkers.people.setStatus', { personId: p.personId, version: version(), status: to, on: statusOn(), ...(statusNote().trim() ? { note: statusNote().trim() } : {}) }),
      () => t('modelWorkers.statusChanged', { to: enumLabel(enums.PersonStatus, to) }),
    );
    if (done) {
      setNextStatus('');
      setStatusNote('');
    }
  }

  // ——— the QR credential ———
  const [credential, setCredential] = createSignal<{ url: string; qr: string; expiresOn: string; level: Level }>();
  const [issuing, setIssuing] = createSignal(false);
  async function issueCredential() {
    setIssuing(true);
    try {
      const c = await mutate('modelWorkers.credentials.issue', { personId: params.personId, validDays: 365 });
      const url = `${location.origin}${c.verifyPath}`;
      setCredential({ url, qr: await QRCode.toDataURL(url, { margin: 1, width: 296 }), expiresOn: c.expiresOn, level: c.level });
      showToast('success', () => t('modelWorkers.credential.issued', { on: c.expiresOn }));
    } catch (e) {
      showError(e);
    } finally {
      setIssuing(false);
    }
  }

  const levelLabel = (l: Level | null | undefined) => enumLabel(enums.HonourLevel, l) || '—';

  return (
    <section aria-labelledby="mw-person-title" class="mw">
      <p class="crumbs">
        <A href="/model-workers">← {t('modelWorkers.title')}</A>
      </p>
      <confirm.Dialog />
      <Show when={person.error}>
        <RecordMissing error={person.error} backHref="/model-workers" backLabel={t('modelWorkers.back')} onRetry={() => void refetch()} />
      </Show>
      <Show when={!person.error && person()}>
        {(p) => (
          <>
            <div class="page-head">
              <h1 id="mw-person-title">{p().name}</h1>
              <p>
                <span class={`mw-badge mw-status--${p().status}`} data-testid="mw-status">{enumLabel(enums.PersonStatus, p().status)}</span>{' '}
                <Show when={p().treatmentLevel}>{(l) => <span class="muted">{t('modelWorkers.treatment', { level: levelLabel(l()) })}</span>}</Show>
              </p>
            </div>
            <Show when={saveError()}>
              <SaveError error={saveError()} onReload={() => { setSaveError(undefined); void refetch(); }} />
            </Show>

            <Show
              when={editing()}
              fallback={
                <div class="card">
                  <div class="mw-card-head">
                    <h2>{t('modelWorkers.profile')}</h2>
                    <Show when={isStaff()}>
                      <button type="button" class="btn btn--small" onClick={() => setEditing(true)}>{t('modelWorkers.edit')}</button>
                    </Show>
                  </div>
                  <dl class="mw-dl">
                    <dt>{t('modelWorkers.idNumber')}</dt>
                    <dd>
                      <span class="mono" data-testid="mw-id">{revealed().idNumber ?? p().idMasked}</span>{' '}
                      <Show when={isStaff() && !revealed().idNumber}>
                        <button type="button" class="btn btn--small" onClick={() => void reveal('idNumber')}>{t('modelWorkers.reveal')}</button>
                      </Show>
                    </dd>
                    <dt>{t('modelWorkers.phone')}</dt>
                    <dd>
                      <span class="mono">{revealed().phone ?? p().phoneMasked ?? '—'}</span>{' '}
                      <Show when={isStaff() && p().phoneMasked && revealed().phone === undefined}>
                        <button type="button" class="btn btn--small" onClick={() => void reveal('phone')}>{t('modelWorkers.reveal')}</button>
                      </Show>
                    </dd>
                    <dt>{t('modelWorkers.genderBirth')}</dt>
                    <dd>{enumLabel(enums.Gender, p().gender)} · {p().birthDate}</dd>
                    <dt>{t('modelWorkers.ethnicity')}</dt>
                    <dd>{p().ethnicity}</dd>
                    <dt>{t('modelWorkers.political')}</dt>
                    <dd>{enumLabel(enums.PoliticalStatus, p().politicalStatus)}</dd>
                    <dt>{t('modelWorkers.education')}</dt>
                    <dd>{enumLabel(enums.Education, p().education)}</dd>
                    <dt>{t('modelWorkers.occupation')}</dt>
                    <dd>{enumLabel(enums.Occupation, p().occupation)}{p().migrantWorker ? ` · ${t('modelWorkers.migrant')}` : ''}</dd>
                    <dt>{t('modelWorkers.skillGrade')}</dt>
                    <dd>{enumLabel(enums.SkillGrade, p().skillGrade)}{p().trade ? ` · ${p().trade}` : ''}</dd>
                    <dt>{t('modelWorkers.unit')}</dt>
                    <dd>{isStaff() ? unitName(p().unitId) : t('modelWorkers.ownUnit')}</dd>
                    <dt>{t('modelWorkers.employers')}</dt>
                    <dd>
                      <Show when={p().employers.length} fallback="—">
                        <ul class="mw-plain">
                          <For each={p().employers}>{(e) => <li>{e.from} ~ {e.to ?? t('modelWorkers.now')} · {e.employer}{e.position ? ` · ${e.position}` : ''}</li>}</For>
                        </ul>
                      </Show>
                    </dd>
                    <dt>{t('modelWorkers.deputies')}</dt>
                    <dd>
                      <Show when={p().deputies.length} fallback="—">
                        <ul class="mw-plain">
                          <For each={p().deputies}>{(d) => <li>{enumLabel(enums.HonourLevel, d.level)}{enumLabel(enums.DeputyBody, d.body)} · {d.term}</li>}</For>
                        </ul>
                      </Show>
                    </dd>
                    <dt>{t('modelWorkers.recordedBy')}</dt>
                    <dd>{p().createdByName ?? '—'} · {formatDateTime(p().createdAt)}</dd>
                  </dl>
                </div>
              }
            >
              <div class="card">
                <h2>{t('modelWorkers.edit')}</h2>
                <PersonForm person={p()} version={version} onReload={() => void refetch()} onCancel={() => setEditing(false)} onSaved={() => { setEditing(false); showToast('success', () => t('common.saved')); void refetch(); }} />
              </div>
            </Show>

            <div class="card">
              <h2>{t('modelWorkers.honours')}</h2>
              <Show when={p().honours.length} fallback={<p class="muted">{t('modelWorkers.noHonours')}</p>}>
                <ol class="mw-timeline" data-testid="mw-honours">
                  <For each={p().honours}>
                    {(h) => (
                      <li class="mw-honour" classList={{ 'mw-honour--revoked': !!h.revoked }}>
                        <p class="mw-honour__title">
                          <span class="mw-honour__year">{h.year}</span> <Show when={h.revoked} fallback={<strong>{label(h.title)}</strong>}><s>{label(h.title)}</s></Show>{' '}
                          <span class={`mw-chip mw-chip--${h.level}`}>{levelLabel(h.level)}</span>
                        </p>
                        <p class="muted">
                          {t('modelWorkers.conferredBy')}：{h.conferredBy}
                          <Show when={h.certificateNo}> · {t('modelWorkers.certificateNo')}：{h.certificateNo}</Show>
                          <Show when={h.treatment !== h.level}> · {t('modelWorkers.treatment', { level: levelLabel(h.treatment) })}</Show>
                        </p>
                        <CertificateScan personId={p().personId} honour={h} canUpload={isStaff() && !h.revoked} version={version} onAttached={() => void refetch()} />
                        <Show when={h.revoked}>
                          {(r) => (
                            <p class="mw-honour__revoked" data-testid="mw-revoked">
                              {t('modelWorkers.revokedOn', { date: r().on })} · {r().document} · {r().reason}
                            </p>
                          )}
                        </Show>
                        <Show when={isStaff() && !h.revoked}>
                          <Show
                            when={revoking() === h.honourId}
                            fallback={<button type="button" class="btn btn--small" onClick={() => setRevoking(h.honourId)}>{t('modelWorkers.revoke.open')}</button>}
                          >
                            <form class="form mw-inline-form" aria-label={t('modelWorkers.revoke.title', { title: label(h.title) })} onSubmit={(e) => { e.preventDefault(); void revoke(h); }}>
                              <Input id="mw-rv-on" type="date" label={t('modelWorkers.revoke.on')} required max={shanghaiToday()} value={revokeOn()} onValue={setRevokeOn} />
                              <Input id="mw-rv-doc" label={t('modelWorkers.revoke.document')} required rule={m.document} placeholder={t('modelWorkers.revoke.documentPlaceholder')} value={revokeDoc()} onValue={setRevokeDoc} />
                              <TextArea id="mw-rv-reason" label={t('modelWorkers.revoke.reason')} required rule={m.reason} value={revokeReason()} onValue={setRevokeReason} />
                              <div class="form__actions">
                                <button type="button" class="btn" onClick={() => setRevoking(undefined)}>{t('common.cancel')}</button>
                                <button type="submit" class="btn btn--danger">{t('modelWorkers.revoke.open')}</button>
                              </div>
                            </form>
                          </Show>
                        </Show>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
              <Show when={isStaff() && p().status !== 'revoked'}>
                <form class="form mw-inline-form" aria-labelledby="mw-award-title" onSubmit={(e) => { e.preventDefault(); void award(); }}>
                  <h3 id="mw-award-title">{t('modelWorkers.award.title')}</h3>
                  <Field id="mw-aw-code" label={t('modelWorkers.honour')} required>
                    <select id="mw-aw-code" class="input" required value={code()} onChange={(e) => setCode(e.currentTarget.value)}>
                      <option value="">{t('modelWorkers.award.pick')}</option>
                      <For each={grouped()}>
                        {(g) => (
                          <optgroup label={levelLabel(g.level)}>
                            <For each={g.honours}>{(h: LadderHonour) => <option value={h.code}>{label(h.name)}</option>}</For>
                          </optgroup>
                        )}
                      </For>
                    </select>
                  </Field>
                  <Input id="mw-aw-year" type="number" inputmode="numeric" label={t('modelWorkers.year')} required min={1949} max={Number(shanghaiToday().slice(0, 4))} value={year()} onValue={setYear} />
                  <Input id="mw-aw-by" label={t('modelWorkers.conferredBy')} required rule={m.conferredBy} placeholder={t('modelWorkers.award.byPlaceholder')} value={conferredBy()} onValue={setConferredBy} />
                  <Input id="mw-aw-cert" label={t('modelWorkers.certificateNo')} rule={m.certificateNo} value={certNo()} onValue={setCertNo} />
                  <div class="form__actions">
                    <button type="submit" class="btn btn--primary" disabled={!code()}>{t('modelWorkers.award.submit')}</button>
                  </div>
                </form>
              </Show>
            </div>

            <Show when={isStaff()}>
              <div class="card" data-testid="mw-credential">
                <h2>{t('modelWorkers.credential.title')}</h2>
                <p class="muted">{t('modelWorkers.credential.intro')}</p>
                <Show
                  when={p().treatmentLevel && credential()}
                  fallback={
                    <Show when={p().treatmentLevel} fallback={<p class="muted">{t('modelWorkers.credential.noHonour')}</p>}>
                      <button type="button" class="btn btn--primary" disabled={issuing()} onClick={() => void issueCredential()}>{t('modelWorkers.credential.issue')}</button>
                    </Show>
                  }
                >
                  {(c) => (
                    <div class="mw-credential">
                      <img src={c().qr} width="148" height="148" alt={t('modelWorkers.credential.qrAlt', { name: p().name })} />
                      <div class="mw-credential__text">
                        <p>{t('modelWorkers.credential.validUntil', { level: levelLabel(c().level), on: c().expiresOn })}</p>
                        <p class="muted">{t('modelWorkers.credential.link')}</p>
                        <a class="mw-credential__url mono" href={c().url} target="_blank" rel="noopener" data-testid="mw-credential-url">{c().url}</a>
                      </div>
                    </div>
                  )}
                </Show>
              </div>
            </Show>

            <div class="card">
              <h2>{t('modelWorkers.statusTitle')}</h2>
              <Show when={p().statusHistory.length} fallback={<p class="muted">{t('modelWorkers.statusSince', { status: enumLabel(enums.PersonStatus, p().status) })}</p>}>
                <ol class="mw-plain">
                  <For each={p().statusHistory}>{(s) => <li>{s.on} · {enumLabel(enums.PersonStatus, s.status)}{s.note ? ` · ${s.note}` : ''}</li>}</For>
                </ol>
              </Show>
              <Show when={isStaff() && NEXT_STATUS[p().status].length}>
                <form class="form mw-inline-form" aria-label={t('modelWorkers.statusChange.title')} onSubmit={(e) => { e.preventDefault(); void changeStatus(); }}>
                  <Field id="mw-st-to" label={t('modelWorkers.statusChange.to')} required>
                    <select id="mw-st-to" class="input" value={nextStatus()} onChange={(e) => setNextStatus(e.currentTarget.value as Status)}>
                      <option value="">{t('modelWorkers.statusChange.pick')}</option>
                      <For each={NEXT_STATUS[p().status]}>{(s) => <option value={s}>{enumLabel(enums.PersonStatus, s)}</option>}</For>
                    </select>
                  </Field>
                  <Input id="mw-st-on" type="date" label={t('modelWorkers.statusChange.on')} required max={shanghaiToday()} value={statusOn()} onValue={setStatusOn} />
                  <TextArea id="mw-st-note" label={t('modelWorkers.note')} rule={m.note} value={statusNote()} onValue={setStatusNote} />
                  <div class="form__actions">
                    <button type="submit" class="btn" disabled={!nextStatus()}>{t('modelWorkers.statusChange.submit')}</button>
                  </div>
                </form>
              </Show>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
