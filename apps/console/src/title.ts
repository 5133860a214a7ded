import { onCleanup, onMount } from 'solid-js';
import { t } from './i18n';

/** The page's name: the first level-1 heading of the main region (of the document on public pages). */
function pageName(): string {
  const h1 = document.querySelector('main h1') ?? document.querySelector('h1');
  return h1?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * `document.title` follows the page: "页面名称 — 工会联合会数字化平台" (in the current language), from the page's
 * `<h1>`, so every page, a module's or the shell's (not found, no access), is named without a table of titles.
 * Watches the rendered app: the heading appears after loading and changes with the language.
 */
export function useDocumentTitle(): void {
  onMount(() => {
    const root = document.getElementById('root') ?? document.body;
    let scheduled = false;
    const update = () => {
      scheduled = false;
      const app = t('app.name');
      const page = pageName();
      const next = page && page !== app ? t('title.page', { page, app }) : app;
      if (document.title !== next) document.title = next;
    };
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(update);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    update();
    onCleanup(() => observer.disconnect());
  });
}
