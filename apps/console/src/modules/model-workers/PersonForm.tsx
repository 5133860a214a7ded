import { createMemo, createResource, createSignal, For, Index, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { SaveError } from '../../components/RecordMissing';
import { createFieldErrors } from '../../forms';
import { lang, t } from '../../i18n';
import { isStale } from '../../toast';
import { checkIdNumberLive } from '../hardship/id-check';
import { enumLabel, enums, type PersonDetail } from './shared';
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';

type CreateInput = InputOf<'modelWorkers.people.create'>;
type Employment = { employer: string; from: string; to: string; position: string };
type Deputy = { body: string; level: string; term: string };

const m = limits.modelWorkers;
const FIELDS = ['idNumber', 'name', 'ethnicity', 'politicalStatus', 'education', 'occupation', 'skillGrade', 'trade', 'unitId', 'phone', 'employers', 'deputies'];

/** The ID number's live state: what is wrong (the server's own rule), or the birth date and gender it gives. */
function IdStatus(props: { id: string; value: string; hidden: boolean }) {
  const check = createMemo(() => checkIdNumberLive(props.value));
  const text = () => {
    const c = check();
    if (c.state === 'partial') return t('modelWorkers.form.idPartial', { n: c.length });
    if (c.state === 'error') return lang() === 'en' ? c.reason.en : c.reason.zh;
    if (c.state === 'ok') return t('modelWorkers.form.idOk', { date: c.birthDate, gender: enumLabel(enums.Gender, Number(c.value.charAt(16)) % 2 === 1 ? 'male' : 'female') });
    return '';
  };
  return (
    <p id={`${props.id}-live`} class="field__live" classList={{ 'field__live--ok': check().state === 'ok', 'field__live--error': check().state === 'error' }} aria-live="polite" data-testid="mw-id-live" hidden={props.hidden || check().state === 'empty'}>
      {text()}
    </p>
  );
}

/**
 * A person's record: new (with the ID number, checked as typed) or a correction of an existing one (the ID
 * stays; the version read is sent, and a stale save offers a reload that keeps what was typed).
 */
export function PersonForm(props: { person?: PersonDetail; version?: () => number; onReload?: () => void; onSaved: (p: { personId: string }) => void; onCancel?: () => void }) {
  const p = props.person;
  const errors = createFieldErrors();
  const [idNumber, setIdNumber] = createSignal('');
  const [name, setName] = createSignal(p?.name ?? '');
  const [ethnicity, setEthnicity] = createSignal(p?.ethnicity ?? '汉族');
  const [political, setPolitical] = createSignal<string>(p?.politicalStatus ?? 'masses');
  const [education, setEducation] = createSignal<string>(p?.education ?? 'secondary');
  const [occupation, setOccupation] = createSignal<string>(p?.occupation ?? 'frontline');
  const [migrant, setMigrant] = createSignal(p?.migrantWorker ?? false);
  const [skill, setSkill] = createSignal<string>(p?.skillGrade ?? 'none');
  const [trade, setTrade] = createSignal(p?.trade ?? '');
  const [unitId, setUnitId] = createSignal(p?.unitId ?? '');
  const [phone, setPhone] = createSignal('');
  const [employers, setEmployers] = createSignal<Employment[]>((p?.employers ?? []).map((e) => ({ employer: e.employer, from: e.from, to: e.to ?? '', position: e.position ?? '' })));
  const [deputies, setDeputies] = createSignal<Deputy[]>((p?.deputies ?? []).map((d) => ({ ...d })));
  const [busy, setBusy] = createSignal(false);
  const [saveError, setSaveError] = createSignal<unknown>();
  const [units] = createResource(() => query('units.list', { limit: 200 }));
  const editing = !!p;

  const setEmp = (i: number, patch: Partial<Employment>) => setEmployers(employers().map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const setDep = (i: number, patch: Partial<Deputy>) => setDeputies(deputies().map((d, j) => (j === i ? { ...d, ...patch } : d)));

  function fields() {
    return {
      name: name().trim(),
      ethnicity: ethnicity().trim() || '汉族',
      politicalStatus: political(),
      education: education(),
      occupation: occupation(),
      migrantWorker: migrant(),
      skillGrade: skill(),
      ...(trade().trim() ? { trade: trade().trim() } : {}),
      ...(unitId() ? { unitId: unitId() } : {}),
      ...(phone().trim() ? { phone: phone().trim() } : {}),
      employers: employers().map((e) => ({ employer: e.employer.trim(), from: e.from, ...(e.to ? { to: e.to } : {}), ...(e.position.trim() ? { position: e.position.trim() } : {}) })),
      deputies: deputies().map((d) => ({ body: d.body, level: d.level, term: d.term.trim() })),
    } as Omit<CreateInput, 'idNumber'>;
  }

  async function submit() {
    errors.clear();
    setSaveError(undefined);
    if (!editing) {
      const c = checkIdNumberLive(idNumber());
      if (c.state !== 'ok') {
        errors.setErrors({ idNumber: () => (c.state === 'error' ? (lang() === 'en' ? c.reason.en : c.reason.zh) : t('modelWorkers.form.idIncomplete')) });
        return;
      }
    }
    if (!name().trim()) {
      errors.setErrors({ name: () => t('modelWorkers.form.nameRequired') });
      return;
    }
    setBusy(true);
    try {
      const saved = p
        ? await mutate('modelWorkers.people.update', { personId: p.personId, version: props.version?.() ?? p.version, ...fields() })
        : await mutate('modelWorkers.people.create', { idNumber: idNumber().trim().toUpperCase(), ...fields() });
      props.onSaved(saved);
    } catch (e) {
      if (isStale(e) || !errors.placed(e, FIELDS)) setSaveError(e);
    } finally {
      setBusy(false);
    }
  }

  const enumSelect = (id: string, text: string, e: { values: readonly string[]; labels: Readonly<Record<string, { zh: string; en: string }>> }, value: () => string, set: (v: string) => void, required = true) => (
    <Field id={id} label={text} required={required} error={errors.get(id.replace('mw-f-', ''))}>
      <select id={id} class="input" value={value()} onChange={(ev) => set(ev.currentTarget.value)}>
        <For each={e.values}>{(v) => <option value={v}>{enumLabel(e as never, v as never)}</option>}</For>
      </select>
    </Field>
  );

  return (
    <form class="form mw-form" noValidate aria-label={editing ? t('modelWorkers.edit') : t('modelWorkers.new')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Show when={saveError()}>
        <SaveError error={saveError()} onReload={() => { setSaveError(undefined); props.onReload?.(); }} />
      </Show>
      <Show when={!editing} fallback={<p class="muted">{t('modelWorkers.form.idFixed', { id: p?.idMasked ?? '' })}</p>}>
        <Input
          id="mw-f-idNumber"
          label={t('modelWorkers.idNumber')}
          required
          live
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={IDENTIFIER_INPUT_MAX}
          hint={t('modelWorkers.form.idHint')}
          error={errors.get('idNumber')}
          value={idNumber()}
          onValue={(v) => { setIdNumber(v); errors.setErrors({}); }}
          extra={<IdStatus id="mw-f-idNumber" value={idNumber()} hidden={!!errors.get('idNumber')} />}
        />
      </Show>
      <Input id="mw-f-name" label={t('modelWorkers.name')} required autocomplete="off" rule={m.personName} error={errors.get('name')} value={name()} onValue={setName} />
      <Input id="mw-f-ethnicity" label={t('modelWorkers.ethnicity')} required rule={m.ethnicity} error={errors.get('ethnicity')} value={ethnicity()} onValue={setEthnicity} />
      {enumSelect('mw-f-politicalStatus', t('modelWorkers.political'), enums.PoliticalStatus, political, setPolitical)}
      {enumSelect('mw-f-education', t('modelWorkers.education'), enums.Education, education, setEducation)}
      {enumSelect('mw-f-occupation', t('modelWorkers.occupation'), enums.Occupation, occupation, setOccupation)}
      <div class="field">
        <label class="check">
          <input type="checkbox" checked={migrant()} onChange={(e) => setMigrant(e.currentTarget.checked)} /> {t('modelWorkers.migrant')}
        </label>
      </div>
      {enumSelect('mw-f-skillGrade', t('modelWorkers.skillGrade'), enums.SkillGrade, skill, setSkill)}
      <Input id="mw-f-trade" label={t('modelWorkers.trade')} rule={m.trade} error={errors.get('trade')} value={trade()} onValue={setTrade} />
      <Field id="mw-f-unitId" label={t('modelWorkers.unit')} error={errors.get('unitId')}>
        <select id="mw-f-unitId" class="input" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)}>
          <option value="">{t('modelWorkers.form.noUnit')}</option>
          <For each={units()?.items ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
        </select>
      </Field>
      <Input
        id="mw-f-phone"
        type="tel"
        inputmode="tel"
        label={t('modelWorkers.phone')}
        maxLength={IDENTIFIER_INPUT_MAX}
        hint={editing && p?.phoneMasked ? t('modelWorkers.form.phoneKept', { phone: p.phoneMasked }) : undefined}
        error={errors.get('phone')}
        value={phone()}
        onValue={setPhone}
      />
      <fieldset class="field mw-rows">
        <legend>{t('modelWorkers.employers')}</legend>
        <Index each={employers()}>
          {(e, i) => (
            <fieldset class="mw-row" data-testid="mw-employer">
              <legend>{t('modelWorkers.form.employerN', { n: i + 1 })}</legend>
              <Input id={`mw-f-emp${i}-employer`} label={t('modelWorkers.employer')} required rule={m.employer} error={errors.get(`employers.${i}.employer`)} value={e().employer} onValue={(v) => setEmp(i, { employer: v })} />
              <Input id={`mw-f-emp${i}-position`} label={t('modelWorkers.position')} rule={m.position} value={e().position} onValue={(v) => setEmp(i, { position: v })} />
              <Input id={`mw-f-emp${i}-from`} type="date" label={t('modelWorkers.from')} required error={errors.get(`employers.${i}.from`)} value={e().from} onValue={(v) => setEmp(i, { from: v })} />
              <Input id={`mw-f-emp${i}-to`} type="date" label={t('modelWorkers.to')} error={errors.get(`employers.${i}.to`)} value={e().to} onValue={(v) => setEmp(i, { to: v })} />
              <button type="button" class="btn btn--small" aria-label={t('modelWorkers.form.removeEmployerN', { n: i + 1 })} onClick={() => setEmployers(employers().filter((_, j) => j !== i))}>
                ✕ {t('modelWorkers.form.remove')}
              </button>
            </fieldset>
          )}
        </Index>
        <div>
          <button type="button" class="btn btn--small" disabled={employers().length >= 30} onClick={() => setEmployers([...employers(), { employer: '', from: '', to: '', position: '' }])}>
            + {t('modelWorkers.form.addEmployer')}
          </button>
        </div>
      </fieldset>
      <fieldset class="field mw-rows">
        <legend>{t('modelWorkers.deputies')}</legend>
        <Index each={deputies()}>
          {(d, i) => (
            <fieldset class="mw-row" data-testid="mw-deputy">
              <legend>{t('modelWorkers.form.deputyN', { n: i + 1 })}</legend>
              <Field id={`mw-f-dep${i}-body`} label={t('modelWorkers.deputyBody')} required>
                <select id={`mw-f-dep${i}-body`} class="input" value={d().body} onChange={(e) => setDep(i, { body: e.currentTarget.value })}>
                  <For each={enums.DeputyBody.values}>{(v) => <option value={v}>{enumLabel(enums.DeputyBody, v)}</option>}</For>
                </select>
              </Field>
              <Field id={`mw-f-dep${i}-level`} label={t('modelWorkers.deputyLevel')} required>
                <select id={`mw-f-dep${i}-level`} class="input" value={d().level} onChange={(e) => setDep(i, { level: e.currentTarget.value })}>
                  <For each={enums.HonourLevel.values}>{(v) => <option value={v}>{enumLabel(enums.HonourLevel, v)}</option>}</For>
                </select>
              </Field>
              <Input id={`mw-f-dep${i}-term`} label={t('modelWorkers.deputyTerm')} required rule={m.deputyTerm} placeholder={t('modelWorkers.form.termPlaceholder')} error={errors.get(`deputies.${i}.term`)} value={d().term} onValue={(v) => setDep(i, { term: v })} />
              <button type="button" class="btn btn--small" aria-label={t('modelWorkers.form.removeDeputyN', { n: i + 1 })} onClick={() => setDeputies(deputies().filter((_, j) => j !== i))}>
                ✕ {t('modelWorkers.form.remove')}
              </button>
            </fieldset>
          )}
        </Index>
        <div>
          <button type="button" class="btn btn--small" disabled={deputies().length >= 10} onClick={() => setDeputies([...deputies(), { body: 'npc', level: 'county', term: '' }])}>
            + {t('modelWorkers.form.addDeputy')}
          </button>
        </div>
      </fieldset>
      <div class="form__actions">
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="btn" onClick={() => cancel()()}>
              {t('common.cancel')}
            </button>
          )}
        </Show>
        <button type="submit" class="btn btn--primary" disabled={busy()}>
          {busy() ? t('common.saving') : editing ? t('common.save') : t('modelWorkers.form.create')}
        </button>
      </div>
    </form>
  );
}
