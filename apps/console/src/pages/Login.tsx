import { useNavigate } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ApiError, getJson, postJson } from '../api';
import { ActionBanner, Banner } from '../components/Banner';
import { LangSwitch } from '../components/LangSwitch';
import { t, tMaybe } from '../i18n';
import { logoutReason, setToken } from '../session';
import { errorText } from '../toast';
import { ROLES } from '../api-types';

/** One sign-in choice of the local platform's `/dev/users` (plain JSON outside tRPC, so not in the router's types). */
interface DevUser {
  sub: string;
  name: string;
  roles: string[];
  tenantId?: string;
  tenantName?: string;
  unitId?: string;
  unitName?: string;
  scope?: unknown;
  status?: 'active' | 'disabled';
  loginId?: string;
  label: string;
}

type DevUsersResult = { kind: 'users'; users: DevUser[] } | { kind: 'oidc' };

async function loadDevUsers(): Promise<DevUsersResult> {
  try {
    const users = await getJson<DevUser[]>('/dev/users');
    return { kind: 'users', users: Array.isArray(users) ? users : [] };
  } catch (e) {
    // No dev users endpoint (production): sign-in goes through the organisation's OIDC provider.
    if (e instanceof ApiError && e.httpStatus === 404) return { kind: 'oidc' };
    throw e;
  }
}

/** A rollup scope is a 2-, 4- or 6-digit division code prefix (e.g. `32` 江苏). */
function divisionScope(u: DevUser): string | undefined {
  return typeof u.scope === 'string' && /^\d{2}(\d{2}){0,2}$/.test(u.scope) ? u.scope : undefined;
}

/** Group heading: tenant name; for a rollup scope the part of the label before " · "; else 平台 (''). */
function groupOf(u: DevUser): string {
  if (u.tenantName) return u.tenantName;
  if (u.tenantId) return u.tenantId;
  const i = u.label.indexOf(' · ');
  return divisionScope(u) && i > 0 ? u.label.slice(0, i) : '';
}

/** Second line: the bound unit, role names the label does not already show (in the UI language), the login id. */
function secondary(u: DevUser): string {
  const roles = u.roles.map((r) => tMaybe(`role.${r}`, r)).filter((name) => !u.label.includes(name));
  return [u.unitName, ...roles, u.loginId].filter(Boolean).join(' · ');
}

function roleRank(u: DevUser): number {
  const ranks = u.roles.map((r) => ROLES.indexOf(r as (typeof ROLES)[number])).filter((n) => n >= 0);
  return ranks.length ? Math.min(...ranks) : ROLES.length;
}

export default function Login() {
  const navigate = useNavigate();
  const [result, { refetch }] = createResource(loadDevUsers);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>();

  const groups = createMemo(() => {
    const r = result();
    if (!r || r.kind !== 'users') return [];
    const map = new Map<string, DevUser[]>();
    for (const u of r.users) {
      const g = groupOf(u);
      map.set(g, [...(map.get(g) ?? []), u]);
    }
    return [...map.entries()].map(([name, users]) => ({
      name,
      users: [...users].sort((a, b) => roleRank(a) - roleRank(b) || a.label.localeCompare(b.label, 'zh-CN')),
    }));
  });

  async function pick(u: DevUser) {
    setBusy(u.sub);
    setError(undefined);
    try {
      // A directory user's roles and unit come from the directory (the dev login looks them up).
      const body: Record<string, unknown> = { sub: u.sub, roles: u.roles };
      if (u.name) body.name = u.name;
      if (u.tenantId) body.tenantId = u.tenantId;
      if (u.unitId) body.unitId = u.unitId;
      // Only a division-code scope goes into the token (not e.g. the operator's `platform`).
      const scope = divisionScope(u);
      if (scope) body.scope = scope;
      const res = await postJson<{ token: string }>('/auth/dev-login', body);
      if (!res?.token) throw new Error('no token');
      setToken(res.token);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="login">
      <header class="login__bar">
        <span class="brand">
          <span class="brand__mark" aria-hidden="true">
            工
          </span>
          <span class="brand__name">{t('app.name')}</span>
        </span>
        <LangSwitch />
      </header>
      <main class="login__main">
        <Switch>
          <Match when={result.error}>
            <section class="card login__card">
              <h1>{t('login.title')}</h1>
              <ActionBanner actionLabel={t('common.retry')} onAction={() => void refetch()}>
                {errorText(result.error)}
              </ActionBanner>
            </section>
          </Match>
          <Match when={result.loading}>
            <section class="card login__card" role="status">
              {t('login.loading')}
            </section>
          </Match>
          <Match when={result()?.kind === 'oidc'}>
            <section class="card login__card" aria-labelledby="oidc-title">
              <h1 id="oidc-title">{t('login.oidcTitle')}</h1>
              <p>{t('login.oidcBody')}</p>
            </section>
          </Match>
          <Match when={result()?.kind === 'users'}>
            <section class="card login__card" aria-labelledby="login-title">
              <h1 id="login-title">{t('login.title')}</h1>
              <p class="muted">{t('login.subtitle')}</p>
              <Show when={logoutReason() === 'expired'}>
                <Banner kind="info">{t('login.sessionExpired')}</Banner>
              </Show>
              <Show when={logoutReason() === 'disabled'}>
                <Banner kind="error">{t('login.accountDisabled')}</Banner>
              </Show>
              <Show when={error()}>
                <Banner kind="error">{t('login.failed', { message: errorText(error()) })}</Banner>
              </Show>
              <For each={groups()}>
                {(group) => (
                  <section class="login__group">
                    <h2>{group.name || t('login.platform')}</h2>
                    <ul class="login__users">
                      <For each={group.users}>
                        {(u) => (
                          <li>
                            <button
                              type="button"
                              class="login__user"
                              disabled={busy() !== null || u.status === 'disabled'}
                              aria-busy={busy() === u.sub}
                              onClick={() => void pick(u)}
                            >
                              <span class="login__label">{u.label}</span>
                              <Show when={secondary(u)}>
                                <span class="login__roles">{secondary(u)}</span>
                              </Show>
                              <Show when={u.status === 'disabled'}>
                                <span class="tag tag--off">{t('users.status.disabled')}</span>
                              </Show>
                            </button>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                )}
              </For>
            </section>
          </Match>
        </Switch>
      </main>
    </div>
  );
}
