import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { join } from 'node:path';
import { loginAs, screensDir, screenshot, useE2eSession, DESKTOP, PHONE } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;

const VIEWPORTS: [string, BrowserContextOptions][] = [
  ['390', PHONE],
  ['1366', DESKTOP],
];
const COUNTY = '兴化市总工会';

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** A valid ID number of 兴化 (321281) with a random sequence (odd: male). */
function idNumber(birth: string): string {
  const seq = String(100 + Math.floor(Math.random() * 449) * 2 + 1).padStart(3, '0');
  const first17 = `321281${birth}${seq}`;
  return first17 + idNumberCheckCharacter(first17);
}

async function noOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** Names created by the staff test, so the reporter test can look for them. */
const created: { name: string; url: string }[] = [];

afterEach(() => {
  expect(pageErrors.splice(0), 'page errors').toEqual([]);
});

describe('劳模档案', () => {
  for (const [width, options] of VIEWPORTS) {
    test(`at ${width} px staff create a person, record an honour, revoke it after a confirmation and see it struck through in the list`, async () => {
      const page = await openPage(options);
      try {
        await loginAs(page, COUNTY, '管理员');
        await page.goto('/model-workers');
        await page.getByRole('link', { name: '新建档案' }).click();
        await page.waitForURL(/\/model-workers\/new$/);

        // The ID number is checked as it is typed (the server's rule); a whole one gives birth date and gender.
        const id = idNumber('19800515');
        await page.locator('#mw-f-idNumber').fill(id.slice(0, 10));
        await expect.poll(() => page.getByTestId('mw-id-live').textContent()).toBe('已输入 10/18 位');
        await page.locator('#mw-f-idNumber').fill(`${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`);
        await expect.poll(() => page.getByTestId('mw-id-live').textContent()).toMatch(/校验/);
        await page.locator('#mw-f-idNumber').fill(id);
        await expect.poll(() => page.getByTestId('mw-id-live').textContent()).toBe('出生日期 1980-05-15 · 男');

        const name = `测试劳模${width}`;
        await page.locator('#mw-f-name').fill(name);
        await page.locator('#mw-f-occupation').selectOption('technical');
        await page.locator('#mw-f-trade').fill('电工');
        await page.getByRole('button', { name: '添加工作经历' }).click();
        await page.locator('#mw-f-emp0-employer').fill('兴化市供电公司');
        await page.locator('#mw-f-emp0-from').fill('2002-07-01');
        await page.getByRole('button', { name: '添加代表委员' }).click();
        await page.locator('#mw-f-dep0-term').fill('第十四届');
        await noOverflow(page);
        await page.getByRole('button', { name: '建立档案' }).click();
        await page.waitForURL(/\/model-workers\/[0-9A-Z]+$/);
        created.push({ name, url: new URL(page.url()).pathname });

        // The person page: masked ID, the audited reveal shows it whole.
        await expect.poll(() => page.getByTestId('mw-id').textContent()).toMatch(/^3212\*+.{4}$/);
        expect(await page.getByTestId('mw-id').textContent()).not.toBe(id);
        await page.getByRole('button', { name: '显示' }).first().click();
        await expect.poll(() => page.getByTestId('mw-id').textContent()).toBe(id);

        // Record an honour picked from the ladder (grouped by level).
        await page.locator('#mw-aw-code').selectOption({ label: '市级劳动模范' });
        await page.locator('#mw-aw-year').fill('2021');
        await page.locator('#mw-aw-by').fill('泰州市人民政府');
        await page.locator('#mw-aw-cert').fill('TZ2021-018');
        await page.getByRole('button', { name: '记录荣誉' }).click();
        await expect.poll(() => page.getByTestId('mw-honours').textContent()).toContain('市级劳动模范');
        await expect.poll(() => page.getByTestId('mw-status').textContent()).toBe('在职');

        // Revoke it: the dialog states the consequence before anything happens.
        await page.getByRole('button', { name: '撤销荣誉' }).click();
        await page.locator('#mw-rv-doc').fill('泰政发〔2026〕3号');
        await page.locator('#mw-rv-reason').fill('经查事迹材料失实');
        await page.locator('form[aria-label^="撤销"]').getByRole('button', { name: '撤销荣誉' }).click();
        const dialog = page.getByRole('dialog');
        await expect.poll(() => dialog.textContent()).toContain(`自 ${today()} 起停止该荣誉待遇`);
        await noOverflow(page);
        await dialog.getByRole('button', { name: '确认撤销' }).click();
        await expect.poll(() => page.getByTestId('mw-revoked').textContent()).toContain(`撤销于 ${today()}`);
        expect(await page.getByTestId('mw-honours').locator('s').textContent()).toBe('市级劳动模范');
        await noOverflow(page);
        if (width === '390') {
          await screenshot(page, 'model-workers-person-390');
          await page.locator('.card').filter({ has: page.getByTestId('mw-honours') }).screenshot({ path: join(screensDir, 'model-workers-honours-390.png') });
        }

        // The list (server-side search by name) shows the honour struck through with its day.
        await page.goto('/model-workers');
        await page.locator('#mw-q').fill(name);
        await page.getByRole('button', { name: '搜索' }).click();
        const row = page.locator('tbody tr').filter({ hasText: name });
        await expect.poll(() => row.count()).toBe(1);
        await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
        expect(await row.locator('.mw-chip--revoked s').textContent()).toBe('2021 市级劳动模范');
        expect(await row.locator('.mw-chip__revoked').textContent()).toBe(`撤销于 ${today()}`);
        // The whole ID number finds the person too (blind index); the masked one is shown.
        await page.locator('#mw-q').fill(id);
        await page.getByRole('button', { name: '搜索' }).click();
        await expect.poll(() => page.locator('tbody tr').filter({ hasText: name }).count()).toBe(1);
        expect(await page.locator('tbody').textContent()).not.toContain(id);
        await page.locator('#mw-q').fill('');
        await page.getByRole('button', { name: '搜索' }).click();
        await expect.poll(() => page.locator('tbody tr').filter({ hasText: '王建国' }).count()).toBe(1);
        await noOverflow(page);
        if (width === '390') await screenshot(page, 'model-workers-list-390');
      } finally {
        await page.context().close();
      }
    });
  }

  for (const [width, options] of VIEWPORTS) {
    test(`at ${width} px a unit reporter sees only their unit's people, read-only, and another's record is missing`, async () => {
      const page = await openPage(options);
      try {
        await loginAs(page, COUNTY, '基层工会填报员');
        await page.goto('/model-workers');
        await expect.poll(() => page.locator('tbody tr').filter({ hasText: '王建国' }).count()).toBe(1);
        expect(await page.getByRole('link', { name: '新建档案' }).count()).toBe(0);
        expect(await page.getByTestId('mw-unit-only').isVisible()).toBe(true);
        for (const c of created) expect(await page.locator('tbody').textContent()).not.toContain(c.name);
        await noOverflow(page);

        // Their unit's person: read-only (no reveal, no honour form).
        await page.getByRole('link', { name: '王建国' }).click();
        await expect.poll(() => page.getByTestId('mw-honours').textContent()).toContain('省部级劳动模范');
        expect(await page.getByRole('button', { name: '显示' }).count()).toBe(0);
        expect(await page.locator('#mw-aw-code').count()).toBe(0);

        // A person of no unit of theirs (created by staff above) is a missing record to them.
        expect(created.length).toBeGreaterThan(0);
        await page.goto(created[0]!.url);
        await page.getByTestId('record-missing').waitFor();
        await noOverflow(page);
      } finally {
        await page.context().close();
      }
    });
  }

  test('a correction saved over a stale version offers a reload that keeps what was typed, and then saves; the page switches to English', async () => {
    const page = await openPage(VIEWPORTS[1]![1]);
    try {
      await loginAs(page, COUNTY, '管理员');
      await page.goto('/model-workers');
      await page.getByRole('link', { name: '李秀梅' }).click();
      await page.waitForURL(/\/model-workers\/[0-9A-Z]+$/);
      const personId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByRole('button', { name: '修改档案' }).click();
      await page.locator('#mw-f-trade').fill('数控车工（五轴）');

      // Someone else changes the record meanwhile (the same API, another request).
      const version = await page.evaluate(async (id) => {
        const headers = { authorization: `Bearer ${localStorage.getItem('ufp.token')}`, 'content-type': 'application/json' };
        const got = await (await fetch(`/trpc/modelWorkers.people.get?input=${encodeURIComponent(JSON.stringify({ personId: id }))}`, { headers })).json();
        const p = got.result.data;
        const body = { personId: id, version: p.version, name: p.name, ethnicity: p.ethnicity, politicalStatus: p.politicalStatus, education: 'college', occupation: p.occupation, skillGrade: p.skillGrade, employers: p.employers, deputies: p.deputies };
        const res = await fetch('/trpc/modelWorkers.people.update', { method: 'POST', headers, body: JSON.stringify(body) });
        return (await res.json()).result.data.version as number;
      }, personId);
      expect(version).toBeGreaterThan(1);

      await page.getByRole('button', { name: '保存' }).click();
      const reload = page.getByRole('button', { name: '重新载入（保留已填写内容）' });
      await reload.waitFor();
      await reload.click();
      await expect.poll(() => reload.count()).toBe(0);
      expect(await page.locator('#mw-f-trade').inputValue()).toBe('数控车工（五轴）');
      await page.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => page.locator('.mw-dl').textContent()).toContain('数控车工（五轴）');

      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.locator('h2').first().textContent()).toBe('Profile');
      expect(await page.getByTestId('mw-honours').textContent()).toContain('City Model Worker');
      await page.getByRole('button', { name: /中文/ }).click();
    } finally {
      await page.context().close();
    }
  });

  test('the platform operator retires and restores an honour of the ladder after a confirmation; staff read it; leadership sees the counts by level', async () => {
    const page = await openPage(VIEWPORTS[0]![1]);
    try {
      await loginAs(page, /平台运营/);
      await page.goto('/model-workers/ladder');
      const row = page.locator('tbody tr').filter({ hasText: '市工匠' });
      await row.getByRole('button', { name: '停用' }).click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.textContent()).toContain('已获得该荣誉的人员记录不变');
      await dialog.getByRole('button', { name: '停用' }).click();
      await expect.poll(() => row.textContent()).toContain('已停用');
      await noOverflow(page);
      await screenshot(page, 'model-workers-ladder-390');
      await row.getByRole('button', { name: '恢复' }).click();
      await dialog.getByRole('button', { name: '恢复' }).click();
      await expect.poll(() => row.textContent()).not.toContain('已停用');

      await loginAs(page, COUNTY, '管理员');
      await page.goto('/model-workers/ladder');
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(5);
      expect(await page.getByRole('button', { name: '停用' }).count()).toBe(0);

      await loginAs(page, '江苏省总工会', '领导');
      await page.goto('/model-workers/summary');
      await expect.poll(() => page.getByTestId('mw-sum-people').textContent()).not.toBe('0');
      // The year's headline figures, fed by events (the seed's 助企行 visits of today); rollups may lag the seed.
      const figures = page.getByTestId('mw-year-figures');
      await expect.poll(async () => (await figures.count()) > 0 || (await page.reload(), false), { timeout: 30_000 }).toBe(true);
      await figures.getByRole('row', { name: /助企行走访次数/ }).getByText('2', { exact: true }).waitFor();
      expect(await page.locator('main').textContent()).not.toContain('王建国');
      await noOverflow(page);
      await screenshot(page, 'model-workers-summary-390');
    } finally {
      await page.context().close();
    }
  });

  test('a person that does not exist shows the missing-record page with a way back', async () => {
    const page = await openPage(VIEWPORTS[1]![1]);
    try {
      await loginAs(page, COUNTY, '管理员');
      await page.goto('/model-workers/01NOSUCHPERSON0000000000000');
      await page.getByTestId('record-missing').waitFor();
      expect(await page.locator('#record-missing-title').textContent()).toBe('未找到该档案');
      await page.getByRole('link', { name: '返回劳模档案' }).click();
      await page.waitForURL(/\/model-workers$/);
    } finally {
      await page.context().close();
    }
  });
});
