import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { mutate, query } from '../../api';
import { ActionBanner, Banner } from '../../components/Banner';
import { UNIT_FIELDS, UnitForm, validateUnit, valuesFromUnit, type UnitFormValues } from './UnitForm';
import { UnitView } from './UnitView';
import { ContactForm } from './ContactForm';
import { createFieldErrors } from '../../forms';
import { lang, t } from '../../i18n';
import { UNITS_ACCESS } from './access';
import { hasRole } from '../../session';
import { errorText, isStale, showToast } from '../../toast';
import { RecordMissing } from '../../components/RecordMissing';
import type { Unit, UnitType, UnitUpdateInput } from '../../api-types';

/** Only the fields that changed go into `units.update` (with the version read). */
export function unitChanges(u: Unit, v: UnitFormValues): UnitUpdateInput | null {
  const input: UnitUpdateInput = { unitId: u.unitId, version: u.version };
  const name = v.name.trim();
  const uscc = v.uscc.trim();
  const memberCount = Number(v.memberCount);
  const chairName = v.chairName.trim();
  const chairPhone = v.chairPhone.trim();
  if (name !== u.name) input.name = name;
  if (v.type && v.type !== u.type) input.type = v.type as UnitType;
  if (uscc !== (u.uscc ?? '')) input.uscc = uscc;
  if (memberCount !== u.memberCount) input.memberCount = memberCount;
  if (chairName !== u.chair.name || chairPhone) {
    input.chair = chairPhone ? { name: chairName, phone: chairPhone } : { name: chairName };
  }
  const changed = Object.keys(input).length > 2;
  return changed ? input : null;
}

/** Detail of one unit; federation admins can edit and reveal the chair phone. */
export function UnitDetailBody(props: {
  unitId: string;
  title: string;
  back?: boolean;
  canWrite: boolean;
  canReveal: boolean;
  /** A unit reporter on their own unit: may correct the chair's name and phone (not the identity fields). */
  canEditContact?: boolean;
}) {
  const [unit, { refetch, mutate: setUnit }] = createResource(
    () => props.unitId,
    (unitId) => query('units.get', { unitId }),
  );
  const [editing, setEditing] = createSignal(false);
  const [contact, setContact] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [conflict, setConflict] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const [otherIssues, setOtherIssues] = createSignal<{ message: string; messageEn?: string }[]>([]);
  const [formKey, setFormKey] = createSignal(0);
  /** What the user typed when a stale version was refused: the reloaded form starts from it. */
  const [kept, setKept] = createSignal<UnitFormValues>();
  const errors = createFieldErrors();

  function resetForm() {
    errors.clear();
    setConflict(false);
    setFormError(undefined);
    setOtherIssues([]);
    setFormKey((k) => k + 1);
  }

  async function refresh() {
    await refetch();
    resetForm();
  }

  async function save(u: Unit, v: UnitFormValues) {
    setFormError(undefined);
    setOtherIssues([]);
    setConflict(false);
    const local = validateUnit(v);
    errors.setErrors(local);
    if (Object.keys(local).length > 0) return;
    const input = unitChanges(u, v);
    if (!input) {
      showToast('info', () => t('units.noChange'));
      return;
    }
    setBusy(true);
    try {
      const saved = await mutate('units.update', input);
      setUnit(saved);
      setEditing(false);
      setKept(undefined);
      resetForm();
      showToast('success', () => t('units.updated'));
    } catch (e) {
      if (isStale(e)) {
        setKept(v);
        setConflict(true);
      } else {
        const rest = errors.fromServer(e, UNIT_FIELDS);
        if (rest.length > 0) setOtherIssues(rest);
        else if (Object.keys(errors.errors()).length === 0) setFormError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="unit-title" class="narrow">
      <Show when={props.back}>
        <p class="crumbs">
          <A href="/units">← {t('units.title')}</A>
        </p>
      </Show>
      <Switch>
        <Match when={unit.error}>
          <h1 id="unit-title">{props.title}</h1>
          <RecordMissing error={unit.error} backHref={props.back ? '/units' : '/'} onRetry={() => void refetch()} />
        </Match>
        <Match when={unit()}>
          {(u) => (
            <>
              <div class="page-head">
                <h1 id="unit-title">{editing() ? t('units.editTitle') : u().name}</h1>
                <Show when={props.canWrite && !editing()}>
                  <button type="button" class="btn btn--primary" onClick={() => setEditing(true)}>
                    {t('common.edit')}
                  </button>
                </Show>
                <Show when={props.canEditContact && !props.canWrite && !contact()}>
                  <button type="button" class="btn btn--primary" onClick={() => setContact(true)}>
                    {t('units.contact.edit')}
                  </button>
                </Show>
              </div>
              <Show when={contact()}>
                <div class="card">
                  <ContactForm
                    unit={u()}
                    onSaved={(saved) => {
                      setUnit(saved);
                      setContact(false);
                    }}
                    onCancel={() => setContact(false)}
                    onReload={() => {
                      setContact(false);
                      void Promise.resolve(refetch()).then(() => setContact(true));
                    }}
                  />
                </div>
              </Show>
              <Show when={conflict()}>
                <ActionBanner actionLabel={t('common.refresh')} onAction={() => void refresh()}>
                  {t('error.conflict')}
                </ActionBanner>
              </Show>
              <Show when={Object.keys(errors.errors()).length > 0}>
                <Banner kind="error">{t('error.fixFields')}</Banner>
              </Show>
              <Show when={formError()}>
                <Banner kind="error">{errorText(formError())}</Banner>
              </Show>
              <For each={otherIssues()}>
                {(i) => <Banner kind="error">{lang() === 'en' ? (i.messageEn ?? i.message) : i.message}</Banner>}
              </For>
              <div class="card">
                <Show when={editing()} fallback={<UnitView unit={u()} canReveal={props.canReveal} />}>
                  {/* keyed on formKey: a refresh after a conflict remounts the form with the new data */}
                  <Show when={formKey() + 1} keyed>
                    {(_key) => (
                      <UnitForm
                        idPrefix="unit-edit"
                        editing
                        initial={kept() ?? valuesFromUnit(u())}
                        busy={busy()}
                        errors={errors}
                        submitLabel={t('common.save')}
                        onSubmit={(v) => void save(u(), v)}
                        onCancel={() => {
                          setEditing(false);
                          setKept(undefined);
                          resetForm();
                        }}
                      />
                    )}
                  </Show>
                </Show>
              </div>
            </>
          )}
        </Match>
        <Match when={true}>
          <h1 id="unit-title">{props.title}</h1>
          <p role="status">{t('common.loading')}</p>
        </Match>
      </Switch>
    </section>
  );
}

export default function UnitDetail() {
  const params = useParams<{ unitId: string }>();
  return (
    <UnitDetailBody
      unitId={params.unitId}
      title={t('units.detailTitle')}
      back
      canWrite={hasRole(...UNITS_ACCESS.write)}
      canReveal={hasRole(...UNITS_ACCESS.revealPhone)}
    />
  );
}
