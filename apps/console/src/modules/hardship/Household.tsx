import { createMemo, createResource, createSignal, For, Index, Show } from 'solid-js';
import { query, type InputOf } from '../../api';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import type { createFieldErrors } from '../../forms';
import { lang, t } from '../../i18n';
import { checkIdNumberLive } from './id-check';
import { EVENTS, parseYuan } from './shared';
import { IDENTIFIER_INPUT_MAX, limits, MONEY_INPUT_MAX } from '@ufp/core/validation/limits';

/**
 * The household and the worker's contact details as a hardship file takes them, shared by the application
 * (Apply) and the 临时救助 转正 form: each part's state, its checks (keyed by the server's field paths, so the
 * server's issues land on the same fields) and the input it makes, and the fields themselves.
 */
type FieldErrors = ReturnType<typeof createFieldErrors>;
type HouseholdInput = InputOf<'hardship.files.create'>['household'];
type WorkerInput = InputOf<'hardship.files.create'>['worker'];
type Event = (typeof EVENTS)[number];

export interface Member {
  relation: string;
  name: string;
  /** Optional; checked as it is typed like the applicant's. */
  idNumber: string;
  /** Optional, in yuan as typed. */
  income: string;
}

/** The most members a household lists (the server's limit). */
const MAX_MEMBERS = 20;

export const emptyMember = (relation = '', name = ''): Member => ({ relation, name, idNumber: '', income: '' });

/** An ID number as typed, as the server takes it (normalised when valid); undefined when blank. */
export function idOf(raw: string): string | undefined {
  const c = checkIdNumberLive(raw);
  return c.state === 'ok' ? c.value : raw.trim() ? raw.trim().toUpperCase() : undefined;
}

/** The error of an ID number as typed, in the server's words (undefined when blank or valid). */
function idError(raw: string, required: boolean): (() => string) | undefined {
  const id = checkIdNumberLive(raw);
  if (id.state === 'error') return () => (lang() === 'en' ? id.reason.en : id.reason.zh);
  if (id.state === 'partial' || (required && id.state !== 'ok')) return () => t('hardship.err.idNumber');
  return undefined;
}

