import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { seriousViolations } from '../../../../e2e/a11y';
import { DESKTOP, loginAs, noOverflow, PHONE, screenshot, useE2eSession } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;
const Y = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function createBatch(page: Page, b: { title: string; destination: string; startsOn: string; endsOn: string; capacity: number }) {
  await page.getByRole('button', { name: '新建批次' }).click();
  await page.getByLabel(/批次名称/).fill(b.title);
  await page.getByLabel(/疗休养地点/).fill(b.destination);
  await page.getByLabel(/开始日期/).fill(b.startsOn);
  await page.getByLabel(/结束日期/).fill(b.endsOn);
  await page.getByLabel(/名额（人）/).fill(String(b.capacity));
  await page.getByRole('button', { name: '建立批次' }).click();
  await page.getByRole('heading', { name: b.title, level: 2 }).waitFor();
}

/** The rotation order as shown: "masked name | reason" per row. */
const order = (page: Page) =>
  page.getByTestId('mwr-order').locator('li').evaluateAll((lis) => lis.map((li) => `${li.querySelector('strong')?.textContent ?? ''} | ${li.querySelector('[data-testid=mwr-reason]')?.textContent ?? ''}`));
const names = (page: Page, testId: string) => page.getByTestId(testId).locator('li strong').allInnerTexts();

afterEach(() => {
  expect(pageErrors.splice(0), 'page errors').toEqual([]);
});

describe('劳模疗休养 batches', () => {
  test('on a phone (390 px) staff create a batch, see everyone in rotation order with the reason, and fill its one place', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/model-worker-services/recuperation');
      await page.getByRole('heading', { name: '劳模疗休养安排' }).waitFor();
      await page.getByTestId('mwr-settings').filter({ hasText: '3 年内参加过的不再安排' }).waitFor();
      await createBatch(page, { title: `${Y - 5} 年劳模疗休养`, destination: '无锡太湖', startsOn: `${Y - 5}-09-01`, endsOn: `${Y - 5}-09-07`, capacity: 1 });
      // Nobody has gone: higher treatment first, then the older (陈志强 1962 and 王建国 1968 both have provincial treatment).
      await expect.poll(() => order(page)).toEqual(['陈** | 从未参加疗休养 · 省部级待遇', '王** | 从未参加疗休养 · 省部级待遇', '李** | 从未参加疗休养 · 市级待遇']);
      await noOverflow(page);
      expect(await seriousViolations(page, 'recuperation planner at 390 px')).toEqual([]);
      await screenshot(page, 'mw-recuperation-390');

      await page.getByRole('checkbox', { name: /李\*\*/ }).check();
      // One place: the others cannot be chosen too.
      expect(await page.getByRole('checkbox', { name: /王\*\*/ }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: '安排所选（1 人）' }).click();
      await expect.poll(() => names(page, 'mwr-roster')).toEqual(['李**']);
      await page.getByTestId('mwr-room').filter({ hasText: '已安排 1 / 1 人' }).waitFor();
      await page.getByText('本批次名额已满').waitFor();
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
  });

  test('at 1366 px the order puts the never-gone first and then who went longest ago; anyone who went within 3 years is listed apart with when they may go again', async () => {
    const page = await openPage(DESKTOP);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/model-worker-services/recuperation');
      await createBatch(page, { title: `${Y - 1} 年劳模疗休养`, destination: '黄山', startsOn: `${Y - 1}-05-10`, endsOn: `${Y - 1}-05-16`, capacity: 1 });
      await expect.poll(() => order(page)).toEqual(['陈** | 从未参加疗休养 · 省部级待遇', '王** | 从未参加疗休养 · 省部级待遇', `李** | 上次参加：${Y - 5} 年（${Y - 5}-09-01） · 市级待遇`]);
      await page.getByRole('checkbox', { name: /王\*\*/ }).check();
      await page.getByRole('button', { name: '安排所选（1 人）' }).click();
      await expect.poll(() => names(page, 'mwr-roster')).toEqual(['王**']);

      await createBatch(page, { title: `${Y + 1} 年劳模疗休养`, destination: '普陀山', startsOn: `${Y + 1}-04-20`, endsOn: `${Y + 1}-04-26`, capacity: 2 });
      await expect.poll(() => order(page)).toEqual(['陈** | 从未参加疗休养 · 省部级待遇', `李** | 上次参加：${Y - 5} 年（${Y - 5}-09-01） · 市级待遇`]);
      const excluded = page.getByTestId('mwr-excluded');
      expect((await excluded.innerText()).replace(/\s+/g, ' ')).toContain(`王** 上次参加 ${Y - 1}-05-10，${Y + 2}-05-10 起可再安排 · 省部级待遇`);
      await page.getByRole('button', { name: '按顺序选前 2 人' }).click();
      await page.getByRole('button', { name: '安排所选（2 人）' }).click();
      await expect.poll(() => names(page, 'mwr-roster')).toEqual(['陈**', '李**']);
      await page.getByRole('status').filter({ hasText: '已安排 2 人' }).first().waitFor();
      await page.getByTestId('mwr-room').filter({ hasText: '已安排 2 / 2 人' }).waitFor();
      expect(await page.getByTestId('mwr-batches').innerText()).toContain(`${Y + 1} 年劳模疗休养`);
      await noOverflow(page);
      expect(await seriousViolations(page, 'recuperation planner at 1366 px')).toEqual([]);
      await screenshot(page, 'mw-recuperation-1366');

      // Removing someone frees the place again after a confirmation.
      await page.getByRole('button', { name: '取消安排 李**' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '取消安排' }).click();
      await expect.poll(() => names(page, 'mwr-roster')).toEqual(['陈**']);
    } finally {
      await page.context().close();
    }
  });
});
