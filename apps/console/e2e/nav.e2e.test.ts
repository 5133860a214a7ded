// Phone navigation and polish (issue 14): the unit reporter's bottom tab bar, the skip link, Escape closing the
// phone menu, `document.title` per page in both languages, and the 十件实事对比 page's empty states.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { expectAccessible } from './a11y';
import { loginAs, screenshot, useE2eSession, DESKTOP, PHONE } from './harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;

const APP = '工会联合会数字化平台';
const REPORTER: [string, string] = ['兴化市总工会', '基层工会填报员'];
const ADMIN: [string, string] = ['兴化市总工会', '管理员'];
/** The reporter's unit: /my-unit is headed with its name. */
const REPORTER_UNIT = '兴化市戴南镇不锈钢产业工会联合会';

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

const widthOf = (page: Page) => page.viewportSize()!.width;

/** The page is no wider than the viewport (nothing scrolls sideways). */
async function expectNoOverflow(page: Page, where: string) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${where}: ${scrollWidth}px wide in a ${widthOf(page)}px viewport`).toBeLessThanOrEqual(widthOf(page));
}

const path = (page: Page) => new URL(page.url()).pathname;

afterEach(() => {
  expect(pageErrors.splice(0), 'page errors').toEqual([]);
});

describe('phone navigation', () => {
  test('at 390 px a unit reporter gets the bottom tab bar 任务 / 申请 / 通知 / 我的, and each tab opens its page', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, ...REPORTER);
      await expect.poll(() => path(page)).toBe('/my-unit');
      const tabbar = page.getByRole('navigation', { name: '底部导航' });
      await tabbar.waitFor();
      expect(await tabbar.isVisible()).toBe(true);
      expect((await tabbar.getByRole('link').allInnerTexts()).map((s) => s.trim())).toEqual(['任务', '申请', '通知', '我的']);
      // Fixed to the bottom of the viewport, full width.
      const box = (await tabbar.boundingBox())!;
      expect(Math.round(box.y + box.height)).toBe(844);
      expect(Math.round(box.width)).toBe(390);
      expect(await tabbar.getByRole('link', { name: '我的' }).getAttribute('aria-current')).toBe('page');
      await expectNoOverflow(page, '/my-unit');
      await screenshot(page, 'nav-reporter-tabbar-my-unit-390');

      const tabs: [string, string, string][] = [
        ['任务', '/ten-things/my', '我的任务'],
        ['申请', '/hardship', '困难职工帮扶'],
        ['通知', '/notifications', '通知提醒'],
        ['我的', '/my-unit', REPORTER_UNIT],
      ];
      for (const [tab, to, heading] of tabs) {
        await tabbar.getByRole('link', { name: tab, exact: true }).click();
        await page.waitForURL((u) => u.pathname === to);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        expect(await tabbar.getByRole('link', { name: tab, exact: true }).getAttribute('aria-current')).toBe('page');
        await expect.poll(() => page.title()).toBe(`${heading} — ${APP}`);
        await expectNoOverflow(page, to);
      }
      // The reporter's notifications page lists their union's reminders, or says why it is empty and where to look.
      await page.getByRole('link', { name: '通知', exact: true }).click();
      await page.getByText('本单位暂无通知').or(page.getByTestId('notification').first()).waitFor();
      await screenshot(page, 'nav-reporter-notifications-390');
      // The side menu stays (for the reporter's other pages, e.g. 集体合同).
      await page.getByRole('button', { name: '打开导航菜单' }).click();
      await page.locator('#main-nav').getByRole('link', { name: '集体合同', exact: true }).waitFor({ state: 'visible' });
    } finally {
      await page.context().close();
    }
  });

  test('no tab bar at 1366 px, nor for staff on a phone', async () => {
    const desk = await openPage(DESKTOP);
    const staff = await openPage(PHONE);
    try {
      await loginAs(desk, ...REPORTER);
      await desk.getByRole('heading', { name: REPORTER_UNIT, level: 1 }).waitFor();
      expect(await desk.getByRole('navigation', { name: '底部导航' }).isVisible()).toBe(false);
      await expectNoOverflow(desk, 'reporter 1366');

      await loginAs(staff, ...ADMIN);
      await staff.getByRole('heading', { name: '基层工会', level: 1 }).waitFor();
      expect(await staff.locator('[data-testid="tabbar"]').count()).toBe(0);
      await expectNoOverflow(staff, 'admin 390');
    } finally {
      await desk.context().close();
      await staff.context().close();
    }
  });

  for (const [label, options] of [['390', PHONE], ['1366', DESKTOP]] as const) {
    test(`skip link at ${label} px: the first Tab shows 跳到主要内容, Enter moves focus to the main region`, async () => {
      const page = await openPage(options);
      try {
        await loginAs(page, ...ADMIN);
        await page.getByRole('heading', { name: '基层工会', level: 1 }).waitFor();
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('Tab');
        const skip = page.getByRole('link', { name: '跳到主要内容' });
        await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
        const box = (await skip.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0); // on screen while focused
        await screenshot(page, `nav-skip-link-${label}`);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
        expect(path(page)).toBe('/units');
        expect(new URL(page.url()).hash).toBe('');
        // The next Tab lands inside the page, not on the header.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
      } finally {
        await page.context().close();
      }
    });
  }

  test('Escape closes the phone menu and gives focus back to the menu button', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, ...ADMIN);
      const nav = page.locator('#main-nav');
      await page.getByRole('button', { name: '打开导航菜单' }).click();
      await nav.getByRole('link', { name: '审计日志' }).waitFor({ state: 'visible' });
      await nav.getByRole('link', { name: '审计日志' }).focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => nav.isVisible()).toBe(false);
      const toggle = page.getByRole('button', { name: '打开导航菜单' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
      // Escape with the menu closed does nothing (and breaks nothing).
      await page.keyboard.press('Escape');
      expect(await nav.isVisible()).toBe(false);
    } finally {
      await page.context().close();
    }
  });

  test('document.title names the page, in Chinese and in English', async () => {
    const page = await openPage(DESKTOP);
    try {
      await page.goto('/login');
      await expect.poll(() => page.title()).toBe(`登录 — ${APP}`);
      await loginAs(page, ...ADMIN);
      await page.getByRole('heading', { name: '基层工会', level: 1 }).waitFor();
      await expect.poll(() => page.title()).toBe(`基层工会 — ${APP}`);
      await page.locator('#main-nav').getByRole('link', { name: '审计日志' }).click();
      await expect.poll(() => page.title()).toBe(`审计日志 — ${APP}`);
      await page.goto('/no-such-page');
      await expect.poll(() => page.title()).toBe(`页面不存在 — ${APP}`);

      await page.goto('/units');
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.title()).toBe('Grassroots unions — Union Federation Digital Platform');
      await page.goto('/no-such-page');
      await expect.poll(() => page.title()).toBe('Page not found — Union Federation Digital Platform');
      await page.goto('/units');
      await page.getByRole('button', { name: '中文' }).click();
      await expect.poll(() => page.title()).toBe(`基层工会 — ${APP}`);
    } finally {
      await page.context().close();
    }
  });
});

describe('十件实事对比 empty states', () => {
  for (const [label, options] of [['1366', DESKTOP], ['390', PHONE]] as const) {
    test(`at ${label} px the page opens on the latest year with data and says why another year is empty`, async () => {
      const page = await openPage(options);
      const current = new Date().getFullYear();
      try {
        await loginAs(page, '江苏省总工会', '领导');
        await page.goto('/ten-things/compare');
        await page.getByRole('heading', { name: '十件实事对比', level: 1 }).waitFor();
        const yearInput = page.getByLabel('年度', { exact: true });
        const table = page.getByTestId('tt-compare');
        // The seed's plan is 2024; rollups are fed by events and may lag the seed: reload until it shows.
        const deadline = Date.now() + 30_000;
        while (!(await table.isVisible())) {
          if (Date.now() > deadline) throw new Error(`no data year found: ${await page.locator('main').innerText()}`);
          await page.waitForTimeout(1_000);
          await page.reload();
          await page.getByRole('heading', { name: '十件实事对比', level: 1 }).waitFor();
          await page.waitForFunction(() => !document.body.innerText.includes('正在查找最近有数据的年度'));
        }
        expect(await yearInput.inputValue()).toBe('2024');
        await table.getByText('兴化市总工会').waitFor();
        await page.getByTestId('tt-compare-note').getByText(`${current}年还没有数据，已显示最近有数据的2024年。`).waitFor();
        expect(await page.locator('.tt-chart').isVisible()).toBe(true);
        await expectNoOverflow(page, 'compare 2024');
        await screenshot(page, `nav-compare-latest-${label}`);

        // A year without data: the chart and table give way to why, with the way back to data.
        await yearInput.fill(String(current));
        await yearInput.press('Enter');
        await yearInput.blur();
        const empty = page.getByTestId('tt-compare-empty');
        await empty.getByText(`${current}年没有十件实事数据`).waitFor();
        expect(await empty.innerText()).toContain('只统计已在职代会票决通过的项目');
        expect(await page.locator('.tt-chart').isVisible()).toBe(false);
        expect(await table.isVisible()).toBe(false);
        await expectNoOverflow(page, `compare ${current}`);
        await expectAccessible(page, `compare ${current} at ${label}`);
        await screenshot(page, `nav-compare-empty-${label}`);
        await page.getByRole('button', { name: '查看2024年' }).click();
        await table.getByText('兴化市总工会').waitFor();
        expect(await yearInput.inputValue()).toBe('2024');
      } finally {
        await page.context().close();
      }
    });
  }
});
