import { createSignal, For, Show } from 'solid-js';
import { describedBy, type createFieldErrors } from '../../forms';
import { t } from '../../i18n';
import { UNIT_TYPES, type Unit, type UnitType } from '../../api-types';
import { Field } from '../../components/Field';
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
      <Field id={id('name')} label={t('units.name')} required error={err('name')}>
        <input
          id={id('name')}
          name="name"
          type="text"
          autocomplete="organization"
          maxlength={limits.unit.name.max}
          value={v().name}
          aria-invalid={!!err('name')}
          aria-describedby={describedBy(id('name'), false, !!err('name'))}
          onInput={(e) => set('name', e.currentTarget.value)}
        />
      </Field>
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
      <Field id={id('uscc')} label={t('units.uscc')} hint={t('units.usccHint')} error={err('uscc')}>
        <input
          id={id('uscc')}
          name="uscc"
          type="text"
          class="mono"
          inputmode="text"
          autocapitalize="characters"
          autocomplete="off"
          spellcheck={false}
          maxlength={IDENTIFIER_INPUT_MAX}
          value={v().uscc}
          aria-invalid={!!err('uscc')}
          aria-describedby={describedBy(id('uscc'), true, !!err('uscc'))}
          onInput={(e) => set('uscc', e.currentTarget.value.toUpperCase())}
        />
      </Field>
      <Field id={id('memberCount')} label={t('units.memberCount')} required error={err('memberCount')}>
        <input
          id={id('memberCount')}
          name="memberCount"
          type="number"
          inputmode="numeric"
          min={numberLimits.memberCount.min}
          max={numberLimits.memberCount.max}
          step="1"
          value={v().memberCount}
          aria-invalid={!!err('memberCount')}
          aria-describedby={describedBy(id('memberCount'), false, !!err('memberCount'))}
          onInput={(e) => set('memberCount', e.currentTarget.value)}
        />
      </Field>
      <Field id={id('chairName')} label={t('units.chairName')} required error={err('chair.name') ?? err('chair')}>
        <input
          id={id('chairName')}
          name="chairName"
          type="text"
          autocomplete="off"
          maxlength={limits.unit.chairName.max}
          value={v().chairName}
          aria-invalid={!!err('chair.name')}
          aria-describedby={describedBy(id('chairName'), false, !!(err('chair.name') ?? err('chair')))}
          onInput={(e) => set('chairName', e.currentTarget.value)}
        />
      </Field>
      <Field
        id={id('chairPhone')}
        label={t('units.chairPhone')}
        hint={props.editing ? t('units.chairPhoneKeep') : undefined}
        error={err('chair.phone')}
      >
        <input
          id={id('chairPhone')}
          name="chairPhone"
          type="tel"
          inputmode="tel"
          autocomplete="off"
          maxlength={IDENTIFIER_INPUT_MAX}
          value={v().chairPhone}
          aria-invalid={!!err('chair.phone')}
          aria-describedby={describedBy(id('chairPhone'), !!props.editing, !!err('chair.phone'))}
          onInput={(e) => set('chairPhone', e.currentTarget.value)}
        />
      </Field>
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={props.busy}>
          {props.busy ? t('common.saving') : props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="btn" onClick={() => cancel()()}>
              {t('common.cancel')}
            </button>
          )}
        </Show>
      </div>
    </form>
  );
}
