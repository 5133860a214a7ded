import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { mutate, query, type InputOf, type MutationPath } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { BlockedButton, createConfirm } from '../../components/Confirm';
import { RecordMissing, SaveError } from '../../components/RecordMissing';
import { formatDateTime, label, lang, t, tMaybe } from '../../i18n';
import { hasRole } from '../../session';
import { showError, showToast } from '../../toast';
import { AID_KINDS, explanationOf, FUND_SOURCES, parseYuan, todayIso, yuan } from './shared';
import './hardship.css';
import { IDENTIFIER_INPUT_MAX, limits, MONEY_INPUT_MAX } from '@ufp/core/validation/limits';

/** A file: household, tier explanation, timeline, grants, masked fields with an audited "show", and the next steps. */
type FileStep = Extract<MutationPath, `hardship.files.${'submit' | 'investigate' | 'publishNotice' | 'review' | 'exit' | 'reverify' | 'followUp' | 'reenter'}`>;

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

  const str = (d: FormData, k: string) => String(d.get(k) ?? '').trim();

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
  async function grant(d: FormData) {
    const f = file();
    if (!f) return;
    const amountFen = parseYuan(str(d, 'amount'));
    if (amountFen === undefined) return showToast('error', () => t('hardship.err.money'));
    const kind = str(d, 'kind') as InputOf<'hardship.aid.grant'>['kind'];
    const fundSource = str(d, 'fundSource') as InputOf<'hardship.aid.grant'>['fundSource'];
    setSaveError(undefined);
    let remaining: string;
    try {
      const year = Number(todayIso().slice(0, 4));
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
        { label: t('hardship.confirm.amount'), value: yuan(amountFen) },
        { label: t('hardship.confirm.fund'), value: t(`hardship.source.${fundSource}`) },
        { label: t('hardship.confirm.remaining'), value: remaining },
      ],
      confirmLabel: t('hardship.confirm.grant'),
    });
    if (!ok) return;
    try {
      await mutate('hardship.aid.grant', { fileId: f.fileId, kind, amountFen, fundSource, bankAccount: str(d, 'bankAccount') || undefined });
      showToast('success', () => t('hardship.granted', { kind: tMaybe(`hardship.kind.${kind}`, kind), amount: yuan(amountFen), fund: tMaybe(`hardship.source.${fundSource}`, fundSource) }));
      await refetch();
    } catch (e) {
      setSaveError(e);
    }
  }

  const form = (id: string, title: string, body: JSX.Element, onSubmit: (data: FormData) => void) => (
    <form id={id} aria-label={title} onSubmit={(e) => { e.preventDefault(); onSubmit(new FormData(e.currentTarget)); }}>
      <h3>{title}</h3>
      {body}
    </form>
  );
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
            <div class="card hs-actions">
              <h2>{t('hardship.nextSteps')}</h2>
              <Show when={saveError()}>
                <SaveError error={saveError()} onReload={() => { setSaveError(undefined); void refetch(); }} />
              </Show>
              <Show when={f().actions.includes('submit')}>
                <button type="button" class="btn btn--primary" onClick={() => void act('hardship.files.submit', {})}>{t('hardship.action.submit')}</button>
              </Show>
              <Show when={f().actions.includes('investigate')}>
                {form('hs-investigate', t('hardship.action.investigate'), (
                  <>
                    <label class="field">{t('hardship.visitedOn')}<input name="visitedOn" type="date" value={todayIso()} /></label>
                    <label class="field">{t('hardship.findings')}<textarea name="findings" rows={3} maxLength={limits.hardship.findings.max} /></label>
                    <button type="submit" class="btn btn--primary">{t('hardship.action.investigate')}</button>
                  </>
                ), (d) => void act('hardship.files.investigate', { visitedOn: str(d, 'visitedOn'), findings: str(d, 'findings') }))}
              </Show>
              <Show when={isStaff() && f().actions.includes('publishNotice')}>
                {form('hs-notice', t('hardship.action.publishNotice'), (
                  <>
                    <label class="field">{t('hardship.noticeStartsOn')}<input name="startsOn" type="date" value={todayIso()} /></label>
                    <button type="submit" class="btn btn--primary">{t('hardship.action.publishNotice')}</button>
                  </>
                ), (d) => void act('hardship.files.publishNotice', { startsOn: str(d, 'startsOn') }))}
              </Show>
              <Show when={isStaff() && f().actions.includes('approve')}>
                <form id="hs-review" aria-label={t('hardship.action.review')} onSubmit={(e) => e.preventDefault()}>
                  <h3>{t('hardship.action.review')}</h3>
                  <p class="muted">{t('hardship.noticeRuns', { from: f().noticeStartsOn ?? '', to: f().noticeEndsOn ?? '' })}</p>
                  <label class="field">{t('hardship.reason')}<input name="reason" maxLength={limits.hardship.reason.max} value={reviewReason()} onInput={(e) => setReviewReason(e.currentTarget.value)} /></label>
                  <div class="filters__actions">
                    <Show when={bi(f().blocked.approve)} fallback={<button type="button" class="btn btn--primary" onClick={() => void approve()}>{t('hardship.action.approve')}</button>}>
                      {(why) => <BlockedButton id="hs-approve" label={t('hardship.action.approve')} reason={why()} />}
                    </Show>
                    <Show when={bi(f().blocked.reject)} fallback={<button type="button" class="btn" onClick={() => void act('hardship.files.review', { decision: 'reject', reason: reviewReason() })}>{t('hardship.action.reject')}</button>}>
                      {(why) => <BlockedButton id="hs-reject" label={t('hardship.action.reject')} reason={why()} />}
                    </Show>
                  </div>
                </form>
              </Show>
              <Show when={isStaff() && f().status === 'approved'}>
                {form('hs-grant', t('hardship.action.grant'), (
                  <>
                    <Field id="hs-grant-kind" label={t('hardship.aidKind')} required>
                      <select id="hs-grant-kind" name="kind"><For each={AID_KINDS}>{(k) => <option value={k}>{t(`hardship.kind.${k}`)}</option>}</For></select>
                    </Field>
                    <Field id="hs-grant-amount" label={t('hardship.amount')} required hint={t('hardship.yuanHint')}>
                      <input id="hs-grant-amount" class="input" type="text" name="amount" inputmode="decimal" maxLength={MONEY_INPUT_MAX} required aria-describedby="hs-grant-amount-hint" />
                    </Field>
                    <Field id="hs-grant-fund" label={t('hardship.fundSource')} required>
                      <select id="hs-grant-fund" name="fundSource"><For each={FUND_SOURCES}>{(s) => <option value={s}>{t(`hardship.source.${s}`)}</option>}</For></select>
                    </Field>
                    <Field id="hs-grant-bank" label={t('hardship.bankAccount')}>
                      <input id="hs-grant-bank" class="input" type="text" name="bankAccount" inputmode="numeric" autocomplete="off" maxLength={IDENTIFIER_INPUT_MAX} />
                    </Field>
                    <button type="submit" class="btn btn--primary">{t('hardship.action.grant')}</button>
                  </>
                ), (d) => void grant(d))}
                {form('hs-exit', t('hardship.action.exit'), (
                  <>
                    <label class="field">{t('hardship.reason')}<input name="reason" maxLength={limits.hardship.reason.max} /></label>
                    <button type="submit" class="btn">{t('hardship.action.exit')}</button>
                  </>
                ), (d) => void act('hardship.files.exit', { reason: str(d, 'reason') }))}
                <button type="button" class="btn" onClick={() => void act('hardship.files.reverify', {})}>{t('hardship.action.reverify')}</button>
              </Show>
              <Show when={isStaff() && f().actions.includes('followUp') && !f().followedUpOn}>
                {form('hs-followup', t('hardship.action.followUp'), (
                  <>
                    <label class="field">{t('hardship.visitedOn')}<input name="visitedOn" type="date" /></label>
                    <label class="field">{t('hardship.findings')}<textarea name="findings" rows={2} maxLength={limits.hardship.findings.max} /></label>
                    <button type="submit" class="btn">{t('hardship.action.followUp')}</button>
                  </>
                ), (d) => void act('hardship.files.followUp', { visitedOn: str(d, 'visitedOn'), findings: str(d, 'findings') }))}
              </Show>
              <Show when={isStaff() && f().actions.includes('reenter')}>
                {form('hs-reenter', t('hardship.action.reenter'), (
                  <>
                    <label class="field">{t('hardship.reason')}<input name="reason" maxLength={limits.hardship.reason.max} /></label>
                    <button type="submit" class="btn">{t('hardship.action.reenter')}</button>
                  </>
                ), (d) => void act('hardship.files.reenter', { reason: str(d, 'reason') }))}
              </Show>
            </div>
            <div class="card">
              <h2>{t('hardship.grants')}</h2>
              <Show when={f().grants.length} fallback={<p class="muted">{t('hardship.noGrants')}</p>}>
                <ul data-testid="grants">
                  <For each={f().grants}>
                    {(g) => (
                      <li>
                        {g.grantedOn} · {t(`hardship.kind.${g.kind}`)} · {yuan(g.amountFen)} · {tMaybe(`hardship.source.${g.fundSource}`, g.fundSource)}
                        <Show when={g.bankAccountMasked}> · <span class="mono">{g.bankAccountMasked}</span></Show>
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
