import { createMemo, createResource, createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Banner } from '../../components/Banner';
import { DataTable, ListFooter } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { createFieldErrors, describedBy } from '../../forms';
import { Input } from '../../components/Input';
import { ConfirmPanel, FormActions, intoView } from '../../components/Panel';
import { SearchForm, type SearchSelect } from '../../components/SearchForm';
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

export default function Users() {
  const [search, setSearch] = createSignal<UserSearch>({ q: '', role: '', status: '' });
  // The search as typed and chosen; a select applies at once, the text on 搜索 / Enter.
  const [q, setQ] = createSignal('');
  const [role, setRole] = createSignal<UserSearch['role']>('');
  const [status, setStatus] = createSignal<UserSearch['status']>('');
  const selects: SearchSelect[] = [
    { id: 'users-role', label: () => t('users.roles'), value: role, onChange: (v) => setRole(v as UserSearch['role']), options: TENANT_ROLES, text: (r) => tMaybe(`role.${r}`, r) },
    { id: 'users-status', label: () => t('users.status'), value: status, onChange: (v) => setStatus(v as UserSearch['status']), options: ['active', 'disabled'], text: (v) => tMaybe(`users.status.${v}`, v) },
  ];
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
      <SearchForm
        id="users-q"
        ariaLabel={t('users.search.label')}
        label={t('users.search.q')}
        placeholder={t('users.search.placeholder')}
        rule={limits.user.search}
        q={q()}
        onQ={setQ}
        selects={selects}
        onSearch={() => {
          setSearch({ q: q(), role: role(), status: status() });
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
        <Input id={`${prefix}-name`} label={t('users.name')} required rule={limits.user.name} autocomplete="off" error={errors.get('name')} value={name()} onValue={setName} />
        <Input
          id={`${prefix}-login`}
          label={t('users.loginId')}
          hint={props.user?.loginKind === 'phone' ? t('users.loginIdKeep', { current: props.user.loginId ?? '' }) : t('users.loginIdHint')}
          class="mono"
          autocomplete="off"
          spellcheck={false}
          maxLength={IDENTIFIER_INPUT_MAX}
          error={errors.get('loginId')}
          value={loginId()}
          onValue={setLoginId}
        />
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
        <FormActions busy={busy()} submitLabel={editing ? t('common.save') : t('common.create')} onCancel={props.onCancel} />
      </form>
    </div>
  );
}

function DisableUser(props: { user: UserRow; onDone: () => void; onCancel: () => void }) {
  return (
    <ConfirmPanel
      id="user-disable"
      danger
      title={t('users.disableTitle', { name: props.user.name })}
      reason={{ label: t('users.reason'), rule: limits.user.disableReason, tooShort: () => t('users.reasonRequired') }}
      confirmLabel={t('users.disableConfirm')}
      run={async (reason) => {
        await mutate('users.disable', { userId: props.user.userId, reason });
        showToast('success', () => t('users.disabledToast', { name: props.user.name }));
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      <p>{t('users.disableText')}</p>
    </ConfirmPanel>
  );
}

function EnableUser(props: { user: UserRow; onDone: () => void; onCancel: () => void }) {
  return (
    <ConfirmPanel
      id="user-enable"
      title={t('users.enableTitle', { name: props.user.name })}
      confirmLabel={t('users.enableConfirm')}
      run={async () => {
        await mutate('users.enable', { userId: props.user.userId });
        showToast('success', () => t('users.enabledToast', { name: props.user.name }));
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      <p>{t('users.enableText')}</p>
    </ConfirmPanel>
  );
}
