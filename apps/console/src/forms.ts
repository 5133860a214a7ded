import { createSignal } from 'solid-js';
import { ApiError } from './api';
import { lang } from './i18n';

/** Field messages are functions so they follow the language switch. */
export type FieldErrors = Record<string, () => string>;

export function createFieldErrors() {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  /**
   * Put the server's validation issues beside the fields they name. Returns the issues whose
   * path is not one of `fields` (to be shown in a banner instead).
   */
  const fromServer = (err: unknown, fields: readonly string[]): ApiError['issues'] => {
    const out: FieldErrors = {};
    const rest: ApiError['issues'] = [];
    if (err instanceof ApiError) {
      for (const issue of err.issues) {
        const key = issue.path.join('.');
        const field = fields.includes(key) ? key : fields.find((f) => key.startsWith(`${f}.`));
        if (field && !out[field]) {
          out[field] = () => (lang() === 'en' ? (issue.messageEn ?? issue.message) : issue.message);
        } else if (!field) {
          rest.push(issue);
        }
      }
    }
    setErrors(out);
    return rest;
  };
  return {
    errors,
    setErrors,
    clear: () => setErrors({}),
    get: (field: string): (() => string) | undefined => errors()[field],
    /** Takes one field's error away (typing in the field clears what the last check said of it). */
    drop: (field: string): void => {
      if (!errors()[field]) return;
      const { [field]: _gone, ...rest } = errors();
      setErrors(rest);
    },
    fromServer,
    /**
     * Puts the server's issues beside the fields they name; false when something is left for a banner (an issue of no
     * such field, or an error that is not about fields at all).
     */
    placed: (err: unknown, fields: readonly string[]): boolean => fromServer(err, fields).length === 0 && Object.keys(errors()).length > 0,
  };
}

/** ids for aria-describedby of an input with optional hint and error. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : '', hasError ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