/** The live state of an ID number under its input: how many typed, what is wrong (the server's rule), or valid. */
export function IdStatus(props: { id: string; value: string; hidden?: boolean }) {
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

/** An ID number input with its live check (the applicant's, or a member's). */
export function IdNumberInput(props: { id: string; label: string; required?: boolean; value: string; error: (() => string) | undefined; onValue: (v: string) => void }) {
  return (
    <Input
      id={props.id}
      label={props.label}
      required={props.required}
      live
      autocomplete="off"
      autocapitalize="characters"
      spellcheck={false}
      maxLength={IDENTIFIER_INPUT_MAX}
      error={props.error}
      value={props.value}
      onValue={props.onValue}
      extra={<IdStatus id={props.id} value={props.value} hidden={!!props.error} />}
    />
  );
}

/** The ID number's check for a form (required or not), as an error keyed by `field` when it fails. */
export function checkIdNumber(raw: string, field: string, required: boolean): Record<string, () => string> {
  const e = idError(raw, required);
  return e ? { [field]: e } : {};
}

/** The grassroots union a file belongs to, chosen from the tenant's units (staff; a reporter files for their own). */
export function UnitField(props: { id: string; value: string; onValue: (unitId: string) => void; errors: FieldErrors }) {
  const [units] = createResource(() => query('units.list', { limit: 200 }));
  return (
    <Field id={props.id} label={t('hardship.unit')} required error={props.errors.get('unitId')}>
      <select id={props.id} name="unitId" value={props.value} aria-required="true" onChange={(e) => { props.onValue(e.currentTarget.value); props.errors.drop('unitId'); }}>
        <option value="">{t('hardship.chooseUnit')}</option>
        <For each={units()?.items ?? []}>{(u) => <option value={u.unitId}>{u.name}</option>}</For>
      </select>
    </Field>
  );
}

// ── the household ────────────────────────────────────────────────────────────────────────
/** The members (the first one given, e.g. 本人 with the applicant's name), the figures, the events and the causes. */
export function createHousehold(first: Member = emptyMember('本人')) {
  const [members, setMembers] = createSignal<Member[]>([first]);
  const [income, setIncome] = createSignal('');
  const [rigid, setRigid] = createSignal('0');
  const [costs, setCosts] = createSignal('');
  const [events, setEvents] = createSignal<Event[]>([]);
  const [causes, setCauses] = createSignal('');
  const setMember = (i: number, patch: Partial<Member>) => setMembers(members().map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const costsFen = () => (costs().trim() ? parseYuan(costs()) : undefined);

  /** The figures the self-test takes, or undefined while a money field is not a valid amount. */
  const figures = () => {
    const annualIncomeFen = parseYuan(income());
    const rigidExpensesFen = parseYuan(rigid());
    if (annualIncomeFen === undefined || rigidExpensesFen === undefined || (costs().trim() && costsFen() === undefined)) return undefined;
    return { householdSize: members().length, annualIncomeFen, rigidExpensesFen, hardshipCostsFen: costsFen(), events: events() };
  };

  /** What the form can tell before the server does, keyed by the server's field paths. */
  function check(): Record<string, () => string> {
    const e: Record<string, () => string> = {};
    if (parseYuan(income()) === undefined) e['household.annualIncomeFen'] = () => t('hardship.err.money');
    if (parseYuan(rigid()) === undefined) e['household.rigidExpensesFen'] = () => t('hardship.err.money');
    if (costs().trim() && costsFen() === undefined) e['household.hardshipCostsFen'] = () => t('hardship.err.money');
    if (members().some((m) => !m.name.trim() || !m.relation.trim())) e['household.members'] = () => t('hardship.err.members');
    members().forEach((m, i) => {
      Object.assign(e, checkIdNumber(m.idNumber, `household.members.${i}.idNumber`, false));
      if (m.income.trim() && parseYuan(m.income) === undefined) e[`household.members.${i}.annualIncomeFen`] = () => t('hardship.err.money');
    });
    return e;
  }

  /** The household as the server takes it (the server validates it again; its field errors are shown in place). */
  const input = (): HouseholdInput =>
    ({
      members: members().map((m) => ({
        relation: m.relation.trim(),
        name: m.name.trim(),
        idNumber: idOf(m.idNumber),
        annualIncomeFen: m.income.trim() ? parseYuan(m.income) : undefined,
      })),
      annualIncomeFen: parseYuan(income()),
      rigidExpensesFen: parseYuan(rigid()),
      hardshipCostsFen: costsFen(),
      causes: causes().trim() ? [causes().trim()] : [],
      events: events(),
    }) as HouseholdInput;

  /** The server's field paths this part shows in place (a member's own fields, then the list as a whole). */
  const fields = () => [
    ...members().flatMap((_, i) => [`household.members.${i}.idNumber`, `household.members.${i}.annualIncomeFen`]),
    'household.members',
    'household.annualIncomeFen',
    'household.rigidExpensesFen',
    'household.hardshipCostsFen',
    'household.causes',
  ];

  return { members, setMembers, setMember, income, setIncome, rigid, setRigid, costs, setCosts, events, setEvents, causes, setCauses, figures, check, input, fields };
}
export type HouseholdForm = ReturnType<typeof createHousehold>;

/** The household's fields: a card per member (phone-first: one column below 640 px), the figures, events and causes. */
export function HouseholdFields(props: { form: HouseholdForm; errors: FieldErrors; prefix: string }) {
  const h = props.form;
  const err = props.errors;
  return (
    <>
      <fieldset class="field">
        <legend>{t('hardship.members')}</legend>
        <div class="hs-members">
          <Index each={h.members()}>
            {(m, i) => (
              <fieldset class="hs-member" data-testid="hs-member">
                <legend class="hs-member__title">{t('hardship.member.card', { n: i + 1 })}</legend>
                <button
                  type="button"
                  class="btn btn--small hs-member__remove"
                  aria-label={t('hardship.member.removeNamed', { n: i + 1 })}
                  disabled={h.members().length === 1}
                  onClick={() => h.setMembers(h.members().filter((_, j) => j !== i))}
                >
                  ✕ {t('hardship.member.remove')}
                </button>
                <div class="hs-member__fields">
                  <Input id={`${props.prefix}-m${i}-relation`} label={t('hardship.member.relation')} required rule={limits.hardship.relation} value={m().relation} onValue={(v) => h.setMember(i, { relation: v })} />
                  <Input id={`${props.prefix}-m${i}-name`} label={t('hardship.member.name')} required autocomplete="off" rule={limits.hardship.personName} value={m().name} onValue={(v) => h.setMember(i, { name: v })} />
                  <IdNumberInput
                    id={`${props.prefix}-m${i}-id`}
                    label={t('hardship.member.idNumber')}
                    error={err.get(`household.members.${i}.idNumber`)}
                    value={m().idNumber}
                    onValue={(v) => { h.setMember(i, { idNumber: v }); err.drop(`household.members.${i}.idNumber`); }}
                  />
                  <Input
                    id={`${props.prefix}-m${i}-income`}
                    label={t('hardship.member.income')}
                    inputmode="decimal"
                    maxLength={MONEY_INPUT_MAX}
                    error={err.get(`household.members.${i}.annualIncomeFen`)}
                    value={m().income}
                    onValue={(v) => { h.setMember(i, { income: v }); err.drop(`household.members.${i}.annualIncomeFen`); }}
                  />
                </div>
              </fieldset>
            )}
          </Index>
        </div>
        <Show when={err.get('household.members')}>{(e) => <span class="field__error" role="alert">{e()()}</span>}</Show>
        <div>
          <button type="button" class="btn btn--small" disabled={h.members().length >= MAX_MEMBERS} onClick={() => h.setMembers([...h.members(), emptyMember()])}>
            + {t('hardship.member.add')}
          </button>
        </div>
      </fieldset>
      <Input id={`${props.prefix}-income`} label={t('hardship.income')} required inputmode="decimal" maxLength={MONEY_INPUT_MAX} hint={t('hardship.yuanHint')} error={err.get('household.annualIncomeFen')} value={h.income()} onValue={(v) => { h.setIncome(v); err.drop('household.annualIncomeFen'); }} />
      <Input id={`${props.prefix}-rigid`} label={t('hardship.rigid')} required inputmode="decimal" maxLength={MONEY_INPUT_MAX} hint={t('hardship.rigidHint')} error={err.get('household.rigidExpensesFen')} value={h.rigid()} onValue={(v) => { h.setRigid(v); err.drop('household.rigidExpensesFen'); }} />
      <Input id={`${props.prefix}-costs`} label={t('hardship.costs')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} error={err.get('household.hardshipCostsFen')} value={h.costs()} onValue={(v) => { h.setCosts(v); err.drop('household.hardshipCostsFen'); }} />
      <fieldset class="field">
        <legend>{t('hardship.events')}</legend>
        <For each={EVENTS}>
          {(ev) => (
            <label class="block-label check">
              <input type="checkbox" checked={h.events().includes(ev)} onChange={(e) => h.setEvents(e.currentTarget.checked ? [...h.events(), ev] : h.events().filter((x) => x !== ev))} /> {t(`hardship.event.${ev}`)}
            </label>
          )}
        </For>
      </fieldset>
      <Input id={`${props.prefix}-causes`} label={t('hardship.causes')} rule={limits.hardship.cause} error={err.get('household.causes')} value={h.causes()} onValue={(v) => h.setCauses(v)} />
    </>
  );
}

// ── the worker's contact and employment ──────────────────────────────────────────────────
/** The phone, whether a migrant worker, and (a migrant's) the start of the labour relation. */
export function createWorkerContact() {
  const [phone, setPhone] = createSignal('');
  const [migrant, setMigrant] = createSignal(false);
  const [employmentStart, setEmploymentStart] = createSignal('');
  const input = (): Omit<WorkerInput, 'name' | 'idNumber'> => ({ phone: phone().trim() || undefined, migrant: migrant(), employmentStart: (migrant() && employmentStart()) || undefined });
  const fields = ['worker.phone', 'worker.migrant', 'worker.employmentStart'];
  return { phone, setPhone, migrant, setMigrant, employmentStart, setEmploymentStart, input, fields };
}
export type WorkerContact = ReturnType<typeof createWorkerContact>;

export function WorkerContactFields(props: { form: WorkerContact; errors: FieldErrors; prefix: string }) {
  const w = props.form;
  const err = props.errors;
  return (
    <>
      <Input id={`${props.prefix}-phone`} type="tel" inputmode="tel" label={t('hardship.worker.phone')} maxLength={IDENTIFIER_INPUT_MAX} error={err.get('worker.phone')} value={w.phone()} onValue={(v) => { w.setPhone(v); err.drop('worker.phone'); }} />
      <div class="field">
        <label class="check">
          <input type="checkbox" checked={w.migrant()} onChange={(e) => w.setMigrant(e.currentTarget.checked)} /> {t('hardship.worker.migrant')}
        </label>
      </div>
      <Show when={w.migrant()}>
        <Input id={`${props.prefix}-emp`} type="date" label={t('hardship.worker.employmentStart')} error={err.get('worker.employmentStart')} value={w.employmentStart()} onValue={(v) => { w.setEmploymentStart(v); err.drop('worker.employmentStart'); }} />
      </Show>
    </>
  );
}

/** The consent to the income check (核对授权), required before a file is opened; its error in place. */
export function ConsentField(props: { checked: boolean; onChange: (checked: boolean) => void; errors: FieldErrors; id?: string }) {
  return (
    <div class="field" classList={{ 'field--invalid': !!props.errors.get('consentGiven') }}>
      <label class="check">
        <input id={props.id} type="checkbox" checked={props.checked} onChange={(e) => { props.onChange(e.currentTarget.checked); props.errors.drop('consentGiven'); }} /> {t('hardship.consent')}
      </label>
      <Show when={props.errors.get('consentGiven')}>{(e) => <span class="field__error" role="alert">{e()()}</span>}</Show>
    </div>
  );
}
