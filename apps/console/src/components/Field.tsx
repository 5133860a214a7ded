import { Show, type JSX } from 'solid-js';
import { t } from '../i18n';

/** A labelled form row: `<label for>` + the control (which must carry `id`) + hint + error. */
export function Field(props: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: (() => string) | undefined;
  children: JSX.Element;
}) {
  return (
    <div class="field" classList={{ 'field--invalid': !!props.error }}>
      <label for={props.id}>
        {props.label}
        <Show when={props.required}>
          <span class="field__req" aria-hidden="true">
            {' '}
            *
          </span>
          <span class="visually-hidden">（{t('common.required')}）</span>
        </Show>
      </label>
      {props.children}
      <Show when={props.hint}>
        <span class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      </Show>
      <Show when={props.error}>
        {(err) => (
          <span class="field__error" id={`${props.id}-error`} role="alert">
            {err()()}
          </span>
        )}
      </Show>
    </div>
  );
}
