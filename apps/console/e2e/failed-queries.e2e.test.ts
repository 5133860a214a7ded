// Issue 14 — a page whose query fails says so (the server's words and a 重试 button) instead of going
// blank, at 390 px and 1366 px: 通知提醒, 法定期限 and the platform's 死信与重新投递. The failure is
// made in the browser (the procedure answers 500); 重试 after it recovers shows the page's data.
import { mkdir } from 'node:fs/promises';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DESKTOP, loginAs, noOverflow, PHONE, useE2eSession } from './harness';

const session = useE2eSession();
const SHOTS = process.env.E2E_SHOTS_DIR ?? '/work/tmp/i14-failed-queries';
const FAILURE = '数据库暂时不可用';

const VIEWPORTS: [string, BrowserContextOptions][] = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
];

/** [page, who signs in (org, role word), the page's h1, the procedure that fails, what shows once it loads]. */
const PAGES: [string, [string, string], string, string, (page: Page) => Promise<unknown>][] = [
  ['/notifications', ['兴化市总工会', '管理员'], '通知提醒', 'notifications.list', (page) => page.getByText(/未读 \d+ 条/).waitFor()],
  ['/contracts/deadlines', ['兴化市总工会', '管理员'], '法定期限', 'contracts.deadlines.list', (page) => page.getByText(/已加载节假日安排/).waitFor()],
  ['/platform/dead-letters', ['平台', '平台运营'], '死信与重新投递', 'platform.deadLetters.list', (page) => page.getByText(/没有死信/).or(page.getByTestId('pdl-reason')).first().waitFor()],
];

/** What a page must not claim while its data did not load (an empty list is not the same as no answer). */
const NOT_WHILE_FAILED = [/暂无通知/, /暂无.*期限|范围内没有/, /没有死信/];

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  return context.newPage();
}


describe.each(VIEWPORTS)('a failed query is shown, not a blank page (%s)', (name, viewport) => {
  test.each(PAGES)('%s', async (path, [org, role], heading, procedure, loaded) => {
    const page = await openPage(viewport);
    try {
      await loginAs(page, org, role);
      await page.route(`**/trpc/${procedure}**`, (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { message: FAILURE, code: -32603, data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 } } }),
        }),
      );
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      const alert = page.getByRole('alert').filter({ hasText: FAILURE });
      await alert.waitFor();
      expect(await alert.getByRole('button', { name: '重试' }).isVisible()).toBe(true);
      for (const claim of NOT_WHILE_FAILED) expect(await page.getByText(claim).count(), `${path} claims ${claim} without data`).toBe(0);
      await noOverflow(page);
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/${procedure}-${name}.png`, fullPage: true });

      // Once the procedure answers again, 重试 shows the page's data and the message goes.
      await page.unroute(`**/trpc/${procedure}**`);
      await alert.getByRole('button', { name: '重试' }).click();
      await alert.waitFor({ state: 'detached' });
      await loaded(page);
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
  });
});
