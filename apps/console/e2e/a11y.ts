// Accessibility checks of the e2e run: axe-core (npm) injected into the page under test.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

/** One violated rule with the elements that violate it (what the failure message prints). */
export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** The impacts that fail a test: axe's "serious" and "critical". */
export const FAILING_IMPACTS = ['serious', 'critical'] as const;

/**
 * Runs axe-core on the page as it is (WCAG 2.0/2.1 A and AA rules and axe's best practices) and returns the
 * violations. axe is evaluated through the DevTools protocol, not a `<script>` tag, so the console's
 * Content-Security-Policy (`script-src 'self'`) neither blocks it nor reports it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    type AxeNode = { target: unknown[]; html: string; failureSummary?: string };
    type AxeResult = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeResult[] }> } }).axe;
    const res = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.map(String).join(' '), html: n.html.slice(0, 200), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
    }));
  });
}

/** Readable lines for a failure message. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string[] {
  return violations.map(
    (v) => `${where}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target}  ${n.html}\n      ${n.summary}`).join('\n')}`,
  );
}

/** Waits until the page has settled: network idle and no "加载中…" left (what is checked is what the user sees). */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page
    .waitForFunction(() => !document.querySelector('[role="status"]')?.textContent?.includes('加载中'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
}

/**
 * The serious and critical violations on the page, described. Waits for the page to settle first (no
 * "加载中…" left, network idle) so that what is checked is what the user sees.
 */
export async function seriousViolations(page: Page, where = new URL(page.url()).pathname): Promise<string[]> {
  await settled(page);
  const violations = await axeViolations(page);
  return describeViolations(
    where,
    violations.filter((v) => (FAILING_IMPACTS as readonly string[]).includes(v.impact ?? '')),
  );
}

/** Fails when axe finds a serious or critical violation on the page. */
export async function expectAccessible(page: Page, where = new URL(page.url()).pathname): Promise<void> {
  expect(await seriousViolations(page, where), `axe: serious or critical violations on ${where}`).toEqual([]);
}
