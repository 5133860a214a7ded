import { createStore } from 'solid-js/store';
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { mutate, query, type InputOf, type MutationPath } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Input, TextArea } from '../../components/Input';
import { BlockedButton, createConfirm } from '../../components/Confirm';
import { RecordMissing, SaveError } from '../../components/RecordMissing';
import { formatDateTime, label, lang, t, tMaybe } from '../../i18n';
import { hasRole } from '../../session';
import { showError, showToast } from '../../toast';
import { AID_KINDS, explanationOf, FUND_SOURCES, parseYuan, shanghaiToday, yuan } from './shared';
import { DisburseForm, PaymentState } from './Disburse';
import { HardshipDocuments, MissingDocuments } from './Documents';
import './hardship.css';
import { IDENTIFIER_INPUT_MAX, limits, MONEY_INPUT_MAX } from '@ufp/core/validation/limits';

/** A file: household, tier explanation, timeline, grants, masked fields with an audited "show", and the next steps. */
type FileStep = Extract<MutationPath, `hardship.files.${'submit' | 'investigate' | 'publishNotice' | 'review' | 'exit' | 'reverify' | 'followUp' | 'reenter'}`>;

type AidKind = InputOf<'hardship.aid.grant'>['kind'];
type FundSource = InputOf<'hardship.aid.grant'>['fundSource'];
type SchoolLevel = NonNullable<InputOf<'hardship.aid.grant'>['student']>['level'];
const SCHOOL_LEVELS: SchoolLevel[] = ['higher', 'high_school'];
/** The relation a household lists the worker under: never a 金秋助学 student. */
const WORKER_RELATION = '本人';

function formValues() {
  const [visitedOn, setVisitedOn] = createSignal(shanghaiToday());
  const [findings, setFindings] = createSignal('');
  const [startsOn, setStartsOn] = createSignal(shanghaiToday());
  const [kind, setKind] = createSignal<AidKind>(AID_KINDS[0] as AidKind);
  const [amount, setAmount] = createSignal('');
  const [fundSource, setFundSource] = createSignal<FundSource>(FUND_SOURCES[0] as FundSource);
  const [bankAccount, setBankAccount] = createSignal('');
  const [studentIndex, setStudentIndex] = createSignal('');
  const [studentId, setStudentId] = createSignal('');
  const [schoolLevel, setSchoolLevel] = createSignal<SchoolLevel>('higher');
  const [exitReason, setExitReason] = createSignal('');
  const [followUpOn, setFollowUpOn] = createSignal('');
  const [followUpFindings, setFollowUpFindings] = createSignal('');
  const [reenterReason, setReenterReason] = createSignal('');
  return {
    visitedOn, setVisitedOn, findings, setFindings, startsOn, setStartsOn, kind, setKind, amount, setAmount, fundSource, setFundSource,
    bankAccount, setBankAccount, studentIndex, setStudentIndex, studentId, setStudentId, schoolLevel, setSchoolLevel, exitReason, setExitReason, followUpOn, setFollowUpOn, followUpFindings, setFollowUpFindings, reenterReason, setReenterReason,
  };
}

/** A 金秋助学 grant's student as the file shows it: the member where the household lists them now (or that it no longer does) and the school level. */
function studentLabel(members: readonly { relation: string; name: string }[], s: { memberIndex?: number; level: SchoolLevel }): string {
  const m = s.memberIndex === undefined ? undefined : members[s.memberIndex];
  return `${m ? `${m.relation} ${m.name}` : t('hardship.edu.notListed')} · ${t(`hardship.edu.level.${s.level}`)}`;
}

/** A step's form: a component (not a call inside the page's JSX), so a language switch relabels it in place. */
function ActForm(props: { id: string; title: string; onSubmit: () => void; children: JSX.Element }) {
  return (
    <form
      id={props.id}
      aria-label={props.title}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h3>{props.title}</h3>
      {props.children}
    </form>
  );
}

