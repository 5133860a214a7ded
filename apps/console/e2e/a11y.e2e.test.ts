// Accessibility sweep (issue 14): every route of every registered console module, opened as a role that may
// see it, at 390 px and 1366 px: no page errors and no horizontal overflow at either width, and no serious or
// critical axe-core violations — every page at 390 px, and at 1366 px the first page of each sign-in (the shell and
// its side navigation). The console renders the same DOM at every width (no script reads the viewport; only CSS
// differs), so a second full axe pass at 1366 px re-checked the same elements and cost a minute of CI.
// The route list is checked against the modules' own `routes`, so a new page is swept too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { seriousViolations, settled } from './a11y';
import { loginAs, repoRoot, screenshot, useE2eSession, DESKTOP, PHONE } from './harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;

const VIEWPORTS: [string, BrowserContextOptions][] = [
  ['390', PHONE],
  ['1366', DESKTOP],
];

type Login = [string | RegExp, string?];
const ADMIN: Login = ['兴化市总工会', '管理员'];
const REPORTER: Login = ['兴化市总工会', '基层工会填报员'];
const LEADER: Login = ['江苏省总工会', '领导'];
const OPERATOR: Login = [/平台运营/];
const TENANT = '321281'; // 兴化市总工会, the seed's tenant with 十件实事, units and hardship data

/** A page to sweep: a route pattern of a module, how to reach a concrete URL of it, and who opens it. */
interface Visit {
  route: string;
  as: Login | 'public';
  /** The URL: a fixed path, or found on a list page (the first link matching `link`), else `fallback`. */
  path?: string;
  from?: { list: string; link: RegExp; fallback: string };
}

