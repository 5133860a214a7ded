// Issue 14 — "Errors tell the truth" and "Irreversible actions ask first", at 390 px and 1366 px:
// a 409 shows the server's own text (only a stale version says "changed by someone else", with a
// reload that keeps what was typed), a bogus id shows a not-found page with a way back, and a
// confirmation that is cancelled changes nothing while a confirmed one goes through.
import { mkdir } from 'node:fs/promises';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DESKTOP, loginAs, noOverflow, PHONE, useE2eSession } from './harness';

const session = useE2eSession();
const SHOTS = process.env.E2E_SHOTS_DIR ?? '/work/tmp/i14-errors';
const STALE_TEXT = '数据已被他人修改';

const VIEWPORTS: [string, BrowserContextOptions][] = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
];

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  return context.newPage();
}


async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Opens a seeded hardship file (兴化) from the caseworker list. */
async function openFile(page: Page, worker: string): Promise<void> {
  await page.goto('/hardship');
  await page.getByRole('link', { name: worker }).first().click();
  await page.waitForURL(/\/hardship\/files\//);
  await page.getByTestId('file-status').waitFor();
}

const BOGUS = '01BOGUS0000000000000000000';

describe.each(VIEWPORTS)('errors and confirmations (%s)', (name, viewport) => {
  test('a bogus id shows "未找到该档案" with a way back, on every record page', async () => {
    const page = await openPage(viewport);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      const pages: [string, string][] = [
        [`/hardship/files/${BOGUS}`, '/hardship'],
        [`/contracts/${BOGUS}`, '/contracts'],
        [`/ten-things/items/${BOGUS}`, '/ten-things'],
        [`/ten-things/report/${BOGUS}`, '/ten-things'],
        [`/units/${BOGUS}`, '/units'],
      ];
      for (const [path, back] of pages) {
        await page.goto(path);
        const missing = page.getByTestId('record-missing');
        await missing.waitFor();
        expect(await missing.getByRole('heading', { level: 1 }).innerText()).toBe('未找到该档案');
        expect(await missing.getByRole('link').getAttribute('href')).toBe(back);
        await noOverflow(page);
      }
      await shot(page, `not-found-${name}`);
      await page.getByTestId('record-missing').getByRole('link').click();
      await page.waitForURL((u) => u.pathname === '/units');
    } finally {
      await page.context().close();
    }
  });

  test('a grant asks first (amount, fund, budget after): cancel changes nothing; a short budget is the server\'s own 409 text', async () => {
    const page = await openPage(viewport);
    try {
      await loginAs(page, /^兴化市总工会 · .*工作人员（工作人员）/);
      await openFile(page, '周建华');
      const grants = page.getByTestId('grants').locator('li');
      const before = await grants.count();

      await page.locator('#hs-grant select[name=kind]').selectOption('temporary');
      await page.locator('#hs-grant input[name=amount]').fill('50');
      await page.locator('#hs-grant select[name=fundSource]').selectOption('province'); // no budget set for it
      await page.getByRole('button', { name: '发放帮扶资金' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const text = await dialog.innerText();
      expect(text).toContain('确认发放帮扶资金？');
      expect(text).toContain('¥50.00');
      expect(text).toContain('省级');
      expect(text).toContain('未设置预算');
      await noOverflow(page);
      await shot(page, `grant-confirm-${name}`);
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await grants.count()).toBe(before);

      // Confirmed: the server refuses with its own reason, not "changed by someone else".
      await page.getByRole('button', { name: '发放帮扶资金' }).click();
      await dialog.getByRole('button', { name: '确认发放' }).click();
      const alert = page.locator('.hs-actions').getByRole('alert');
      await expect.poll(() => alert.innerText()).toContain('预算不足（或未设置预算），无法发放 50 元');
      expect(await alert.innerText()).not.toContain(STALE_TEXT);
      expect(await grants.count()).toBe(before);
      await noOverflow(page);
      await shot(page, `grant-409-${name}`);
      // With the English switch on, the server's English text.
      await page.locator('.lang-switch').click();
      await expect.poll(() => alert.innerText()).toContain('budget of this fund source is insufficient (or not set) for 50 yuan');
      await page.locator('.lang-switch').click();
      await expect.poll(() => alert.innerText()).toContain('预算不足');

      // With a budget, the confirmed grant goes through (the language switch re-rendered the form).
      await page.locator('#hs-grant select[name=kind]').selectOption('temporary');
      await page.locator('#hs-grant input[name=amount]').fill('50');
      await page.locator('#hs-grant select[name=fundSource]').selectOption('county');
      await page.getByRole('button', { name: '发放帮扶资金' }).click();
      expect(await dialog.innerText()).toMatch(/发放后预算余额\s*¥[\d,]+\.\d\d/);
      await dialog.getByRole('button', { name: '确认发放' }).click();
      await expect.poll(() => grants.count()).toBe(before + 1);
    } finally {
      await page.context().close();
    }
  });

  test('review during the 公示 is shown disabled with the server\'s reason', async () => {
    const page = await openPage(viewport);
    try {
      await loginAs(page, /^兴化市总工会 · .*工作人员（工作人员）/);
      await openFile(page, '吴秀兰');
      const approve = page.locator('#hs-review').getByRole('button', { name: '审核通过并建档' });
      expect(await approve.isDisabled()).toBe(true);
      expect(await page.locator('#hs-approve-reason').innerText()).toMatch(/^公示期未满：公示至 \d{4}-\d\d-\d\d 止，\d{4}-\d\d-\d\d 起可审核$/);
      await noOverflow(page);
      await shot(page, `review-blocked-${name}`);
    } finally {
      await page.context().close();
    }
  });

  test('only a stale version says "changed by someone else"; reloading keeps what was typed', async () => {
    const page = await openPage(viewport);
    try {
      await loginAs(page, /^兴化市总工会 · .*工作人员（工作人员）/);
      await openFile(page, '周建华');
      const reason = page.locator('#hs-exit input[name=reason]');
      await reason.fill('家庭收入已稳定');

      // Meanwhile the same file is re-verified in another tab: its version moves on.
      const other = await page.context().newPage();
      await other.goto(page.url());
      await other.getByRole('button', { name: '年度复核' }).click();
      await other.getByText('已完成年度复核').first().waitFor();
      await other.close();

      await page.locator('#hs-exit').getByRole('button', { name: '脱困退出' }).click();
      const alert = page.locator('.hs-actions').getByRole('alert');
      await expect.poll(() => alert.innerText()).toContain(STALE_TEXT);
      await noOverflow(page);
      await shot(page, `stale-${name}`);
      await alert.getByRole('button', { name: /重新载入/ }).click();
      await alert.waitFor({ state: 'detached' });
      expect(await reason.inputValue()).toBe('家庭收入已稳定');
      expect(await page.getByTestId('file-status').innerText()).toBe('已建档');
    } finally {
      await page.context().close();
    }
  });
});
