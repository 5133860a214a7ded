import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousViolations } from '../../../../e2e/a11y';
import { DESKTOP, loginAs, PHONE, screenshot, useE2eSession } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;


async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Finds a seeded 劳模 by name and chooses them. */
async function choose(page: Page, name: string) {
  await page.getByLabel('查找劳模（姓名或身份证号）').first().fill(name);
  await page.getByRole('button', { name: '查找', exact: true }).first().click();
  await page.getByRole('button', { name: `选择 ${name}` }).click();
  await page.getByTestId('mw-chosen').filter({ hasText: name }).waitFor();
}

describe('劳模 services', () => {
  test('staff record a 生活状况调查 on a phone (390 px): yuan typed, the household total shown, the hand-over to hardship stated', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/model-worker-services/survey');
      await page.getByRole('heading', { name: '劳模生活状况调查' }).waitFor();
      await choose(page, '李秀梅');
      await page.getByTestId('mws-history').filter({ hasText: '尚无调查记录' }).waitFor();
      await page.getByLabel(/本人年收入（元）/).fill('18,000.50');
      await page.getByLabel(/家庭人口（人）/).fill('2');
      await page.getByRole('button', { name: /添加家庭成员/ }).click();
      await page.getByTestId('mws-member').getByRole('textbox', { name: /^与本人关系/ }).fill('女儿');
      await page.getByTestId('mws-member').getByRole('textbox', { name: /^成员姓名/ }).fill('张小雨');
      await page.getByTestId('mws-member').getByRole('textbox', { name: /^成员年收入/ }).fill('0');
      await expect.poll(() => page.getByTestId('mws-total').innerText()).toBe('家庭年收入合计 ¥18,000.50');
      await page.getByLabel('本人患病').check();
      await page.getByLabel(/健康状况/).fill('腰椎间盘突出，不能从事重体力劳动');
      await page.getByLabel('住房类型').selectOption({ label: '租房' });
      await page.getByLabel(/住房面积/).fill('45');
      await page.getByLabel('就业状况').selectOption({ label: '下岗' });
      await page.getByLabel('困难类别').selectOption({ label: '因病致困' });
      expect(await overflow(page)).toBeLessThanOrEqual(1);
      expect(await seriousViolations(page, 'survey form at 390 px')).toEqual([]);
      await screenshot(page, 'mw-survey-phone');
      await page.getByRole('button', { name: '提交调查' }).click();
      const result = page.getByTestId('mws-result');
      await result.waitFor();
      expect(await result.innerText()).toContain(`已提交 ${new Date().getFullYear()} 年劳模生活状况调查（第 1 版）`);
      expect(await result.innerText()).toContain('自动建立困难档案草稿');
      expect(await overflow(page)).toBeLessThanOrEqual(1);

      // The draft the hand-over opened waits for the worker's consent: submitting needs it confirmed.
      await page.goto('/hardship');
      const draft = page.getByRole('link', { name: '李秀梅' });
      await expect.poll(async () => (await draft.count()) > 0 || (await page.reload(), false), { timeout: 30_000 }).toBe(true);
      await draft.first().click();
      await page.getByTestId('file-origin').waitFor();
      await page.getByTestId('consent-pending').waitFor();
      await page.getByRole('button', { name: '提交申请' }).click();
      expect(await page.getByTestId('file-status').innerText()).toBe('草稿');
      await page.getByLabel('已取得职工本人同意核对家庭经济状况（核对授权）').check();
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByTestId('file-status').filter({ hasText: '待调查' }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(1);
    } finally {
      await page.context().close();
    }
  });

  test('at 1366 px a wrong amount is named beside its field; a second submission of the year is a correction; the benefits ledger confirms amount and budget left', async () => {
    const page = await openPage(DESKTOP);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/model-worker-services/survey');
      await choose(page, '陈志强');
      await page.getByLabel(/本人年收入（元）/).fill('12万');
      await page.getByRole('button', { name: '提交调查' }).click();
      await page.getByText('请输入金额（元），最多两位小数').first().waitFor();
      await page.getByLabel(/本人年收入（元）/).fill('96000');
      await page.getByLabel(/配偶年收入（元）/).fill('36000');
      await page.getByLabel(/家庭人口（人）/).fill('2');
      await page.getByLabel(/住房面积/).fill('110');
      await page.getByRole('button', { name: '提交调查' }).click();
      await page.getByTestId('mws-result').waitFor();
      await page.getByRole('button', { name: '填写另一份' }).click();
      await choose(page, '陈志强');
      await page.getByRole('status').filter({ hasText: '再次提交将作为更正' }).waitFor();
      await page.getByRole('button', { name: '提交更正' }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(1);

      await page.goto('/model-worker-services/benefits');
      await page.getByRole('heading', { name: '劳模待遇发放台账' }).waitFor();
      await page.getByLabel('年度预算（元）').fill('1000');
      await page.getByRole('button', { name: '设置年度预算' }).click();
      await page.getByTestId('mws-budget').filter({ hasText: '剩余 ¥1,000.00' }).waitFor();
      await choose(page, '李秀梅');
      await page.getByLabel('待遇类别').selectOption({ label: '春节慰问' });
      await page.getByRole('button', { name: '发放', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const text = await dialog.innerText();
      expect(text).toContain('¥300.00');
      expect(text).toContain('市级');
      expect(text).toContain('¥700.00');
      await screenshot(page, 'mw-benefits-confirm');
      await dialog.getByRole('button', { name: '发放' }).click();
      await page.getByTestId('mws-budget').filter({ hasText: '剩余 ¥700.00' }).waitFor();
      await page.getByRole('table', { name: '发放记录' }).getByText('春节慰问').waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(1);
      expect(await seriousViolations(page, 'benefits ledger at 1366 px')).toEqual([]);
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });
});
