// Phone navigation and keyboard polish of the shell: the unit reporter's bottom tab bar (任务 / 申请 / 通知 / 我的,
// like the 智慧工会 apps), the skip link, and Escape closing the phone menu.
import { A } from '@solidjs/router';
import { For, onCleanup, onMount } from 'solid-js';
import type { ModuleNavTab } from '../console-module';
import { t } from '../i18n';
import type { NavTab } from '../nav';
import './tab-bar.css';

/** 24×24 line icons, as path data (decorative: the label says what the tab is). */
const TAB_ICONS: Record<ModuleNavTab['icon'], readonly string[]> = {
  tasks: ['M7 4h10a2 2 0 0 1 2 2v13a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z', 'M8.5 10l1.5 1.5 3-3M8.5 16h7'],
  apply: ['M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z', 'M14 3v5h5M12 11v6M9 14h6'],
  notices: ['M6 16v-5a6 6 0 0 1 12 0v5l1.5 2h-15z', 'M10 20.5a2 2 0 0 0 4 0'],
  mine: ['M8 8a4 4 0 1 0 8 0a4 4 0 1 0-8 0', 'M4.5 20.5a7.5 7.5 0 0 1 15 0'],
};

/** The bottom tab bar: shown at ≤ 600 px only (CSS); rendered only for users who have tabs (unit reporters). */
export function TabBar(props: { tabs: readonly NavTab[] }) {
  return (
    <nav class="tabbar" aria-label={t('tabbar.label')} data-testid="tabbar">
      <ul>
        <For each={props.tabs}>
          {(tab) => (
            <li>
              <A href={tab.path} class="tabbar__tab" activeClass="active">
                <svg class="tabbar__icon" viewBox="0 0 24 24" aria-hidden="true">
                  <For each={TAB_ICONS[tab.icon]}>{(d) => <path d={d} />}</For>
                </svg>
                <span class="tabbar__label">{t(tab.key)}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

/**
 * "跳到主要内容": the first focusable element of the shell; moves focus to `#<target>` (which has tabindex="-1").
 * Handled here (a native listener, before the router's) so the URL keeps no `#main`.
 */
export function SkipLink(props: { target: string }) {
  let link!: HTMLAnchorElement;
  onMount(() => {
    const go = (e: MouseEvent) => {
      e.preventDefault();
      const el = document.getElementById(props.target);
      if (!el) return;
      el.focus();
      el.scrollIntoView({ block: 'start' });
    };
    link.addEventListener('click', go);
    onCleanup(() => link.removeEventListener('click', go));
  });
  return (
    <a ref={link} class="skip-link" href={`#${props.target}`}>
      {t('nav.skipToMain')}
    </a>
  );
}

/** Calls `close` on Escape (unless something else, e.g. a dialog, already handled the key) while the owner lives. */
export function onEscape(close: () => boolean): void {
  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (close()) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });
}