const VISITS: Visit[] = [
  { route: '/login', as: 'public', path: '/login' },
  { route: '/self-test', as: 'public', path: '/self-test' },
  { route: '/notices/:tenantId', as: 'public', path: `/notices/${TENANT}` },
  { route: '/units', as: ADMIN, path: '/units' },
  { route: '/units/new', as: ADMIN, path: '/units/new' },
  { route: '/units/:unitId', as: ADMIN, from: { list: '/units', link: /^\/units\/(?!new$)[^/]+$/, fallback: '/units/none' } },
  { route: '/my-unit', as: REPORTER, path: '/my-unit' },
  { route: '/users', as: ADMIN, path: '/users' },
  { route: '/audit', as: ADMIN, path: '/audit' },
  { route: '/dead-letters', as: ADMIN, path: '/dead-letters' },
  { route: '/overview', as: LEADER, path: '/overview' },
  { route: '/overview', as: LEADER, path: '/overview?scope=3212' },
  // The meeting screen of a share link: an unknown token shows its plain error (a real link is opened in cockpit.e2e).
  { route: '/share/:token', as: 'public', path: '/share/32.not-a-real-share-token' },
  { route: '/notifications', as: ADMIN, path: '/notifications' },
  { route: '/notifications', as: REPORTER, path: '/notifications' },
  { route: '/tenants', as: OPERATOR, path: '/tenants' },
  { route: '/calendar', as: OPERATOR, path: '/calendar' },
  { route: '/platform/dead-letters', as: OPERATOR, path: '/platform/dead-letters' },
  { route: '/hardship', as: ADMIN, path: '/hardship' },
  { route: '/hardship', as: REPORTER, path: '/hardship' },
  { route: '/hardship/apply', as: REPORTER, path: '/hardship/apply' },
  { route: '/hardship/files/:fileId', as: ADMIN, from: { list: '/hardship', link: /^\/hardship\/files\/[^/]+$/, fallback: '/hardship/files/none' } },
  { route: '/hardship/funds', as: ADMIN, path: '/hardship/funds' },
  { route: '/hardship/import', as: ADMIN, path: '/hardship/import' },
  { route: '/hardship/charts', as: LEADER, path: '/hardship/charts' },
  { route: '/contracts', as: ADMIN, path: '/contracts' },
  { route: '/contracts', as: REPORTER, path: '/contracts' },
  { route: '/contracts/new', as: ADMIN, path: '/contracts/new' },
  { route: '/contracts/deadlines', as: ADMIN, path: '/contracts/deadlines' },
  { route: '/contracts/campaigns', as: ADMIN, path: '/contracts/campaigns' },
  { route: '/contracts/campaigns/:campaignId', as: ADMIN, from: { list: '/contracts/campaigns', link: /^\/contracts\/campaigns\/[^/]+$/, fallback: '/contracts/campaigns/none' } },
  { route: '/contracts/:contractId', as: ADMIN, from: { list: '/contracts', link: /^\/contracts\/(?!new$|deadlines$|campaigns$)[^/]+$/, fallback: '/contracts/none' } },
  { route: '/ten-things', as: ADMIN, path: '/ten-things' },
  { route: '/ten-things/my', as: REPORTER, path: '/ten-things/my' },
  { route: '/ten-things/compare', as: LEADER, path: '/ten-things/compare' },
  { route: '/ten-things/items/:itemId', as: ADMIN, from: { list: '/ten-things', link: /^\/ten-things\/items\/[^/]+$/, fallback: '/ten-things/items/none' } },
  // A public page, reached with a real item id (found signed in; the page itself needs no sign-in).
  { route: '/rate/:tenantId/:itemId', as: ADMIN, from: { list: '/ten-things', link: /^\/ten-things\/items\/[^/]+$/, fallback: `/rate/${TENANT}/none` } },
  { route: '/ten-things/report/:planId', as: ADMIN, from: { list: '/ten-things', link: /^\/ten-things\/report\/[^/]+$/, fallback: '/ten-things/report/none' } },
  { route: '/model-workers', as: ADMIN, path: '/model-workers' },
  { route: '/model-workers', as: REPORTER, path: '/model-workers' },
  { route: '/model-workers/new', as: ADMIN, path: '/model-workers/new' },
  { route: '/model-workers/:personId', as: ADMIN, from: { list: '/model-workers', link: /^\/model-workers\/(?!new$|ladder$|summary$|registry$)[^/]+$/, fallback: '/model-workers/none' } },
  { route: '/model-workers/registry', as: ADMIN, path: '/model-workers/registry' },
  { route: '/mw-verify', as: 'public', path: '/mw-verify?t=not-a-real.credential-token' },
  { route: '/model-workers/ladder', as: OPERATOR, path: '/model-workers/ladder' },
  { route: '/model-workers/summary', as: LEADER, path: '/model-workers/summary' },
  { route: '/model-worker-services/survey', as: REPORTER, path: '/model-worker-services/survey' },
  { route: '/model-worker-services/benefits', as: ADMIN, path: '/model-worker-services/benefits' },
  { route: '/model-worker-visits', as: ADMIN, path: '/model-worker-visits' },
  { route: '/model-worker-visits', as: REPORTER, path: '/model-worker-visits' },
  { route: '/model-worker-visits/logs', as: ADMIN, path: '/model-worker-visits/logs' },
  { route: '/model-worker-visits/logs', as: REPORTER, path: '/model-worker-visits/logs' },
  { route: '/model-worker-visits/:requestId', as: ADMIN, from: { list: '/model-worker-visits', link: /^\/model-worker-visits\/(?!logs$)[^/]+$/, fallback: '/model-worker-visits/none' } },
  { route: '/model-worker-studios', as: ADMIN, path: '/model-worker-studios' },
  { route: '/model-worker-studios/new', as: ADMIN, path: '/model-worker-studios/new' },
  { route: '/model-worker-studios/:studioId', as: ADMIN, from: { list: '/model-worker-studios', link: /^\/model-worker-studios\/(?!new$)[^/]+$/, fallback: '/model-worker-studios/none' } },
  { route: '/model-worker-services/recuperation', as: ADMIN, path: '/model-worker-services/recuperation' },
  { route: '/mw-campaigns', as: ADMIN, path: '/mw-campaigns' },
  { route: '/mw-campaigns', as: REPORTER, path: '/mw-campaigns' },
  { route: '/mw-campaigns/:campaignId', as: ADMIN, from: { list: '/mw-campaigns', link: /^\/mw-campaigns\/[^/]+$/, fallback: '/mw-campaigns/none' } },
  { route: '/mw-publicity/:tenantId/:campaignId', as: 'public', path: `/mw-publicity/${TENANT}/none` },
  { route: '/mw-drafts', as: ADMIN, path: '/mw-drafts' },
  { route: '/competitions', as: ADMIN, path: '/competitions' },
  { route: '/competitions', as: REPORTER, path: '/competitions' },
  { route: '/competitions/new', as: ADMIN, path: '/competitions/new' },
  { route: '/competitions/:competitionId', as: ADMIN, from: { list: '/competitions', link: /^\/competitions\/(?!new$|judging$|analytics$|province$|events\/)[^/]+$/, fallback: '/competitions/none' } },
  { route: '/competitions/events/:eventId', as: ADMIN, path: '/competitions/events/none' },
  { route: '/competitions/events/:eventId/register', as: REPORTER, path: '/competitions/events/none/register' },
  { route: '/competitions/events/:eventId/results/:stage', as: ADMIN, path: '/competitions/events/none/results/final' },
  { route: '/competitions/events/:eventId/certificates', as: ADMIN, path: '/competitions/events/none/certificates' },
  { route: '/competitions/judging', as: REPORTER, path: '/competitions/judging' },
  { route: '/competitions/judging/:eventId/:stage', as: REPORTER, path: '/competitions/judging/none/final' },
  { route: '/competitions/judging/:eventId/:stage/panel', as: ADMIN, path: '/competitions/judging/none/final/panel' },
  { route: '/scoreboard/competitions/:tenantId/:eventId', as: 'public', path: `/scoreboard/competitions/${TENANT}/none` },
  { route: '/verify/competitions/:tenantId/:eventId', as: 'public', path: `/verify/competitions/${TENANT}/none` },
  { route: '/competitions/analytics', as: ADMIN, path: '/competitions/analytics' },
  { route: '/competitions/province', as: LEADER, path: '/competitions/province' },
  { route: '*404', as: ADMIN, path: '/no-such-page' },
];

