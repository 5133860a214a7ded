import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, escapeRe, useE2eSession, loginAs, PHONE } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;


async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}


const year = new Date().getFullYear();
const title = (i: number) => `E2E实事${String(i + 1).padStart(2, '0')}`;
const REPORTER_UNIT = '兴化市戴南镇不锈钢产业工会联合会';
let itemUrl = '';
/** A 1×1 PNG, the 佐证材料 the reporter attaches from the phone. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const EVIDENCE_NAME = '宣讲现场.png';

describe('十件实事 end to end', () => {
  test('admin creates a plan, enters 12 candidates with live parsing, records the vote and assigns an item', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/ten-things');
      await page.getByRole('heading', { name: '服务职工“十件实事”', level: 1 }).waitFor();
      await page.locator('summary', { hasText: '新建年度计划' }).click();
      await page.getByLabel(/^年度( |$)/).fill(String(year));
      await page.getByLabel('计划名称').fill(`${year}年服务职工十件实事（E2E）`);
      await page.getByRole('button', { name: '新建年度计划' }).click();
      await page.locator('#tt-cands').waitFor();

      // An unreadable target is named in the live preview, never guessed.
      await page.getByLabel('量化指标（可直接粘贴原文）').fill('开展宣讲不少于20场，覆盖职工3000');
      await page.getByTestId('tt-parse-preview').getByText('覆盖职工3000').waitFor();

      for (let i = 0; i < 12; i++) {
        await page.getByRole('textbox', { name: /^项目名称/ }).fill(title(i));
        await page.getByRole('textbox', { name: /^牵头部门/ }).fill(i % 2 ? '职工服务中心' : '宣教部');
        const text = i === 0 ? '组织劳模工匠深入基层一线，开展“双进”宣讲活动不少于20场' : `为${100 + i}名职工赠送健康体检`;
        await page.getByLabel('量化指标（可直接粘贴原文）').fill(text);
        await page.getByTestId('tt-parse-preview').getByText(i === 0 ? /≥ 20 场/ : new RegExp(`${100 + i} 名`)).waitFor();
        await page.getByRole('button', { name: '提交候选项目' }).click();
        await page.getByTestId('tt-candidates').getByText(title(i)).waitFor();
      }
      await screenshot(page, 'ten-things-candidates');

      // 征集: a union's reporter proposes from a phone; staff shortlist it (初定) with its lead department.
      const phone = await openPage(PHONE);
      try {
        await loginAs(phone, '兴化市总工会', '基层工会填报员');
        await phone.goto('/ten-things/my');
        const solicit = phone.getByTestId('tt-solicit').filter({ hasText: `${year} 年计划正在征集` });
        await solicit.getByRole('textbox', { name: /^项目名称/ }).fill('E2E征集建议');
        await solicit.getByLabel('量化指标（可直接粘贴原文）').fill('建设职工书屋5家');
        await solicit.getByTestId('tt-parse-preview').getByText(/5 家/).waitFor();
        await solicit.getByRole('button', { name: '提交征集建议' }).click();
        await solicit.getByTestId('tt-my-proposals').getByText(/E2E征集建议.*待初定/).waitFor();
        expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshot(phone, 'ten-things-solicit-phone');
      } finally {
        await phone.context().close();
      }
      await page.reload();
      const proposal = page.getByTestId('tt-proposal').filter({ hasText: 'E2E征集建议' });
      await proposal.getByText(REPORTER_UNIT).waitFor();
      await proposal.getByRole('textbox').fill('宣教部');
      await proposal.getByRole('button', { name: '初定为候选' }).click();
      await page.getByTestId('tt-candidates').getByText('E2E征集建议').waitFor();
      await expect.poll(() => page.getByTestId('tt-proposal').count()).toBe(0);

      await page.getByLabel('应到代表（委员）人数').fill('45');
      await page.getByLabel(/^实到人数/).fill('29');
      await page.getByTestId('tt-vote-preview').getByText(/三分之二/).waitFor();
      await page.getByLabel(/^实到人数/).fill('40');
      for (let i = 0; i < 12; i++) await page.getByTestId(`tt-ballot-${i}-for`).fill(String(i < 10 ? 39 - i : 12));
      await page.getByTestId('tt-vote-preview').getByText('将通过 10 项').waitFor();
      await page.getByRole('row', { name: new RegExp(title(3)) }).getByText('通过', { exact: true }).waitFor();
      await page.getByRole('row', { name: new RegExp(title(11)) }).getByText('未过半数').waitFor();
      await screenshot(page, 'ten-things-vote-preview');
      await page.getByRole('button', { name: /保存票决结果/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确认保存' }).click();
      await expect.poll(() => page.getByTestId('tt-item').count(), { timeout: 15_000 }).toBe(10);
      // The success message says what was decided, not only that something was saved.
      await page.getByRole('status').filter({ hasText: '已保存票决结果：实到 40 / 应到 45，10 项入选' }).waitFor();

      await page.getByRole('link', { name: title(0) }).click();
      await page.getByRole('heading', { name: title(0), level: 1 }).waitFor();
      itemUrl = new URL(page.url()).pathname;
      await page.getByRole('checkbox', { name: REPORTER_UNIT }).check();
      await page.getByRole('button', { name: '签订责任状' }).click();
      await page.getByText('责任状已保存').first().waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('a unit reporter files progress from a phone-sized viewport', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '基层工会填报员');
      await page.goto('/ten-things/my');
      const task = page.getByTestId('tt-task').filter({ hasText: title(0) });
      await task.waitFor();
      await task.getByLabel(/^数量( |$)/).fill('10');
      // 佐证材料: a file of a type not accepted is refused on its own row; the PNG uploads with progress and is checked.
      const files = task.locator('input[type=file]').first();
      await files.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ\x90\x00') });
      const refused = task.getByTestId('tt-evidence-file').filter({ hasText: 'setup.exe' });
      await refused.getByText(/不支持该文件类型/).waitFor();
      await refused.getByRole('button', { name: /移除/ }).click();
      await files.setInputFiles({ name: EVIDENCE_NAME, mimeType: 'image/png', buffer: PNG });
      await task.getByTestId('tt-evidence-file').filter({ hasText: EVIDENCE_NAME }).getByText('已上传').waitFor({ timeout: 15_000 });
      await expect.poll(() => task.getByTestId('tt-evidence-file').count()).toBe(1);
      await task.getByRole('button', { name: '提交进度' }).click();
      await task.getByTestId('tt-completion').getByText('50%').waitFor();
      await expect.poll(() => task.getByTestId('tt-evidence-file').count()).toBe(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(page, 'ten-things-my-tasks-phone');
    } finally {
      await page.context().close();
    }
  });

  test('the board shows the new completion, and the public satisfaction link works logged out', async () => {
    const page = await openPage();
    let publicUrl = '';
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/ten-things');
      const card = page.getByTestId('tt-item').filter({ hasText: title(0) });
      await card.getByTestId('tt-completion').getByText('50%').waitFor();
      await page.locator('#tt-f-status').selectOption('done');
      await expect.poll(() => page.getByTestId('tt-item').count()).toBe(0);
      await page.locator('#tt-f-status').selectOption('');
      await screenshot(page, 'ten-things-board');
      // The annual report downloads as a workbook under the name the API gives it.
      await page.getByRole('link', { name: '年度报告' }).click();
      const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
      expect(workbook.suggestedFilename()).toBe(`${year}-十件实事年度报告.xlsx`);
      await page.goto(itemUrl);
      await page.getByTestId('tt-ledger').getByText('+10').waitFor();
      // The reporter's photo is a thumbnail on the ledger entry (a short-lived URL); it opens an inline
      // preview, from which the original downloads.
      const thumb = page.getByTestId('tt-entry-evidence').getByRole('button', { name: new RegExp(escapeRe(EVIDENCE_NAME)) });
      await thumb.scrollIntoViewIfNeeded(); // its URL is asked for once it is in view
      await expect.poll(() => thumb.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
      await thumb.click();
      const preview = page.getByTestId('tt-evidence-preview');
      await preview.getByRole('img', { name: EVIDENCE_NAME }).waitFor();
      await expect.poll(() => preview.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
      await screenshot(page, 'ten-things-evidence-preview');
      const [download] = await Promise.all([page.waitForEvent('download'), preview.getByRole('button', { name: '下载原文件' }).click()]);
      expect(download.suggestedFilename()).toBe(EVIDENCE_NAME);
      await page.keyboard.press('Escape');
      await expect.poll(() => preview.isVisible()).toBe(false);
      publicUrl = (await page.getByTestId('tt-public-link').getAttribute('href')) ?? '';
      expect(publicUrl).toMatch(/\/rate\/321281\//);
      await page.getByRole('img', { name: '满意度测评链接' }).waitFor();
    } finally {
      await page.context().close();
    }
    const anon = await openPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      await anon.goto(new URL(publicUrl).pathname);
      await anon.getByRole('heading', { name: title(0), level: 1 }).waitFor();
      await anon.getByRole('button', { name: /5 分/ }).click();
      await anon.getByRole('button', { name: '提交评价' }).click();
      await anon.getByTestId('tt-rate-done').getByText(/平均 5 分（1 人）/).waitFor();
      expect(new URL(anon.url()).pathname).not.toBe('/login');
      await screenshot(anon, 'ten-things-public-rating');
    } finally {
      await anon.context().close();
    }
  });

  test('an admin sets the 监督 reporting cycle on a phone, and it is kept', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/ten-things');
      const form = page.getByTestId('tt-settings');
      await form.getByLabel('进度报送周期').selectOption('quarterly');
      await form.getByRole('button', { name: '保存设置' }).click();
      await page.getByText('设置已保存').first().waitFor();
      await page.reload();
      await expect.poll(() => page.getByTestId('tt-settings').getByLabel('进度报送周期').inputValue()).toBe('quarterly');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await page.getByTestId('tt-settings').scrollIntoViewIfNeeded();
      await screenshot(page, 'ten-things-settings-phone');
    } finally {
      await page.context().close();
    }
  });

  test('the admin records the year-end 测评 on a phone, too few representatives are refused, then closes the plan', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/ten-things');
      const panel = page.getByTestId('tt-evaluation');
      // 45 representatives at the vote: 60% is 27.
      await panel.getByText(/至少 27 人/).waitFor();
      await panel.getByLabel(/^参评代表人数/).fill('26');
      for (let i = 0; i < 10; i++) await panel.getByTestId(`tt-eval-${i}-satisfied`).fill(String(20 - i));
      await panel.getByTestId('tt-eval-0-basic').fill('4');
      await panel.getByRole('button', { name: '保存测评结果' }).click();
      await page.getByText(/少于应到代表 45 人的 60%/).first().waitFor();
      await panel.getByLabel(/^参评代表人数/).fill('30');
      await panel.getByRole('button', { name: '保存测评结果' }).click();
      await page.getByText('已保存年终测评：参评代表 30 / 45 人').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'ten-things-evaluation-phone');

      await page.getByTestId('tt-evaluation').getByRole('button', { name: '结项' }).click();
      await page.getByRole('dialog').getByText(/不可撤销/).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: '结项' }).click();
      await page.getByTestId('tt-closed').waitFor();
      await expect.poll(() => page.getByTestId('tt-evaluation').count()).toBe(0);

      // The annual report shows the representatives' 测评 beside the public ratings: 24 of 24 forms satisfied.
      await page.getByRole('link', { name: '年度报告' }).click();
      await page.getByTestId('tt-evaluation-rate').getByText('100%（24）').first().waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('a closed plan takes no more progress: the reporter is told why', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '基层工会填报员');
      await page.goto('/ten-things/my');
      const task = page.getByTestId('tt-task').filter({ hasText: title(0) });
      await task.waitFor();
      await task.getByLabel(/^数量( |$)/).fill('1');
      await task.getByRole('button', { name: '提交进度' }).click();
      await page.getByText(/计划已结项，不能再修改/).first().waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
