import { shanghaiYear } from '../../format';
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { MONEY_INPUT_MAX } from '@ufp/core/validation/limits';
import { t, tMaybe } from '../../i18n';
import { downloadFile, sheetLang } from '../../download';
import { hasRole } from '../../session';
import { errorText, showError, showToast } from '../../toast';
import { DocumentKind } from '@ufp/hardship/domain/document-kinds';
import { AID_KINDS, FUND_SOURCES, parseYuan, yuan } from './shared';
import { TemporaryAid } from './TemporaryAid';
import './hardship.css';

type DocKind = (typeof DocumentKind.values)[number];


/** Budget envelopes per fund source as bars (granted of budget), and granted by aid kind. */
export default function HardshipFunds() {
  const [year, setYear] = createSignal(shanghaiYear());
  const [data, { refetch }] = createResource(year, (y) => query('hardship.funds.list', { year: y }));
  const [source, setSource] = createSignal<string>('county');
  const [budget, setBudget] = createSignal('');

  async function save(e: Event) {
    e.preventDefault();
    const budgetFen = parseYuan(budget());
    if (budgetFen === undefined) return showToast('error', () => t('hardship.err.money'));
    try {
      await mutate('hardship.funds.set', { year: year(), source: source() as InputOf<'hardship.funds.set'>['source'], budgetFen });
      showToast('success', () => t('hardship.saved'));
      setBudget('');
      await refetch();
    } catch (err) {
      showError(err);
    }
  }

  // Large grants: the approval threshold (the year's rule pack, admins) and the requests awaiting a second staff member.
  const [rules, { refetch: refetchRules }] = createResource(year, (y) => query('hardship.rules.get', { year: y }));
  const [pending] = createResource(() => query('hardship.aid.pending'));
  const [threshold, setThreshold] = createSignal<string>();
  const thresholdText = () => threshold() ?? (rules()?.grantApprovalAboveFen !== undefined ? String(rules()!.grantApprovalAboveFen! / 100) : '');

  async function saveThreshold(e: Event) {
    e.preventDefault();
    const pack = rules();
    if (!pack) return;
    const text = thresholdText().trim();
    const fen = text === '' ? undefined : parseYuan(text);
    if (text !== '' && fen === undefined) return showToast('error', () => t('hardship.err.money'));
    const { updatedAt: _u, grantApprovalAboveFen: _g, ...rest } = pack;
    try {
      await mutate('hardship.rules.set', { ...rest, ...(fen === undefined ? {} : { grantApprovalAboveFen: fen }) });
      showToast('success', () => t('hardship.approval.thresholdSaved'));
      setThreshold(undefined);
      await refetchRules();
    } catch (err) {
      showError(err);
    }
  }

  // 审核前必备材料: the kinds of document a file needs before its notice and review (the year's rule pack, admins).
  const [required, setRequired] = createSignal<DocKind[]>();
  const requiredKinds = () => required() ?? ((rules()?.requiredDocuments ?? []) as DocKind[]);
  const toggleRequired = (kind: DocKind, on: boolean) => setRequired(DocumentKind.values.filter((k) => (k === kind ? on : requiredKinds().includes(k))));
  async function saveRequired(e: Event) {
    e.preventDefault();
    const pack = rules();
    if (!pack) return;
    const { updatedAt: _u, ...rest } = pack;
    try {
      await mutate('hardship.rules.set', { ...rest, requiredDocuments: requiredKinds() });
      showToast('success', () => t('hardship.doc.requiredSaved'));
      setRequired(undefined);
      await refetchRules();
    } catch (err) {
      showError(err);
    }
  }

  // 金秋助学 per student by school level (the year's rule pack, admins): in yuan while edited.
  const [eduHigher, setEduHigher] = createSignal<string>();
  const [eduHighSchool, setEduHighSchool] = createSignal<string>();
  const eduText = (edited: string | undefined, fen: number | undefined) => edited ?? (fen === undefined ? '' : String(fen / 100));
  async function saveEducation(e: Event) {
    e.preventDefault();
    const pack = rules();
    if (!pack) return;
    const higher = parseYuan(eduText(eduHigher(), pack.educationPerStudent.higher).trim());
    const highSchool = parseYuan(eduText(eduHighSchool(), pack.educationPerStudent.high_school).trim());
    if (higher === undefined || highSchool === undefined) return showToast('error', () => t('hardship.err.money'));
    const { updatedAt: _u, ...rest } = pack;
    try {
      await mutate('hardship.rules.set', { ...rest, educationPerStudent: { higher, high_school: highSchool } });
      showToast('success', () => t('hardship.edu.saved'));
      setEduHigher(undefined);
      setEduHighSchool(undefined);
      await refetchRules();
    } catch (err) {
      showError(err);
    }
  }

  /** 对账表: the year's grants against their payments, per fund source (Excel). */
  const downloadReconciliation = async () => {
    try {
      downloadFile(await query('hardship.aid.reconciliation', { year: year(), lang: sheetLang() }));
    } catch (err) {
      showError(err);
    }
  };
  return (
    <section aria-labelledby="hs-funds-title">
      <p class="crumbs"><A href="/hardship">← {t('hardship.title')}</A></p>
      <div class="page-head">
        <h1 id="hs-funds-title">{t('hardship.funds.title')}</h1>
        <label>
          {t('hardship.year')}{' '}
          <input type="number" value={year()} min="2000" max="2100" class="year-input" onChange={(e) => setYear(Number(e.currentTarget.value))} />
        </label>
        <button type="button" class="btn no-print" data-testid="reconciliation" onClick={() => void downloadReconciliation()}>
          {t('hardship.pay.reconciliation', { year: year() })}
        </button>
      </div>
      <Show when={data.error}><Banner kind="error">{errorText(data.error)}</Banner></Show>
      <div class="card">
        <h2>{t('hardship.funds.bySource')}</h2>
        <Show when={(data()?.funds ?? []).length} fallback={<p class="muted">{t('hardship.funds.none')}</p>}>
          <For each={data()?.funds ?? []}>
            {(f) => {
              const pct = () => (f.budgetFen ? Math.round((f.grantedFen / f.budgetFen) * 100) : 0);
              return (
                <div class="hs-fund" data-testid={`fund-${f.source}`}>
                  <div>
                    <strong>{tMaybe(`hardship.source.${f.source}`, f.source)}</strong> · {t('hardship.funds.granted')} {yuan(f.grantedFen)} / {t('hardship.funds.budget')} {yuan(f.budgetFen)} · {t('hardship.funds.remaining')} {yuan(f.remainingFen)}
                  </div>
                  <div class="hs-bar" classList={{ 'hs-bar--low': pct() >= 90 }} role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct()} aria-label={tMaybe(`hardship.source.${f.source}`, f.source)}>
                    <span style={{ width: `${pct()}%` }} />
                  </div>
                </div>
              );
            }}
          </For>
        </Show>
      </div>
      <div class="card">
        <h2>{t('hardship.funds.byKind')}</h2>
        <ul>
          <For each={AID_KINDS.filter((k) => data()?.byKind[k])}>{(k) => <li>{t(`hardship.kind.${k}`)}：{yuan(data()!.byKind[k])}</li>}</For>
        </ul>
      </div>
      <Show when={hasRole('federation_admin')}>
        <form class="card" onSubmit={(e) => void save(e)}>
          <h2>{t('hardship.funds.set')}</h2>
          <Field id="hs-fund-source" label={t('hardship.fundSource')} required>
            <select id="hs-fund-source" value={source()} onChange={(e) => setSource(e.currentTarget.value)}>
              <For each={FUND_SOURCES}>{(s) => <option value={s}>{t(`hardship.source.${s}`)}</option>}</For>
            </select>
          </Field>
          <Input id="hs-fund-budget" label={t('hardship.funds.budget')} required hint={t('hardship.yuanHint')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} value={budget()} onValue={setBudget} />
          <button type="submit" class="btn btn--primary">{t('common.save')}</button>
        </form>
        <form class="card" data-testid="hs-required-documents" onSubmit={(e) => void saveRequired(e)}>
          <fieldset>
            <legend>{t('hardship.doc.requiredSetting')}</legend>
            <For each={DocumentKind.values}>
              {(kind) => (
                <label class="check">
                  <input type="checkbox" name="requiredDocuments" value={kind} checked={requiredKinds().includes(kind)} onChange={(e) => toggleRequired(kind, e.currentTarget.checked)} /> {t(`hardship.doc.kind.${kind}`)}
                </label>
              )}
            </For>
          </fieldset>
          <button type="submit" class="btn" disabled={!rules()}>{t('hardship.doc.saveRequired')}</button>
        </form>
        <form class="card" data-testid="hs-education-amounts" onSubmit={(e) => void saveEducation(e)}>
          <fieldset>
            <legend>{t('hardship.edu.perStudent')}</legend>
            <Input id="hs-edu-higher" name="educationHigher" label={t('hardship.edu.higherAmount')} required hint={t('hardship.yuanHint')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} value={eduText(eduHigher(), rules()?.educationPerStudent.higher)} onValue={setEduHigher} />
            <Input id="hs-edu-high-school" name="educationHighSchool" label={t('hardship.edu.highSchoolAmount')} required hint={t('hardship.yuanHint')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} value={eduText(eduHighSchool(), rules()?.educationPerStudent.high_school)} onValue={setEduHighSchool} />
          </fieldset>
          <button type="submit" class="btn" disabled={!rules()}>{t('hardship.edu.save')}</button>
        </form>
        <form class="card" onSubmit={(e) => void saveThreshold(e)}>
          <Input id="hs-approval-threshold" label={t('hardship.approval.threshold')} hint={t('hardship.yuanHint')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} value={thresholdText()} onValue={setThreshold} />
          <button type="submit" class="btn" disabled={!rules()}>{t('hardship.approval.saveThreshold')}</button>
        </form>
      </Show>
      <TemporaryAid year={year()} onGranted={() => void refetch()} />
      <div class="card" data-testid="approval-queue">
        <h2>{t('hardship.approval.queue')}</h2>
        <Show when={pending()?.length} fallback={<p class="muted">{t('hardship.approval.queueEmpty')}</p>}>
          <ul>
            <For each={pending()}>
              {(r) => (
                <li>
                  <A href={`/hardship/files/${r.fileId}`}>{r.fileId}</A> · {r.requestedOn} · {t(`hardship.kind.${r.kind}`)} · <strong>{yuan(r.amountFen)}</strong>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </section>
  );
}
