import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { createFieldErrors, describedBy } from '../../forms';
import { formatDateTime, t, tMaybe } from '../../i18n';
import { errorText, showToast } from '../../toast';
import type { RouterOutputs } from '../../api';

type Tenant = RouterOutputs['platform']['tenants']['list']['items'][number];
import { IDENTIFIER_INPUT_MAX, limits, TENANT_ID_LENGTH } from '@ufp/core/validation/limits';
import '../../components/lifecycle.css';

async function loadTenants(): Promise<Tenant[]> {
  const res = await query('platform.tenants.list');
  return Array.isArray(res) ? res : (res?.items ?? []);
}

const LEVELS = ['city', 'county'] as const;
type Draft = { id: string; name: string; level: '' | (typeof LEVELS)[number]; divisionCode: string };
const EMPTY: Draft = { id: '', name: '', level: '', divisionCode: '' };

/** What the panel above the list is doing: creating, editing, or confirming a suspension or a reactivation. */
type Panel = { kind: 'create' } | { kind: 'edit'; tenant: Tenant } | { kind: 'suspend'; tenant: Tenant } | { kind: 'reactivate'; tenant: Tenant } | null;

/** Brings a panel that opens above a long list into view and focuses its first control. */
const intoView = (el: HTMLElement) =>
  queueMicrotask(() => {
    el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  });

