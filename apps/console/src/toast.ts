import { createSignal } from 'solid-js';
import { ApiError } from './api';
import { lang, t } from './i18n';

export type ToastKind = 'success' | 'error' | 'info';
export interface Toast {
  id: number;
  kind: ToastKind;
  /** A function so the text follows the language switch. */
  text: () => string;
}

const [toasts, setToasts] = createSignal<Toast[]>([]);
export { toasts };
let nextId = 1;

export function dismissToast(id: number): void {
  setToasts((list) => list.filter((x) => x.id !== id));
}

export function showToast(kind: ToastKind, text: () => string, timeoutMs = kind === 'error' ? 10_000 : 4_000): void {
  const id = nextId++;
  setToasts((list) => [...list.slice(-3), { id, kind, text }]);
  if (timeoutMs > 0) setTimeout(() => dismissToast(id), timeoutMs);
}

/** The server's `staleVersion()` refusal: a 409 whose `details.reason` is `stale_version`. */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'CONFLICT' && err.details.reason === 'stale_version';
}

/** A missing (404) or forbidden (403) record. */
export function isMissing(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN');
}

/**
 * A human message for any error thrown by the API client, in the current language. A 409/400 shows
 * the server's own message (a short budget, a running 公示 …); only a stale version (`stale_version`)
 * says the record was changed by someone else.
 */
export function errorText(err: unknown, opts: { staleOnConflict?: boolean } = {}): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'CONFLICT':
        if (opts.staleOnConflict !== false && isStale(err)) return t('error.conflict');
        break;
      case 'FORBIDDEN':
        return (lang() === 'en' ? err.messageEn : err.message) || t('error.forbiddenBody');
      case 'NETWORK':
        return t('error.network');
      default:
        break;
    }
    if (err.issues.length > 0) {
      return err.issues.map((i) => (lang() === 'en' ? (i.messageEn ?? i.message) : i.message)).join(lang() === 'en' ? '; ' : '；');
    }
    const message = lang() === 'en' ? (err.messageEn ?? err.message) : err.message;
    if (message && (err.code === 'CONFLICT' || err.code === 'BAD_REQUEST' || err.code === 'NOT_FOUND')) return message;
    return message ? t('error.generic', { message }) : t('error.unknown');
  }
  return err instanceof Error && err.message ? t('error.generic', { message: err.message }) : t('error.unknown');
}

export function showError(err: unknown): void {
  // 401s are handled globally (back to the login page); no toast for them.
  if (err instanceof ApiError && err.code === 'UNAUTHORIZED') return;
  showToast('error', () => errorText(err));
}
