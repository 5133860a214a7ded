import { createMemo, createResource, createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { createFieldErrors, describedBy } from '../../forms';
import { formatDateTime, t, tMaybe } from '../../i18n';
import { createPaged } from '../../paged';
import { me } from '../../session';
import { errorText, showToast } from '../../toast';
import type { RouterOutputs } from '../../api';
import { MODULES, type ModuleName, type Role, type Unit } from '../../api-types';
import type { Page } from '../../paged';

type UserRow = RouterOutputs['users']['list']['items'][number];
import { IDENTIFIER_INPUT_MAX, limits } from '@ufp/core/validation/limits';
import '../../components/lifecycle.css';

/** Roles a federation admin may grant inside the tenant (platform_operator is not a tenant role). */
const TENANT_ROLES = ['federation_admin', 'federation_staff', 'unit_reporter', 'leadership_viewer'] as const satisfies readonly Role[];
/** The server's limit for a display name (users.create / users.update). */

async function allUnits(): Promise<Unit[]> {
  const out: Unit[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page: Page<Unit> = await query('units.list', cursor ? { limit: 100, cursor } : { limit: 100 });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

type Panel = { kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'disable'; user: UserRow } | { kind: 'enable'; user: UserRow } | null;

/** Brings a panel that opens above a long list into view and focuses its first control. */
const intoView = (el: HTMLElement) =>
  queueMicrotask(() => {
    el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  });

const moduleNames = (modules: readonly string[] | undefined) => (modules?.length ? modules.map((m) => tMaybe(`module.${m}`, m)).join('、') : t('users.modulesAll'));

interface UserSearch {
  q: string;
  role: '' | (typeof TENANT_ROLES)[number];
  status: '' | 'active' | 'disabled';
}

/** The filters the server applies (users.list): empty fields are left out. */
function searchInput(v: UserSearch): Omit<InputOf<'users.list'> & object, 'cursor' | 'limit'> {
  return { ...(v.q.trim() ? { q: v.q.trim() } : {}), ...(v.role ? { role: v.role } : {}), ...(v.status ? { status: v.status } : {}) };
}

/** Search by name or login identifier, role and status; a select applies at once, the text on 搜索 / Enter. */
function UserSearchForm(props: { value: UserSearch; onSearch: (v: UserSearch) => void }) {
  const [draft, setDraft] = createSignal<UserSearch>({ ...props.value });
  const apply = (patch: Partial<UserSearch>) => {
    setDraft((d) => ({ ...d, ...patch }));
    props.onSearch(draft());
  };
  return (
    <form
      class="filters"
      role="search"
      aria-label={t('users.search.label')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSearch(draft());
      }}
    >
      <div class="field">
        <label for="users-q">{t('users.search.q')}</label>
        <input id="users-q" type="search" maxlength={limits.user.search.max} value={draft().q} placeholder={t('users.search.placeholder')} onInput={(e) => setDraft((d) => ({ ...d, q: e.currentTarget.value }))} />
      </div>
      <div class="field">
        <label for="users-role">{t('users.roles')}</label>
        <select id="users-role" value={draft().role} onChange={(e) => apply({ role: e.currentTarget.value as UserSearch['role'] })}>
          <option value="">{t('common.all')}</option>
          <For each={TENANT_ROLES}>{(r) => <option value={r}>{tMaybe(`role.${r}`, r)}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="users-status">{t('users.status')}</label>
        <select id="users-status" value={draft().status} onChange={(e) => apply({ status: e.currentTarget.value as UserSearch['status'] })}>
          <option value="">{t('common.all')}</option>
          <option value="active">{t('users.status.active')}</option>
          <option value="disabled">{t('users.status.disabled')}</option>
        </select>
      </div>
      <div class="filters__actions">
        <button type="submit" class="btn">
          {t('common.search')}
        </button>
      </div>
    </form>
  );
}

export default function Users() {
  const [search, setSearch] = createSignal<UserSearch>({ q: '', role: '', status: '' });
  const list = createPaged<UserRow>((cursor) => query('users.list', { limit: 50, ...searchInput(search()), ...(cursor ? { cursor } : {}) }));
  onMount(() => void list.reload());
  const [units] = createResource(allUnits);
  const unitName = createMemo(() => new Map((units() ?? []).map((u) => [u.unitId, u.name])));
  const [panel, setPanel] = createSignal<Panel>(null);
  const close = () => setPanel(null);
  const done = () => {
    close();
    void list.reload();
  };

  return (
    <section aria-labelledby="users-title" class="lc">
      <div class="page-head">
        <div>
          <h1 id="users-title">{t('users.title')}</h1>
          <p class="muted">{t('users.subtitle')}</p>
        </div>
        <Show when={!panel()}>
          <button type="button" class="btn btn--primary" onClick={() => setPanel({ kind: 'create' })}>
            {t('users.new')}
          </button>
        </Show>
      </div>
      <Switch>
        <Match when={panel()?.kind === 'create'}>
          <UserForm units={units() ?? []} onDone={done} onCancel={close} />
        </Match>
        <Match when={panel()?.kind === 'edit' && panel()} keyed>
          {(p) => <UserForm user={(p as { user: UserRow }).user} units={units() ?? []} onDone={done} onCancel={close} />}
        </Match>
        <Match when={panel()?.kind === 'disable' && panel()} keyed>
          {(p) => <DisableUser user={(p as { user: UserRow }).user} onDone={done} onCancel={close} />}
        </Match>
        <Match when={panel()?.kind === 'enable' && panel()} keyed>
          {(p) => <EnableUser user={(p as { user: UserRow }).user} onDone={done} onCancel={close} />}
        </Match>
      </Switch>
      <UserSearchForm
        value={search()}
        onSearch={(v) => {
          setSearch(v);
          void list.reload();
        }}
      />
      <Show when={list.error()}>
        <Banner kind="error">{errorText(list.error())}</Banner>
      </Show>
      <Show when={list.loaded() && !list.loading() && list.items().length === 0 && (search().q || search().role || search().status)}>
        <p class="muted" role="status">{t('users.search.none')}</p>
      </Show>
      <DataTable<UserRow>
        label={t('users.title')}
        rows={list.items()}
        loading={list.loading() && !list.loaded()}
        rowClass={(u) => (u.status === 'disabled' ? 'lc-row--off' : '')}
        columns={[
          { label: () => t('users.name'), cell: (u) => u.name, class: 'cell--primary' },
          { label: () => t('users.loginId'), cell: (u) => (u.loginId ? <span class="mono">{u.loginId}</span> : '—') },
          {
            label: () => t('users.roles'),
            cell: (u) => (
              <span class="tags">
                <For each={u.roles}>{(r) => <span class="tag">{tMaybe(`role.${r}`, r)}</span>}</For>
              </span>
            ),
          },
          { label: () => t('users.modules'), cell: (u) => (u.roles.includes('federation_staff') && !u.roles.includes('federation_admin') ? moduleNames(u.modules) : '—') },
          { label: () => t('users.unit'), cell: (u) => (u.unitId ? (unitName().get(u.unitId) ?? u.unitId) : '—') },
          {
            label: () => t('users.status'),
            cell: (u) => (
              <span class="lc-status" data-testid="user-status">
                <span class={u.status === 'disabled' ? 'tag tag--off' : 'tag'}>{tMaybe(`users.status.${u.status}`, u.status)}</span>
                <Show when={u.status === 'disabled'}>
                  <span class="lc-note">{t('users.disabledNote', { reason: u.disabledReason ?? '', at: formatDateTime(u.disabledAt) })}</span>
                </Show>
              </span>
            ),
          },
          {
            label: () => t('common.actions'),
            cell: (u) => (
              <span class="lc-actions">
                <button type="button" class="btn btn--small" aria-label={t('users.editLabel', { name: u.name })} onClick={() => setPanel({ kind: 'edit', user: u })}>
                  {t('common.edit')}
                </button>
                <Show
                  when={u.status === 'disabled'}
                  fallback={
                    <button type="button" class="btn btn--small btn--danger" aria-label={t('users.disableLabel', { name: u.name })} onClick={() => setPanel({ kind: 'disable', user: u })}>
                      {t('users.disable')}
                    </button>
                  }
                >
                  <button type="button" class="btn btn--small" aria-label={t('users.enableLabel', { name: u.name })} onClick={() => setPanel({ kind: 'enable', user: u })}>
                    {t('users.enable')}
                  </button>
                </Show>
              </span>
            ),
          },
        ]}
      />
      <ListFooter hasMore={list.hasMore()} loading={list.loading()} onMore={() => void list.loadMore()} />
    </section>
  );
}

/** Create (no `user`) or edit a user: name, login id, roles, unit (reporters), modules (staff who are not admins). */
function UserForm(props: { user?: UserRow; units: Unit[]; onDone: () => void; onCancel: () => void }) {
  const editing = !!props.user;
  const prefix = editing ? 'user-edit' : 'user';
  const [name, setName] = createSignal(props.user?.name ?? '');
  // A phone login id is only ever shown masked: its field starts empty (empty = unchanged).
  const [loginId, setLoginId] = createSignal(props.user?.loginKind === 'account' ? (props.user.loginId ?? '') : '');
  const [roles, setRoles] = createSignal<Role[]>((props.user?.roles as Role[]) ?? []);
  const [unitId, setUnitId] = createSignal(props.user?.unitId ?? '');
  const [modules, setModules] = createSignal<ModuleName[]>(props.user?.modules ?? []);
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const errors = createFieldErrors();
  const needsUnit = () => roles().includes('unit_reporter');
  const takesModules = () => roles().includes('federation_staff') && !roles().includes('federation_admin');
  const toggle = <T,>(set: (f: (prev: T[]) => T[]) => void, v: T, on: boolean) => set((prev) => (on ? [...prev.filter((x) => x !== v), v] : prev.filter((x) => x !== v)));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setFormError(undefined);
    const local: Record<string, () => string> = {};
    if (!name().trim()) local.name = () => t('users.nameRequired');
    if (roles().length === 0) local.roles = () => t('users.rolesRequired');
    if (needsUnit() && !unitId()) local.unitId = () => t('users.unitRequired');
    errors.setErrors(local);
    if (Object.keys(local).length > 0) return;
    const login = loginId().trim();
    setBusy(true);
    try {
      if (props.user) {
        const input: Record<string, unknown> = {
          userId: props.user.userId,
          version: props.user.version,
          name: name().trim(),
          roles: roles(),
          unitId: needsUnit() ? unitId() : null,
          modules: takesModules() ? modules() : [],
        };
        if (login && login !== props.user.loginId) input.loginId = login;
        await mutate('users.update', input as InputOf<'users.update'>);
        showToast('success', () => t('users.updated', { name: name().trim() }));
      } else {
        const input: Record<string, unknown> = { name: name().trim(), roles: roles() };
        if (needsUnit()) input.unitId = unitId(); // only reporters are bound to a unit
        if (takesModules() && modules().length) input.modules = modules();
        if (login) input.loginId = login;
        const created = await mutate('users.create', input as InputOf<'users.create'>);
        const createdName = created?.name ?? name().trim();
        showToast('success', () => t('users.created', { name: createdName }));
      }
      props.onDone();
    } catch (err) {
      const rest = errors.fromServer(err, ['name', 'loginId', 'roles', 'unitId', 'modules']);
      if (rest.length > 0 || Object.keys(errors.errors()).length === 0) setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="card narrow" ref={editing ? intoView : undefined} aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{editing ? t('users.editTitle', { name: props.user!.name }) : t('users.new')}</h2>
      <Show when={formError()}>
        <Banner kind="error">{errorText(formError(), { staleOnConflict: editing })}</Banner>
      </Show>
      <form class="form" novalidate onSubmit={(e) => void submit(e)}>
        <Field id={`${prefix}-name`} label={t('users.name')} required error={errors.get('name')}>
          <input
            id={`${prefix}-name`}
            type="text"
            autocomplete="off"
            maxlength={limits.user.name.max}
            value={name()}
            aria-invalid={!!errors.get('name')}
            aria-describedby={describedBy(`${prefix}-name`, false, !!errors.get('name'))}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <Field
          id={`${prefix}-login`}
          label={t('users.loginId')}
          hint={props.user?.loginKind === 'phone' ? t('users.loginIdKeep', { current: props.user.loginId ?? '' }) : t('users.loginIdHint')}
          error={errors.get('loginId')}
        >
          <input
            id={`${prefix}-login`}
            type="text"
            autocomplete="off"
            spellcheck={false}
            maxlength={IDENTIFIER_INPUT_MAX}
            class="mono"
            value={loginId()}
            aria-invalid={!!errors.get('loginId')}
            aria-describedby={describedBy(`${prefix}-login`, true, !!errors.get('loginId'))}
            onInput={(e) => setLoginId(e.currentTarget.value)}
          />
        </Field>
        <fieldset class="field" classList={{ 'field--invalid': !!errors.get('roles') }}>
          <legend>
            {t('users.roles')}
            <span class="field__req" aria-hidden="true">
              {' '}
              *
            </span>
          </legend>
          <div class="checks">
            <For each={TENANT_ROLES}>
              {(r) => (
                <span class="check">
                  <input id={`${prefix}-role-${r}`} type="checkbox" checked={roles().includes(r)} onChange={(e) => toggle(setRoles, r, e.currentTarget.checked)} />
                  <label for={`${prefix}-role-${r}`}>{t(`role.${r}`)}</label>
                </span>
              )}
            </For>
          </div>
          <Show when={errors.get('roles')}>
            {(err) => (
              <span class="field__error" role="alert">
                {err()()}
              </span>
            )}
          </Show>
        </fieldset>
        <Show when={needsUnit()}>
          <Field id={`${prefix}-unit`} label={t('users.unit')} required error={errors.get('unitId')}>
            <select
              id={`${prefix}-unit`}
              value={unitId()}
              aria-invalid={!!errors.get('unitId')}
              aria-describedby={describedBy(`${prefix}-unit`, false, !!errors.get('unitId'))}
              onChange={(e) => setUnitId(e.currentTarget.value)}
            >
              <option value="" selected={unitId() === ''}>
                {t('users.unitNone')}
              </option>
              <For each={props.units}>
                {(u) => (
                  <option value={u.unitId} selected={unitId() === u.unitId}>
                    {u.name}
                  </option>
                )}
              </For>
            </select>
          </Field>
        </Show>
        <Show when={takesModules()}>
          <fieldset class="field" classList={{ 'field--invalid': !!errors.get('modules') }} aria-describedby={`${prefix}-modules-hint`}>
            <legend>{t('users.modules')}</legend>
            <div class="checks">
              <For each={MODULES}>
                {(m) => (
                  <span class="check">
                    <input id={`${prefix}-module-${m}`} type="checkbox" checked={modules().includes(m)} onChange={(e) => toggle(setModules, m, e.currentTarget.checked)} />
                    <label for={`${prefix}-module-${m}`}>{t(`module.${m}`)}</label>
                  </span>
                )}
              </For>
            </div>
            <span class="field__hint" id={`${prefix}-modules-hint`}>
              {t('users.modulesHint')}
            </span>
            <Show when={errors.get('modules')}>
              {(err) => (
                <span class="field__error" role="alert">
                  {err()()}
                </span>
              )}
            </Show>
          </fieldset>
        </Show>
        <Show when={editing && props.user!.userId === me()?.sub}>
          <Banner kind="info">{t('users.editingSelf')}</Banner>
        </Show>
        <div class="form__actions">
          <button type="submit" class="btn btn--primary" disabled={busy()}>
            {busy() ? t('common.saving') : editing ? t('common.save') : t('common.create')}
          </button>
          <button type="button" class="btn" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

function DisableUser(props: { user: UserRow; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const errors = createFieldErrors();

  async function confirm() {
    setError(undefined);
    if (reason().trim().length < 2) {
      errors.setErrors({ reason: () => t('users.reasonRequired') });
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      await mutate('users.disable', { userId: props.user.userId, reason: reason().trim() });
      showToast('success', () => t('users.disabledToast', { name: props.user.name }));
      props.onDone();
    } catch (err) {
      if (errors.fromServer(err, ['reason']).length > 0 || Object.keys(errors.errors()).length === 0) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="card narrow lc-confirm lc-confirm--danger" role="alertdialog" aria-labelledby="user-disable-title" aria-describedby="user-disable-text" ref={intoView}>
      <h2 id="user-disable-title">{t('users.disableTitle', { name: props.user.name })}</h2>
      <p id="user-disable-text">{t('users.disableText')}</p>
      <Show when={error()}>
        <Banner kind="error">{errorText(error(), { staleOnConflict: false })}</Banner>
      </Show>
      <Field id="user-disable-reason" label={t('users.reason')} required error={errors.get('reason')}>
        <textarea
          id="user-disable-reason"
          rows={3}
          maxlength={limits.user.disableReason.max}
          value={reason()}
          aria-invalid={!!errors.get('reason')}
          aria-describedby={describedBy('user-disable-reason', false, !!errors.get('reason'))}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </Field>
      <div class="form__actions">
        <button type="button" class="btn btn--danger" disabled={busy()} onClick={() => void confirm()}>
          {busy() ? t('common.saving') : t('users.disableConfirm')}
        </button>
        <button type="button" class="btn" disabled={busy()} onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function EnableUser(props: { user: UserRow; onDone: () => void; onCancel: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  async function confirm() {
    setError(undefined);
    setBusy(true);
    try {
      await mutate('users.enable', { userId: props.user.userId });
      showToast('success', () => t('users.enabledToast', { name: props.user.name }));
      props.onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="card narrow lc-confirm" role="alertdialog" aria-labelledby="user-enable-title" aria-describedby="user-enable-text" ref={intoView}>
      <h2 id="user-enable-title">{t('users.enableTitle', { name: props.user.name })}</h2>
      <p id="user-enable-text">{t('users.enableText')}</p>
      <Show when={error()}>
        <Banner kind="error">{errorText(error(), { staleOnConflict: false })}</Banner>
      </Show>
      <div class="form__actions">
        <button type="button" class="btn btn--primary" disabled={busy()} onClick={() => void confirm()}>
          {busy() ? t('common.saving') : t('users.enableConfirm')}
        </button>
        <button type="button" class="btn" disabled={busy()} onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
