import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { createFieldErrors } from '../../forms';
import { Input } from '../../components/Input';
import { ConfirmPanel, FormActions, intoView } from '../../components/Panel';
import { formatDateTime, t, tMaybe } from '../../i18n';
import { errorText, showToast } from '../../toast';
import type { RouterOutputs } from '../../api';

type TenantList = RouterOutputs['platform']['tenants']['list'];
type Tenant = TenantList['items'][number];
type TickRun = Tenant['ticks'][number];
import { IDENTIFIER_INPUT_MAX, limits, TENANT_ID_LENGTH } from '@ufp/core/validation/limits';
import '../../components/lifecycle.css';

const loadTenants = (): Promise<TenantList> => query('platform.tenants.list');

/** One module's daily run for a tenant: the day it last finished, or how often it has failed and why. */
function TickRunTag(props: { run: TickRun }) {
  const module = () => tMaybe(`module.${props.run.module}`, props.run.module);
  return (
    <Show
      when={props.run.failing}
      fallback={
        <Show
          when={props.run.behind}
          fallback={
            <span class="tag tag--ok" data-testid="tick-run" data-state="ok" title={t('tenants.tick.okLabel', { module: module(), date: props.run.lastDate ?? '—' })}>
              {t('tenants.tick.ok', { module: module(), date: props.run.lastDate ?? '—' })}
            </span>
          }
        >
          <span class="tag tag--behind" data-testid="tick-run" data-state="behind">
            {t('tenants.tick.behind', { module: module(), date: props.run.lastDate ?? '—' })}
          </span>
        </Show>
      }
    >
      <span class="tag tag--warn" data-testid="tick-run" data-state="failing" title={props.run.error}>
        {t('tenants.tick.failing', { module: module(), count: props.run.failures })}
      </span>
      <Show when={props.run.error}>
        <span class="lc-note">{props.run.error}</span>
      </Show>
    </Show>
  );
}

const LEVELS = ['city', 'county'] as const;
type Draft = { id: string; name: string; level: '' | (typeof LEVELS)[number]; divisionCode: string };
const EMPTY: Draft = { id: '', name: '', level: '', divisionCode: '' };

/** What the panel above the list is doing: creating, editing, or confirming a suspension or a reactivation. */
type Panel = { kind: 'create' } | { kind: 'edit'; tenant: Tenant } | { kind: 'suspend'; tenant: Tenant } | { kind: 'reactivate'; tenant: Tenant } | null;

