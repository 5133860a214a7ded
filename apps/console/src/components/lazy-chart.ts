import { createSignal, onCleanup, onMount, type Accessor } from 'solid-js';
import type { EChartsType } from './echarts-setup';

/**
 * Tooltip settings every chart uses: drawn on the chart's canvas (`richText`). ECharts' default HTML
 * tooltips write their markup with inline `style` attributes, which the console's Content-Security-Policy
 * (`style-src 'self'`, packages/api/src/security-headers.ts) refuses.
 */
export const canvasTooltip = { renderMode: 'richText' } as const;

/**
 * An ECharts instance on `el()`: ECharts is imported lazily after mount (its own chunk), the
 * chart follows its box's size and is disposed with the component. `failed` is set when the
 * chart code could not be loaded.
 */
export function createLazyChart(el: () => HTMLElement): { chart: Accessor<EChartsType | undefined>; failed: Accessor<boolean> } {
  const [chart, setChart] = createSignal<EChartsType>();
  const [failed, setFailed] = createSignal(false);
  let disposed = false;
  let observer: ResizeObserver | undefined;
  onMount(async () => {
    try {
      const { init } = await import('./echarts-setup');
      if (disposed) return;
      const c = init(el(), undefined, { renderer: 'canvas' });
      setChart(c);
      observer = new ResizeObserver(() => c.resize());
      observer.observe(el());
    } catch {
      setFailed(true);
    }
  });
  onCleanup(() => {
    disposed = true;
    observer?.disconnect();
    chart()?.dispose();
  });
  return { chart, failed };
}
