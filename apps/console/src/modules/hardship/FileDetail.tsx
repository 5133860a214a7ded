import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { mutate, query, type InputOf, type MutationPath } from '../../api';
import { Banner } from '../../components/Banner';
import { formatDateTime, label, t, tMaybe } from '../../i18n';
import { hasRole } from '../../session';
import { errorText, showError, showToast } from '../../toast';
import { AID_KINDS, explanationOf, FUND_SOURCES, parseYuan, todayIso, yuan } from './shared';
import './hardship.css';
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';

/** A file: household, tier explanation, timeline, grants, masked fields with an audited "show", and the next steps. */
type FileStep = Extract<MutationPath, `hardship.files.${'submit' | 'investigate' | 'publishNotice' | 'review' | 'exit' | 'reverify' | 'followUp' | 'reenter'}`>;

export default function HardshipFileDetail() {
  const params = useParams<{ fileId: string }>();
  const [file, { refetch }] = createResource(() => params.fileId, (fileId) => query('hardship.files.get', { fileId }));
  const [revealed, setRevealed] = createSignal<Record<string, string>>({});
  const [reviewReason, setReviewReason] = createSignal('');
  const isStaff = () => hasRole('federation_admin', 'federation_staff');

  async function reveal(field: 'idNumber' | 'phone') {
    try {
      const r = await mutate('hardship.files.reveal', { fileId: params.fileId, field });
      setRevealed({ ...revealed(), [field]: r.value ?? '—' });
    } catch (e) {
      showError(e);
    }
  }

  /** A lifecycle step of the file (each takes the file id and version besides its own fields). */
  async function act<P extends FileStep>(path: P, input: Omit<InputOf<P>, 'fileId' | 'version'>) {
    const f = file();
    if (!f) return;
    try {
      await mutate<FileStep>(path, { fileId: f.fileId, version: f.version, ...input } as InputOf<P>);
      showToast('success', () => t('hardship.saved'));
      await refetch();
    } catch (e) {
      showError(e);
    }
  }

  const form = (id: string, title: string, body: JSX.Element, onSubmit: (data: FormData) => void) => (
    <form id={id} aria-label={title} onSubmit={(e) => { e.preventDefault(); onSubmit(new FormData(e.currentTarget)); }}>
      <h3>{title}</h3>
      {body}
    </form>
  );
  const str = (d: FormData, k: string) => String(d.get(k) ?? '').trim();

  return (
    <section aria-labelledby="hs-file-title">
      <p class="crumbs">
        <A href="/hardship">← {t('hardship.title')}</A>
      </p>
      <Show when={file.error}>
        <Banner kind="error">{errorText(file.error)}</Banner>
      </Show>
      <Show when={file()}>
        {(f) => (
          <>
            <div class="page-head">
              <h1 id="hs-file-title">
                {f().worker.name} <span class={`hs-tier hs-tier--${f().tier}`}>{t(`hardship.tier.${f().tier}`)}</span>
              </h1>
              <p data-testid="file-status">{t(`hardship.status.${f().status}`)}</p>
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
                    <button type="button" class="btn btn--primary" onClick={() => void act('hardship.files.review', { decision: 'approve', reason: reviewReason() })}>{t('hardship.action.approve')}</button>
                    <button type="button" class="btn" onClick={() => void act('hardship.files.review', { decision: 'reject', reason: reviewReason() })}>{t('hardship.action.reject')}</button>
                  </div>
                </form>
              </Show>
              <Show when={isStaff() && f().status === 'approved'}>
                {form('hs-grant', t('hardship.action.grant'), (
                  <>
                    <label class="field">{t('hardship.aidKind')}
                      <select name="kind"><For each={AID_KINDS}>{(k) => <option value={k}>{t(`hardship.kind.${k}`)}</option>}</For></select>
                    </label>
                    <label class="field">{t('hardship.amount')}<input name="amount" inputmode="decimal" /></label>
                    <label class="field">{t('hardship.fundSource')}
                      <select name="fundSource"><For each={FUND_SOURCES}>{(s) => <option value={s}>{t(`hardship.source.${s}`)}</option>}</For></select>
                    </label>
                    <label class="field">{t('hardship.bankAccount')}<input name="bankAccount" inputmode="numeric" maxLength={IDENTIFIER_INPUT_MAX} /></label>
                    <button type="submit" class="btn btn--primary">{t('hardship.action.grant')}</button>
                  </>
                ), async (d) => {
                  const amountFen = parseYuan(str(d, 'amount'));
                  if (amountFen === undefined) return showToast('error', () => t('hardship.err.money'));
                  try {
                    await mutate('hardship.aid.grant', { fileId: f().fileId, kind: str(d, 'kind') as InputOf<'hardship.aid.grant'>['kind'], amountFen, fundSource: str(d, 'fundSource') as InputOf<'hardship.aid.grant'>['fundSource'], bankAccount: str(d, 'bankAccount') || undefined });
                    showToast('success', () => t('hardship.granted'));
                    await refetch();
                  } catch (e) {
                    showError(e);
                  }
                })}
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