export default function Tenants() {
  const [list, { refetch }] = createResource(loadTenants);
  const tenants = () => list()?.items;
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
      <Show when={list.error}>
        <Banner kind="error">{errorText(list.error)}</Banner>
      </Show>
      <Show when={list()}>
        {(l) => (
          <p class="lc-note" data-testid="last-tick">
            {l().lastTick ? t('tenants.tick.last', { date: l().lastTick!.date, at: formatDateTime(l().lastTick!.at), count: l().lastTick!.tenants ?? 0 }) : t('tenants.tick.never')}{' '}
            <Show when={l().items.some((x) => x.ticks.some((r) => r.failing || r.behind))}>
              <a href="/platform/dead-letters">{t('tenants.tick.deadLetters')}</a>
            </Show>
          </p>
        )}
      </Show>
      <DataTable<Tenant>
        label={t('tenants.title')}
        rows={list.error ? [] : (tenants() ?? [])}
        loading={list.loading}
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
            label: () => t('tenants.tick'),
            cell: (x) => (
              <span class="lc-status lc-ticks" data-testid="tenant-ticks">
                <For each={x.ticks} fallback={<span class="lc-note">—</span>}>
                  {(run) => <TickRunTag run={run} />}
                </For>
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

  return (
    <div class="card narrow">
      <h2>{t('tenants.new')}</h2>
      <Show when={formError()}>
        <Banner kind="error">{errorText(formError(), { staleOnConflict: false })}</Banner>
      </Show>
      <form class="form" novalidate onSubmit={(e) => void submit(e)}>
        <Input id="tenant-id" label={t('tenants.id')} required hint={t('tenants.idHint')} class="mono" spellcheck={false} autocomplete="off" maxLength={TENANT_ID_LENGTH.max} error={errors.get('id')} value={draft().id} onValue={(v) => set('id', v)} />
        <Input id="tenant-name" label={t('tenants.name')} required rule={limits.tenant.name} autocomplete="off" error={errors.get('name')} value={draft().name} onValue={(v) => set('name', v)} />
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
        <Input
          id="tenant-divisionCode"
          label={t('tenants.divisionCode')}
          required
          hint={t('tenants.divisionHint')}
          class="mono"
          inputmode="numeric"
          autocomplete="off"
          maxLength={IDENTIFIER_INPUT_MAX}
          error={errors.get('divisionCode')}
          value={draft().divisionCode}
          onValue={(v) => set('divisionCode', v)}
        />
        <FormActions busy={busy()} submitLabel={t('common.create')} onCancel={props.onCancel} />
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

  return (
    <div class="card narrow" ref={intoView} aria-labelledby="tenant-edit-title">
      <h2 id="tenant-edit-title">{t('tenants.editTitle', { name: props.tenant.name })}</h2>
      <Show when={formError()}>
        <Banner kind="error">{errorText(formError())}</Banner>
      </Show>
      <form class="form" novalidate onSubmit={(e) => void submit(e)}>
        <Input id="tenant-edit-name" label={t('tenants.name')} required rule={limits.tenant.name} autocomplete="off" error={errors.get('name')} value={name()} onValue={setName} />
        <Input id="tenant-edit-contact-name" label={t('tenants.contactName')} rule={limits.tenant.contactName} autocomplete="off" error={errors.get('contact.name')} value={contactName()} onValue={setContactName} />
        <Input id="tenant-edit-contact-phone" type="tel" label={t('tenants.contactPhone')} hint={t('tenants.contactPhoneHint')} autocomplete="off" maxLength={IDENTIFIER_INPUT_MAX} error={errors.get('contact.phone')} value={contactPhone()} onValue={setContactPhone} />
        <Input id="tenant-edit-contact-email" type="email" label={t('tenants.contactEmail')} rule={limits.tenant.contactEmail} autocomplete="off" error={errors.get('contact.email')} value={contactEmail()} onValue={setContactEmail} />
        <FormActions busy={busy()} submitLabel={t('common.save')} onCancel={props.onCancel} />
      </form>
    </div>
  );
}

function SuspendTenant(props: { tenant: Tenant; onDone: () => void; onCancel: () => void }) {
  return (
    <ConfirmPanel
      id="tenant-suspend"
      danger
      title={t('tenants.suspendTitle', { name: props.tenant.name })}
      reason={{ label: t('tenants.reason'), hint: t('tenants.reasonHint'), rule: limits.tenant.suspendReason, tooShort: () => t('tenants.reasonRequired') }}
      confirmLabel={t('tenants.suspendConfirm')}
      run={async (reason) => {
        await mutate('platform.tenants.suspend', { tenantId: props.tenant.id, reason });
        showToast('success', () => t('tenants.suspendedToast', { name: props.tenant.name }));
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      <ul>
        <li>{t('tenants.suspendEffect.users')}</li>
        <li>{t('tenants.suspendEffect.public')}</li>
        <li>{t('tenants.suspendEffect.data')}</li>
      </ul>
    </ConfirmPanel>
  );
}

function ReactivateTenant(props: { tenant: Tenant; onDone: () => void; onCancel: () => void }) {
  return (
    <ConfirmPanel
      id="tenant-reactivate"
      title={t('tenants.reactivateTitle', { name: props.tenant.name })}
      confirmLabel={t('tenants.reactivateConfirm')}
      run={async () => {
        await mutate('platform.tenants.reactivate', { tenantId: props.tenant.id });
        showToast('success', () => t('tenants.reactivatedToast', { name: props.tenant.name }));
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      <p>{t('tenants.reactivateText', { reason: props.tenant.suspendReason ?? '' })}</p>
    </ConfirmPanel>
  );
}
