import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousViolations } from '../../../../e2e/a11y';
import { DESKTOP, loginAs, noOverflow, PHONE, screenshot, useE2eSession } from '../../../../e2e/harness';

const session = useE2eSession();
/** The demo seed's seasons: this year's 焊工决赛 and last year's finals (兴化), 靖江's four finals this year. */
const YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const LAST = YEAR - 1;

async function openPage(options: BrowserContextOptions, errors: string[]): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return page;
}

const judgeRow = (page: Page, name: string) => page.getByRole('table', { name: '裁判' }).locator(`tbody tr[data-judge="${name}"]`);
const panelRows = (page: Page) => page.getByRole('table', { name: '评判组' }).locator('tbody tr');

describe('裁判宽严分析 and 技能竞赛统计', () => {
  test('兴化 staff see 赵建军 as 偏严, his seasons on expanding, the deviation chart, and the tables follow the years chosen', async () => {
    const errors: string[] = [];
    const page = await openPage(DESKTOP, errors);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '裁判宽严分析' }).click();
      await page.getByRole('heading', { name: '裁判宽严分析', level: 1 }).waitFor();
      const zhao = judgeRow(page, '赵建军');
      await expect.poll(() => zhao.locator('.cmp-band').innerText()).toBe('偏严');
      // The most severe judge comes first.
      expect(await page.getByRole('table', { name: '裁判' }).locator('tbody tr').first().getAttribute('data-judge')).toBe('赵建军');

      const chart = page.getByTestId('cmp-deviation-chart');
      await expect.poll(() => chart.getAttribute('data-ready')).toBe('true');
      await chart.locator('canvas').first().waitFor();
      expect((await chart.getAttribute('aria-label')) ?? '').toMatch(/赵建军 -\d+\.\d%/);

      const expand = page.getByRole('button', { name: '展开 赵建军 的明细' });
      expect(await expand.getAttribute('aria-expanded')).toBe('false');
      await expand.click();
      expect(await expand.getAttribute('aria-expanded')).toBe('true');
      const years = page.getByTestId('cmp-judge-years');
      const lastSeason = years.locator('li', { hasText: `${LAST} 年` });
      await lastSeason.waitFor();
      expect(await lastSeason.innerText()).toContain('偏严');
      expect(await lastSeason.innerText()).toMatch(/平均偏离 -\d+\.\d%/);
      expect(await page.getByTestId('cmp-judge-stages').locator('li').count()).toBeGreaterThanOrEqual(2);
      await page.getByText('计算方法').click();
      await page.getByText(/同组其他裁判对该项打分的中位数/).waitFor();
      await screenshot(page, 'competitions-analytics-1366');

      // Every season: last year's finals and this year's. Only last season: this year's panels leave the tables.
      await expect.poll(() => panelRows(page).filter({ hasText: `${YEAR}年兴化市` }).count()).toBeGreaterThan(0);
      const allPanels = await panelRows(page).count();
      await page.getByRole('combobox', { name: '至' }).selectOption({ label: `${LAST} 年` });
      await expect.poll(() => panelRows(page).filter({ hasText: `${YEAR}年兴化市` }).count()).toBe(0);
      expect(await panelRows(page).count()).toBeLessThan(allPanels);
      expect(await panelRows(page).filter({ hasText: `${LAST}年兴化市` }).count()).toBeGreaterThan(0);
      await expect.poll(() => judgeRow(page, '赵建军').locator('td').nth(1).innerText()).toBe(String(await panelRows(page).count()));
      await page.getByTestId('cmp-comparison').getByText(/与全省同期 \d+ 个评判组比较|不作离群比较/).waitFor();
      // And only this season: last year's finals are gone instead.
      await page.getByRole('combobox', { name: '至' }).selectOption({ label: '全部年度' });
      await page.getByRole('combobox', { name: '从' }).selectOption({ label: `${YEAR} 年` });
      await expect.poll(() => panelRows(page).filter({ hasText: `${LAST}年兴化市` }).count()).toBe(0);
      expect(await panelRows(page).filter({ hasText: `${YEAR}年兴化市` }).count()).toBeGreaterThan(0);
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
    expect(errors).toEqual([]);
  });

  test('the province leader sees 船舶涂装工决赛 first and marked 离群, 靖江 and 兴化 among the federations, and winners by trade', async () => {
    const errors: string[] = [];
    const page = await openPage(DESKTOP, errors);
    try {
      await loginAs(page, '江苏省总工会', '领导');
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '技能竞赛统计' }).click();
      await page.getByRole('heading', { name: '技能竞赛统计', level: 1 }).waitFor();
      const first = panelRows(page).first();
      await expect.poll(() => first.innerText()).toContain('船舶涂装工决赛');
      expect(await first.innerText()).toContain('离群');
      expect(await first.getAttribute('class')).toContain('cmp-outlier');
      // One outlier among this year's panels: the others read 正常.
      expect(await panelRows(page).filter({ hasText: '离群' }).count()).toBe(1);
      expect(await panelRows(page).count()).toBeGreaterThanOrEqual(5);
      await page.getByTestId('cmp-comparison').getByText(/与全省同期 \d+ 个评判组比较/).waitFor();
      expect(await page.getByTestId('cmp-prov-figures').locator('[data-figure="outliers"] .cmp-figures__value').innerText()).toBe('1');

      const federations = page.getByRole('table', { name: '各工会' }).locator('tbody tr');
      const names = await federations.allInnerTexts();
      expect(names.some((r) => r.includes('靖江市总工会'))).toBe(true);
      expect(names.some((r) => r.includes('兴化市总工会'))).toBe(true);
      // 靖江, with the outlier panel, comes first.
      expect(names[0]).toContain('靖江市总工会');

      const chart = page.getByTestId('cmp-trade-chart');
      await expect.poll(() => chart.getAttribute('data-ready')).toBe('true');
      await chart.locator('canvas').first().waitFor();
      expect(await chart.getAttribute('aria-label')).toContain('船舶涂装工');
      await page.getByRole('table', { name: '按竞赛级别' }).getByText('企业').first().waitFor();
      await page.getByRole('button', { name: '打印' }).waitFor();
      await screenshot(page, 'competitions-province-1366');
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
    expect(errors).toEqual([]);
  });

  test('both pages at 390 px: no sideways scrolling, no page error, no serious axe violation', async () => {
    const errors: string[] = [];
    const failures: string[] = [];
    const staff = await openPage(PHONE, errors);
    try {
      await loginAs(staff, '兴化市总工会', '管理员');
      await staff.goto('/competitions/analytics');
      await judgeRow(staff, '赵建军').waitFor();
      await expect.poll(() => staff.getByTestId('cmp-deviation-chart').getAttribute('data-ready')).toBe('true');
      await staff.getByRole('button', { name: '展开 赵建军 的明细' }).click();
      await staff.getByTestId('cmp-judge-years').waitFor();
      await noOverflow(staff);
      failures.push(...(await seriousViolations(staff, '/competitions/analytics (390 px)')));
      await screenshot(staff, 'competitions-analytics-390');
    } finally {
      await staff.context().close();
    }
    const leader = await openPage(PHONE, errors);
    try {
      await loginAs(leader, '江苏省总工会', '领导');
      await leader.goto('/competitions/province');
      await panelRows(leader).first().waitFor();
      await expect.poll(() => leader.getByTestId('cmp-trade-chart').getAttribute('data-ready')).toBe('true');
      await noOverflow(leader);
      failures.push(...(await seriousViolations(leader, '/competitions/province (390 px)')));
      await screenshot(leader, 'competitions-province-390');
    } finally {
      await leader.context().close();
    }
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  });
});
