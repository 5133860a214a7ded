import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { seriousViolations } from '../../../../e2e/a11y';
import { loginAs, screenshot, useE2eSession, DESKTOP, PHONE } from '../../../../e2e/harness';

const session = useE2eSession();

async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...DESKTOP, ...options });
  return context.newPage();
}
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
/** A datetime-local value `days` from now, Shanghai wall clock. */
const local = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 16);
/** A valid ID number of a man born on `birth` (yyyymmdd), with a sequence of its own. */
function idNumber(birth: string, seq: number): string {
  const first17 = `321281${birth}${String(seq * 2 + 1).padStart(3, '0').slice(-3)}`;
  return first17 + idNumberCheckCharacter(first17);
}

const COMPETITION = '兴化市职工技能大赛（E2E）';
const EVENT = '电工赛项（E2E）';
let eventPath = '';

describe('技能竞赛: staff set up a competition, units register contestants', () => {
  test('staff create a competition through the wizard, add a 赛项, then save and lock its marking scheme (1366 px)', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/competitions/new');
      await page.getByRole('heading', { name: '新建竞赛', level: 1 }).waitFor();
      const differences = page.getByTestId('cmp-differences');
      await differences.getByText('与规则包完全一致').waitFor();
      await page.getByRole('spinbutton', { name: /^申诉期（分钟）/ }).fill('60');
      await differences.getByText('申诉期（分钟）').waitFor();
      await page.getByRole('button', { name: '下一步' }).click();

      await page.getByRole('textbox', { name: /^竞赛名称/ }).fill(COMPETITION);
      await page.getByRole('button', { name: '创建竞赛' }).click();
      await page.getByRole('heading', { name: '添加赛项', level: 2 }).waitFor();

      await page.getByRole('textbox', { name: /^赛项名称/ }).fill(EVENT);
      await page.getByRole('textbox', { name: /^工种代码/ }).fill('电工');
      await page.locator('#cmp-st-start-0').fill(local(20));
      await page.locator('#cmp-st-start-1').fill(local(30));
      await page.locator('#cmp-reg-opens').fill(local(-1));
      await page.locator('#cmp-reg-closes').fill(local(10));
      await page.getByRole('combobox', { name: /^最低技能等级/ }).selectOption({ label: '高级工' });
      await page.getByRole('button', { name: '添加赛项', exact: true }).click();
      await page.getByRole('heading', { name: EVENT, level: 1 }).waitFor();
      eventPath = new URL(page.url()).pathname;

      // The starter scheme (理论 30% + 实操 70%) needs its aspects named and the 0–3 descriptors written.
      await page.locator('#cmp-a-0-0-zh').fill('理论试卷');
      await page.locator('#cmp-a-0-0-en').fill('Theory paper');
      await page.locator('#cmp-a-1-0-zh').fill('接线工艺');
      await page.locator('#cmp-a-1-0-en').fill('Wiring');
      for (const [i, d] of ['未完成', '基本符合', '符合规范', '工艺优良'].entries()) await page.locator(`#cmp-a-1-0-d${i}`).fill(d);
      const problems = page.getByTestId('cmp-scheme-problems');
      await problems.getByText('方案符合规则，可以锁定。').waitFor();
      // A weight that breaks the rule pack's theory cap is named before anything is sent.
      await page.locator('#cmp-p-0-w').fill('40');
      await problems.getByText('理论权重 40% 超过规则上限 30%').waitFor();
      await page.locator('#cmp-p-0-w').fill('30');
      await problems.getByText('方案符合规则，可以锁定。').waitFor();
      await page.getByRole('button', { name: '保存评分方案' }).click();
      await page.getByText('评分方案已保存').first().waitFor();
      await page.getByRole('button', { name: '锁定评分方案' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: '锁定评分方案' }).click();
      const locked = page.getByTestId('cmp-scheme-view');
      await locked.getByText('已锁定').waitFor();
      await locked.getByText('接线工艺').waitFor();
      expect(await page.getByRole('button', { name: '保存评分方案' }).count()).toBe(0);
      expect(await overflow(page)).toBeLessThanOrEqual(1);
    } finally {
      await page.context().close();
    }
  });

  test('a unit reporter registers a contestant on a phone (390 px); an ineligible one is refused beside the field, naming the rule', async () => {
    expect(eventPath).toMatch(/^\/competitions\/events\//);
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '基层工会填报员');
      await page.goto(`${eventPath}/register`);
      await page.getByRole('heading', { name: '报名参赛', level: 1 }).waitFor();
      await page.getByRole('textbox', { name: /^姓名/ }).fill('李志强');
      await page.getByRole('textbox', { name: /^身份证号/ }).fill(idNumber('19900501', 11));
      await page.getByRole('combobox', { name: /^职业技能等级/ }).selectOption({ label: '高级工' });
      expect(await overflow(page)).toBeLessThanOrEqual(1);
      await page.getByRole('button', { name: '提交报名' }).click();
      const done = page.getByTestId('cmp-registered');
      await done.getByText('报名成功').waitFor();
      await done.getByText('李志强').waitFor();

      await page.getByRole('button', { name: '继续报名' }).click();
      await page.getByRole('textbox', { name: /^姓名/ }).fill('周小军');
      await page.getByRole('textbox', { name: /^身份证号/ }).fill(idNumber('19950812', 12));
      await page.getByRole('combobox', { name: /^职业技能等级/ }).selectOption({ label: '中级工' });
      await page.getByRole('button', { name: '提交报名' }).click();
      const refusal = page.locator('#cmp-r-grade-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('职业技能等级：职业技能等级须为高级工及以上');
      expect(await page.getByRole('combobox', { name: /^职业技能等级/ }).getAttribute('aria-describedby')).toContain('cmp-r-grade-error');
      expect(await overflow(page)).toBeLessThanOrEqual(1);
      await screenshot(page, 'competitions-register-refusal-390');
    } finally {
      await page.context().close();
    }
  });
  test('every page of the new competition opens at 390 px with no serious axe violation and no horizontal overflow', async () => {
    expect(eventPath).toMatch(/^\/competitions\/events\//);
    const page = await openPage(PHONE);
    const failures: string[] = [];
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/competitions');
      await page.getByRole('link', { name: COMPETITION }).click();
      await page.getByRole('heading', { name: COMPETITION, level: 1 }).waitFor();
      const competitionPath = new URL(page.url()).pathname;
      for (const path of ['/competitions', '/competitions/new', competitionPath, eventPath, `${eventPath}/register`, `${eventPath}/results/final`, `${eventPath}/certificates`, '/competitions/judging']) {
        await page.goto(path);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
        failures.push(...(await seriousViolations(page, path)));
        if ((await overflow(page)) > 1) failures.push(`${path}: overflows at 390 px`);
      }
      await screenshot(page, 'competitions-judging-390');

      // The demo seed's 焊工决赛 is final: its result page explains ties and its certificates carry the QR code.
      await page.goto('/competitions');
      await page.getByRole('link', { name: /年兴化市职工职业技能竞赛$/ }).first().click();
      await page.getByRole('link', { name: '焊工决赛' }).click();
      await page.getByRole('heading', { name: '焊工决赛', level: 1 }).waitFor();
      const seeded = new URL(page.url()).pathname;
      await page.goto(`${seeded}/results/final`);
      await page.getByTestId('cmp-results-status').getByText('最终成绩').waitFor();
      failures.push(...(await seriousViolations(page, `${seeded}/results/final`)));
      if ((await overflow(page)) > 1) failures.push(`${seeded}/results/final: overflows at 390 px`);
      await screenshot(page, 'competitions-results-final-390');
      await page.goto(`${seeded}/certificates`);
      await page.getByTestId('cmp-certificates').getByRole('img', { name: '扫码核验成绩的二维码' }).first().waitFor();
      failures.push(...(await seriousViolations(page, `${seeded}/certificates`)));
      if ((await overflow(page)) > 1) failures.push(`${seeded}/certificates: overflows at 390 px`);
      await screenshot(page, 'competitions-certificates-390');
    } finally {
      await page.context().close();
    }
    expect(failures).toEqual([]);
  });
});
