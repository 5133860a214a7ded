import { createSignal, For, Show } from 'solid-js';
import { ApiError, mutate } from '../../api';
import { ActionBanner, Banner } from '../../components/Banner';
import { Input } from '../../components/Input';
import { FormActions } from '../../components/Panel';
import { createFieldErrors } from '../../forms';
import { lang, t } from '../../i18n';
import { errorText, showToast } from '../../toast';
import type { Unit } from '../../api-types';
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';

const FIELDS = ['chair.name', 'chair.phone', 'chair'] as const;

/**
 * A unit reporter's correction of their own unit's contact details (`units.updateContact`, audited): the chair's
 * name and phone. The name, type, credit code and member count are shown, not editable — the federation admin
 * keeps them.
 */
export function ContactForm(props: { unit: Unit; onSaved: (u: Unit) => void; onCancel: () => void; onReload: () => void }) {
  const [name, setName] = createSignal(props.unit.chair.name);
  const [phone, setPhone] = createSignal('');
  const [removePhone, setRemovePhone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [stale, setStale] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const [others, setOthers] = createSignal<{ message: string; messageEn?: string }[]>([]);
  const errors = createFieldErrors();

  async function save() {
    setFailure(undefined);
    setOthers([]);
    setStale(false);
    if (!name().trim()) {
      errors.setErrors({ 'chair.name': () => t('units.chairNameRequired') });
      return;
    }
    errors.clear();
    const chair = { name: name().trim(), ...(phone().trim() ? { phone: phone().trim() } : removePhone() ? { phone: null } : {}) };
    setBusy(true);
    try {
      const saved = await mutate('units.updateContact', { unitId: props.unit.unitId, version: props.unit.version, chair });
      showToast('success', () => t('units.contact.saved', { name: saved.name }));
      props.onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT' && e.issues.length === 0) setStale(true);
      else {
        const rest = errors.fromServer(e, FIELDS);
        if (rest.length) setOthers(rest);
        else if (Object.keys(errors.errors()).length === 0) setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="form"
      novalidate
      aria-labelledby="unit-contact-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="unit-contact-title">{t('units.contact.title')}</h2>
      <p class="muted">{t('units.contact.hint')}</p>
      <Show when={stale()}>
        <ActionBanner actionLabel={t('common.refresh')} onAction={props.onReload}>
          {t('error.conflict')}
        </ActionBanner>
      </Show>
      <Show when={failure()}>
        <Banner kind="error">{errorText(failure())}</Banner>
      </Show>
      <For each={others()}>{(i) => <Banner kind="error">{lang() === 'en' ? (i.messageEn ?? i.message) : i.message}</Banner>}</For>
      <Input id="unit-contact-name" label={t('units.chairName')} required rule={limits.unit.chairName} autocomplete="off" error={errors.get('chair.name') ?? errors.get('chair')} value={name()} onValue={setName} />
      <Input
        id="unit-contact-phone"
        label={t('units.chairPhone')}
        hint={props.unit.chair.phoneMasked ? t('units.contact.phoneNow', { phone: props.unit.chair.phoneMasked }) : t('units.contact.phoneNone')}
        type="tel"
        inputmode="tel"
        autocomplete="off"
        maxLength={IDENTIFIER_INPUT_MAX}
        error={errors.get('chair.phone')}
        value={phone()}
        onValue={setPhone}
      />
      <Show when={props.unit.chair.phoneMasked && !phone().trim()}>
        <label class="check" for="unit-contact-remove">
          <input id="unit-contact-remove" type="checkbox" checked={removePhone()} onChange={(e) => setRemovePhone(e.currentTarget.checked)} />
          {t('units.contact.removePhone')}
        </label>
      </Show>
      <FormActions busy={busy()} submitLabel={t('common.save')} onCancel={props.onCancel} />
    </form>
  );
}
