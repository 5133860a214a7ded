import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, loginAs, noOverflow, PHONE, screenshot, screensDir, useE2eSession } from '../../../../e2e/harness';

const session = useE2eSession();

/** A metric key of the dictionary (`hardship.aid.amountFen`, `units.byType.enterprise`): never page text. */
const RAW_KEY = /\b(units|tenThings|hardship|contracts|modelWorkers|competitions|cockpit)\.[A-Za-z]/;

async function openPage(options: BrowserContextOptions, errors: string[]): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** The cockpit of the leader's scope, reloaded until the rollups (fed by events, possibly lagging the seed) show money and a rate. */
async function openCockpit(page: Page, path = '/overview'): Promise<void> {
  await page.goto(path);
  await expect
    .poll(
      async () => {
        const band = page.locator('.ck-figs--headline');
        if (!(await band.count())) return '';
        const text = await band.innerText();
        if (!/¥/.test(text) || !/\d%/.test(text)) await page.getByRole('button', { name: '刷新' }).click();
        return text;
      },
      { timeout: 40_000, interval: 1_500 },
    )
    .toMatch(/¥[\s\S]*\d%|\d%[\s\S]*¥/);
}

/** Every chart drawn: a canvas of non-zero size in each chart box. */
async function chartsRender(page: Page): Promise<number> {
  const charts = page.locator('[data-testid^="ck-chart-"]');
  // The sections' charts and the trend of the compared indicator (which loads after the overview).
  await page.getByTestId('ck-chart-trend').waitFor();
  await expect.poll(async () => (await charts.count()) > 1 && (await page.locator('[data-testid^="ck-chart-"][data-ready="true"] canvas').count()) === (await charts.count())).toBe(true);
  const sizes = await page.locator('[data-testid^="ck-chart-"] canvas').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
  expect(Math.min(...sizes)).toBeGreaterThan(50);
  return sizes.length;
}

async function noRawKeys(page: Page): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  expect(text.match(RAW_KEY)?.[0] ?? null, 'a raw metric key in the page text').toBeNull();
}

const rankingTable = (page: Page) => page.locator('table.ck-rank');

