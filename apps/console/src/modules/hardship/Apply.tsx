import { A, useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, onCleanup, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { Input } from '../../components/Input';
import { createFieldErrors } from '../../forms';
import { lang, t } from '../../i18n';
import { me } from '../../session';
import { errorText, showToast } from '../../toast';
import { checkIdNumber, ConsentField, createHousehold, createWorkerContact, HouseholdFields, IdNumberInput, idOf, UnitField, WorkerContactFields } from './Household';
import { explanationOf, type SelfTestResult } from './shared';
import './hardship.css';
import { limits } from '@ufp/core/validation/limits';

/** Step-by-step application (phone-first): applicant → household (live tier estimate) → preview and consent. */
export default function HardshipApply() {
  const navigate = useNavigate();
  const errors = createFieldErrors();
  const [step, setStep] = createSignal(1);
  const [unitId, setUnitId] = createSignal(me()?.unitId ?? '');
  const [name, setName] = createSignal('');
  const [idNumber, setIdNumber] = createSignal('');
  const contact = createWorkerContact();
  const household = createHousehold();
  const [consent, setConsent] = createSignal(false);
  const [preview, setPreview] = createSignal<SelfTestResult>();
  const [live, setLive] = createSignal<SelfTestResult>();
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const isReporter = () => !!me()?.unitId;
  const fields = () => ['unitId', 'worker.name', 'worker.idNumber', ...contact.fields, ...household.fields(), 'consentGiven'];

  /** The figures the self-test takes, or undefined while a money field is not a valid amount. */
  const figures = () => {
    const f = household.figures();
    return f && ({ tenantId: me()?.tenantId, ...f } as InputOf<'hardship.selfTest'>);
  };

  // The tier estimate follows the household figures as they are typed (the public self-test, debounced).
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  let liveSeq = 0;
  // Keyed by the figures' text, so typing a member's name does not ask again.
  const figuresKey = createMemo(() => (step() === 2 ? JSON.stringify(figures() ?? null) : 'null'));
  createEffect(() => {
    const f = JSON.parse(figuresKey()) as InputOf<'hardship.selfTest'> | null;
    clearTimeout(liveTimer);
    const seq = ++liveSeq;
    if (!f) return setLive(undefined);
    liveTimer = setTimeout(() => {
      query('hardship.selfTest', f).then(
        (r) => seq === liveSeq && setLive(r),
        () => seq === liveSeq && setLive(undefined),
      );
    }, 400);
  });
  onCleanup(() => clearTimeout(liveTimer));

  function checkStep1(): boolean {
    const e: Record<string, () => string> = {};
    if (!unitId()) e.unitId = () => t('hardship.err.unit');
    if (!name().trim()) e['worker.name'] = () => t('hardship.err.name');
    // The same rule as the server (full-width digits and spaces around the number are fine).
    Object.assign(e, checkIdNumber(idNumber(), 'worker.idNumber', true));
    errors.setErrors(e);
    return Object.keys(e).length === 0;
  }

  function toStep2() {
    if (!checkStep1()) return;
    // The first member is the applicant.
    const [first, ...rest] = household.members();
    if (first && first.relation === '本人' && !first.name.trim()) household.setMembers([{ ...first, name: name().trim() }, ...rest]);
    setStep(2);
  }

  function checkStep2(): boolean {
    const e = household.check();
    errors.setErrors(e);
    return Object.keys(e).length === 0;
  }

  async function toPreview() {
    if (!checkStep2()) return;
    setFormError(undefined);
    try {
      const r = await query('hardship.selfTest', figures() as InputOf<'hardship.selfTest'>); // the server validates the form (its field errors are shown)
      setPreview(r);
      setStep(3);
    } catch (e) {
      setFormError(e);
    }
  }

  async function submit() {
    if (!consent()) {
      errors.setErrors({ consentGiven: () => t('hardship.err.consent') });
      return;
    }
    setBusy(true);
    setFormError(undefined);
    try {
      const file = await mutate('hardship.files.create', ({
        unitId: unitId(),
        worker: { name: name().trim(), idNumber: idOf(idNumber()), ...contact.input() },
        household: household.input(),
        consentGiven: true,
      }) as InputOf<'hardship.files.create'>); // the server validates the form (its field errors are shown)
      await mutate('hardship.files.submit', { fileId: file.fileId, version: file.version });
      showToast('success', () => t('hardship.apply.done', { fileNo: file.fileId }), 8_000);
      navigate(`/hardship/files/${file.fileId}`);
    } catch (e) {
      const rest = errors.fromServer(e, fields());
      const f = Object.keys(errors.errors());
      if (f.some((k) => k.startsWith('worker') || k === 'unitId')) setStep(1);
      else if (f.some((k) => k.startsWith('household'))) setStep(2);
      if (rest.length > 0 || f.length === 0) setFormError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="hs-apply-title" class="narrow hs-apply">
      <p class="crumbs">
        <A href="/hardship">← {t('hardship.title')}</A>
      </p>
      <h1 id="hs-apply-title">{t('hardship.apply.title')}</h1>
      <ol class="hs-steps">
        <li aria-current={step() === 1 ? 'step' : undefined}>1. {t('hardship.apply.step1')}</li>
        <li aria-current={step() === 2 ? 'step' : undefined}>2. {t('hardship.apply.step2')}</li>
        <li aria-current={step() === 3 ? 'step' : undefined}>3. {t('hardship.apply.step3')}</li>
      </ol>
      <Show when={formError()}>
        <Banner kind="error">{errorText(formError(), { staleOnConflict: false })}</Banner>
      </Show>
      <div class="card">
        <Show when={step() === 1}>
          <form class="form" noValidate onSubmit={(e) => { e.preventDefault(); toStep2(); }}>
            <Show when={!isReporter()}>
              <UnitField id="hs-unit" value={unitId()} onValue={setUnitId} errors={errors} />
            </Show>
            <Input id="hs-name" label={t('hardship.worker.name')} required autocomplete="off" rule={limits.hardship.personName} error={errors.get('worker.name')} value={name()} onValue={(v) => { setName(v); errors.drop('worker.name'); }} />
            <IdNumberInput id="hs-id" label={t('hardship.worker.idNumber')} required error={errors.get('worker.idNumber')} value={idNumber()} onValue={(v) => { setIdNumber(v); errors.drop('worker.idNumber'); }} />
            <WorkerContactFields form={contact} errors={errors} prefix="hs" />
            <div class="form__actions">
              <button type="submit" class="btn btn--primary">{t('hardship.next')}</button>
            </div>
          </form>
        </Show>
        <Show when={step() === 2}>
          <form class="form" noValidate onSubmit={(e) => { e.preventDefault(); void toPreview(); }}>
            <HouseholdFields form={household} errors={errors} prefix="hs" />
            <div class="hs-live" aria-live="polite" data-testid="tier-live">
              <Show when={live()} fallback={<span class="muted">{t('hardship.livePreviewHint')}</span>}>
                {(r) => (
                  <>
                    <span>{t('hardship.livePreview')}：</span>
                    <span class={`hs-tier hs-tier--${r().tier}`}>{lang() === 'en' ? r().tierLabelEn : r().tierLabel}</span>
                    <span class="hs-live__explain">{explanationOf(r())}</span>
                  </>
                )}
              </Show>
            </div>
            <div class="form__actions">
              <button type="button" class="btn" onClick={() => setStep(1)}>{t('hardship.prev')}</button>
              <button type="submit" class="btn btn--primary">{t('hardship.preview')}</button>
            </div>
          </form>
        </Show>
        <Show when={step() === 3 && preview()}>
          {(r) => (
            <div>
              <h2>{t('hardship.previewTitle')}</h2>
              <p>
                <span class={`hs-tier hs-tier--${r().tier}`} data-testid="tier-preview">{lang() === 'en' ? r().tierLabelEn : r().tierLabel}</span>
              </p>
              <p class="hs-explain">{explanationOf(r())}</p>
              <ConsentField checked={consent()} onChange={setConsent} errors={errors} />
              <div class="form__actions">
                <button type="button" class="btn" onClick={() => setStep(2)}>{t('hardship.prev')}</button>
                <button type="button" class="btn btn--primary" disabled={busy()} onClick={() => void submit()}>
                  {busy() ? t('common.saving') : t('hardship.apply.submit')}
                </button>
              </div>
            </div>
          )}
        </Show>
      </div>
    </section>
  );
}
