import { A, Navigate, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { query } from '../api';
import { t, tMaybe } from '../i18n';
import { navFor, tabsFor } from '../nav';
import { clearToken, me, setMe, token } from '../session';
import { errorText } from '../toast';
import type { Me } from '../api-types';
import { Banner } from './Banner';
import { LangSwitch } from './LangSwitch';
import { onEscape, SkipLink, TabBar } from './TabBar';

/** Authenticated layout: loads `me`, then header + role-based navigation + page. */
export function Shell(props: { children?: JSX.Element }) {
  const [meRes, { refetch }] = createResource(
    () => token() ?? undefined,
    async () => {
      const m = await query('me');
      setMe(m);
      return m;
    },
  );
  return (
    <Switch>
      <Match when={!token()}>
        <Navigate href="/login" />
      </Match>
      <Match when={me()}>{(m) => <Frame me={m()}>{props.children}</Frame>}</Match>
      <Match when={meRes.error}>
        <div class="center-page">
          <Banner
            kind="error"
            action={
              <span class="form__actions">
                <button type="button" class="btn" onClick={() => void refetch()}>
                  {t('common.retry')}
                </button>
                {/* e.g. a token the server rejects with 403 instead of 401: let the user sign in again */}
                <button type="button" class="btn btn--primary" onClick={() => clearToken()}>
                  {t('header.relogin')}
                </button>
              </span>
            }
          >
            {t('error.meFailed')}：{errorText(meRes.error)}
          </Banner>
        </div>
      </Match>
      <Match when={true}>
        <div class="center-page" role="status">
          {t('common.loading')}
        </div>
      </Match>
    </Switch>
  );
}

function Frame(props: { me: Me; children?: JSX.Element }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = createSignal(false);
  createEffect(() => {
    void location.pathname; // close the phone menu after navigating
    setMenuOpen(false);
  });
  const items = () => navFor(props.me.roles, props.me.modules);
  const suspended = () => props.me.tenant?.status === 'suspended';
  const tabs = () => (suspended() ? [] : tabsFor(props.me.roles, props.me.modules));
  let menuToggle!: HTMLButtonElement;
  // Escape closes the phone menu and gives focus back to its button.
  onEscape(() => {
    if (!menuOpen()) return false;
    setMenuOpen(false);
    menuToggle.focus();
    return true;
  });
  const orgName = () => props.me.tenant?.name ?? props.me.scope?.name ?? t('login.platform');
  const roleNames = () => props.me.roles.map((r) => tMaybe(`role.${r}`, r)).join('、');
  const logout = () => {
    clearToken();
    navigate('/login', { replace: true });
  };
  return (
    <div class="app" classList={{ 'app--tabbar': tabs().length > 0 }}>
      <SkipLink target="main" />
      <header class="topbar">
        <button
          ref={menuToggle}
          type="button"
          class="menu-toggle"
          aria-controls="main-nav"
          aria-expanded={menuOpen()}
          aria-label={menuOpen() ? t('header.menuClose') : t('header.menuOpen')}
          onClick={() => setMenuOpen(!menuOpen())}
        >
          <span class="menu-toggle__icon" aria-hidden="true">
            {menuOpen() ? '✕' : '☰'}
          </span>
          <span class="menu-toggle__text">{t('header.menu')}</span>
        </button>
        <A href="/" class="brand">
          <span class="brand__mark" aria-hidden="true">
            工
          </span>
          <span class="brand__name">{t('app.name')}</span>
        </A>
        <div class="topbar__org" title={t('header.tenant')}>
          <span class="visually-hidden">{t('header.tenant')}：</span>
          {orgName()}
        </div>
        <div class="topbar__spacer" />
        <div class="topbar__user" title={roleNames()}>
          <span class="visually-hidden">{t('header.user')}：</span>
          <span class="topbar__user-name">{props.me.name}</span>
          <span class="topbar__roles">{roleNames()}</span>
        </div>
        <LangSwitch />
        <button type="button" class="btn btn--ghost logout" onClick={logout}>
          {t('header.logout')}
        </button>
      </header>
      <div class="layout">
        <nav id="main-nav" class="sidenav" classList={{ 'sidenav--open': menuOpen() }} aria-label={t('nav.label')}>
          <ul>
            <For each={items()}>
              {(item) => (
                <li>
                  <A href={item.path} activeClass="active">
                    {t(item.key)}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <main id="main" class="main" tabindex="-1">
          {/* A suspended federation's users can do nothing but read why (every other call answers 403). */}
          <Show
            when={!suspended()}
            fallback={
              <div class="card narrow" role="alert" aria-labelledby="suspended-title">
                <h1 id="suspended-title">{t('tenant.suspendedTitle')}</h1>
                <p>{t('tenant.suspendedBody', { name: props.me.tenant?.name ?? '' })}</p>
              </div>
            }
          >
            <Show when={items().length > 0} fallback={<Banner kind="info">{t('error.noRole')}</Banner>}>
              {props.children}
            </Show>
          </Show>
        </main>
      </div>
      <Show when={tabs().length > 0}>
        <TabBar tabs={tabs()} />
      </Show>
    </div>
  );
}

/** `/`: go to the first page the user's roles may open. */
export function Home() {
  const first = () => (me()?.tenant?.status === 'suspended' ? undefined : navFor(me()?.roles, me()?.modules)[0]?.path);
  return (
    <Show when={first()} fallback={<Banner kind="info">{t('error.noRole')}</Banner>}>
      {(path) => <Navigate href={path()} />}
    </Show>
  );
}
