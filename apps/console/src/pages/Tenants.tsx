import { createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query } from '../api';
import { Banner } from '../components/Banner';
import { DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { createFieldErrors, describedBy } from '../forms';
import { formatDateTime, t, tMaybe } from '../i18n';
import { errorText, showToast } from '../toast';
import type { Page, Tenant } from '../types';
import { IDENTIFIER_INPUT_MAX, limits, TENANT_ID_LENGTH } from '@ufp/core/validation/limits';

async function loadTenants(): Promise<Tenant[]> {
  const res = await query<Tenant[] | Page<Tenant>>('platform.tenants.list');
  return Array.isArray(res) ? res : (res?.items ?? []);
}

const LEVELS = ['city', 'county'] as const;
type Draft = { id: string; name: string; level: '' | (typeof LEVELS)[number]; divisionCode: string };
const EMPTY: Draft = { id: '', name: '', level: '', divisionCode: '' };

export default function Tenants() {
  const [tenants, { refetch }] = createResource(loadTenants);
  const [showForm, setShowForm] = createSignal(false);
  const [draft, setDraft] = createSignal<Draft>({ ...EMPTY });
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const errors = createFieldErrors();
  const set = (k: keyof Draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setFormError(undefined);
    const d = draft();
    const local: Record<string, () => string> = {};
    if (!d.id.trim()) local.id = () => t('common.required');
    if (!d.name.trim()) local.name = () => t('common.required');
    if (!d.level) local.level = () => t('tenants.selectLevel');
    if (!d.divisionCode.trim()) local.divisionCode = () => t('common.required');
    errors.setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const input = { id: d.id.trim(), name: d.name.trim(), level: d.level, divisionCode: d.divisionCode.trim() };
      await mutate('platform.tenants.create', input);
      showToast('success', () => t('tenants.created', { name: input.name }));
      setDraft({ ...EMPTY });
      setShowForm(false);
      void refetch();
    } catch (err) {
      const rest = errors.fromServer(err, ['id', 'name', 'level', 'divisionCode']);
      if (rest.length > 0 || Object.keys(errors.errors()).length === 0) setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  const text = (k: 'id' | 'name' | 'divisionCode', hint?: string, extra: Record<string, unknown> = {}) => (
    <input
      id={`tenant-${k}`}
      type="text"
      autocomplete="off"
      value={draft()[k]}
      aria-invalid={!!errors.get(k)}
      aria-describedby={describedBy(`tenant-${k}`, !!hint, !!errors.get(k))}
      onInput={(e) => set(k, e.currentTarget.value)}
      {...extra}
    />
  );

  return (
    <section aria-labelledby="tenants-title">
      <div class="page-head">
        <h1 id="tenants-title">{t('tenants.title')}</h1>
        <Show when={!showForm()}>
          <button type="button" class="btn btn--primary" onClick={() => setShowForm(true)}>
            {t('tenants.new')}
          </button>
        </Show>
      </div>
      <Show when={showForm()}>
        <div class="card narrow">
          <h2>{t('tenants.new')}</h2>
          <Show when={formError()}>
            <Banner kind="error">{errorText(formError(), { staleOnConflict: false })}</Banner>
          </Show>
          <form class="form" novalidate onSubmit={(e) => void submit(e)}>
            <Field id="tenant-id" label={t('tenants.id')} required hint={t('tenants.idHint')} error={errors.get('id')}>
              {text('id', t('tenants.idHint'), { class: 'mono', spellcheck: false, maxlength: TENANT_ID_LENGTH.max })}
            </Field>
            <Field id="tenant-name" label={t('tenants.name')} required error={errors.get('name')}>
              {text('name', undefined, { maxlength: limits.tenant.name.max })}
            </Field>
            <Field id="tenant-level" label={t('tenants.level')} required error={errors.get('level')}>
              <select
                id="tenant-level"
                value={draft().level}
                aria-invalid={!!errors.get('level')}
                onChange={(e) => set('level', e.currentTarget.value)}
              >
                <option value="" disabled selected={draft().level === ''}>
                  {t('tenants.selectLevel')}
                </option>
                <For each={LEVELS}>
                  {(l) => (
                    <option value={l} selected={draft().level === l}>
                      {t(`level.${l}`)}
                    </option>
                  )}
                </For>
              </select>
            </Field>
            <Field
              id="tenant-divisionCode"
              label={t('tenants.divisionCode')}
              required
              hint={t('tenants.divisionHint')}
              error={errors.get('divisionCode')}
            >
              {text('divisionCode', t('tenants.divisionHint'), { class: 'mono', inputmode: 'numeric', maxlength: IDENTIFIER_INPUT_MAX })}
            </Field>
            <div class="form__actions">
              <button type="submit" class="btn btn--primary" disabled={busy()}>
                {busy() ? t('common.saving') : t('common.create')}
              </button>
              <button
                type="button"
                class="btn"
                onClick={() => {
                  setShowForm(false);
                  errors.clear();
                  setFormError(undefined);
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </div>
      </Show>
      <Show when={tenants.error}>
        <Banner kind="error">{errorText(tenants.error)}</Banner>
      </Show>
      <DataTable<Tenant>
        label={t('tenants.title')}
        rows={tenants.error ? [] : (tenants() ?? [])}
        loading={tenants.loading}
        columns={[
          { label: () => t('tenants.name'), cell: (x) => x.name, class: 'cell--primary' },
          { label: () => t('tenants.id'), cell: (x) => <span class="mono">{x.id}</span> },
          { label: () => t('tenants.level'), cell: (x) => tMaybe(`level.${x.level}`, x.level) },
          { label: () => t('tenants.divisionCode'), cell: (x) => <span class="mono">{x.divisionCode}</span> },
          { label: () => t('tenants.status'), cell: (x) => (x.status ? tMaybe(`tenantStatus.${x.status}`, x.status) : '—') },
          { label: () => t('common.createdAt'), cell: (x) => formatDateTime(x.createdAt) },
        ]}
      />
    </section>
  );
}
