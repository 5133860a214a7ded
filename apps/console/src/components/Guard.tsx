import { Show, type Component, type JSX } from 'solid-js';
import { allowed } from '../nav';
import { me } from '../session';
import { Forbidden } from './ErrorPages';

/** Renders the page only for the given roles, otherwise the 403 page. */
export function Guard(props: { roles: readonly string[]; children: JSX.Element }) {
  return (
    <Show when={allowed(me()?.roles, props.roles)} fallback={<Forbidden />}>
      {props.children}
    </Show>
  );
}

export function guarded(roles: readonly string[], Page: Component): Component {
  return () => (
    <Guard roles={roles}>
      <Page />
    </Guard>
  );
}
