import { splitProps, type JSX } from 'solid-js';
import type { TextRule } from '@ufp/core/validation/text';
import { describedBy } from '../forms';
import { Field } from './Field';

/**
 * The one styled text control of the console's forms: `Field`'s label (required marker shown before
 * submit), hint and error slot around an `<input>` (or a text area for a multi-line rule) that
 * carries the right `type`, `aria-invalid` / `aria-describedby`, and the server's length limit as
 * `maxlength` (pass the rule from `@ufp/core/validation/limits`).
 *
 * `extra` is shown under the control inside the field (e.g. a live check); give it an id of
 * `${id}-live` to have it read with the control.
 */
interface CommonProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  required?: boolean;
  hint?: string;
  error?: (() => string) | undefined;
  /** The server's limit for this field; its `max` becomes `maxlength`. */
  rule?: TextRule;
  maxLength?: number;
  extra?: JSX.Element;
  /** Adds `${id}-live` to aria-describedby (a live status the caller renders in `extra`). */
  live?: boolean;
  /** Classes besides `input` (e.g. `mono`). */
  class?: string;
}

type InputAttrs = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput' | 'maxLength' | 'required' | 'children'>;

function describe(p: CommonProps): string | undefined {
  const ids = [describedBy(p.id, !!p.hint, !!p.error), p.live ? `${p.id}-live` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function Input(props: CommonProps & InputAttrs) {
  const [own, rest] = splitProps(props, ['id', 'label', 'value', 'onValue', 'required', 'hint', 'error', 'rule', 'maxLength', 'extra', 'live', 'type', 'class']);
  return (
    <Field id={own.id} label={own.label} required={own.required} hint={own.hint} error={own.error}>
      <input
        {...rest}
        id={own.id}
        class={own.class ? `input ${own.class}` : 'input'}
        type={own.type ?? 'text'}
        value={own.value}
        maxLength={own.rule?.max ?? own.maxLength}
        required={own.required}
        aria-invalid={own.error ? 'true' : undefined}
        aria-describedby={describe(own)}
        onInput={(e) => own.onValue(e.currentTarget.value)}
      />
      {own.extra}
    </Field>
  );
}

type TextAreaAttrs = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onInput' | 'maxLength' | 'required' | 'children'>;

export function TextArea(props: CommonProps & TextAreaAttrs) {
  const [own, rest] = splitProps(props, ['id', 'label', 'value', 'onValue', 'required', 'hint', 'error', 'rule', 'maxLength', 'extra', 'live', 'class']);
  return (
    <Field id={own.id} label={own.label} required={own.required} hint={own.hint} error={own.error}>
      <textarea
        rows={3}
        {...rest}
        id={own.id}
        class={own.class ? `input ${own.class}` : 'input'}
        value={own.value}
        maxLength={own.rule?.max ?? own.maxLength}
        required={own.required}
        aria-invalid={own.error ? 'true' : undefined}
        aria-describedby={describe(own)}
        onInput={(e) => own.onValue(e.currentTarget.value)}
      />
      {own.extra}
    </Field>
  );
}
