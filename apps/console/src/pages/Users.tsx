import { createMemo, createResource, createSignal, For, onMount, Show } from 'solid-js';
import { mutate, query } from '../api';
import { Banner } from '../components/Banner';
import { DataTable, ListFooter } from '../components/DataTable';
import { Field } from '../components/Field';
import { createFieldErrors, describedBy } from '../forms';
import { formatDateTime, t, tMaybe } from '../i18n';
import { createPaged } from '../paged';
import { errorText, showToast } from '../toast';
import type { Page, Role, Unit, UserRow } from '../types';
import { limits } from '@ufp/core/validation/limits';

/** Roles a federation admin may grant inside the tenant (platform_operator is not a tenant role). */
const TENANT_ROLES: readonly Role[] = ['federation_admin', 'federation_staff', 'unit_reporter', 'leadership_viewer'];

async function allUnits(): Promise<Unit[]> {
  const out: Unit[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page: Page<Unit> = await query<Page<Unit>>('units.list', cursor ? { limit: 100, cursor } : { limit: 100 });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

export default function Users() {
  const list = createPaged<UserRow>((cursor) => query<Page<UserRow>>('users.list', cursor ? { cursor, limit: 50 } : { limit: 50 }));
  onMount(() => void list.reload());
  const [units] = createResource(allUnits);
  const unitName = createMemo(() => new Map((units() ?? []).map((u) => [u.unitId, u.name])));

  const [showForm, setShowForm] = createSignal(false);
  const [name, setName] = createSignal('');
  const [roles, setRoles] = createSignal<Role[]>([]);
  const [unitId, setUnitId] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const errors = createFieldErrors();
  const needsUnit = () => roles().includes('unit_reporter');

  function toggleRole(r: Role, on: boolean) {
    setRoles((prev) => (on ? [...prev.filter((x) => x !== r), r] : prev.filter((x) => x !== r)));
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setFormError(undefined);
    const local: Record<string, () => string> = {};
    if (!name().trim()) local.name = () => t('users.nameRequired');
    if (roles().length === 0) local.roles = () => t('users.rolesRequired');
    if (needsUnit() && !unitId()) local.unitId = () => t('users.unitRequired');
    errors.setErrors(local);
    if (Object.keys(local).length > 0) return;
    const input: { name: string; roles: Role[]; unitId?: string } = { name: name().trim(), roles: roles() };
    if (needsUnit() && unitId()) input.unitId = unitId(); // only reporters are bound to a unit
    setBusy(true);
    try {
      const created = await mutate<UserRow>('users.create', input);
      const createdName = created?.name ?? input.name;
      showToast('success', () => t('users.created', { name: createdName }));
      setName('');
      setRoles([]);
      setUnitId('');
      setShowForm(false);
      void list.reload();
    } catch (err) {
      const rest = errors.fromServer(err, ['name', 'roles', 'unitId']);
      if (rest.length > 0 || Object.keys(errors.errors()).length === 0) setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="users-title">
      <div class="page-head">
        <h1 id="users-title">{t('users.title')}</h1>
        <Show when={!showForm()}>
          <button type="button" class="btn btn--primary" onClick={() => setShowForm(true)}>
            {t('users.new')}
          </button>
        </Show>
      </div>
      <Show when={showForm()}>
        <div class="card narrow">
          <h2>{t('users.new')}</h2>
          <Show when={formError()}>
            <Banner kind="error">{errorText(formError(), { staleOnConflict: false })}</Banner>
          </Show>
          <form class="form" novalidate onSubmit={(e) => void submit(e)}>
            <Field id="user-name" label={t('users.name')} required error={errors.get('name')}>
              <input
                id="user-name"
                type="text"
                autocomplete="off"
                maxlength={limits.user.name.max}
                value={name()}
                aria-invalid={!!errors.get('name')}
                aria-describedby={describedBy('user-name', false, !!errors.get('name'))}
                onInput={(e) => setName(e.currentTarget.value)}
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
                      <input
                        id={`user-role-${r}`}
                        type="checkbox"
                        checked={roles().includes(r)}
                        onChange={(e) => toggleRole(r, e.currentTarget.checked)}
                      />
                      <label for={`user-role-${r}`}>{t(`role.${r}`)}</label>
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
              <Field id="user-unit" label={t('users.unit')} required={needsUnit()} error={errors.get('unitId')}>
                <select
                  id="user-unit"
                  value={unitId()}
                  aria-invalid={!!errors.get('unitId')}
                  aria-describedby={describedBy('user-unit', false, !!errors.get('unitId'))}
                  onChange={(e) => setUnitId(e.currentTarget.value)}
                >
                  <option value="" selected={unitId() === ''}>
                    {t('users.unitNone')}
                  </option>
                  <For each={units() ?? []}>
                    {(u) => (
                      <option value={u.unitId} selected={unitId() === u.unitId}>
                        {u.name}
                      </option>
                    )}
                  </For>
                </select>
              </Field>
            </Show>
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
      <Show when={list.error()}>
        <Banner kind="error">{errorText(list.error())}</Banner>
      </Show>
      <DataTable<UserRow>
        label={t('users.title')}
        rows={list.items()}
        loading={list.loading() && !list.loaded()}
        columns={[
          { label: () => t('users.name'), cell: (u) => u.name, class: 'cell--primary' },
          {
            label: () => t('users.roles'),
            cell: (u) => (
              <span class="tags">
                <For each={u.roles}>{(r) => <span class="tag">{tMaybe(`role.${r}`, r)}</span>}</For>
              </span>
            ),
          },
          {
            label: () => t('users.unit'),
            cell: (u) => (u.unitId ? (unitName().get(u.unitId) ?? u.unitId) : '—'),
          },
          { label: () => t('common.createdAt'), cell: (u) => formatDateTime(u.createdAt) },
        ]}
      />
      <ListFooter hasMore={list.hasMore()} loading={list.loading()} onMore={() => void list.loadMore()} />
    </section>
  );
}
