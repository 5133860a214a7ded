import { A, useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, Index, onCleanup, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { createFieldErrors } from '../../forms';
import { lang, t } from '../../i18n';
import { me } from '../../session';
import { errorText, showToast } from '../../toast';
import { checkIdNumberLive } from './id-check';
import { EVENTS, explanationOf, parseYuan, type SelfTestResult } from './shared';
import './hardship.css';
import { IDENTIFIER_INPUT_MAX, limits, MONEY_INPUT_MAX } from '@ufp/core/validation/limits';

interface Member {
  relation: string;
  name: string;
  /** Optional; checked as it is typed like the applicant's. */
  idNumber: string;
  /** Optional, in yuan as typed. */
  income: string;
}

const FIELDS = ['unitId', 'worker.name', 'worker.idNumber', 'worker.phone', 'worker.employmentStart', 'household.annualIncomeFen', 'household.rigidExpensesFen', 'household.members', 'consentGiven'];

const emptyMember = (relation = ''): Member => ({ relation, name: '', idNumber: '', income: '' });

/** The live state of an ID number under its input: how many typed, what is wrong (the server's rule), or valid. */
function IdStatus(props: { id: string; value: string; hidden?: boolean }) {
  const check = createMemo(() => checkIdNumberLive(props.value));
  const text = () => {
    const c = check();
    switch (c.state) {
      case 'empty':
        return '';
      case 'partial':
        return t('hardship.id.partial', { n: c.length });
      case 'error':
        return lang() === 'en' ? c.reason.en : c.reason.zh;
      case 'ok':
        return t('hardship.id.ok', { date: c.birthDate });
    }
  };
  return (
    <p
      id={`${props.id}-live`}
      class="field__live"
      classList={{ 'field__live--ok': check().state === 'ok', 'field__live--error': check().state === 'error' }}
      aria-live="polite"
      data-testid={`${props.id}-live`}
      hidden={props.hidden || check().state === 'empty'}
    >
      {text()}
    </p>
  );
}

/** Step-by-step application (phone-first): applicant → household (live tier estimate) → preview and consent. */
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
  const [members, setMembers] = createSignal<Member[]>([emptyMember('本人')]);
  const [income, setIncome] = createSignal('');
  const [rigid, setRigid] = createSignal('0');
  const [costs, setCosts] = createSignal('');
  const [events, setEvents] = createSignal<string[]>([]);
  const [causes, setCauses] = createSignal('');
  const [consent, setConsent] = createSignal(false);
  const [preview, setPreview] = createSignal<SelfTestResult>();
  const [live, setLive] = createSignal<SelfTestResult>();
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const isReporter = () => !!me()?.unitId;
  const [units] = createResource(() => !isReporter() && me(), () => query('units.list', { limit: 200 }));

  const setMember = (i: number, patch: Partial<Member>) => setMembers(members().map((m, j) => (j === i ? { ...m, ...patch } : m)));
  /** Typing in a field clears its error from the last check. */
  const clearError = (field: string) => {
    if (!errors.get(field)) return;
    const { [field]: _gone, ...rest } = errors.errors();
    errors.setErrors(rest);
  };

  /** The figures the self-test takes, or undefined while a money field is not a valid amount. */
  const figures = () => {
    const annualIncomeFen = parseYuan(income());
    const rigidExpensesFen = parseYuan(rigid());
    const hardshipCostsFen = costs().trim() ? parseYuan(costs()) : undefined;
    if (annualIncomeFen === undefined || rigidExpensesFen === undefined || (costs().trim() && hardshipCostsFen === undefined)) return undefined;
    return { tenantId: me()?.tenantId, householdSize: members().length, annualIncomeFen, rigidExpensesFen, hardshipCostsFen, events: events() } as InputOf<'hardship.selfTest'>;
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
    const id = checkIdNumberLive(idNumber());
    if (id.state === 'error') e['worker.idNumber'] = () => (lang() === 'en' ? id.reason.en : id.reason.zh);
    else if (id.state !== 'ok') e['worker.idNumber'] = () => t('hardship.err.idNumber');
    errors.setErrors(e);
    return Object.keys(e).length === 0;
  }

  function toStep2() {
    if (!checkStep1()) return;
    // The first member is the applicant.
    const [first, ...rest] = members();
    if (first && first.relation === '本人' && !first.name.trim()) setMembers([{ ...first, name: name().trim() }, ...rest]);
    setStep(2);
  }

  function checkStep2(): boolean {
    const e: Record<string, () => string> = {};
    if (parseYuan(income()) === undefined) e['household.annualIncomeFen'] = () => t('hardship.err.money');
    if (parseYuan(rigid()) === undefined) e['household.rigidExpensesFen'] = () => t('hardship.err.money');
    if (costs().trim() && parseYuan(costs()) === undefined) e['household.hardshipCostsFen'] = () => t('hardship.err.money');
    if (members().some((m) => !m.name.trim() || !m.relation.trim())) e['household.members'] = () => t('hardship.err.members');
    members().forEach((m, i) => {
      const id = checkIdNumberLive(m.idNumber);
      if (id.state === 'error') e[`members.${i}.idNumber`] = () => (lang() === 'en' ? id.reason.en : id.reason.zh);
      else if (id.state === 'partial') e[`members.${i}.idNumber`] = () => t('hardship.err.idNumber');
      if (m.income.trim() && parseYuan(m.income) === undefined) e[`members.${i}.income`] = () => t('hardship.err.money');
    });
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
      const idOf = (raw: string) => {
        const c = checkIdNumberLive(raw);
        return c.state === 'ok' ? c.value : raw.trim() ? raw.trim().toUpperCase() : undefined;
      };
      const file = await mutate('hardship.files.create', ({
        unitId: unitId(),
        worker: { name: name().trim(), idNumber: idOf(idNumber()), phone: phone().trim() || undefined, migrant: migrant(), employmentStart: employmentStart() || undefined },
        household: {
          members: members().map((m) => ({
            relation: m.relation.trim(),
            name: m.name.trim(),
            idNumber: idOf(m.idNumber),
            annualIncomeFen: m.income.trim() ? parseYuan(m.income) : undefined,
          })),
          annualIncomeFen: parseYuan(income()),
          rigidExpensesFen: parseYuan(rigid()),
          hardshipCostsFen: costs().trim() ? parseYuan(costs()) : undefined,
          causes: causes().trim() ? [causes().trim()] : [],
          events: events(),
        },
        consentGiven: true,
      }) as InputOf<'hardship.files.create'>); // the server validates the form (its field errors are shown)
      await mutate('hardship.files.submit', { fileId: file.fileId, version: file.version });
      showToast('success', () => t('hardship.apply.done', { fileNo: file.fileId }), 8_000);
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
              <Field id="hs-unit" label={t('hardship.unit')} required error={errors.get('unitId')}>
                <select id="hs-unit" value={unitId()} aria-required="true" onChange={(e) => { setUnitId(e.currentTarget.value); clearError('unitId'); }}>
                  <option value="">{t('hardship.chooseUnit')}</option>
                  <For each={units()?.items ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
                </select>
              </Field>
            </Show>
            <Input id="hs-name" label={t('hardship.worker.name')} required autocomplete="off" rule={limits.hardship.personName} error={errors.get('worker.name')} value={name()} onValue={(v) => { setName(v); clearError('worker.name'); }} />
            <Input
              id="hs-id"
              label={t('hardship.worker.idNumber')}
              required
              live
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              maxLength={IDENTIFIER_INPUT_MAX}
              error={errors.get('worker.idNumber')}
              value={idNumber()}
              onValue={(v) => { setIdNumber(v); clearError('worker.idNumber'); }}
              extra={<IdStatus id="hs-id" value={idNumber()} hidden={!!errors.get('worker.idNumber')} />}
            />
            <Input id="hs-phone" type="tel" inputmode="tel" label={t('hardship.worker.phone')} maxLength={IDENTIFIER_INPUT_MAX} error={errors.get('worker.phone')} value={phone()} onValue={(v) => { setPhone(v); clearError('worker.phone'); }} />
            <div class="field">
              <label class="check">
                <input type="checkbox" checked={migrant()} onChange={(e) => setMigrant(e.currentTarget.checked)} /> {t('hardship.worker.migrant')}
              </label>
            </div>
            <Show when={migrant()}>
              <Input id="hs-emp" type="date" label={t('hardship.worker.employmentStart')} error={errors.get('worker.employmentStart')} value={employmentStart()} onValue={setEmploymentStart} />
            </Show>
            <div class="form__actions">
              <button type="submit" class="btn btn--primary">{t('hardship.next')}</button>
            </div>
          </form>
        </Show>
        <Show when={step() === 2}>
          <form class="form" noValidate onSubmit={(e) => { e.preventDefault(); void toPreview(); }}>
            <fieldset class="field">
              <legend>{t('hardship.members')}</legend>
              <div class="hs-members">
                <Index each={members()}>
                  {(m, i) => (
                    <fieldset class="hs-member" data-testid="hs-member">
                      <legend class="hs-member__title">{t('hardship.member.card', { n: i + 1 })}</legend>
                      <button
                        type="button"
                        class="btn btn--small hs-member__remove"
                        aria-label={t('hardship.member.removeNamed', { n: i + 1 })}
                        disabled={members().length === 1}
                        onClick={() => setMembers(members().filter((_, j) => j !== i))}
                      >
                        ✕ {t('hardship.member.remove')}
                      </button>
                      <div class="hs-member__fields">
                        <Input id={`hs-m${i}-relation`} label={t('hardship.member.relation')} required rule={limits.hardship.relation} value={m().relation} onValue={(v) => setMember(i, { relation: v })} />
                        <Input id={`hs-m${i}-name`} label={t('hardship.member.name')} required autocomplete="off" rule={limits.hardship.personName} value={m().name} onValue={(v) => setMember(i, { name: v })} />
                        <Input
                          id={`hs-m${i}-id`}
                          label={t('hardship.member.idNumber')}
                          live
                          autocomplete="off"
                          autocapitalize="characters"
                          spellcheck={false}
                          maxLength={IDENTIFIER_INPUT_MAX}
                          error={errors.get(`members.${i}.idNumber`)}
                          value={m().idNumber}
                          onValue={(v) => { setMember(i, { idNumber: v }); clearError(`members.${i}.idNumber`); }}
                          extra={<IdStatus id={`hs-m${i}-id`} value={m().idNumber} hidden={!!errors.get(`members.${i}.idNumber`)} />}
                        />
                        <Input
                          id={`hs-m${i}-income`}
                          label={t('hardship.member.income')}
                          inputmode="decimal"
                          maxLength={MONEY_INPUT_MAX}
                          error={errors.get(`members.${i}.income`)}
                          value={m().income}
                          onValue={(v) => { setMember(i, { income: v }); clearError(`members.${i}.income`); }}
                        />
                      </div>
                    </fieldset>
                  )}
                </Index>
              </div>
              <Show when={errors.get('household.members')}>{(e) => <span class="field__error" role="alert">{e()()}</span>}</Show>
              <div>
                <button type="button" class="btn btn--small" disabled={members().length >= 20} onClick={() => setMembers([...members(), emptyMember()])}>
                  + {t('hardship.member.add')}
                </button>
              </div>
            </fieldset>
            <Input id="hs-income" label={t('hardship.income')} required inputmode="decimal" maxLength={MONEY_INPUT_MAX} hint={t('hardship.yuanHint')} error={errors.get('household.annualIncomeFen')} value={income()} onValue={(v) => { setIncome(v); clearError('household.annualIncomeFen'); }} />
            <Input id="hs-rigid" label={t('hardship.rigid')} required inputmode="decimal" maxLength={MONEY_INPUT_MAX} hint={t('hardship.rigidHint')} error={errors.get('household.rigidExpensesFen')} value={rigid()} onValue={(v) => { setRigid(v); clearError('household.rigidExpensesFen'); }} />
            <Input id="hs-costs" label={t('hardship.costs')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} error={errors.get('household.hardshipCostsFen')} value={costs()} onValue={(v) => { setCosts(v); clearError('household.hardshipCostsFen'); }} />
            <fieldset class="field">
              <legend>{t('hardship.events')}</legend>
              <For each={EVENTS}>
                {(ev) => (
                  <label class="block-label check">
                    <input type="checkbox" checked={events().includes(ev)} onChange={(e) => setEvents(e.currentTarget.checked ? [...events(), ev] : events().filter((x) => x !== ev))} /> {t(`hardship.event.${ev}`)}
                  </label>
                )}
              </For>
            </fieldset>
            <Input id="hs-causes" label={t('hardship.causes')} rule={limits.hardship.cause} value={causes()} onValue={setCauses} />
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
              <div class="field" classList={{ 'field--invalid': !!errors.get('consentGiven') }}>
                <label class="check">
                  <input type="checkbox" checked={consent()} onChange={(e) => { setConsent(e.currentTarget.checked); clearError('consentGiven'); }} /> {t('hardship.consent')}
                </label>
                <Show when={errors.get('consentGiven')}>{(e) => <span class="field__error" role="alert">{e()()}</span>}</Show>
              </div>
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
