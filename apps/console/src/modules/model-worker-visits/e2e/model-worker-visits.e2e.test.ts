import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousViolations } from '../../../../e2e/a11y';
import { DESKTOP, loginAs, noOverflow, PHONE, screenshot, useE2eSession } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Files a request on the board and opens it. */
async function fileRequest(page: Page, enterprise: string) {
  await page.goto('/model-worker-visits');
  await page.getByRole('heading', { name: '劳模工匠助企行' }).waitFor();
  await page.locator('summary', { hasText: '登记企业需求' }).click();
  await page.getByLabel(/^企业名称/).fill(enterprise);
  await page.getByLabel(/^服务需求/).fill('不锈钢薄板焊缝开裂，需要焊接工艺指导');
  await page.getByLabel(/^需要的技能\/工种/).fill('焊工');
  await page.getByLabel(/^企业联系人/).fill('周经理');
  await page.getByLabel(/^联系人电话/).fill('13905260001');
  await page.getByRole('button', { name: '登记需求' }).click();
  await page.getByRole('table', { name: '助企行需求' }).getByRole('link', { name: enterprise }).click();
  await page.getByRole('heading', { name: enterprise }).waitFor();
}

/** The visit log's totals line as numbers: visits, 劳模工匠 人次, problems solved, workers trained. */
async function logTotals(page: Page): Promise<number[]> {
  const text = await page.getByTestId('mwv-log-totals').innerText();
  const m = /共走访 (\d+) 次 · 劳模工匠 (\d+) 人次 · 解决难题 (\d+) 项 · 培训职工 (\d+) 人次/.exec(text);
  expect(m, text).not.toBeNull();
  return m!.slice(1).map(Number);
}

/** Opens the visit log from the board and narrows it to today's visits that solved a problem. */
async function openTodaysSolvedLog(page: Page, today: string) {
  await page.goto('/model-worker-visits');
  await page.getByRole('link', { name: '全部走访记录' }).click();
  await page.getByRole('heading', { name: '助企行走访记录' }).waitFor();
  await page.getByLabel('走访日期（起）').fill(today);
  await page.getByLabel('走访日期（止）').fill(today);
  await page.getByLabel('是否解决难题').selectOption({ label: '解决了难题' });
  await page.getByRole('search', { name: '筛选走访记录' }).getByRole('button', { name: '搜索', exact: true }).click();
  await page.getByTestId('mwv-log-results').and(page.locator('[aria-busy="false"]')).waitFor();
}

