import { createSignal, For } from 'solid-js';
import { describedBy, type createFieldErrors } from '../../forms';
import { t } from '../../i18n';
import { UNIT_TYPES, type Unit, type UnitType } from '../../api-types';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { FormActions } from '../../components/Panel';
import { IDENTIFIER_INPUT_MAX, limits, numberLimits } from '@ufp/core/validation/limits';

export interface UnitFormValues {
  name: string;
  type: UnitType | '';
  uscc: string;
  memberCount: string;
  chairName: string;
  chairPhone: string;
}

export const UNIT_FIELDS = ['name', 'type', 'uscc', 'memberCount', 'chair.name', 'chair.phone', 'chair'] as const;

export function valuesFromUnit(u?: Unit): UnitFormValues {
  return {
    name: u?.name ?? '',
    type: u?.type ?? '',
    uscc: u?.uscc ?? '',
    memberCount: u ? String(u.memberCount) : '',
    chairName: u?.chair.name ?? '',
    chairPhone: '',
  };
}

/** Client-side checks of required/simple fields; USCC check characters are validated by the server. */
export function validateUnit(v: UnitFormValues): Record<string, () => string> {
  const errs: Record<string, () => string> = {};
  if (!v.name.trim()) errs.name = () => t('units.nameRequired');
  if (!v.type) errs.type = () => t('units.selectType');
  if (!/^\d+$/.test(v.memberCount.trim())) errs.memberCount = () => t('units.memberCountInvalid');
  if (!v.chairName.trim()) errs['chair.name'] = () => t('units.chairNameRequired');
  return errs;
}

/** Create/edit form of a grassroots union. Field errors come from `errors` (client or server). */
export function UnitForm(props: {
  idPrefix: string;
  initial: UnitFormValues;
  editing?: boolean;
  busy: boolean;
  errors: ReturnType<typeof createFieldErrors>;
  submitLabel: string;
  onSubmit: (values: UnitFormValues) => void;
  onCancel?: () => void;
}) {
  // Form state is seeded once from `initial`; the parent remounts the form to reset it.
  const [v, setV] = createSignal<UnitFormValues>({ ...props.initial });
  const set = (k: keyof UnitFormValues, value: string) => setV((prev) => ({ ...prev, [k]: value }));
  const id = (f: string) => `${props.idPrefix}-${f}`;
  const err = (f: string) => props.errors.get(f);

  return (
    <form
      class="form"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(v());
      }}
    >
      <Input id={id('name')} name="name" label={t('units.name')} required rule={limits.unit.name} autocomplete="organization" error={err('name')} value={v().name} onValue={(x) => set('name', x)} />
      <Field id={id('type')} label={t('units.type')} required error={err('type')}>
        <select
          id={id('type')}
          name="type"
          value={v().type}
          aria-invalid={!!err('type')}
          aria-describedby={describedBy(id('type'), false, !!err('type'))}
          onChange={(e) => set('type', e.currentTarget.value)}
        >
          <option value="" disabled selected={v().type === ''}>
            {t('units.selectType')}
          </option>
          <For each={UNIT_TYPES}>
            {(ty) => (
              <option value={ty} selected={v().type === ty}>
                {t(`units.type.${ty}`)}
              </option>
            )}
          </For>
        </select>
      </Field>
      <Input
        id={id('uscc')}
        name="uscc"
        label={t('units.uscc')}
        hint={t('units.usccHint')}
        class="mono"
        inputmode="text"
        autocapitalize="characters"
        autocomplete="off"
        spellcheck={false}
        maxLength={IDENTIFIER_INPUT_MAX}
        error={err('uscc')}
        value={v().uscc}
        onValue={(x) => set('uscc', x.toUpperCase())}
      />
      <Input
        id={id('memberCount')}
        name="memberCount"
        label={t('units.memberCount')}
        required
        type="number"
        inputmode="numeric"
        min={numberLimits.memberCount.min}
        max={numberLimits.memberCount.max}
        step="1"
        error={err('memberCount')}
        value={v().memberCount}
        onValue={(x) => set('memberCount', x)}
      />
      <Input id={id('chairName')} name="chairName" label={t('units.chairName')} required rule={limits.unit.chairName} autocomplete="off" error={err('chair.name') ?? err('chair')} value={v().chairName} onValue={(x) => set('chairName', x)} />
      <Input
        id={id('chairPhone')}
        name="chairPhone"
        label={t('units.chairPhone')}
        hint={props.editing ? t('units.chairPhoneKeep') : undefined}
        type="tel"
        inputmode="tel"
        autocomplete="off"
        maxLength={IDENTIFIER_INPUT_MAX}
        error={err('chair.phone')}
        value={v().chairPhone}
        onValue={(x) => set('chairPhone', x)}
      />
      <FormActions busy={props.busy} submitLabel={props.submitLabel} onCancel={props.onCancel} />
    </form>
  );
}
