import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Index, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { createFieldErrors } from '../../forms';
import { lang, t } from '../../i18n';
import { me } from '../../session';
import { errorText, showToast } from '../../toast';
import { EVENTS, explanationOf, parseYuan, type SelfTestResult } from './shared';
import './hardship.css';
import { normalizeIdentifier } from '@ufp/core/validation/identifiers';
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';

interface Member {
  relation: string;
  name: string;
}

const FIELDS = ['unitId', 'worker.name', 'worker.idNumber', 'worker.phone', 'worker.employmentStart', 'household.annualIncomeFen', 'household.rigidExpensesFen', 'household.members', 'consentGiven'];

/** Step-by-step application (phone-first): applicant → household → preview and consent. */
export default function HardshipApply() {
  const navigate = useNavigate();
  const errors = createFieldErrors();
  const [step, setStep] = createSignal(1);
  const [unitId, setUnitId] = createSignal(me()?.unitId ?? '');
  const [name, setName] = createSignal('');
  const [idNumber, setIdNumber] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [migrant, setMigrant] = createSignal(false);
  const [employmentStart, setEmploymentStart] = createSignal('');
  const [members, setMembers] = createSignal<Member[]>([{ relation: '本人', name: '' }]);
  const [income, setIncome] = createSignal('');
  const [rigid, setRigid] = createSignal('0');
  const [costs, setCosts] = createSignal('');
  const [events, setEvents] = createSignal<string[]>([]);
  const [causes, setCauses] = createSignal('');
  const [consent, setConsent] = createSignal(false);
  const [preview, setPreview] = createSignal<SelfTestResult>();
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const isReporter = () => !!me()?.unitId;
  const [units] = createResource(() => !isReporter() && me(), () => query('units.list', { limit: 200 }));

  const setMember = (i: number, patch: Partial<Member>) => setMembers(members().map((m, j) => (j === i ? { ...m, ...patch } : m)));

  function checkStep1(): boolean {
    const e: Record<string, () => string> = {};
    if (!unitId()) e.unitId = () => t('hardship.err.unit');
    if (!name().trim()) e['worker.name'] = () => t('hardship.err.name');
    // The same normalisation as the server: full-width digits and spaces around the number are fine.
    if (!/^\d{17}[\dX]$/.test(normalizeIdentifier(idNumber()).toUpperCase())) e['worker.idNumber'] = () => t('hardship.err.idNumber');
    errors.setErrors(e);
    return Object.keys(e).length === 0;
  }

  function checkStep2(): boolean {
    const e: Record<string, () => string> = {};
    if (parseYuan(income()) === undefined) e['household.annualIncomeFen'] = () => t('hardship.err.money');
    if (parseYuan(rigid()) === undefined) e['household.rigidExpensesFen'] = () => t('hardship.err.money');
    if (costs().trim() && parseYuan(costs()) === undefined) e['household.hardshipCostsFen'] = () => t('hardship.err.money');
    if (members().some((m) => !m.name.trim() || !m.relation.trim())) e['household.members'] = () => t('hardship.err.members');
    errors.setErrors(e);
    return Object.keys(e).length === 0;
  }

  async function toPreview() {
    if (!checkStep2()) return;
    setFormError(undefined);
    try {
      const r = await query('hardship.selfTest', ({
        tenantId: me()?.tenantId,
        householdSize: members().length,
        annualIncomeFen: parseYuan(income()),
        rigidExpensesFen: parseYuan(rigid()),
        hardshipCostsFen: costs().trim() ? parseYuan(costs()) : undefined,
        events: events(),
      }) as InputOf<'hardship.selfTest'>); // the server validates the form (its field errors are shown)
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
        worker: { name: name().trim(), idNumber: idNumber().trim().toUpperCase(), phone: phone().trim() || undefined, migrant: migrant(), employmentStart: employmentStart() || undefined },
        household: {
          members: members().map((m) => ({ relation: m.relation.trim(), name: m.name.trim() })),
          annualIncomeFen: parseYuan(income()),
          rigidExpensesFen: parseYuan(rigid()),
          hardshipCostsFen: costs().trim() ? parseYuan(costs()) : undefined,
          causes: causes().trim() ? [causes().trim()] : [],
          events: events(),
        },
        consentGiven: true,
      }) as InputOf<'hardship.files.create'>); // the server validates the form (its field errors are shown)
      await mutate('hardship.files.submit', { fileId: file.fileId, version: file.version });
      showToast('success', () => t('hardship.apply.done'));
      navigate(`/hardship/files/${file.fileId}`);
    } catch (e) {
      const rest = errors.fromServer(e, FIELDS);
      const f = Object.keys(errors.errors());
      if (f.some((k) => k.startsWith('worker') || k === 'unitId')) setStep(1);
      else if (f.some((k) => k.startsWith('household'))) setStep(2);
      if (rest.length > 0 || f.length === 0) setFormError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="hs-apply-title" class="narrow">
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
          <form onSubmit={(e) => { e.preventDefault(); if (checkStep1()) setStep(2); }}>
            <Show when={!isReporter()}>
              <Field id="hs-unit" label={t('hardship.unit')} required error={errors.get('unitId')}>
                <select id="hs-unit" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)}>
                  <option value="">{t('hardship.chooseUnit')}</option>
                  <For each={units()?.items ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
                </select>
              </Field>
            </Show>
            <Field id="hs-name" label={t('hardship.worker.name')} required error={errors.get('worker.name')}>
              <input id="hs-name" autocomplete="off" maxLength={limits.hardship.personName.max} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
            </Field>
            <Field id="hs-id" label={t('hardship.worker.idNumber')} required error={errors.get('worker.idNumber')}>
              <input id="hs-id" inputmode="text" autocomplete="off" maxLength={IDENTIFIER_INPUT_MAX} value={idNumber()} onInput={(e) => setIdNumber(e.currentTarget.value)} />
            </Field>
            <Field id="hs-phone" label={t('hardship.worker.phone')} error={errors.get('worker.phone')}>
              <input id="hs-phone" type="tel" inputmode="tel" maxLength={IDENTIFIER_INPUT_MAX} value={phone()} onInput={(e) => setPhone(e.currentTarget.value)} />
            </Field>
            <div class="field">
              <label>
                <input type="checkbox" checked={migrant()} onChange={(e) => setMigrant(e.currentTarget.checked)} /> {t('hardship.worker.migrant')}
              </label>
            </div>
            <Show when={migrant()}>
              <Field id="hs-emp" label={t('hardship.worker.employmentStart')} error={errors.get('worker.employmentStart')}>
                <input id="hs-emp" type="date" value={employmentStart()} onInput={(e) => setEmploymentStart(e.currentTarget.value)} />
              </Field>
            </Show>
            <button type="submit" class="btn btn--primary">{t('hardship.next')}</button>
          </form>
        </Show>
        <Show when={step() === 2}>
          <form onSubmit={(e) => { e.preventDefault(); void toPreview(); }}>
            <fieldset class="field">
              <legend>{t('hardship.members')}</legend>
              <div class="hs-members">
                <Index each={members()}>
                  {(m, i) => (
                    <div class="hs-member">
                      <input aria-label={`${t('hardship.member.relation')} ${i + 1}`} maxLength={limits.hardship.relation.max} value={m().relation} onInput={(e) => setMember(i, { relation: e.currentTarget.value })} />
                      <input aria-label={`${t('hardship.member.name')} ${i + 1}`} maxLength={limits.hardship.personName.max} value={m().name} onInput={(e) => setMember(i, { name: e.currentTarget.value })} />
                      <button type="button" class="btn btn--small" disabled={members().length === 1} onClick={() => setMembers(members().filter((_, j) => j !== i))}>
                        {t('hardship.member.remove')}
                      </button>
                    </div>
                  )}
                </Index>
              </div>
              <Show when={errors.get('household.members')}>{(e) => <span class="field__error" role="alert">{e()()}</span>}</Show>
              <button type="button" class="btn btn--small" onClick={() => setMembers([...members(), { relation: '', name: '' }])}>
                {t('hardship.member.add')}
              </button>
            </fieldset>
            <Field id="hs-income" label={t('hardship.income')} required hint={t('hardship.yuanHint')} error={errors.get('household.annualIncomeFen')}>
              <input id="hs-income" inputmode="decimal" value={income()} onInput={(e) => setIncome(e.currentTarget.value)} />
            </Field>
            <Field id="hs-rigid" label={t('hardship.rigid')} required hint={t('hardship.rigidHint')} error={errors.get('household.rigidExpensesFen')}>
              <input id="hs-rigid" inputmode="decimal" value={rigid()} onInput={(e) => setRigid(e.currentTarget.value)} />
            </Field>
            <Field id="hs-costs" label={t('hardship.costs')} error={errors.get('household.hardshipCostsFen')}>
              <input id="hs-costs" inputmode="decimal" value={costs()} onInput={(e) => setCosts(e.currentTarget.value)} />
            </Field>
            <fieldset class="field">
              <legend>{t('hardship.events')}</legend>
              <For each={EVENTS}>
                {(ev) => (
                  <label class="block-label">
                    <input type="checkbox" checked={events().includes(ev)} onChange={(e) => setEvents(e.currentTarget.checked ? [...events(), ev] : events().filter((x) => x !== ev))} /> {t(`hardship.event.${ev}`)}
                  </label>
                )}
              </For>
            </fieldset>
            <Field id="hs-causes" label={t('hardship.causes')}>
              <input id="hs-causes" maxLength={limits.hardship.cause.max} value={causes()} onInput={(e) => setCauses(e.currentTarget.value)} />
            </Field>
            <div class="filters__actions">
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
              <div class="field" classList={{ 'field--invalid': !!errors.get('consentGiven') }}>
                <label>
                  <input type="checkbox" checked={consent()} onChange={(e) => setConsent(e.currentTarget.checked)} /> {t('hardship.consent')}
                </label>
                <Show when={errors.get('consentGiven')}>{(e) => <span class="field__error" role="alert">{e()()}</span>}</Show>
              </div>
              <div class="filters__actions">
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