describe('劳模工匠助企行 and 创新工作室', () => {
  test('staff log a visit on a phone (390 px): the suggestion is matched, the visit closes the request and is listed', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await fileRequest(page, '兴化市某焊接设备公司');
      expect(await page.getByTestId('mwv-status').innerText()).toBe('待匹配');
      await expect.poll(() => page.getByText('周**').count()).toBeGreaterThan(0);
      const suggestions = page.getByTestId('mwv-suggestions');
      await suggestions.getByText('王建国').waitFor();
      expect(await suggestions.innerText()).toContain('匹配：焊工');
      await suggestions.getByRole('checkbox', { name: /王建国/ }).check();
      await page.getByRole('button', { name: '匹配选中的人员' }).click();
      await page.getByTestId('mwv-status').filter({ hasText: '已匹配' }).waitFor();
      await page.getByTestId('mwv-matched').filter({ hasText: '王建国' }).waitFor();
      const form = page.locator('form', { has: page.getByRole('heading', { name: '记录走访' }) });
      await expect.poll(() => form.getByRole('checkbox', { name: '王建国' }).isChecked()).toBe(true);
      await form.getByLabel(/^解决技术难题（项）/).fill('两项');
      await form.getByRole('button', { name: '保存走访记录' }).click();
      await form.getByText('请输入不小于 0 的整数').waitFor();
      await form.getByLabel(/^解决技术难题（项）/).fill('2');
      await form.getByLabel(/^培训职工（人次）/).fill('25');
      await form.getByLabel(/^走访情况/).fill('现场调整焊接电流与保护气体配比');
      await form.getByLabel('问题已解决，本次走访后办结需求').check();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page, 'request page at 390 px')).toEqual([]);
      await screenshot(page, 'mw-visit-log-phone');
      await form.getByRole('button', { name: '保存走访记录' }).click();
      await page.getByTestId('mwv-status').filter({ hasText: '已办结' }).waitFor();
      const visits = page.getByTestId('mwv-visits');
      expect(await visits.innerText()).toContain('王建国，解决难题 2 项，培训职工 25 人次（办结）');
      await expect.poll(() => page.getByRole('heading', { name: '记录走访' }).count()).toBe(0);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  test('at 1366 px staff register a studio with its 七有 and an achievement; the registry shows the ticks', async () => {
    const page = await openPage(DESKTOP);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/model-worker-studios');
      await page.getByRole('heading', { name: '劳模/工匠创新工作室' }).waitFor();
      await page.getByRole('table', { name: '劳模/工匠创新工作室' }).getByText('王建国焊接技能创新工作室').waitFor();
      await page.getByRole('link', { name: '登记工作室' }).click();
      await page.getByRole('heading', { name: '登记创新工作室' }).waitFor();
      await page.getByLabel(/^工作室名称/).fill('李秀梅数控工艺创新工作室');
      await page.getByLabel('工作室级别').selectOption({ label: '市级' });
      await page.getByRole('button', { name: '保存工作室' }).click();
      await page.getByText('请选择领衔人').waitFor();
      await page.getByLabel('查找劳模（姓名或身份证号）').fill('李秀梅');
      await page.getByRole('button', { name: '查找', exact: true }).click();
      await page.getByRole('button', { name: '选择 李秀梅' }).click();
      await page.getByTestId('mw-chosen').filter({ hasText: '李秀梅' }).waitFor();
      await page.getByLabel(/^团队成员/).fill('吴婷、郑浩');
      await page.getByLabel(/^成立日期/).fill('2022-03-15');
      for (const k of ['有场所', '有设备', '有团队', '有项目', '有制度']) await page.getByRole('checkbox', { name: k }).check();
      await page.getByRole('button', { name: '添加成果' }).click();
      const ach = page.getByTestId('mwv-achievement');
      await ach.getByLabel('成果类别').selectOption({ label: '专利' });
      await ach.getByLabel(/^成果名称/).fill('一种数控车床快速对刀装置');
      await ach.getByLabel(/^年度/).fill('2024');
      await ach.getByLabel(/^创造价值/).fill('50,000');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page, 'studio form at 1366 px')).toEqual([]);
      await page.getByRole('button', { name: '保存工作室' }).click();
      await page.getByRole('heading', { name: '李秀梅数控工艺创新工作室' }).waitFor();
      expect(await page.getByRole('heading', { name: /七有 5\/7/ }).count()).toBe(1);
      expect(await page.getByTestId('mwv-achievements').innerText()).toContain('2024 · 专利 · 一种数控车床快速对刀装置 · ¥50,000.00');
      await page.getByLabel(/^考核年度/).fill('2025');
      await page.getByRole('button', { name: '登记考核' }).click();
      await page.getByTestId('mwv-reviews').filter({ hasText: '2025 · 合格' }).waitFor();
      await screenshot(page, 'mw-studio-desktop');
      await page.getByRole('link', { name: '返回工作室名录' }).click();
      const row = page.getByRole('row', { name: /李秀梅数控工艺创新工作室/ });
      await row.waitFor();
      expect(await row.innerText()).toContain('5/7');
      expect(await row.locator('.mwv-seven__on').count()).toBe(5);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  test('staff edit a studio on a phone (390 px): a save over someone else’s change offers a reload that keeps what was typed, and the edit is shown after reloading the page', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/model-worker-studios');
      await page.getByRole('table', { name: '劳模/工匠创新工作室' }).getByRole('link', { name: '李秀梅数控技能大师工作室' }).click();
      await page.getByRole('heading', { name: '李秀梅数控技能大师工作室' }).waitFor();
      expect(await page.getByRole('heading', { name: /七有 6\/7/ }).count()).toBe(1);
      await page.getByRole('button', { name: '修改工作室' }).click();
      const form = page.getByRole('form', { name: '修改创新工作室' });
      await form.waitFor();
      expect(await form.getByLabel(/^团队成员/).inputValue()).toBe('吴婷、郑浩');
      expect(await form.getByTestId('mw-chosen').innerText()).toContain('李秀梅');
      // someone else saves the studio in another tab meanwhile
      const other = await page.context().newPage();
      await other.goto(page.url());
      await other.getByRole('button', { name: '修改工作室' }).click();
      await other.getByLabel(/^团队成员/).fill('吴婷、郑浩、陈亮');
      await other.getByRole('button', { name: '保存工作室' }).click();
      await other.getByTestId('mwv-studio-facts').filter({ hasText: '陈亮' }).waitFor();
      await other.close();
      await form.getByLabel(/^团队成员/).fill('吴婷、郑浩、钱刚');
      await form.getByRole('checkbox', { name: '有经费' }).check();
      await form.getByLabel('工作室级别').selectOption({ label: '市级' });
      await noOverflow(page);
      expect(await seriousViolations(page, 'studio edit form at 390 px')).toEqual([]);
      await form.getByRole('button', { name: '保存工作室' }).click();
      await form.getByText('数据已被他人修改').waitFor();
      await form.getByRole('button', { name: '重新载入（保留已填写内容）' }).click();
      expect(await form.getByLabel(/^团队成员/).inputValue()).toBe('吴婷、郑浩、钱刚');
      await screenshot(page, 'mw-studio-edit-phone');
      await form.getByRole('button', { name: '保存工作室' }).click();
      await page.getByRole('button', { name: '修改工作室' }).waitFor();
      await page.reload();
      const facts = page.getByTestId('mwv-studio-facts');
      await facts.waitFor();
      expect(await facts.innerText()).toContain('团队成员：吴婷、郑浩、钱刚');
      expect(await facts.innerText()).toContain('市级 · 成立于 2021-09-10');
      expect(await page.getByRole('heading', { name: /七有 7\/7/ }).count()).toBe(1);
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  test('a logged visit shows in the visit log across requests with the filter’s totals, and its row opens the request', async () => {
    const page = await openPage(DESKTOP);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      const today = await page.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
      await openTodaysSolvedLog(page, today);
      const before = await logTotals(page);
      const enterprise = '兴化市某阀门制造公司';
      await fileRequest(page, enterprise);
      const suggestions = page.getByTestId('mwv-suggestions');
      await suggestions.getByRole('checkbox', { name: /王建国/ }).check();
      await page.getByRole('button', { name: '匹配选中的人员' }).click();
      await page.getByTestId('mwv-matched').filter({ hasText: '王建国' }).waitFor();
      const form = page.locator('form', { has: page.getByRole('heading', { name: '记录走访' }) });
      await expect.poll(() => form.getByRole('checkbox', { name: '王建国' }).isChecked()).toBe(true);
      await form.getByLabel(/^解决技术难题（项）/).fill('4');
      await form.getByLabel(/^培训职工（人次）/).fill('12');
      await form.getByRole('button', { name: '保存走访记录' }).click();
      await page.getByTestId('mwv-status').filter({ hasText: '服务中' }).waitFor();
      await openTodaysSolvedLog(page, today);
      const row = page.getByRole('row', { name: new RegExp(enterprise) });
      await row.waitFor();
      expect(await row.innerText()).toMatch(new RegExp(`${today}[\\s\\S]*王建国[\\s\\S]*4[\\s\\S]*12`));
      expect(await logTotals(page)).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 4, before[3]! + 12]);
      await noOverflow(page);
      expect(await seriousViolations(page, 'visit log at 1366 px')).toEqual([]);
      await screenshot(page, 'mw-visit-log-desktop');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
      expect(download.suggestedFilename()).toBe(`助企行走访记录-${today}.xlsx`);
      await page.setViewportSize({ width: 390, height: 844 });
      await row.waitFor();
      await noOverflow(page);
      await screenshot(page, 'mw-visit-log-phone');
      await row.getByRole('link', { name: enterprise }).click();
      await page.getByRole('heading', { name: enterprise }).waitFor();
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });
});
