import { Show, type Component, type JSX } from 'solid-js';
import { allowed, moduleAllowed } from '../nav';
import { me } from '../session';
import { Forbidden } from './ErrorPages';

/** Renders the page only for the given roles (and, for a module's page, staff assigned to it), otherwise the 403 page. */
export function Guard(props: { roles: readonly string[]; module?: string; children: JSX.Element }) {
  return (
    <Show when={allowed(me()?.roles, props.roles) && moduleAllowed(me()?.modules, props.module)} fallback={<Forbidden />}>
      {props.children}
    </Show>
  );
}

export function guarded(roles: readonly string[], Page: Component, module?: string): Component {
  return () => (
    <Guard roles={roles} module={module}>
      <Page />
    </Guard>
  );
}
