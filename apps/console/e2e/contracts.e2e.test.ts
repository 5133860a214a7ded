import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, escapeRe, useE2eSession } from './harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;


async function openPage(width = 1280): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function loginAs(page: Page, org: string, roleWord: string): Promise<void> {
  await page.goto('/login');
  const pick = page.getByRole('button', { name: new RegExp(`^${escapeRe(org)} · .*${escapeRe(roleWord)}`) }).first();
  await pick.waitFor({ timeout: 20_000 });
  await pick.click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('#main-nav').waitFor({ state: 'attached' });
}

async function dev(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${session.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res.json();
}

/** Shanghai 10:00 on a date, as the dev clock's ISO instant. */
const at = (date: string) => `${date}T02:00:00Z`;
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function record(page: Page, stepButton: RegExp | string) {
  const status = await page.getByTestId('contract-status').textContent();
  await page.getByRole('button', { name: stepButton }).click();
  await expect.poll(() => page.getByTestId('contract-status').textContent().then((s) => s !== status || undefined), { timeout: 10_000 }).toBeTruthy();
}

describe('集体合同', () => {
  test('an express-industry contract walks to filed, takes effect on day 15 of the dev clock (not day 14) and counts for the province', async () => {
    // A fixed Monday in the current year, so the overview's default year holds the events.
    const year = new Date().getFullYear();
    const day0 = `${year}-03-02`;
    await dev('/dev/clock', { now: at(day0) });

    const page = await openPage();
    try {
      await loginAs(page, '泰州市总工会', '管理员');
      await page.goto('/contracts/new');
      await page.getByRole('button', { name: /行业性集体合同/ }).click();
      await page.locator('#c-industry').selectOption('express');
      await page.locator('#c-unit').selectOption({ label: '泰州市快递行业工会联合会' });
      await page.locator('#c-parties').fill('泰州市快递行业协会\n泰州市邮政快递企业代表');
      await page.locator('#c-ent').fill('28');
      await page.locator('#c-emp').fill('2600');
      await page.locator('#c-start').fill(`${year}-04-01`);
      await page.locator('#c-end').fill(`${year + 2}-03-31`);
      await page.locator('#c-wage').fill('6');
      await page.locator('#c-minwage').fill('2600');
      await page.getByRole('button', { name: '建立台账' }).click();
      await page.waitForURL(/\/contracts\/[0-9A-Z]+$/);
      await expect.poll(() => page.getByTestId('contract-status').textContent()).toBe('草拟');

      // Out of order is impossible from the form: the next step is offered first.
      await expect.poll(() => page.getByTestId('next-step').textContent()).toContain('发出要约');
      await record(page, '办理：发出要约');
      await record(page, '办理：要约回应');

      for (const side of ['职工', '企业']) {
        const names = page.getByPlaceholder('姓名');
        for (let i = 0; i < 3; i++) await names.nth(i).fill(`${side}代表${i + 1}`);
        const version = await page.getByTestId('next-step').textContent();
        await page.getByRole('button', { name: '保存协商代表' }).click();
        if (side === '职工') await expect.poll(async () => (await page.locator('#rep-side').inputValue()) === 'employer').toBe(true);
        else await expect.poll(() => page.getByTestId('next-step').textContent()).not.toBe(version);
      }
      await page.locator('#f-minutes').fill('就工资增幅、高温补贴达成一致');
      await page.getByRole('button', { name: '办理：协商会议' }).click();
      await expect.poll(() => page.getByTestId('next-step').textContent()).toContain('职代会审议');

      // The vote form shows the threshold live: 2/3 present and more than half of ALL approve.
      await page.locator('#v-total').fill('30');
      await page.locator('#v-present').fill('20');
      await page.locator('#v-approve').fill('15');
      await expect.poll(() => page.getByTestId('vote-meter').textContent()).toContain('不通过');
      await page.locator('#v-approve').fill('16');
      await expect.poll(() => page.getByTestId('vote-meter').textContent()).toContain('通过');
      await record(page, '记录表决结果');
      expect(await page.getByTestId('contract-status').textContent()).toBe('职代会已通过');
      await record(page, '办理：首席代表签字');
      await record(page, '办理：报送审查');
      expect(await page.getByTestId('contract-status').textContent()).toBe('已报送审查');
      const effectiveOn = plusDays(day0, 15);
      await expect.poll(() => page.locator('.timeline').textContent()).toContain(effectiveOn);
      await screenshot(page, 'contracts-filed');

      // Day 14: still under review.
      await dev('/dev/clock', { now: at(plusDays(day0, 14)) });
      await dev('/dev/tick');
      await page.reload();
      await expect.poll(() => page.getByTestId('contract-status').textContent()).toBe('已报送审查');

      // Day 15: no objection, so it takes effect.
      await dev('/dev/clock', { now: at(effectiveOn) });
      await dev('/dev/tick');
      await page.reload();
      await expect.poll(() => page.getByTestId('contract-status').textContent()).toBe('已生效');
      await screenshot(page, 'contracts-effective');

      await page.goto('/notifications');
      await expect.poll(() => page.getByTestId('notification').count()).toBeGreaterThan(0);

      // The ledger lists it as in force; the export hands back a workbook; the deadlines page opens.
      await page.goto('/contracts');
      await page.locator('#c-status').selectOption('effective');
      await expect.poll(() => page.getByRole('link', { name: `${year}年快递行业集体合同` }).count()).toBeGreaterThan(0);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      expect((await download).suggestedFilename()).toMatch(/^集体合同台账-.*\.xlsx$/);
      await page.goto('/contracts/deadlines');
      await page.getByRole('heading', { name: '法定期限', level: 1 }).waitFor();
      await page.getByRole('heading', { name: '本地期限规则' }).waitFor();
      await screenshot(page, 'contracts-deadlines');
    } finally {
      await page.context().close();
    }

    const leader = await openPage(390);
    try {
      await loginAs(leader, '江苏省总工会', '领导');
      await leader.goto('/overview');
      await expect
        .poll(
          async () => {
            await leader.reload();
            await leader.getByTestId('contract-coverage').waitFor({ timeout: 5_000 }).catch(() => undefined);
            return (await leader.getByTestId('kpi-in-force').textContent().catch(() => null)) ?? '';
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe('1');
      expect(await leader.getByTestId('kpi-rate').textContent()).toMatch(/%$/);
      await screenshot(leader, 'contracts-leadership-phone');
    } finally {
      await leader.context().close();
    }
    expect(pageErrors).toEqual([]);
  });
});
