import type { BrowserContextOptions, Download, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { seriousViolations } from '../../../../e2e/a11y';
import { DESKTOP, loginAs, noOverflow, PHONE, screenshot, useE2eSession } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;
const COUNTY = '兴化市总工会';

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** A valid ID number of 兴化 (321281) with a random sequence. */
function idNumber(birth: string): string {
  const seq = String(100 + Math.floor(Math.random() * 899)).padStart(3, '0');
  const first17 = `321281${birth}${seq}`;
  return first17 + idNumberCheckCharacter(first17);
}
const breakCheck = (id: string) => id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');

async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return file;
}

/** A download's bytes (the browser runs apart from the test: read the stream, not a path). */
async function bytesOf(file: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Every cell text of a workbook's first sheet, row by row. */
async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

afterEach(() => {
  expect(pageErrors.splice(0), 'page errors').toEqual([]);
});

describe('劳模台账 import and export', () => {
  for (const [width, options] of [['390', PHONE], ['1366', DESKTOP]] as const) {
    test(`at ${width} px staff fill the downloaded template with one bad row and import it in the background: nothing is written until they choose the correct rows, then the job lists the bad row by its Excel row number, its error report downloads and the people are on file`, async () => {
      const page = await openPage(options);
      try {
        await loginAs(page, COUNTY, '管理员');
        await page.goto('/model-workers');
        await page.getByRole('link', { name: '台账导入导出' }).click();
        await page.getByRole('heading', { name: '台账导入导出' }).waitFor();

        const template = await downloaded(page, () => page.getByRole('button', { name: '下载导入模板' }).click());
        expect(template.suggestedFilename()).toBe('劳模台账模板.xlsx');
        const { default: ExcelJS } = await import('exceljs');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await bytesOf(template)) as unknown as ArrayBuffer);
        const ws = wb.worksheets[0]!;
        expect((ws.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['姓名', '身份证号']);
        const good1 = idNumber('19810203');
        const good2 = idNumber('19790611');
        const stamp = width === '390' ? '甲' : '乙';
        ws.getRow(2).values = [`台账${stamp}一`, good1, '汉族', '群众', '大专', '专业技术人员', '否', '技师', '电工', '兴化电力公司', '13905260001', '市级劳动模范', 2021, '泰州市人民政府', null];
        ws.getRow(3).values = [`台账${stamp}二`, breakCheck(idNumber('19850101')), '汉族', '群众', '大专', '一线工人', '否', '无', null, null, null, '市级劳动模范', 2022, '泰州市人民政府', null];
        ws.getRow(4).values = [`台账${stamp}三`, good2, '汉族', '中共党员', '大学本科', '一线工人', '是', '高级工', '焊工', null, null, null, null, null, null];
        const buffer = Buffer.from(await wb.xlsx.writeBuffer());

        await page.getByLabel('选择 Excel 文件').setInputFiles({ name: 'registry.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
        await page.getByRole('button', { name: '开始导入' }).click();
        const panel = page.locator('.import-job');
        expect(await finishedJob(page)).toContain('共 3 行：已写入 0 行，错误 1 行');
        expect(await page.getByTestId('mw-import-nothing').innerText()).toContain('本次未导入任何行');
        expect(await page.locator('.sheet-progress').first().getAttribute('value')).toBe('100');
        const first = await panel.getAttribute('data-job');

        await page.getByLabel('只导入正确的行').check();
        await page.getByRole('button', { name: '开始导入' }).click();
        await expect.poll(() => panel.getAttribute('data-job')).not.toBe(first);
        expect(await finishedJob(page)).toContain('共 3 行：已写入 2 行，错误 1 行');
        expect(await page.getByTestId('mw-import-nothing').count()).toBe(0);
        const errorRows = await panel.getByRole('table').locator('tbody tr').allInnerTexts();
        expect(errorRows).toHaveLength(1);
        expect(errorRows[0]).toMatch(/^3\s+身份证号\s+第3行：/);
        expect(await panel.innerText()).not.toContain(good1);

        // The full error report: the same row, by its Excel row number and column.
        const report = await downloaded(page, () => panel.getByRole('button', { name: '下载完整错误报告' }).click());
        expect(report.suggestedFilename()).toBe('劳模台账导入错误报告.xlsx');
        const reported = await sheetRows(await bytesOf(report));
        expect(reported).toHaveLength(2);
        expect(reported[1]!.slice(0, 2)).toEqual(['3', '身份证号']);
        await expect.poll(() => page.getByRole('table', { name: '最近的导入' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(2);

        await noOverflow(page);
        expect(await seriousViolations(page, `registry import at ${width} px`)).toEqual([]);
        await screenshot(page, `mw-registry-import-${width}`);

        // The written rows are records on file.
        await page.getByRole('link', { name: '查看劳模档案' }).click();
        await page.getByLabel('按姓名或身份证号搜索').fill(`台账${stamp}一`);
        await page.getByRole('button', { name: '搜索' }).click();
        await page.getByRole('link', { name: `台账${stamp}一` }).click();
        await page.getByRole('heading', { name: `台账${stamp}一` }).waitFor();
      } finally {
        await page.context().close();
      }
    });
  }

  /** The job's panel once it has ended; a failed job or an error banner fails with its text. */
  async function finishedJob(page: Page): Promise<string> {
    const panel = page.locator('.import-job');
    await expect.poll(async () => ((await page.getByRole('alert').count()) ? 'alert' : String(await panel.getAttribute('data-status'))), { timeout: 30_000 }).toMatch(/^(alert|done|failed|cancelled)$/);
    const alert = page.getByRole('alert');
    if (await alert.count()) throw new Error(`the import page shows an error: ${await alert.first().innerText()}`);
    return panel.innerText();
  }

  test('the export is masked by default; the full ID numbers need a confirmation that says the export is audited', async () => {
    const page = await openPage(DESKTOP);
    try {
      await loginAs(page, COUNTY, '管理员');
      await page.goto('/model-workers/registry');
      const masked = await downloaded(page, () => page.getByRole('button', { name: '导出台账（身份证号打码）' }).click());
      expect(masked.suggestedFilename()).toMatch(/^劳模台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const maskedRows = await sheetRows(await bytesOf(masked));
      const idColumn = maskedRows[0]!.indexOf('身份证号');
      const ids = maskedRows.slice(1).map((r) => r[idColumn]!);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      for (const id of ids) expect(id).toMatch(/^\d{4}\*+[\dX]{4}$/);

      await page.getByRole('button', { name: '导出含完整身份证号…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('此次导出将记入审计日志');
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: '导出含完整身份证号…' }).click();
      const full = await downloaded(page, () => page.getByRole('dialog').getByRole('button', { name: '确认导出（记入审计）' }).click());
      const fullRows = await sheetRows(await bytesOf(full));
      const fullIds = fullRows.slice(1).map((r) => r[idColumn]!);
      for (const id of fullIds) expect(id).toMatch(/^\d{17}[\dX]$/);
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
  });
});

describe('the 劳模 credential', () => {
  test('staff issue a credential on the person page; its QR link opened signed out on a phone says valid with the level and masked name, and not valid once the honour is revoked', async () => {
    const staff = await openPage(DESKTOP);
    const phone = await openPage(PHONE);
    try {
      await loginAs(staff, COUNTY, '管理员');
      await staff.goto('/model-workers');
      await staff.getByRole('link', { name: '陈志强' }).click();
      await staff.getByRole('heading', { name: '陈志强' }).waitFor();
      const card = staff.getByTestId('mw-credential');
      await card.getByRole('button', { name: '签发凭证（有效期一年）' }).click();
      const qr = card.getByRole('img', { name: '陈志强 的劳模凭证二维码' });
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await card.innerText()).toContain('省部级待遇 · 有效至');
      const url = (await card.getByTestId('mw-credential-url').getAttribute('href'))!;
      expect(url).toMatch(new RegExp(`^${session.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/mw-verify\\?t=[A-Za-z0-9_.-]+$`));
      await noOverflow(staff);

      await phone.goto(url);
      const answer = phone.getByTestId('mw-verify-answer');
      await answer.waitFor();
      expect((await answer.innerText()).replace(/\s+/g, ' ')).toBe('✓ 有效 省部级劳模待遇 陈**');
      expect(await phone.locator('#main-nav').count()).toBe(0);
      const fontSize = await phone.locator('.mw-verify__word').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(28);
      await noOverflow(phone);
      expect(await seriousViolations(phone, 'credential verify at 390 px')).toEqual([]);
      await screenshot(phone, 'mw-verify-valid-390');

      // A token altered in one character is not valid.
      await phone.goto(url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
      await phone.getByTestId('mw-verify-answer').filter({ hasText: '凭证无法识别' }).waitFor();

      // Revoke the honour: the same code answers not valid at once.
      await staff.getByRole('button', { name: '撤销荣誉' }).click();
      await staff.getByLabel(/撤销文件/).fill('兴政发〔2026〕1号');
      await staff.getByLabel(/撤销原因/).fill('e2e：核验凭证随荣誉撤销失效');
      await staff.getByRole('form', { name: /撤销/ }).getByRole('button', { name: '撤销荣誉' }).click();
      await staff.getByRole('dialog').getByRole('button', { name: '确认撤销' }).click();
      await staff.getByTestId('mw-revoked').waitFor();
      await staff.getByTestId('mw-credential').getByText('此人当前没有有效的荣誉待遇').waitFor();

      await phone.goto(url);
      const no = phone.getByTestId('mw-verify-answer');
      await no.waitFor();
      expect((await no.innerText()).replace(/\s+/g, ' ')).toBe('✗ 无效 持有人当前没有有效的荣誉待遇');
      await noOverflow(phone);
      await screenshot(phone, 'mw-verify-invalid-390');
    } finally {
      await staff.context().close();
      await phone.context().close();
    }
  });
});
