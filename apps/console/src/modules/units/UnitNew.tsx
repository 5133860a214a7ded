import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { mutate } from '../../api';
import { Banner } from '../../components/Banner';
import { UNIT_FIELDS, UnitForm, validateUnit, valuesFromUnit, type UnitFormValues } from './UnitForm';
import { createFieldErrors } from '../../forms';
import { lang, t } from '../../i18n';
import { errorText, showToast } from '../../toast';
import type { UnitCreateInput, UnitType } from '../../api-types';

export default function UnitNew() {
  const navigate = useNavigate();
  const errors = createFieldErrors();
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const [otherIssues, setOtherIssues] = createSignal<{ message: string; messageEn?: string }[]>([]);

  async function submit(v: UnitFormValues) {
    setFormError(undefined);
    setOtherIssues([]);
    const local = validateUnit(v);
    errors.setErrors(local);
    if (Object.keys(local).length > 0) return;
    const input: UnitCreateInput = {
      name: v.name.trim(),
      type: v.type as UnitType,
      memberCount: Number(v.memberCount),
      chair: { name: v.chairName.trim() },
    };
    if (v.uscc.trim()) input.uscc = v.uscc.trim();
    if (v.chairPhone.trim()) input.chair.phone = v.chairPhone.trim();
    setBusy(true);
    try {
      const unit = await mutate('units.create', input);
      showToast('success', () => t('units.created', { name: unit.name }));
      navigate('/units', { replace: false });
    } catch (e) {
      const rest = errors.fromServer(e, UNIT_FIELDS);
      if (rest.length > 0) setOtherIssues(rest);
      else if (Object.keys(errors.errors()).length === 0) setFormError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="unit-new-title" class="narrow">
      <p class="crumbs">
        <A href="/units">← {t('units.title')}</A>
      </p>
      <h1 id="unit-new-title">{t('units.new')}</h1>
      <Show when={Object.keys(errors.errors()).length > 0}>
        <Banner kind="error">{t('error.fixFields')}</Banner>
      </Show>
      <Show when={formError()}>
        <Banner kind="error">{errorText(formError(), { staleOnConflict: false })}</Banner>
      </Show>
      <For each={otherIssues()}>
        {(i) => <Banner kind="error">{lang() === 'en' ? (i.messageEn ?? i.message) : i.message}</Banner>}
      </For>
      <div class="card">
        <UnitForm
          idPrefix="unit"
          initial={valuesFromUnit()}
          busy={busy()}
          errors={errors}
          submitLabel={t('common.create')}
          onSubmit={(v) => void submit(v)}
          onCancel={() => navigate('/units')}
        />
      </div>
    </section>
  );
}