describe('领导驾驶舱', () => {
  test('a provincial leader reads the province at 1366 px: headline in ¥ and %, charts, alerts, drill into a city and back, compare, export', async () => {
    const errors: string[] = [];
    const page = await openPage(DESKTOP, errors);
    try {
      await loginAs(page, '江苏省总工会', '领导');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/overview');
      await page.getByRole('heading', { name: '领导驾驶舱', level: 1 }).waitFor();
      await openCockpit(page);
      expect(await page.locator('.ck-figs--headline .ck-fig').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('.ck-figs--headline').innerText()).toMatch(/数据截至 |暂无数据/);
      await page.getByRole('heading', { name: '预警提示' }).waitFor();
      await chartsRender(page);
      await noRawKeys(page);
      await noOverflow(page);
      // 口径: the definition opens on demand.
      await page.locator('.ck-figs--headline .ck-def summary').first().click();
      await expect.poll(() => page.locator('.ck-figs--headline .ck-def__body').first().innerText()).toMatch(/统计口径/);
      await page.waitForTimeout(600); // the charts' animation, for the screenshot
      await screenshot(page, 'cockpit-1366');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screensDir, 'cockpit-1366-top.png') });
      await page.locator('.ck-compare').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screensDir, 'cockpit-1366-compare.png') });

      // Drill into the city; the scope is in the URL, and Back returns to the province.
      const crumbs = page.getByRole('navigation', { name: '当前范围' });
      await crumbs.getByRole('button', { name: /泰州市总工会/ }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('scope')).toBe('3212');
      await expect.poll(() => crumbs.locator('[aria-current="page"]').innerText()).toBe('泰州市总工会');
      expect(await crumbs.locator('ol li').count()).toBe(2);
      await page.goBack();
      await expect.poll(() => new URL(page.url()).searchParams.get('scope')).toBeNull();
      await expect.poll(() => crumbs.locator('ol li').count()).toBe(1);

      // Compare: another indicator changes the ranking and the tiles (once the province's figures have settled).
      await page.waitForLoadState('networkidle');
      const table = rankingTable(page);
      await table.locator('tbody tr').first().waitFor();
      expect(await table.innerText()).toContain('兴化市总工会');
      await page.getByTestId('ck-median').waitFor();
      const tiles = page.getByTestId('ck-tiles');
      expect(await tiles.innerText()).toContain('不是地理地图');
      const before = { label: await table.getAttribute('aria-label'), tiles: await tiles.locator('.ck-tile').allInnerTexts() };
      const options = await page.locator('#ck-indicator option').evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent ?? '', selected: (e as HTMLOptionElement).selected })));
      const money = options.find((o) => !o.selected && /资金|金额/.test(o.text)) ?? options.find((o) => !o.selected)!;
      await page.locator('#ck-indicator').selectOption(money.value);
      expect(new URL(page.url()).searchParams.get('ind')).toBe(money.value);
      await expect.poll(() => table.getAttribute('aria-label')).not.toBe(before.label);
      await expect.poll(() => tiles.locator('.ck-tile').allInnerTexts()).not.toEqual(before.tiles);
      expect(await table.getAttribute('aria-label')).toContain(money.text);
      await page.getByTestId('ck-chart-trend').locator('canvas').waitFor();
      await noRawKeys(page);

      // A ranked federation drills to its own scope.
      await table.getByRole('button', { name: '兴化市总工会' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('scope')).toBe('321281');
      await page.goBack();
      await expect.poll(() => new URL(page.url()).searchParams.get('scope')).toBeNull();

      // A leader reads; recounting is for admins and the operator.
      expect(await page.getByRole('button', { name: '重新核算' }).count()).toBe(0);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出排名' }).click();
      expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    } finally {
      await page.context().close();
    }
    expect(errors).toEqual([]);
  });

  test('a leader on a phone (390 px): everything stacks, no sideways scrolling, no raw key, charts drawn', async () => {
    const errors: string[] = [];
    const page = await openPage(PHONE, errors);
    try {
      await loginAs(page, '江苏省总工会', '领导');
      await openCockpit(page);
      await chartsRender(page);
      await rankingTable(page).locator('tbody tr').first().waitFor();
      await noRawKeys(page);
      await noOverflow(page);
      await page.waitForTimeout(600);
      await screenshot(page, 'cockpit-390');
      // What a phone shows first, and the comparison, as the reader sees them (one screen each).
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screensDir, 'cockpit-390-top.png') });
      await page.locator('.ck-compare').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screensDir, 'cockpit-390-compare.png') });

      // In English: the dictionary's English labels, still no raw key.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Leadership cockpit', level: 1 }).waitFor();
      expect(await page.locator('.ck-figs--headline').innerText()).toMatch(/Data as of|No data yet/);
      await noRawKeys(page);
      await noOverflow(page);
      await page.getByRole('button', { name: '中文' }).click();
    } finally {
      await page.context().close();
    }
    expect(errors).toEqual([]);
  });

  test('a county admin recounts the figures from the records and reads the outcome', async () => {
    const errors: string[] = [];
    const page = await openPage(DESKTOP, errors);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await openCockpit(page);
      await page.getByRole('button', { name: '重新核算' }).click();
      const result = page.locator('.ck-recount');
      await result.waitFor();
      // The demo's projection matches its records: anything else is a defect of the projector or of a recount.
      await expect.poll(() => result.innerText(), { timeout: 60_000 }).toMatch(/与汇总一致|发现 \d+ 处差异/);
      expect(await result.innerText()).toMatch(/与汇总一致/);
      await noRawKeys(page);
    } finally {
      await page.context().close();
    }
    expect(errors).toEqual([]);
  });

  test('the print view: A4 landscape width per section, no navigation or buttons, charts kept', async () => {
    const errors: string[] = [];
    // 277 mm (A4 landscape less 10 mm margins) at 96 dpi.
    const page = await openPage({ viewport: { width: 1047, height: 740 } }, errors);
    try {
      await loginAs(page, '江苏省总工会', '领导');
      await openCockpit(page);
      await chartsRender(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#main-nav').isVisible()).toBe(false);
      expect(await page.locator('.ck-page .toolbar').isVisible()).toBe(false);
      const sections = await page.locator('.ck-section').evaluateAll((els) =>
        els.map((e) => ({ width: e.getBoundingClientRect().width, overflow: e.scrollWidth - e.clientWidth, breakBefore: getComputedStyle(e).breakBefore })),
      );
      expect(sections.length).toBeGreaterThan(3);
      for (const s of sections) {
        expect(s.width).toBeLessThanOrEqual(1123);
        expect(s.overflow).toBeLessThanOrEqual(0);
      }
      expect(sections.slice(1).every((s) => s.breakBefore === 'page')).toBe(true);
      await noOverflow(page);
      // The federations' names and tiles print (on screen they are drill-down buttons).
      expect(await rankingTable(page).innerText()).toContain('兴化市总工会');
      expect(await page.locator('.ck-tile').first().isVisible()).toBe(true);
      const canvases = await page.locator('[data-testid^="ck-chart-"] canvas').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      expect(Math.min(...canvases)).toBeGreaterThan(50);
      await screenshot(page, 'cockpit-print');
    } finally {
      await page.context().close();
    }
    expect(errors).toEqual([]);
  });

  test('a share link opens the cockpit without sign-in until it is revoked', async () => {
    const errors: string[] = [];
    const page = await openPage(DESKTOP, errors);
    const screen = await openPage({ viewport: { width: 1920, height: 1080 } }, errors);
    try {
      await loginAs(page, '江苏省总工会', '领导');
      await openCockpit(page);
      await page.getByRole('button', { name: '分享大屏链接' }).click();
      const dialog = page.getByRole('dialog', { name: '分享大屏链接' });
      await dialog.getByLabel('有效时长（小时）').fill('2');
      const note = `e2e 大屏 ${Date.now().toString().slice(-5)}`;
      await dialog.getByLabel('备注（可选）').fill(note);
      await dialog.getByRole('button', { name: '生成链接' }).click();
      const url = await dialog.locator('#ck-share-url').inputValue();
      expect(url).toMatch(new RegExp(`^${session.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/share/32\\.[A-Za-z0-9_-]+$`));
      await dialog.getByText(/失效/).first().waitFor();

      await screen.goto(url);
      await screen.getByRole('heading', { name: /工会数据大屏/, level: 1 }).waitFor();
      await screen.locator('.ck-figs--headline .ck-fig').first().waitFor();
      expect(await screen.locator('#main-nav').count()).toBe(0);
      await chartsRender(screen);
      await noRawKeys(screen);
      await noOverflow(screen);
      await screen.waitForTimeout(600);
      await screen.screenshot({ path: join(screensDir, 'cockpit-share-1920.png') });

      const item = dialog.locator('.ck-share-list li', { hasText: note });
      await item.getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => item.innerText()).toContain('已撤销');

      await screen.reload();
      await screen.getByTestId('ck-shared-error').waitFor();
      expect(await screen.getByTestId('ck-shared-error').innerText()).toContain('此分享链接已被撤销');
    } finally {
      await page.context().close();
      await screen.context().close();
    }
    expect(errors).toEqual([]);
  });
});
