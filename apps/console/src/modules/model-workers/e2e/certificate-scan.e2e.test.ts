import { afterEach, describe, expect, test } from 'vitest';
import { loginAs, noOverflow, PHONE, screenshot, useE2eSession } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;
const COUNTY = '兴化市总工会';

/** A real 1×1 PNG (the server reads its signature before the scan can be recorded). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SCAN_NAME = '省劳模证书扫描件.png';

afterEach(() => {
  expect(pageErrors.splice(0), 'page errors').toEqual([]);
});

describe('荣誉证书扫描件', () => {
  test('at 390 px staff upload a certificate scan PNG on the honour timeline and open it through 查看', async () => {
    const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...PHONE });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    try {
      await loginAs(page, COUNTY, '管理员');
      await page.goto('/model-workers');
      await page.getByRole('link', { name: '陈志强' }).click();
      await page.waitForURL(/\/model-workers\/[0-9A-Z]+$/);
      const honour = page.getByTestId('mw-honours').locator('li').filter({ hasText: '省部级劳动模范' }).first();
      await honour.getByText('上传证书扫描件').waitFor();

      // A Word file is refused in the browser, before anything is sent.
      const input = honour.locator('input[type=file]');
      await input.setInputFiles({ name: '证书.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\x03\x04') });
      await honour.getByRole('alert').getByText(/只接受/).waitFor();

      await input.setInputFiles({ name: SCAN_NAME, mimeType: 'image/png', buffer: PNG });
      await honour.getByText(SCAN_NAME).waitFor({ timeout: 15_000 });
      await honour.getByText('重新上传证书扫描件').waitFor();
      await noOverflow(page);

      // 查看 asks for a short-lived (audited) URL and opens the stored file.
      const fetched = page.waitForRequest((r) => r.url().includes('/blobs/'));
      await honour.getByRole('button', { name: /查看/ }).click();
      await fetched;
      await screenshot(page, 'mw-certificate-scan-390');

      // The scan stays recorded on the honour after a reload.
      await page.reload();
      await page.getByTestId('mw-honours').getByText(SCAN_NAME).waitFor();
      await noOverflow(page);
    } finally {
      await context.close();
    }
  });
});