/** Every route the console's modules register (read from their `module.ts`). */
function registeredRoutes(): string[] {
  const dir = join(repoRoot, 'apps/console/src/modules');
  return readdirSync(dir).flatMap((m) => {
    let text: string;
    try {
      text = readFileSync(join(dir, m, 'module.ts'), 'utf8');
    } catch {
      return [];
    }
    const routes = text.slice(text.indexOf('routes:'), text.indexOf('nav:'));
    return [...routes.matchAll(/path:\s*'([^']+)'\s*,\s*component:/g)].map((x) => x[1]!);
  });
}

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** The concrete URL of a visit: its path, or the first matching link on its list page. */
async function urlOf(page: Page, visit: Visit): Promise<string> {
  if (visit.path) return visit.path;
  const from = visit.from!;
  await page.goto(from.list);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => from.link.test(h));
  if (found && visit.route === '/rate/:tenantId/:itemId') return `/rate/${TENANT}/${found.split('/').pop()}`;
  return found ?? from.fallback;
}

afterEach(() => {
  expect(pageErrors.splice(0), 'page errors').toEqual([]);
});

describe('accessibility sweep (axe-core)', () => {
  test('the sweep visits every registered route', () => {
    const swept = new Set(VISITS.map((v) => v.route));
    const missing = registeredRoutes().filter((r) => !swept.has(r));
    expect(missing, 'routes the sweep does not visit: add them to VISITS').toEqual([]);
  });

  const groups = new Map<string, Visit[]>();
  for (const v of VISITS) {
    const key = v.as === 'public' ? 'public' : `${String(v.as[0])} ${v.as[1] ?? ''}`.trim();
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  for (const [width, options] of VIEWPORTS) {
    for (const [who, visits] of groups) {
      test(`${who} at ${width} px: no serious or critical axe violations, no overflow`, async () => {
        const page = await openPage(options);
        const failures: string[] = [];
        try {
          const first = visits[0]!;
          if (first.as !== 'public') await loginAs(page, first.as[0], first.as[1]);
          for (const visit of visits) {
            const url = await urlOf(page, visit);
            await page.goto(url);
            await page.locator('h1').first().waitFor({ timeout: 20_000 });
            const where = `${url} (${who}, ${width} px)`;
            if (width === '390' || visit === first) failures.push(...(await seriousViolations(page, where)));
            else await settled(page);
            const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
            if (scrollWidth > options.viewport!.width) failures.push(`${where}: ${scrollWidth}px wide`);
            if (visit === first || process.env.E2E_A11Y_SCREENS) await screenshot(page, `a11y-${width}${url.replace(/\W+/g, '_')}`);
          }
        } finally {
          await page.context().close();
        }
        expect(failures).toEqual([]);
      }, 240_000);
    }
  }
});
