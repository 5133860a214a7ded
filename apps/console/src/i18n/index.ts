import { createSignal } from 'solid-js';
import type { ModuleDict } from '../console-module';
import type { CONSOLE_MODULES } from '../modules';
import { en } from './en';
import { zh, type CoreKey } from './zh';

export type Lang = 'zh-CN' | 'en';

type KeysOf<M> = M extends { dict: { zh: infer Z } } ? keyof Z & string : never;
/** Every label key: the shell's own (`common.*`, `error.*`, …) and each registered module's (module-prefixed). */
export type DictKey = CoreKey | KeysOf<(typeof CONSOLE_MODULES)[number]>;

const STORAGE_KEY = 'ufp.lang';
/** The merged dictionaries: the shell's, then each module's (`registerDictionaries`, from the module list). */
const dicts: Record<Lang, Record<string, string>> = { 'zh-CN': { ...zh }, en: { ...en } };
const zhAll = dicts['zh-CN'];

/** Adds modules' dictionaries (main.tsx, from `CONSOLE_MODULES`, before the first render). */
export function registerDictionaries(moduleDicts: readonly ModuleDict[]): void {
  for (const d of moduleDicts) {
    Object.assign(dicts['zh-CN'], d.zh);
    Object.assign(dicts.en, d.en);
  }
}

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const [lang, setLangSignal] = createSignal<Lang>(initialLang());
export { lang };

function applyDocumentLang(l: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}
applyDocumentLang(lang());

export function setLang(l: Lang): void {
  setLangSignal(l);
  applyDocumentLang(l);
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    /* storage unavailable (private mode): the choice lasts for this page only */
  }
}

export function toggleLang(): void {
  setLang(lang() === 'zh-CN' ? 'en' : 'zh-CN');
}

/** Translate a key for the current language. Reactive: reads the `lang` signal. */
export function t(key: DictKey, params?: Record<string, string | number | undefined | null>): string {
  const text: string = dicts[lang()][key] ?? zhAll[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Translate a dynamic key (e.g. built from server data), falling back to `fallback`. */
export function tMaybe(key: string, fallback: string): string {
  return dicts[lang()][key] ?? fallback;
}

/** A bilingual label record (`{ zh, en }`, e.g. the domain's own labels from @ufp/core) in the current language. */
export function label(b: { zh: string; en: string } | undefined): string {
  return b ? (lang() === 'en' ? b.en : b.zh) : '';
}

export function locale(): string {
  return lang() === 'en' ? 'en-GB' : 'zh-CN';
}

export function formatDateTime(iso: string | number | undefined | null): string {
  if (iso === undefined || iso === null || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(locale(), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

export function formatNumber(n: number | undefined | null): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  return n.toLocaleString(locale());
}

/** A long id (a ULID, a token subject) cut to a few characters, for a label beside a name's absence. */
export const shortId = (id: string): string => (id.length > 8 ? `${id.slice(0, 6)}…` : id);
