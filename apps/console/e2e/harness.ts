// Test harness: starts the local platform (API + built console + DynamoDB Local, see platform.ts) as a
// child process group and a headless Chromium, and stops both by PID. It builds nothing: the root
// script `test:e2e` builds the console first.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type BrowserServer, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { repoRoot, startPlatform, type Platform } from './platform';

export { freePort, repoRoot, startPlatform, type Platform } from './platform';
export const screensDir = join(repoRoot, 'apps/console/e2e/.screens');

export interface BrowserHandle {
  browser: Browser;
  pid: number | undefined;
  stop(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless Chromium (the system's, or CHROMIUM_PATH); launched as a server so its PID is known. */
export async function launchBrowser(): Promise<BrowserHandle> {
  const server: BrowserServer = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const pid = server.process().pid;
  const browser = await chromium.connect(server.wsEndpoint());
  let stopped = false;
  return {
    browser,
    pid,
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
      await Promise.race([server.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
      if (pid !== undefined) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    },
  };
}

/** Playwright's default wait for an element or event in a watched context (the test itself may take 60 s). */
export const ACTION_TIMEOUT_MS = 25_000;

/** The two widths the console is checked at: a phone (390 px) and a laptop (1366 px). */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };

/** The page is no wider than the viewport (no sideways scrolling). */
export async function noOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screensDir, { recursive: true });
  const path = join(screensDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** GB 32100-2015 unified social credit code: 18th character from the first 17. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) throw new RangeError(`bad USCC character ${first17.charAt(i)}`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 organisation code check character for its 8-character body. */
function orgCodeCheckChar(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8.charAt(i), 36) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** A valid enterprise code (登记管理部门 9, 类别 1) for a division, with a random organisation code. */
export function makeUscc(division = '321281'): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += String(Math.floor(Math.random() * 10));
  const first17 = `91${division}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/** The same code with a wrong check character. */
export function breakUscc(code: string): string {
  const good = code.charAt(17);
  const bad = USCC_CHARSET.split('').find((c) => c !== good)!;
  return code.slice(0, 17) + bad;
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Logs in through the demo login page: the user whose button reads "<org> · …<roleWord>…", or whose
 * label matches `org` when it is a RegExp; waits for the console shell.
 */
export async function loginAs(page: Page, org: string | RegExp, roleWord = ''): Promise<void> {
  await page.goto('/login');
  const name = typeof org === 'string' ? new RegExp(`^${escapeRe(org)} · .*${escapeRe(roleWord)}`) : org;
  const pick = page.getByRole('button', { name }).first();
  await pick.waitFor({ timeout: 20_000 });
  await pick.click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('#main-nav').waitFor({ state: 'attached' });
}

/**
 * Collects every Content-Security-Policy violation in the context's pages: the document's
 * `securitypolicyviolation` events (listened for before any page script runs; Playwright's init
 * scripts are not subject to the page's CSP) and Chromium's own "Refused to … Content Security
 * Policy" console errors.
 */
export async function watchContentSecurityPolicy(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`[csp-violation] ${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) under "${e.originalPolicy}"`);
    });
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/\[csp-violation\]|Content Security Policy/i.test(text)) violations.push(`${message.location().url}: ${text}`);
  });
}

/**
 * The platform and Chromium around one test file: started before its tests, stopped (by
 * PID) after them. Page errors of every page opened are collected in `pageErrors`. Every context
 * made with `session.browser.newContext` is watched for Content-Security-Policy violations and
 * uncaught page errors (`pageerror`), and a test during which the console broke its CSP or threw fails.
 */
export function useE2eSession() {
  let platform: Platform | undefined;
  let chrome: BrowserHandle | undefined;
  let watched: Browser | undefined;
  const cspViolations: string[] = [];
  const uncaught: string[] = [];
  /** The test's answers of 400 and above and its requests that failed, printed if it fails. */
  const network: string[] = [];
  beforeAll(async () => {
    platform = await startPlatform({ from: inject('e2eSeededDataDir') });
    chrome = await launchBrowser();
    const browser = chrome.browser;
    watched = new Proxy(browser, {
      get(target, prop) {
        if (prop === 'newContext') {
          return async (...args: Parameters<Browser['newContext']>) => {
            const context = await target.newContext(...args);
            // A wait that never ends fails with its own message, well inside the test's 60 s.
            context.setDefaultTimeout(ACTION_TIMEOUT_MS);
            await watchContentSecurityPolicy(context, cspViolations);
            context.on('page', (page) => page.on('pageerror', (e) => uncaught.push(`${page.url()}: ${e.message}`)));
            context.on('response', (r) => r.status() >= 400 && network.push(`${r.status()} ${r.request().method()} ${r.url()}`));
            context.on('requestfailed', (r) => network.push(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText ?? ''}`));
            return context;
          };
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  });
  afterEach(({ task }) => {
    // What the platform logged (errors, restarts) says why a browser wait ran out.
    if (task.result?.state === 'fail' && platform) {
      console.error(`platform log of "${task.name}" (tail):\n${platform.logs().slice(-6_000)}\nrefused or failed requests of the test:\n${network.join('\n') || '(none)'}`);
    }
    network.splice(0);
    expect(cspViolations.splice(0), 'Content-Security-Policy violations').toEqual([]);
    expect(uncaught.splice(0), 'uncaught errors in the page (pageerror)').toEqual([]);
  });
  afterAll(async () => {
    await chrome?.stop();
    await platform?.stop();
  });
  return {
    pageErrors: [] as string[],
    cspViolations,
    get url(): string {
      return platform!.url;
    },
    get browser(): BrowserHandle['browser'] {
      return watched!;
    },
  };
}

/**
 * Reloads `page` until `read` answers `expected`: for work that finishes after the request that started it (each
 * tenant's daily jobs run in their own consumers after the tick's fan-out).
 */
export async function expectAfterReload<T>(page: Page, read: () => Promise<T>, expected: T, opts: { timeout?: number; interval?: number } = {}): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.reload();
        return read();
      },
      { timeout: opts.timeout ?? 30_000, interval: opts.interval ?? 1_000 },
    )
    .toBe(expected);
}