export default function HardshipFileDetail() {
  const params = useParams<{ fileId: string }>();
  const [file, { refetch }] = createResource(() => params.fileId, (fileId) => query('hardship.files.get', { fileId }));
  const [revealed, setRevealed] = createSignal<Record<string, string>>({});
  const [reviewReason, setReviewReason] = createSignal('');
  const isStaff = () => hasRole('federation_admin', 'federation_staff');
  const [saveError, setSaveError] = createSignal<unknown>();
  const confirm = createConfirm();
  const bi = (text: { zh: string; en: string } | undefined) => (text ? (lang() === 'en' ? text.en : text.zh) : undefined);

  async function reveal(field: 'idNumber' | 'phone') {
    try {
      const r = await mutate('hardship.files.reveal', { fileId: params.fileId, field });
      setRevealed({ ...revealed(), [field]: r.value ?? '—' });
    } catch (e) {
      showError(e);
    }
  }

  /**
   * What is typed into the step forms, held here rather than in the inputs: the forms are components, so
   * switching the language relabels them without re-creating them, and nothing typed is lost.
   */
  const v = formValues();

  /** A lifecycle step of the file (each takes the file id and version besides its own fields). */
  async function act<P extends FileStep>(path: P, input: Omit<InputOf<P>, 'fileId' | 'version'>) {
    const f = file();
    if (!f) return;
    setSaveError(undefined);
    try {
      await mutate<FileStep>(path, { fileId: f.fileId, version: f.version, ...input } as InputOf<P>);
      // Says what happened ("已审核通过并建档"), not the button's label.
      const step = path.slice('hardship.files.'.length);
      const decision = (input as { decision?: string }).decision;
      showToast('success', () => tMaybe(`hardship.done.${step}${decision ? `.${decision}` : ''}`, t('hardship.saved')));
      await refetch();
    } catch (e) {
      setSaveError(e);
    }
  }

  /** 审核通过 is irreversible: the dialog says what it does first. */
  async function approve() {
    const f = file();
    if (!f) return;
    const ok = await confirm.ask({
      title: t('hardship.confirm.approveTitle'),
      consequence: t('hardship.confirm.approveBody', { name: f.worker.name, tier: t(`hardship.tier.${f.tier}`) }),
      confirmLabel: t('hardship.confirm.approve'),
    });
    if (ok) await act('hardship.files.review', { decision: 'approve', reason: reviewReason() });
  }

  /** A grant: amount, fund and the budget left after it are confirmed before the money goes. */
  async function grant() {
    const f = file();
    if (!f) return;
    const amountFen = parseYuan(v.amount().trim());
    if (amountFen === undefined) return showToast('error', () => t('hardship.err.money'));
    const kind = v.kind();
    const fundSource = v.fundSource();
    // 金秋助学 names its student (a household member other than the worker) and the school level.
    const member = kind === 'education' && v.studentIndex() !== '' ? f.household.members[Number(v.studentIndex())] : undefined;
    if (kind === 'education' && !member) return showToast('error', () => t('hardship.edu.chooseStudent'));
    // The student's ID number keys the once-a-year guard: typed when the file has none for the member.
    const idNumber = v.studentId().trim() || undefined;
    const student = member ? { memberIndex: Number(v.studentIndex()), level: v.schoolLevel(), ...(idNumber ? { idNumber } : {}) } : undefined;
    setSaveError(undefined);
    let remaining: string;
    try {
      const year = Number(shanghaiToday().slice(0, 4));
      const fund = (await query('hardship.funds.list', { year })).funds.find((x) => x.source === fundSource);
      const after = fund ? fund.remainingFen - amountFen : undefined;
      remaining = after === undefined ? t('hardship.confirm.noBudget') : after < 0 ? t('hardship.confirm.short', { amount: yuan(after) }) : yuan(after);
    } catch {
      remaining = '—';
    }
    const ok = await confirm.ask({
      title: t('hardship.confirm.grantTitle'),
      consequence: t('hardship.confirm.grantBody', { name: f.worker.name, kind: t(`hardship.kind.${kind}`) }),
      facts: [
        ...(member && student ? [{ label: t('hardship.edu.student'), value: `${member.relation} ${member.name} · ${t(`hardship.edu.level.${student.level}`)}` }] : []),
        { label: t('hardship.confirm.amount'), value: yuan(amountFen) },
        { label: t('hardship.confirm.fund'), value: t(`hardship.source.${fundSource}`) },
        { label: t('hardship.confirm.remaining'), value: remaining },
      ],
      confirmLabel: t('hardship.confirm.grant'),
    });
    if (!ok) return;
    try {
      const res = await mutate('hardship.aid.grant', { fileId: f.fileId, kind, ...(student ? { student } : {}), amountFen, fundSource, bankAccount: v.bankAccount().trim() || undefined });
      const what = { kind: tMaybe(`hardship.kind.${kind}`, kind), amount: yuan(amountFen), fund: tMaybe(`hardship.source.${fundSource}`, fundSource) };
      if (res.pendingApproval) showToast('success', () => t('hardship.grantRequested', what), 8_000);
      else showToast('success', () => t('hardship.granted', what));
      await refetch();
    } catch (e) {
      setSaveError(e);
    }
  }

  /** 审批 or 驳回 a large grant another staff member requested (a decline needs its reason, typed per request). */
  const [declineReasons, setDeclineReasons] = createStore<Record<string, string>>({});
  async function decide(r: { grantId: string; version: number; amountFen: number }, approve: boolean) {
    const f = file();
    if (!f) return;
    try {
      if (approve) {
        const ok = await confirm.ask({ title: t('hardship.approval.approveTitle'), consequence: t('hardship.approval.approveBody'), facts: [{ label: t('hardship.confirm.amount'), value: yuan(r.amountFen) }], confirmLabel: t('hardship.approval.approve') });
        if (!ok) return;
        await mutate('hardship.aid.approve', { fileId: f.fileId, grantId: r.grantId, version: r.version });
        showToast('success', () => t('hardship.approval.approved', { amount: yuan(r.amountFen) }));
      } else {
        const reason = declineReasons[r.grantId]?.trim();
        if (!reason) return setSaveError(new Error(t('hardship.approval.reasonNeeded')));
        await mutate('hardship.aid.decline', { fileId: f.fileId, grantId: r.grantId, version: r.version, reason });
        showToast('success', () => t('hardship.approval.declined', { amount: yuan(r.amountFen) }));
      }
      await refetch();
    } catch (e) {
      setSaveError(e);
    }
  }

  return (
    <section aria-labelledby="hs-file-title">
      <p class="crumbs">
        <A href="/hardship">← {t('hardship.title')}</A>
      </p>
      <confirm.Dialog />
      <Show when={file.error}>
        <RecordMissing error={file.error} backHref="/hardship" onRetry={() => void refetch()} />
      </Show>
      <Show when={!file.error && file()}>
        {(f) => (
          <>
            <div class="page-head">
              <h1 id="hs-file-title">
                {f().worker.name} <span class={`hs-tier hs-tier--${f().tier}`}>{t(`hardship.tier.${f().tier}`)}</span>
              </h1>
              <p data-testid="file-status">{t(`hardship.status.${f().status}`)}</p>
              <Show when={f().origin}>
                {(o) => (
                  <p class="muted" data-testid="file-origin">
                    {t('hardship.origin.modelWorkers', { year: o().year })} · {t(`hardship.source.${o().fundSource}`)}
                  </p>
                )}
              </Show>
            </div>
            <Show when={f().duplicate}>
              {(d) => <Banner kind="error">{t('hardship.duplicateFlag', { n: d().otherFederations, year: d().year })}</Banner>}
            </Show>
            <Show when={f().clock?.state === 'overdue' && f().clock}>
              {(c) => <Banner kind="error">{t('hardship.overdueBanner', { label: label(c().label), due: c().dueOn })}</Banner>}
            </Show>
            <div class="card">
              <h2>{t('hardship.tierExplanation')}</h2>
              <p class="hs-explain" data-testid="explanation">{explanationOf(f().household)}</p>
              <dl>
                <dt>{t('hardship.worker.idNumber')}</dt>
                <dd>
                  <span class="mono">{revealed().idNumber ?? f().worker.idMasked}</span>{' '}
                  <Show when={isStaff() && !revealed().idNumber}>
                    <button type="button" class="btn btn--small" onClick={() => void reveal('idNumber')}>{t('hardship.show')}</button>
                  </Show>
                </dd>
                <Show when={f().worker.phoneMasked}>
                  <dt>{t('hardship.worker.phone')}</dt>
                  <dd>
                    <span class="mono">{revealed().phone ?? f().worker.phoneMasked}</span>{' '}
                    <Show when={isStaff() && !revealed().phone}>
                      <button type="button" class="btn btn--small" onClick={() => void reveal('phone')}>{t('hardship.show')}</button>
                    </Show>
                  </dd>
                </Show>
                <dt>{t('hardship.income')}</dt>
                <dd>{yuan(f().household.annualIncomeFen)}</dd>
                <dt>{t('hardship.rigid')}</dt>
                <dd>{yuan(f().household.rigidExpensesFen)}</dd>
                <dt>{t('hardship.members')}</dt>
                <dd>{f().household.members.map((m) => `${m.relation} ${m.name}`).join('、')}</dd>
                <Show when={f().household.causes.length}>
                  <dt>{t('hardship.causes')}</dt>
                  <dd>{f().household.causes.join('；')}</dd>
                </Show>
                <Show when={f().findings}>
                  <dt>{t('hardship.findings')}</dt>
                  <dd>{f().findings}</dd>
                </Show>
                <Show when={f().followUpDueOn}>
                  <dt>{t('hardship.followUpDue')}</dt>
                  <dd>{f().followUpDueOn}</dd>
                </Show>
                <Show when={f().followedUpOn}>
                  <dt>{t('hardship.followedUpOn')}</dt>
                  <dd>{f().followedUpOn}</dd>
                </Show>
              </dl>
            </div>
            <HardshipDocuments file={f()} isStaff={isStaff()} onChanged={() => void refetch()} />
            <div class="card hs-actions">
              <h2>{t('hardship.nextSteps')}</h2>
              <Show when={saveError()}>
                <SaveError error={saveError()} onReload={() => { setSaveError(undefined); void refetch(); }} />
              </Show>
              <MissingDocuments file={f()} />
              <Show when={f().actions.includes('submit') && f().consentGiven}>
                <button type="button" class="btn btn--primary" onClick={() => void act('hardship.files.submit', {})}>{t('hardship.action.submit')}</button>
              </Show>
              <Show when={f().actions.includes('submit') && !f().consentGiven}>
                <ActForm id="hs-submit-consent" title={t('hardship.action.submit')} onSubmit={() => void act('hardship.files.submit', { consentConfirmed: true })}>
                  <p class="muted" data-testid="consent-pending">{t('hardship.consentPending')}</p>
                  <label class="check">
                    <input id="hs-consent-confirmed" type="checkbox" required /> {t('hardship.consentConfirmed')}
                  </label>
                  <button type="submit" class="btn btn--primary">{t('hardship.action.submit')}</button>
                </ActForm>
              </Show>
              <Show when={f().actions.includes('investigate')}>
                <ActForm id="hs-investigate" title={t('hardship.action.investigate')} onSubmit={() => void act('hardship.files.investigate', { visitedOn: v.visitedOn(), findings: v.findings().trim() })}>
                  <Input id="hs-inv-on" name="visitedOn" type="date" label={t('hardship.visitedOn')} required value={v.visitedOn()} onValue={v.setVisitedOn} />
                  <TextArea id="hs-inv-findings" name="findings" label={t('hardship.findings')} required rule={limits.hardship.findings} value={v.findings()} onValue={v.setFindings} />
                  <button type="submit" class="btn btn--primary">{t('hardship.action.investigate')}</button>
                </ActForm>
              </Show>
              <Show when={isStaff() && f().actions.includes('publishNotice')}>
                <ActForm id="hs-notice" title={t('hardship.action.publishNotice')} onSubmit={() => void act('hardship.files.publishNotice', { startsOn: v.startsOn() })}>
                  <Input id="hs-notice-on" name="startsOn" type="date" label={t('hardship.noticeStartsOn')} required value={v.startsOn()} onValue={v.setStartsOn} />
                  <button type="submit" class="btn btn--primary">{t('hardship.action.publishNotice')}</button>
                </ActForm>
              </Show>
              <Show when={isStaff() && f().actions.includes('approve')}>
                <ActForm id="hs-review" title={t('hardship.action.review')} onSubmit={() => undefined}>
                  <p class="muted">{t('hardship.noticeRuns', { from: f().noticeStartsOn ?? '', to: f().noticeEndsOn ?? '' })}</p>
                  <Input id="hs-review-reason" name="reason" label={t('hardship.reason')} required rule={limits.hardship.reason} value={reviewReason()} onValue={setReviewReason} />
                  <div class="filters__actions">
                    <Show when={bi(f().blocked.approve)} fallback={<button type="button" class="btn btn--primary" onClick={() => void approve()}>{t('hardship.action.approve')}</button>}>
                      {(why) => <BlockedButton id="hs-approve" label={t('hardship.action.approve')} reason={why()} />}
                    </Show>
                    <Show when={bi(f().blocked.reject)} fallback={<button type="button" class="btn" onClick={() => void act('hardship.files.review', { decision: 'reject', reason: reviewReason().trim() })}>{t('hardship.action.reject')}</button>}>
                      {(why) => <BlockedButton id="hs-reject" label={t('hardship.action.reject')} reason={why()} />}
                    </Show>
                  </div>
                </ActForm>
              </Show>
              <Show when={isStaff() && f().status === 'approved'}>
                <ActForm id="hs-grant" title={t('hardship.action.grant')} onSubmit={() => void grant()}>
                  <Field id="hs-grant-kind" label={t('hardship.aidKind')} required>
                    <select id="hs-grant-kind" name="kind" value={v.kind()} onChange={(e) => v.setKind(e.currentTarget.value as AidKind)}><For each={AID_KINDS}>{(k) => <option value={k}>{t(`hardship.kind.${k}`)}</option>}</For></select>
                  </Field>
                  <Show when={v.kind() === 'education'}>
                    <p class="muted">{t('hardship.edu.hint')}</p>
                    <Show when={f().household.members.some((m) => m.relation !== WORKER_RELATION)} fallback={<Banner kind="error">{t('hardship.edu.noStudent')}</Banner>}>
                      <Field id="hs-grant-student" label={t('hardship.edu.student')} required>
                        <select id="hs-grant-student" name="student" value={v.studentIndex()} onChange={(e) => v.setStudentIndex(e.currentTarget.value)}>
                          <option value="">{t('hardship.edu.chooseStudent')}</option>
                          <For each={f().household.members}>{(m, i) => <Show when={m.relation !== WORKER_RELATION}><option value={String(i())}>{`${m.relation} ${m.name}`}</option></Show>}</For>
                        </select>
                      </Field>
                      <Show when={v.studentIndex() !== '' && f().household.members[Number(v.studentIndex())]}>
                        {(m) => (
                          <Input
                            id="hs-grant-student-id"
                            name="studentIdNumber"
                            label={t('hardship.edu.studentId')}
                            required={!m().idMasked}
                            hint={m().idMasked ? t('hardship.edu.studentIdOnFile', { id: m().idMasked ?? '' }) : t('hardship.edu.studentIdNeeded')}
                            class="mono"
                            autocomplete="off"
                            autocapitalize="characters"
                            spellcheck={false}
                            maxLength={IDENTIFIER_INPUT_MAX}
                            value={v.studentId()}
                            onValue={v.setStudentId}
                          />
                        )}
                      </Show>
                      <Field id="hs-grant-level" label={t('hardship.edu.level')} required>
                        <select id="hs-grant-level" name="level" value={v.schoolLevel()} onChange={(e) => v.setSchoolLevel(e.currentTarget.value as SchoolLevel)}>
                          <For each={SCHOOL_LEVELS}>{(l) => <option value={l}>{t(`hardship.edu.level.${l}`)}</option>}</For>
                        </select>
                      </Field>
                    </Show>
                  </Show>
                  <Input id="hs-grant-amount" name="amount" label={t('hardship.amount')} required hint={t('hardship.yuanHint')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} value={v.amount()} onValue={v.setAmount} />
                  <Field id="hs-grant-fund" label={t('hardship.fundSource')} required>
                    <select id="hs-grant-fund" name="fundSource" value={v.fundSource()} onChange={(e) => v.setFundSource(e.currentTarget.value as FundSource)}><For each={FUND_SOURCES}>{(s) => <option value={s}>{t(`hardship.source.${s}`)}</option>}</For></select>
                  </Field>
                  <Input id="hs-grant-bank" name="bankAccount" label={t('hardship.bankAccount')} inputmode="numeric" autocomplete="off" maxLength={IDENTIFIER_INPUT_MAX} value={v.bankAccount()} onValue={v.setBankAccount} />
                  <button type="submit" class="btn btn--primary">{t('hardship.action.grant')}</button>
                </ActForm>
                <ActForm id="hs-exit" title={t('hardship.action.exit')} onSubmit={() => void act('hardship.files.exit', { reason: v.exitReason().trim() })}>
                  <Input id="hs-exit-reason" name="reason" label={t('hardship.reason')} required rule={limits.hardship.reason} value={v.exitReason()} onValue={v.setExitReason} />
                  <button type="submit" class="btn">{t('hardship.action.exit')}</button>
                </ActForm>
                <button type="button" class="btn" onClick={() => void act('hardship.files.reverify', {})}>{t('hardship.action.reverify')}</button>
              </Show>
              <Show when={isStaff() && f().actions.includes('followUp') && !f().followedUpOn}>
                <ActForm id="hs-followup" title={t('hardship.action.followUp')} onSubmit={() => void act('hardship.files.followUp', { visitedOn: v.followUpOn(), findings: v.followUpFindings().trim() })}>
                  <Input id="hs-fu-on" name="visitedOn" type="date" label={t('hardship.visitedOn')} required value={v.followUpOn()} onValue={v.setFollowUpOn} />
                  <TextArea id="hs-fu-findings" name="findings" rows={2} label={t('hardship.findings')} required rule={limits.hardship.findings} value={v.followUpFindings()} onValue={v.setFollowUpFindings} />
                  <button type="submit" class="btn">{t('hardship.action.followUp')}</button>
                </ActForm>
              </Show>
              <Show when={isStaff() && f().actions.includes('reenter')}>
                <ActForm id="hs-reenter" title={t('hardship.action.reenter')} onSubmit={() => void act('hardship.files.reenter', { reason: v.reenterReason().trim() })}>
                  <Input id="hs-reenter-reason" name="reason" label={t('hardship.reason')} required rule={limits.hardship.reason} value={v.reenterReason()} onValue={v.setReenterReason} />
                  <button type="submit" class="btn">{t('hardship.action.reenter')}</button>
                </ActForm>
              </Show>
            </div>
            <Show when={f().grantRequests.length}>
              <div class="card" data-testid="grant-requests">
                <h2>{t('hardship.approval.title')}</h2>
                <ul class="hs-requests">
                  <For each={f().grantRequests}>
                    {(r) => (
                      <li data-status={r.status}>
                        <p>
                          {r.requestedOn} · {t(`hardship.kind.${r.kind}`)} · <strong>{yuan(r.amountFen)}</strong> · {tMaybe(`hardship.source.${r.fundSource}`, r.fundSource)} ·{' '}
                          <span class="muted">{t('hardship.approval.requestedBy', { name: r.requestedByName ?? r.requestedBy })}</span>
                        </p>
                        <Show when={r.status === 'declined'}>
                          <p class="muted">{t('hardship.approval.declinedNote', { reason: r.declineReason ?? '' })}</p>
                        </Show>
                        <Show when={r.status === 'pending' && r.mine}>
                          <p class="muted">{t('hardship.approval.waiting')}</p>
                        </Show>
                        <Show when={r.status === 'pending' && !r.mine}>
                          <div class="hs-request-actions">
                            <button type="button" class="btn btn--primary" onClick={() => void decide(r, true)}>{t('hardship.approval.approve')}</button>
                            <Input id={`hs-decline-${r.grantId}`} name="declineReason" label={t('hardship.approval.reason')} rule={limits.hardship.reason} value={declineReasons[r.grantId] ?? ''} onValue={(x) => setDeclineReasons(r.grantId, x)} />
                            <button type="button" class="btn" onClick={() => void decide(r, false)}>{t('hardship.approval.decline')}</button>
                          </div>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            </Show>
            <div class="card">
              <h2>{t('hardship.grants')}</h2>
              <Show when={f().grants.length} fallback={<p class="muted">{t('hardship.noGrants')}</p>}>
                <ul data-testid="grants">
                  <For each={f().grants}>
                    {(g, i) => (
                      <li>
                        {g.grantedOn} · {t(`hardship.kind.${g.kind}`)}
                        <Show when={g.student}>{(s) => <> ({studentLabel(f().household.members, s())})</>}</Show> · {yuan(g.amountFen)} · {tMaybe(`hardship.source.${g.fundSource}`, g.fundSource)}
                        <Show when={g.bankAccountMasked}> · <span class="mono">{g.bankAccountMasked}</span></Show>
                        <Show when={g.approvedBy}> · <span class="muted">{t('hardship.approval.approvedBy', { name: g.approvedByName ?? g.approvedBy ?? '' })}</span></Show>
                        {' · '}
                        <PaymentState disbursement={g.disbursement} />
                        <Show when={isStaff() && !g.disbursement}>
                          <DisburseForm fileId={f().fileId} grantId={g.grantId} hasAccount={!!g.bankAccountMasked} index={i()} onSaved={() => void refetch()} />
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
            <div class="card">
              <h2>{t('hardship.timeline')}</h2>
              <ol class="hs-timeline">
                <For each={f().timeline}>{(e) => <li>{formatDateTime(e.at)} · {tMaybe(`hardship.action.${e.action}`, e.action)} · <span class="muted">{e.actorName ?? t('hardship.actorUnknown')}</span></li>}</For>
              </ol>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
