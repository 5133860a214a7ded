import { onCleanup } from 'solid-js';

/**
 * A box that scrolls sideways (a wide table on a narrow screen) must be reachable by keyboard: while it scrolls
 * it is a focusable, named region (`tabindex="0"`, `role="region"`, `aria-label`); otherwise it is no tab stop.
 * Call from a `ref` (watches the box and its content for size changes until the owner is disposed).
 */
export function scrollRegion(el: HTMLElement, label: () => string): void {
  const update = () => {
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label());
    } else if (el.hasAttribute('tabindex')) {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  };
  const observer = new ResizeObserver(update);
  observer.observe(el);
  // The content's size changes as rows arrive.
  queueMicrotask(() => {
    for (const child of Array.from(el.children)) observer.observe(child);
  });
  onCleanup(() => observer.disconnect());
}
