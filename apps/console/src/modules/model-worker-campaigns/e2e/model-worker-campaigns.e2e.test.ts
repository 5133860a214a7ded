import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { loginAs, screenshot, useE2eSession, DESKTOP, PHONE } from '../../../../e2e/harness';

const session = useE2eSession();

async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...DESKTOP, ...options });
  return context.newPage();
}
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const shanghaiDay = (plusDays = 0) => new Date(Date.now() + 8 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
const TITLE = `${shanghaiDay().slice(0, 4)}年度市工匠推荐（E2E）`;
let boardPath = '';

describe('评选推荐: a county builds a list with the live quota check', () => {
  test('staff create and publish a campaign and nominate a front-line worker (1366 px)', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/mw-campaigns');
      await page.getByRole('heading', { name: '劳模评选推荐', level: 1 }).waitFor();
      await page.getByRole('combobox', { name: /^评选的荣誉/ }).selectOption({ label: '市工匠' });
      await page.getByRole('textbox', { name: /^评选名称/ }).fill(TITLE);
      await page.getByLabel(/^推荐截止日期/).fill(shanghaiDay(30));
      await page.getByRole('button', { name: '新建评选' }).click();
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      boardPath = new URL(page.url()).pathname;
      await page.getByRole('button', { name: '发布评选' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '发布评选' }).click();
      await expect.poll(() => page.getByTestId('mwc-status').textContent()).toBe('推荐中');

      await page.getByRole('combobox', { name: /^推荐人员/ }).selectOption({ label: '王建国（一线工人）' });
      await page.getByTestId('mwc-whatif').getByText('加入后不会新增不符合的名额结构要求').waitFor();
      await page.getByRole('textbox', { name: /^职代会\/民主推荐会议纪要/ }).fill('兴化市某机械厂职代会决议〔2026〕2号');
      await page.getByRole('textbox', { name: /^事迹材料（简要）/ }).fill('扎根焊接一线三十年，攻克技术难题十余项。');
      await expect.poll(() => page.getByTestId('mwc-short-counter').textContent()).toBe('20 / 500 字');
      await page.getByRole('textbox', { name: /^事迹材料（详细）/ }).fill('扎根焊接一线三十年，攻克技术难题十余项，带出高级技师徒弟十二人。');
      await page.getByRole('button', { name: '保存推荐' }).click();
      await page.getByTestId('mwc-list').getByText('王建国').waitFor();
      await expect.poll(() => page.getByTestId('mwc-quota-count').textContent()).toBe('推荐人数 1 / 名额 10');
      expect(await overflow(page)).toBeLessThanOrEqual(1);
    } finally {
      await page.context().close();
    }
  });

  test('on a phone (390 px) choosing an enterprise head warns before saving; the panel changes only once saved', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto(boardPath);
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      const manager = page.getByTestId('mwc-rule-managerMax');
      await expect.poll(() => manager.getAttribute('data-holds')).toBe('true');
      await page.getByRole('combobox', { name: /^推荐人员/ }).selectOption({ label: '陈志强（企业负责人）' });
      const warning = page.getByTestId('mwc-whatif');
      await warning.getByText('加入后 企业负责人占比 50% > 22%').waitFor();
      // Nothing is saved yet: the live panel still shows the list as it is.
      expect(await manager.getAttribute('data-holds')).toBe('true');
      expect(await page.getByRole('button', { name: '保存推荐' }).isDisabled()).toBe(true);
      expect(await overflow(page)).toBeLessThanOrEqual(1);
      await screenshot(page, 'mw-campaigns-whatif-390');

      await page.getByRole('textbox', { name: /^职代会\/民主推荐会议纪要/ }).fill('兴化市某机械厂职代会决议〔2026〕3号');
      await page.getByRole('textbox', { name: /^事迹材料（简要）/ }).fill('带领企业转型升级，职工收入连续五年增长。');
      await page.getByRole('textbox', { name: /^事迹材料（详细）/ }).fill('带领企业转型升级，职工收入连续五年增长，建立职工创新工作室三个。');
      await page.getByRole('checkbox', { name: '我已知晓上述名额结构问题，仍要推荐' }).check();
      await page.getByRole('button', { name: '保存推荐' }).click();
      await page.getByTestId('mwc-list').getByText('陈志强').waitFor();
      await expect.poll(() => manager.getAttribute('data-holds')).toBe('false');
      await manager.getByText('50% ≤ 22%').waitFor();
      await expect.poll(() => page.getByTestId('mwc-quota-count').textContent()).toBe('推荐人数 2 / 名额 10');
      expect(await overflow(page)).toBeLessThanOrEqual(1);
    } finally {
      await page.context().close();
    }
  });

  test('at 1366 px the board shows the list with its quota and a technical worker breaks nothing further', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto(boardPath);
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('mwc-nomination').count()).toBe(2);
      await page.getByRole('combobox', { name: /^推荐人员/ }).selectOption({ label: '李秀梅（专业技术人员）' });
      await page.getByTestId('mwc-whatif').getByText('加入后不会新增不符合的名额结构要求').waitFor();
      expect(await page.getByRole('button', { name: '保存推荐' }).isDisabled()).toBe(false);
      expect(await overflow(page)).toBeLessThanOrEqual(1);
      await screenshot(page, 'mw-campaigns-board-1366');
    } finally {
      await page.context().close();
    }
  });

  test('on a phone (390 px) the minutes PDF is uploaded on the list; the county review waits for it and then passes', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto(boardPath);
      const row = (name: string) => page.getByTestId('mwc-nomination').filter({ hasText: name });
      await row('王建国').getByText('上传会议纪要').waitFor();
      // A spreadsheet is refused in the browser, before anything is sent.
      const input = row('王建国').locator('input[type=file]');
      await input.setInputFiles({ name: '纪要.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('PK\x03\x04') });
      await row('王建国').getByRole('alert').getByText(/会议纪要只接受/).waitFor();
      await input.setInputFiles({ name: '职代会决议.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
      await row('王建国').getByText('职代会决议.pdf').waitFor();
      await row('王建国').getByText('重新上传会议纪要').waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(1);
      await screenshot(page, 'mw-campaigns-minutes-390');
    } finally {
      await page.context().close();
    }

    // The county review is staff's (never the nominator's): enabled once the minutes are there.
    const staff = await openPage(PHONE);
    try {
      await loginAs(staff, /^兴化市总工会 · .*工作人员（工作人员）/);
      await staff.goto(boardPath);
      const row = (name: string) => staff.getByTestId('mwc-nomination').filter({ hasText: name });
      await row('陈志强').getByText('待上传会议纪要后方可审核').waitFor();
      expect(await row('陈志强').getByRole('button', { name: '县级审核通过' }).isDisabled()).toBe(true);
      await row('王建国').getByRole('button', { name: '县级审核通过' }).click();
      await expect.poll(() => row('王建国').locator('.mwc-badge').textContent()).toBe('县级审核通过');
    } finally {
      await staff.context().close();
    }
  });
});