export default function Tenants() {
  const [tenants, { refetch }] = createResource(loadTenants);
  const [panel, setPanel] = createSignal<Panel>(null);
  const close = () => setPanel(null);
  const done = () => {
    close();
    void refetch();
  };

  return (
    <section aria-labelledby="tenants-title" class="lc">
      <div class="page-head">
        <h1 id="tenants-title">{t('tenants.title')}</h1>
        <Show when={!panel()}>
          <button type="button" class="btn btn--primary" onClick={() => setPanel({ kind: 'create' })}>
            {t('tenants.new')}
          </button>
        </Show>
      </div>
      <Switch>
        <Match when={panel()?.kind === 'create'}>
          <CreateTenant onDone={done} onCancel={close} />
        </Match>
        <Match when={panel()?.kind === 'edit' && panel()} keyed>
          {(p) => <EditTenant tenant={(p as { tenant: Tenant }).tenant} onDone={done} onCancel={close} />}
        </Match>
        <Match when={panel()?.kind === 'suspend' && panel()} keyed>
          {(p) => <SuspendTenant tenant={(p as { tenant: Tenant }).tenant} onDone={done} onCancel={close} />}
        </Match>
        <Match when={panel()?.kind === 'reactivate' && panel()} keyed>
          {(p) => <ReactivateTenant tenant={(p as { tenant: Tenant }).tenant} onDone={done} onCancel={close} />}
        </Match>
      </Switch>
      <Show when={tenants.error}>
        <Banner kind="error">{errorText(tenants.error)}</Banner>
      </Show>
      <DataTable<Tenant>
        label={t('tenants.title')}
        rows={tenants.error ? [] : (tenants() ?? [])}
        loading={tenants.loading}
        rowClass={(x) => (x.status === 'suspended' ? 'lc-row--off' : '')}
        columns={[
          { label: () => t('tenants.name'), cell: (x) => x.name, class: 'cell--primary' },
          { label: () => t('tenants.id'), cell: (x) => <span class="mono">{x.id}</span> },
          { label: () => t('tenants.level'), cell: (x) => tMaybe(`tenants.level.${x.level}`, x.level) },
          { label: () => t('tenants.divisionCode'), cell: (x) => <span class="mono">{x.divisionCode}</span> },
          {
            label: () => t('tenants.status'),
            cell: (x) => (
              <span class="lc-status" data-testid="tenant-status">
                <span class={x.status === 'suspended' ? 'tag tag--off' : 'tag'}>{tMaybe(`tenants.status.${x.status ?? 'active'}`, x.status ?? 'active')}</span>
                <Show when={x.status === 'suspended'}>
                  <span class="lc-note">{t('tenants.suspendedNote', { reason: x.suspendReason ?? '', at: formatDateTime(x.suspendedAt), by: x.suspendedByName ?? x.suspendedBy ?? '' })}</span>
                </Show>
              </span>
            ),
          },
          {
            label: () => t('tenants.contact'),
            cell: (x) => <span class="lc-note">{[x.contact?.name, x.contact?.phone, x.contact?.email].filter(Boolean).join(' · ') || '—'}</span>,
          },
          { label: () => t('common.createdAt'), cell: (x) => formatDateTime(x.createdAt) },
          {
            label: () => t('common.actions'),
            cell: (x) => (
              <span class="lc-actions">
                <button type="button" class="btn btn--small" aria-label={t('tenants.editLabel', { name: x.name })} onClick={() => setPanel({ kind: 'edit', tenant: x })}>
                  {t('common.edit')}
                </button>
                <Show
                  when={x.status === 'suspended'}
                  fallback={
                    <button type="button" class="btn btn--small btn--danger" aria-label={t('tenants.suspendLabel', { name: x.name })} onClick={() => setPanel({ kind: 'suspend', tenant: x })}>
                      {t('tenants.suspend')}
                    </button>
                  }
                >
                  <button type="button" class="btn btn--small" aria-label={t('tenants.reactivateLabel', { name: x.name })} onClick={() => setPanel({ kind: 'reactivate', tenant: x })}>
                    {t('tenants.reactivate')}
                  </button>
                </Show>
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}

function CreateTenant(props: { onDone: () => void; onCancel: () => void }) {
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
      await mutate('platform.tenants.create', input as InputOf<'platform.tenants.create'>); // an unchosen level: the server's field error
      showToast('success', () => t('tenants.created', { name: input.name }));
      props.onDone();
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
          <select id="tenant-level" value={draft().level} aria-invalid={!!errors.get('level')} onChange={(e) => set('level', e.currentTarget.value)}>
            <option value="" disabled selected={draft().level === ''}>
              {t('tenants.selectLevel')}
            </option>
            <For each={LEVELS}>
              {(l) => (
                <option value={l} selected={draft().level === l}>
                  {t(`tenants.level.${l}`)}
                </option>
              )}
            </For>
          </select>
        </Field>
        <Field id="tenant-divisionCode" label={t('tenants.divisionCode')} required hint={t('tenants.divisionHint')} error={errors.get('divisionCode')}>
          {text('divisionCode', t('tenants.divisionHint'), { class: 'mono', inputmode: 'numeric', maxlength: IDENTIFIER_INPUT_MAX })}
        </Field>
        <div class="form__actions">
          <button type="submit" class="btn btn--primary" disabled={busy()}>
            {busy() ? t('common.saving') : t('common.create')}
          </button>
          <button type="button" class="btn" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

function EditTenant(props: { tenant: Tenant; onDone: () => void; onCancel: () => void }) {
  const [name, setName] = createSignal(props.tenant.name);
  const [contactName, setContactName] = createSignal(props.tenant.contact?.name ?? '');
  const [contactPhone, setContactPhone] = createSignal(props.tenant.contact?.phone ?? '');
  const [contactEmail, setContactEmail] = createSignal(props.tenant.contact?.email ?? '');
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const errors = createFieldErrors();

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setFormError(undefined);
    if (!name().trim()) {
      errors.setErrors({ name: () => t('common.required') });
      return;
    }
    errors.clear();
    const contact = { name: contactName().trim() || undefined, phone: contactPhone().trim() || undefined, email: contactEmail().trim() || undefined };
    setBusy(true);
    try {
      await mutate('platform.tenants.update', {
        tenantId: props.tenant.id,
        version: props.tenant.version,
        name: name().trim(),
        contact: contact.name || contact.phone || contact.email ? contact : null,
      });
      showToast('success', () => t('tenants.updated', { name: name().trim() }));
      props.onDone();
    } catch (err) {
      const rest = errors.fromServer(err, ['name', 'contact.name', 'contact.phone', 'contact.email']);
      if (rest.length > 0 || Object.keys(errors.errors()).length === 0) setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  const input = (id: string, field: string, value: () => string, set: (v: string) => void, maxlength: number, type = 'text') => (
    <input
      id={id}
      type={type}
      autocomplete="off"
      maxlength={maxlength}
      value={value()}
      aria-invalid={!!errors.get(field)}
      aria-describedby={describedBy(id, type === 'tel', !!errors.get(field))}
      onInput={(e) => set(e.currentTarget.value)}
    />
  );

  return (
    <div class="card narrow" ref={intoView} aria-labelledby="tenant-edit-title">
      <h2 id="tenant-edit-title">{t('tenants.editTitle', { name: props.tenant.name })}</h2>
      <Show when={formError()}>
        <Banner kind="error">{errorText(formError())}</Banner>
      </Show>
      <form class="form" novalidate onSubmit={(e) => void submit(e)}>
        <Field id="tenant-edit-name" label={t('tenants.name')} required error={errors.get('name')}>
          {input('tenant-edit-name', 'name', name, setName, limits.tenant.name.max)}
        </Field>
        <Field id="tenant-edit-contact-name" label={t('tenants.contactName')} error={errors.get('contact.name')}>
          {input('tenant-edit-contact-name', 'contact.name', contactName, setContactName, limits.tenant.contactName.max)}
        </Field>
        <Field id="tenant-edit-contact-phone" label={t('tenants.contactPhone')} hint={t('tenants.contactPhoneHint')} error={errors.get('contact.phone')}>
          {input('tenant-edit-contact-phone', 'contact.phone', contactPhone, setContactPhone, IDENTIFIER_INPUT_MAX, 'tel')}
        </Field>
        <Field id="tenant-edit-contact-email" label={t('tenants.contactEmail')} error={errors.get('contact.email')}>
          {input('tenant-edit-contact-email', 'contact.email', contactEmail, setContactEmail, limits.tenant.contactEmail.max, 'email')}
        </Field>
        <div class="form__actions">
          <button type="submit" class="btn btn--primary" disabled={busy()}>
            {busy() ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" class="btn" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

function SuspendTenant(props: { tenant: Tenant; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const errors = createFieldErrors();

  async function confirm() {
    setError(undefined);
    if (reason().trim().length < 2) {
      errors.setErrors({ reason: () => t('tenants.reasonRequired') });
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      await mutate('platform.tenants.suspend', { tenantId: props.tenant.id, reason: reason().trim() });
      showToast('success', () => t('tenants.suspendedToast', { name: props.tenant.name }));
      props.onDone();
    } catch (err) {
      if (errors.fromServer(err, ['reason']).length > 0 || Object.keys(errors.errors()).length === 0) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="card narrow lc-confirm lc-confirm--danger" role="alertdialog" aria-labelledby="tenant-suspend-title" aria-describedby="tenant-suspend-text" ref={intoView}>
      <h2 id="tenant-suspend-title">{t('tenants.suspendTitle', { name: props.tenant.name })}</h2>
      <div id="tenant-suspend-text">
        <ul>
          <li>{t('tenants.suspendEffect.users')}</li>
          <li>{t('tenants.suspendEffect.public')}</li>
          <li>{t('tenants.suspendEffect.data')}</li>
        </ul>
      </div>
      <Show when={error()}>
        <Banner kind="error">{errorText(error(), { staleOnConflict: false })}</Banner>
      </Show>
      <Field id="tenant-suspend-reason" label={t('tenants.reason')} required hint={t('tenants.reasonHint')} error={errors.get('reason')}>
        <textarea
          id="tenant-suspend-reason"
          rows={3}
          maxlength={limits.tenant.suspendReason.max}
          value={reason()}
          aria-invalid={!!errors.get('reason')}
          aria-describedby={describedBy('tenant-suspend-reason', true, !!errors.get('reason'))}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </Field>
      <div class="form__actions">
        <button type="button" class="btn btn--danger" disabled={busy()} onClick={() => void confirm()}>
          {busy() ? t('common.saving') : t('tenants.suspendConfirm')}
        </button>
        <button type="button" class="btn" disabled={busy()} onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function ReactivateTenant(props: { tenant: Tenant; onDone: () => void; onCancel: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  async function confirm() {
    setError(undefined);
    setBusy(true);
    try {
      await mutate('platform.tenants.reactivate', { tenantId: props.tenant.id });
      showToast('success', () => t('tenants.reactivatedToast', { name: props.tenant.name }));
      props.onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="card narrow lc-confirm" role="alertdialog" aria-labelledby="tenant-reactivate-title" aria-describedby="tenant-reactivate-text" ref={intoView}>
      <h2 id="tenant-reactivate-title">{t('tenants.reactivateTitle', { name: props.tenant.name })}</h2>
      <p id="tenant-reactivate-text">{t('tenants.reactivateText', { reason: props.tenant.suspendReason ?? '' })}</p>
      <Show when={error()}>
        <Banner kind="error">{errorText(error(), { staleOnConflict: false })}</Banner>
      </Show>
      <div class="form__actions">
        <button type="button" class="btn btn--primary" disabled={busy()} onClick={() => void confirm()}>
          {busy() ? t('common.saving') : t('tenants.reactivateConfirm')}
        </button>
        <button type="button" class="btn" disabled={busy()} onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
