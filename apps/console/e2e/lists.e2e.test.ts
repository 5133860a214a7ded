import ExcelJS from 'exceljs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { loginAs, screenshot, useE2eSession, DESKTOP, PHONE } from './harness';

/**
 * Finding and managing things, and people named instead of ids: the hardship files search (name, file number,
 * whole ID number, status, imported 台账 drafts "imported on … by …"), the users page (search, edit), the audit
 * log's 操作人 and a file's timeline by name, and a reporter correcting their own unit's contact details — at a
 * laptop's 1366 px and a phone's 390 px, with no page error and nothing scrolling sideways.
 */
const session = useE2eSession();
const pageErrors = session.pageErrors;

const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/;

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}
const close = (page: Page) => page.context().close();

async function expectNoHorizontalOverflow(page: Page, where: string) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, `${where}: page is ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(innerWidth);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idNumber = (first17: string) => first17 + '10X98765432'.charAt([...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0) % 11);
const IMPORTED_ID = idNumber('32128119900101123');

async function ledger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['基层工会名称', '姓名', '身份证号', '联系电话', '家庭人口', '家庭年收入（元）', '刚性支出（元）', '年内困难支出（元）', '致困原因']);
  ws.addRow(['兴化市戴南镇不锈钢产业工会联合会', '冯导入', IMPORTED_ID, '', 3, 30000, 6000, '', '失业']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const searchTable = (page: Page) => page.getByRole('table', { name: '全部档案（含草稿）' });
async function searchFiles(page: Page, q: string) {
  await page.getByLabel('档案号、姓名或身份证号').fill(q);
  await page.getByRole('search', { name: '检索困难档案' }).getByRole('button', { name: '搜索' }).click();
}
const rowNames = async (page: Page) => (await searchTable(page).locator('tbody tr td:first-child').allInnerTexts()).map((s) => s.trim());

describe('hardship files: search and drafts', () => {
  test('at 1366 px an admin imports a 台账 row and finds it as a draft "imported on … by 管理员"; by name, whole ID number and status', async () => {
    const page = await openPage(DESKTOP);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/hardship/import');
      await page.getByLabel('选择 Excel 文件').setInputFiles({ name: 'ledger.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await ledger() });
      await page.getByRole('button', { name: '开始导入' }).click();
      await page.getByText('共 1 行：已写入 1 行，错误 0 行').waitFor(); // the background job's panel, once it is done

      await page.goto('/hardship');
      await searchTable(page).waitFor();
      await page.getByLabel('只看台账导入的草稿').check();
      await expect.poll(() => rowNames(page)).toEqual(['冯导入']);
      const imported = searchTable(page).locator('tbody tr').first();
      expect(await imported.innerText()).toMatch(/草稿 · .*由 管理员 导入/);
      await expectNoHorizontalOverflow(page, 'imported drafts');
      await screenshot(page, 'lists-hardship-imported-1366');

      await page.getByLabel('只看台账导入的草稿').uncheck();
      await searchFiles(page, '周建');
      await expect.poll(() => rowNames(page)).toEqual(['周建华']);
      await searchFiles(page, IMPORTED_ID.toLowerCase());
      await expect.poll(() => rowNames(page)).toEqual(['冯导入']);
      await searchFiles(page, IMPORTED_ID.slice(0, 17) + (IMPORTED_ID.endsWith('0') ? '1' : '0'));
      await page.getByText('没有符合条件的档案').waitFor();
      await page.getByRole('button', { name: '重置' }).click();
      await page.getByLabel('状态', { exact: true }).selectOption({ label: '公示中/待审核' });
      await expect.poll(() => rowNames(page)).toEqual(['吴秀兰']);
      await screenshot(page, 'lists-hardship-search-1366');
    } finally {
      await close(page);
    }
  });

  test('at 390 px staff search by name and open the file: its timeline names people, not ids', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, /^兴化市总工会 · .*工作人员（工作人员）/);
      await page.goto('/hardship');
      await searchTable(page).waitFor();
      await searchFiles(page, '郑国');
      await expect.poll(() => rowNames(page)).toEqual(['郑国强']);
      await expectNoHorizontalOverflow(page, 'hardship search on a phone');
      await screenshot(page, 'lists-hardship-search-390');
      await searchTable(page).getByRole('link', { name: '郑国强' }).click();
      await page.waitForURL(/\/hardship\/files\//);
      const timeline = page.locator('.hs-timeline');
      await timeline.getByText('填报员').first().waitFor();
      expect(await timeline.innerText()).not.toMatch(ULID);
      await expectNoHorizontalOverflow(page, 'file on a phone');
    } finally {
      await close(page);
    }
  });
});

describe('users: search and edit; the audit log names the 操作人', () => {
  test('at 1366 px the admin finds a user by name, edits them, and the audit log says who did it', async () => {
    const page = await openPage(DESKTOP);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/users');
      const table = page.getByRole('table', { name: '用户' });
      await table.locator('tbody tr').first().waitFor();
      await page.getByLabel('按名字或账号查找').fill('审核');
      await page.getByRole('search', { name: '搜索用户' }).getByRole('button', { name: '搜索' }).click();
      await expect.poll(async () => (await table.locator('tbody tr').allInnerTexts()).length).toBe(1);
      const row = table.locator('tbody tr').filter({ hasText: '帮扶审核员' });
      await row.getByRole('button', { name: '编辑用户 帮扶审核员' }).click();
      await page.getByRole('heading', { name: '编辑用户：帮扶审核员' }).waitFor();
      await page.getByLabel('姓名').fill('帮扶审核员甲');
      await page.getByLabel('困难职工帮扶').check();
      await expectNoHorizontalOverflow(page, 'user edit');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('用户“帮扶审核员甲”已保存').waitFor();
      await page.getByLabel('状态', { exact: true }).selectOption({ label: '已停用' });
      await page.getByText('没有符合条件的用户').waitFor();
      await expectNoHorizontalOverflow(page, 'users search');
      await screenshot(page, 'lists-users-1366');

      await page.goto('/audit');
      const log = page.getByRole('table', { name: '审计日志' });
      const entry = log.locator('tbody tr').filter({ hasText: 'users.update' }).first();
      await entry.waitFor();
      expect(await entry.innerText()).toContain('管理员');
      const actors = await log.locator('tbody tr td:nth-child(2)').allInnerTexts();
      expect(actors.filter((a) => ULID.test(a))).toEqual([]);
      await screenshot(page, 'lists-audit-1366');
    } finally {
      await close(page);
    }
  });

  test('at 390 px the users search fits the phone', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/users');
      const table = page.getByRole('table', { name: '用户' });
      await page.getByLabel('角色', { exact: true }).selectOption({ label: '基层工会填报员' });
      // The list keeps its rows while the filtered page loads: wait until every row is a reporter.
      await expect.poll(async () => {
        const rows = await table.locator('tbody tr').allInnerTexts();
        return rows.length > 0 && rows.every((r) => r.includes('基层工会填报员'));
      }).toBe(true);
      await expectNoHorizontalOverflow(page, 'users search on a phone');
      await screenshot(page, 'lists-users-390');
    } finally {
      await close(page);
    }
  });
});

describe("a reporter's own unit", () => {
  test("at 390 px the reporter corrects the chair's phone; the name, type and USCC are not editable", async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, /^兴化市总工会 · .*基层工会填报员/);
      await page.goto('/my-unit');
      await page.getByRole('button', { name: '更正联系方式' }).click();
      const form = page.getByRole('form', { name: '更正联系方式' });
      await form.waitFor();
      expect(await form.locator('input').count()).toBe(3); // chair name, phone, "remove the phone"
      await form.getByLabel('工会主席手机号').fill('13905267777');
      await expectNoHorizontalOverflow(page, 'contact form on a phone');
      await screenshot(page, 'lists-my-unit-contact-390');
      await form.getByRole('button', { name: '保存' }).click();
      await page.getByText(/已更正「.*」的联系方式/).waitFor();
      await page.getByText('139****7777').waitFor();
    } finally {
      await close(page);
    }
  });
});
