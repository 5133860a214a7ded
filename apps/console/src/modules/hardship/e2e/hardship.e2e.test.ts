import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { noOverflow, screenshot, useE2eSession, loginAs, PHONE } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;


async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}


const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}
/** A small file whose first bytes say PDF (the server sniffs what arrives). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const shanghai = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The files a caseworker's `hardship.files.list` answers (straight from the API, for what a page does not show). */
async function staffFiles(input: Record<string, unknown>): Promise<{ fileId: string }[]> {
  const login = await fetch(`${session.url}/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: 'e2e-staff-321281', roles: ['federation_staff'], tenantId: '321281' }) });
  const { token } = (await login.json()) as { token: string };
  const listed = await fetch(`${session.url}/trpc/hardship.files.list?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await listed.json()) as { result: { data: { items: { fileId: string }[] } } }).result.data.items;
}

async function educationFunds(page: Page): Promise<number> {
  await page.goto('/hardship/charts');
  const chart = page.getByTestId('chart-kinds');
  await chart.waitFor();
  const values = (await chart.getAttribute('data-values')) ?? '';
  return Number(values.split(',')[2] ?? 0); // living, medical, education, …
}

describe('hardship assistance', () => {
  test('reporter applies on a phone, staff investigate and publish, another staff approves and grants; the leadership chart changes', async () => {
    const leader = await openPage();
    const worker = `钱小梅${Date.now() % 1000}`;
    try {
      await loginAs(leader, /^江苏省总工会 · .*领导/);
      const before = await educationFunds(leader);

      // 1. The unit reporter files step by step on a phone.
      const phone = await openPage(PHONE);
      try {
        await loginAs(phone, /^兴化市总工会 · .*基层工会填报员/);
        await phone.goto('/hardship/apply');
        await phone.getByRole('heading', { name: '帮扶申请' }).waitFor();
        await phone.getByLabel('姓名', { exact: false }).first().fill(worker);
        await phone.getByLabel(/身份证号/).fill(idNumber('32128119880516042'));
        await phone.getByLabel(/联系电话/).fill('13905261111');
        await phone.getByRole('button', { name: '下一步' }).click();
        await phone.getByTestId('hs-member').first().getByRole('textbox', { name: /^成员姓名/ }).fill(worker);
        await phone.getByRole('button', { name: /添加成员/ }).click();
        await phone.getByTestId('hs-member').nth(1).getByRole('textbox', { name: /^关系/ }).fill('女儿');
        await phone.getByTestId('hs-member').nth(1).getByRole('textbox', { name: /^成员姓名/ }).fill('钱某');
        await phone.getByLabel(/家庭年可支配收入/).fill('30000');
        await phone.getByLabel(/刚性支出/).fill('6000');
        await phone.getByRole('button', { name: '测算困难类别' }).click();
        await expect.poll(() => phone.getByTestId('tier-preview').innerText()).toBe('相对困难');
        expect(await phone.locator('.hs-explain').innerText()).toBe('(30,000 − 6,000) ÷ 12 ÷ 2 = ¥1,000.00/人/月 < 2 × 低保 ¥780 = ¥1,560 ⇒ 相对困难');
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);
        await screenshot(phone, 'hardship-apply-phone');
        await phone.getByRole('button', { name: '提交申请' }).click();
        await phone.getByRole('alert').filter({ hasText: '核对授权' }).waitFor(); // consent is required
        await phone.getByLabel(/本人同意工会/).check();
        await phone.getByRole('button', { name: '提交申请' }).click();
        await phone.waitForURL(/\/hardship\/files\//);
        await expect.poll(() => phone.getByTestId('file-status').innerText()).toBe('待调查');
        // The required papers are named before the steps that put the file before the federation; the reporter
        // uploads them from the phone and each is listed with its name once the server has checked its bytes.
        await expect.poll(() => phone.getByTestId('hs-missing-documents').innerText()).toContain('申请表、收入核对授权书');
        await phone.getByLabel('上传申请表').setInputFiles({ name: '帮扶申请表.pdf', mimeType: 'application/pdf', buffer: PDF });
        await phone.getByTestId('hs-doc-application').getByText('帮扶申请表.pdf').waitFor();
        expect(await phone.getByTestId('hs-missing-documents').innerText()).not.toContain('申请表、');
        await phone.getByLabel('上传收入核对授权书').setInputFiles({ name: '收入核对授权书（签字）.pdf', mimeType: 'application/pdf', buffer: PDF });
        await phone.getByTestId('hs-doc-income_consent').getByText('收入核对授权书（签字）.pdf').waitFor();
        await phone.getByTestId('hs-missing-documents').waitFor({ state: 'detached' });
        expect(await phone.getByTestId('hs-doc-application').innerText()).toContain('填报员');
        await noOverflow(phone);
        await screenshot(phone, 'hardship-documents-phone');
      } finally {
        await phone.context().close();
      }

      // 2. A caseworker records the investigation and publishes the notice.
      const staff = await openPage();
      try {
        await loginAs(staff, /^兴化市总工会 · .*工作人员（工作人员）/);
        await staff.goto('/hardship');
        await staff.getByRole('link', { name: worker }).first().click();
        await staff.locator('#hs-investigate input[name=visitedOn]').fill(shanghai(-7));
        await staff.locator('#hs-investigate textarea[name=findings]').fill('入户走访核实，家庭收入与申报一致');
        // Switching the language relabels the forms without losing what was typed.
        await staff.locator('.lang-switch').click();
        await staff.locator('#hs-investigate').getByRole('heading', { name: 'Record investigation' }).waitFor();
        expect(await staff.locator('#hs-investigate textarea[name=findings]').inputValue()).toBe('入户走访核实，家庭收入与申报一致');
        expect(await staff.locator('#hs-investigate input[name=visitedOn]').inputValue()).toBe(shanghai(-7));
        await staff.locator('.lang-switch').click();
        await staff.locator('#hs-investigate').getByRole('heading', { name: '登记入户调查' }).waitFor();
        expect(await staff.locator('#hs-investigate textarea[name=findings]').inputValue()).toBe('入户走访核实，家庭收入与申报一致');
        await staff.getByRole('button', { name: '登记入户调查' }).click();
        await expect.poll(() => staff.getByTestId('file-status').innerText()).toBe('待公示');
        await staff.locator('#hs-notice input[name=startsOn]').fill(shanghai(-6));
        await staff.getByRole('button', { name: '发布公示' }).click();
        await expect.poll(() => staff.getByTestId('file-status').innerText()).toBe('公示中/待审核');
      } finally {
        await staff.context().close();
      }

      // The public notice shows the masked name only.
      const board = await openPage();
      try {
        await board.goto('/notices/321281');
        await board.getByRole('cell', { name: `钱${'*'.repeat(worker.length - 1)}` }).first().waitFor();
        expect(await board.locator('body').innerText()).not.toContain(worker);
      } finally {
        await board.context().close();
      }

      // 3. Another caseworker reviews, approves and grants education aid.
      const reviewer = await openPage();
      try {
        await loginAs(reviewer, /^兴化市总工会 · .*（帮扶审核员）/);
        await reviewer.goto('/hardship');
        await reviewer.getByRole('link', { name: worker }).first().click();
        await reviewer.locator('#hs-review input[name=reason]').fill('经评议公示无异议');
        await reviewer.getByRole('button', { name: '审核通过并建档' }).click();
        await reviewer.getByRole('dialog').getByRole('button', { name: '确认建档' }).click();
        await expect.poll(() => reviewer.getByTestId('file-status').innerText()).toBe('已建档');
        await reviewer.getByRole('status').filter({ hasText: '已审核通过并建档' }).waitFor(); // says what happened
        await reviewer.locator('#hs-grant select[name=kind]').selectOption('education');
        // 金秋助学 is per student: the picker lists the household's members other than the worker, with the school level.
        const student = reviewer.locator('#hs-grant select[name=student]');
        expect(await student.locator('option').allInnerTexts()).toEqual(['请选择受助学生', '女儿 钱某']);
        await student.selectOption({ label: '女儿 钱某' });
        // The once-a-year guard is kept by the student's ID number: the application left hers out, so the form asks for it.
        const studentId = reviewer.getByLabel(/^受助学生身份证号/);
        expect(await studentId.getAttribute('required')).not.toBeNull();
        await studentId.fill(idNumber('32128120080516044'));
        await reviewer.getByLabel(/^学段/).selectOption('high_school');
        await reviewer.locator('#hs-grant input[name=amount]').fill('3000');
        await reviewer.locator('#hs-grant select[name=fundSource]').selectOption('county');
        await reviewer.getByRole('button', { name: '发放帮扶资金' }).click();
        await expect.poll(() => reviewer.getByRole('dialog').innerText()).toContain('女儿 钱某 · 高中（含中职）');
        await reviewer.getByRole('dialog').getByRole('button', { name: '确认发放' }).click();
        await expect.poll(() => reviewer.getByTestId('grants').innerText()).toContain('金秋助学 (女儿 钱某 · 高中（含中职）)');
        await reviewer.getByRole('status').filter({ hasText: '已发放金秋助学 ¥3,000.00（县级帮扶资金）' }).waitFor();
        await reviewer.getByRole('button', { name: '显示' }).first().click();
        await expect.poll(() => reviewer.locator('.mono').first().innerText()).toMatch(/^32128119880516042/);
        await screenshot(reviewer, 'hardship-file');
      } finally {
        await reviewer.context().close();
      }

      // 4. The leadership chart follows (rollups are eventually consistent).
      const deadline = Date.now() + 30_000;
      let after = before;
      while (after === before && Date.now() < deadline) {
        after = await educationFunds(leader);
        if (after === before) await new Promise((r) => setTimeout(r, 1000));
      }
      expect(after).toBe(before + 3000);
      await screenshot(leader, 'hardship-charts');
    } finally {
      await leader.context().close();
    }
  });

  test('the public self-test needs no login and explains its result', async () => {
    const page = await openPage(PHONE);
    try {
      await page.goto('/self-test?tenant=321281');
      await page.getByLabel(/家庭年可支配收入/).fill('34050');
      await page.getByLabel(/刚性支出/).fill('12000');
      await page.getByRole('button', { name: '开始测算' }).click();
      await expect.poll(() => page.locator('.hs-explain').innerText()).toBe('(34,050 − 12,000) ÷ 12 ÷ 3 = ¥612.50/人/月 < 低保 ¥780 ⇒ 深度困难');
    } finally {
      await page.context().close();
    }
  });

  test('at 390 px a grant above the approval threshold waits for a second caseworker, who approves it on the file', async () => {
    const onFile = (await staffFiles({ status: 'approved', limit: 5 }))[0]!;

    const admin = await openPage(PHONE);
    try {
      await loginAs(admin, '兴化市总工会', '管理员');
      await admin.goto('/hardship/funds');
      await admin.locator('#hs-approval-threshold').fill('2000');
      await admin.getByRole('button', { name: '保存审批额度' }).click();
      await admin.getByRole('status').filter({ hasText: '已保存审批额度' }).waitFor();
      // 金秋助学 per student: the year's amounts by level, shown in yuan (defaults ¥5,000 / ¥3,000).
      expect(await admin.getByLabel(/^高等教育每生/).inputValue()).toBe('5000');
      await admin.getByLabel(/^高中（含中职）每生/).fill('3000');
      await admin.getByRole('button', { name: '保存助学标准' }).click();
      await admin.getByRole('status').filter({ hasText: '金秋助学每生标准已保存' }).waitFor();
      await noOverflow(admin);
    } finally {
      await admin.context().close();
    }

    const caseworker = await openPage(PHONE);
    try {
      await loginAs(caseworker, /^兴化市总工会 · .*工作人员（工作人员）/);
      await caseworker.goto(`/hardship/files/${onFile.fileId}`);
      // the 金秋助学 student picker and level fit a phone
      await caseworker.locator('#hs-grant select[name=kind]').selectOption('education');
      await caseworker.getByLabel(/^学段/).waitFor();
      await noOverflow(caseworker);
      await caseworker.locator('#hs-grant select[name=kind]').selectOption('medical');
      await caseworker.locator('#hs-grant input[name=amount]').fill('5000');
      await caseworker.locator('#hs-grant select[name=fundSource]').selectOption('county');
      await caseworker.getByRole('button', { name: '发放帮扶资金' }).click();
      await caseworker.getByRole('dialog').getByRole('button', { name: '确认发放' }).click();
      await caseworker.getByRole('status').filter({ hasText: '超过大额审批额度，已提交另一名工作人员审批' }).waitFor();
      await expect.poll(() => caseworker.getByTestId('grant-requests').innerText()).toContain('由你提交，须由另一名工作人员审批');
      expect(await caseworker.getByTestId('grant-requests').getByRole('button', { name: '审批通过并发放' }).count()).toBe(0);
      await noOverflow(caseworker);
      await screenshot(caseworker, 'hardship-grant-pending-390');
    } finally {
      await caseworker.context().close();
    }

    const reviewer = await openPage(PHONE);
    try {
      await loginAs(reviewer, /^兴化市总工会 · .*（帮扶审核员）/);
      await reviewer.goto('/hardship/funds');
      await reviewer.getByTestId('approval-queue').getByRole('link', { name: onFile.fileId }).click();
      await reviewer.getByTestId('grant-requests').getByRole('button', { name: '审批通过并发放' }).click();
      await reviewer.getByRole('dialog').getByRole('button', { name: '审批通过并发放' }).click();
      await reviewer.getByRole('status').filter({ hasText: '已审批并发放 ¥5,000.00' }).waitFor();
      await expect.poll(() => reviewer.getByTestId('grants').innerText()).toMatch(/医疗救助 · ¥5,000\.00 · 县级帮扶资金 · 审批人：/);
      expect(await reviewer.getByTestId('grant-requests').count()).toBe(0);
      await noOverflow(reviewer);
      await screenshot(reviewer, 'hardship-grant-approved-390');

      // 发放登记: the payment of the approved grant (no account on record: 社保卡), then the year's 对账表.
      const granted = reviewer.getByTestId('grants').locator('li').filter({ hasText: '¥5,000.00' });
      await granted.getByTestId('grant-unpaid').waitFor();
      await granted.getByText('登记发放').click();
      await granted.getByLabel('发放方式').selectOption('social_security_card');
      await granted.getByLabel('凭证号').fill('SB-E2E-001');
      await granted.getByRole('button', { name: '保存发放记录' }).click();
      await granted.getByTestId('grant-paid').getByText(/已发放（社保卡发放）/).waitFor();
      await noOverflow(reviewer);
      await screenshot(reviewer, 'hardship-grant-paid-390');
      await reviewer.goto('/hardship/funds');
      const [download] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByTestId('reconciliation').click()]);
      expect(download.suggestedFilename()).toMatch(/^\d{4}年困难帮扶发放对账表\.xlsx$/);
      const { default: ExcelJS } = await import('exceljs');
      const chunks: Buffer[] = [];
      for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
      const paidRows = book.worksheets[0]!.getSheetValues().filter((r) => Array.isArray(r) && r.includes('SB-E2E-001'));
      expect(paidRows).toHaveLength(1);
      expect(paidRows[0]).toContain('已发放');
    } finally {
      await reviewer.context().close();
    }
  });

  test('staff import a ledger workbook in the background: upload, the job\'s row-numbered errors, valid rows written, the full error report', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { ledgerColumns } = await import('@ufp/hardship/domain/ledger');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(ledgerColumns.map((c) => c.zh));
    const stamp = String(Date.now() % 1000).padStart(3, '0');
    ws.addRow(['兴化市昭阳街道总工会', `台账甲${stamp}`, idNumber(`32128119790203${stamp}`), '', 3, 36000, 6000, '', '失业']);
    ws.addRow(['没有这个工会', '台账乙', idNumber('32128119790204001'), '', 2, 30000, 0]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const page = await openPage();
    try {
      await loginAs(page, /^兴化市总工会 · .*工作人员（工作人员）/);
      await page.goto('/hardship/import');
      await page.locator('input[type=file]').setInputFiles({ name: 'ledger.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
      await page.getByRole('button', { name: '开始导入' }).click();
      expect(await finishedJob(page)).toContain('共 2 行：已写入 0 行，错误 1 行');
      expect(await page.locator('.sheet-progress').first().getAttribute('value')).toBe('100');
      expect(await page.locator('.import-job').getByRole('table').innerText()).toContain('第3行：本会没有该基层工会');
      const first = await page.locator('.import-job').getAttribute('data-job');
      await page.getByLabel(/只导入正确的行/).check();
      await page.getByRole('button', { name: '开始导入' }).click();
      await expect.poll(() => page.locator('.import-job').getAttribute('data-job')).not.toBe(first);
      expect(await finishedJob(page)).toContain('共 2 行：已写入 1 行');
      const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载完整错误报告' }).click()]);
      expect(report.suggestedFilename()).toBe('台账导入错误报告.xlsx');
      await expect.poll(() => page.getByRole('table', { name: '最近的导入' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    } finally {
      await page.context().close();
    }
  });

  test('at 390 px an admin downloads the files in the national system’s layout (with full ID numbers); staff are not offered it', async () => {
    const admin = await openPage(PHONE);
    try {
      await loginAs(admin, '兴化市总工会', '管理员');
      await admin.goto('/hardship/import');
      const button = admin.getByRole('button', { name: '导出全国帮扶系统格式' });
      const [download] = await Promise.all([admin.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toMatch(/^hardship-national-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const ExcelJS = (await import('exceljs')).default;
      const chunks: Buffer[] = [];
      for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['困难职工档案表', '家庭成员信息']);
      const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      const ids = book.worksheets[0]!.getColumn(header.indexOf('身份证号') + 1).values.slice(2) as string[];
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id).toMatch(/^\d{17}[\dX]$/);
      await noOverflow(admin);
      await screenshot(admin, 'hardship-export-national-390');
    } finally {
      await admin.context().close();
    }
    const staff = await openPage(PHONE);
    try {
      await loginAs(staff, /^兴化市总工会 · .*工作人员（工作人员）/);
      await staff.goto('/hardship/import');
      await staff.getByRole('button', { name: '导出档案与发放记录' }).waitFor();
      expect(await staff.getByRole('button', { name: '导出全国帮扶系统格式' }).count()).toBe(0);
    } finally {
      await staff.context().close();
    }
  });

  test('at 390 px a 6,000-row ledger shows its progress, is cancelled part-way and resumed to the end, and the same file again writes nothing', async () => {
    const { ledgerWorkbook } = await import('@ufp/testing/hardship-ledger');
    const buffer = await ledgerWorkbook('兴化市昭阳街道总工会', 6_000, { bornIn: 1966 });
    const page = await openPage(PHONE);
    try {
      await loginAs(page, /^兴化市总工会 · .*工作人员（工作人员）/);
      await page.goto('/hardship/import');
      await page.locator('input[type=file]').setInputFiles({ name: '全镇台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
      await page.getByLabel(/只导入正确的行/).check();
      await page.getByRole('button', { name: '开始导入' }).click();
      const panel = page.locator('.import-job');
      await expect.poll(() => panel.getAttribute('data-status'), { timeout: 60_000 }).toBe('writing');
      await noOverflow(page);
      await screenshot(page, 'hardship-import-writing-390');
      await panel.getByRole('button', { name: '取消导入' }).click();
      await expect.poll(() => panel.getAttribute('data-status'), { timeout: 60_000 }).toBe('cancelled');
      expect(await panel.innerText()).toMatch(/已取消：已处理到第 \d+ 行，已写入的 [\d,]+ 行保留。继续导入将从第 \d+ 行接着写，不会重复。/);
      await panel.getByRole('button', { name: '继续导入' }).click();
      await expect.poll(() => panel.getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
      expect(await panel.innerText()).toContain('共 6,000 行：已写入 6,000 行，错误 0 行');
      await noOverflow(page);
      await screenshot(page, 'hardship-import-done-390');

      // The same file again: nothing is written twice.
      const done = await panel.getAttribute('data-job');
      await page.getByRole('button', { name: '开始导入' }).click();
      await expect.poll(() => panel.getAttribute('data-job')).not.toBe(done);
      await expect.poll(() => panel.getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
      expect(await panel.innerText()).toContain('共 6,000 行：已写入 0 行，错误 0 行');
      expect(await panel.innerText()).toContain('另有 6,000 行此前已由同一文件导入，未重复写入');
    } finally {
      await page.context().close();
    }
  });

  /** The job's panel once it has ended; a failed job or an error banner fails with its text. */
  async function finishedJob(page: Page): Promise<string> {
    const panel = page.locator('.import-job');
    await expect.poll(async () => ((await page.getByRole('alert').count()) ? 'alert' : String(await panel.getAttribute('data-status'))), { timeout: 30_000 }).toMatch(/^(alert|done|failed|cancelled)$/);
    const alert = page.getByRole('alert');
    if (await alert.count()) throw new Error(`the import page shows an error: ${await alert.first().innerText()}`);
    return panel.innerText();
  }

  test('at 390 px staff grant 临时救助 and convert it to a file: a bad input is refused in place and changes nothing, then the record links to the new file', async () => {
    const stamp = String(Date.now() % 1000).padStart(3, '0');
    const name = `冯转正${stamp}`;
    const page = await openPage(PHONE);
    try {
      await loginAs(page, /^兴化市总工会 · .*工作人员（工作人员）/);
      await page.goto('/hardship/funds');
      const grantForm = page.locator('#hs-temp-grant');
      await grantForm.getByLabel('姓名').fill(name);
      await grantForm.getByLabel(/身份证号/).fill(idNumber(`32128119910203${stamp}`));
      await grantForm.getByLabel(/救助原因/).fill('突发重病住院');
      await grantForm.getByLabel(/金额/).fill('800');
      await grantForm.locator('select[name=fundSource]').selectOption('county');
      await page.getByRole('button', { name: '发放临时救助' }).click();
      const row = page.getByTestId('hs-temporary-list').locator('li').filter({ hasText: '冯**' }).filter({ hasText: '¥800.00' }).first();
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('open');

      // 转正: the record's form asks what a file needs besides the name and ID it already has.
      await row.getByRole('button', { name: '转为困难职工档案' }).click();
      const form = row.locator('form.hs-convert');
      await form.getByRole('heading', { name: '转为困难职工档案（转正）' }).waitFor();
      expect(await form.innerText()).toContain(`姓名（${name}）`);
      expect(await form.getByTestId('hs-member').first().getByRole('textbox', { name: /^成员姓名/ }).inputValue()).toBe(name);
      await form.locator('select[name=unitId]').selectOption({ index: 1 });
      await form.getByLabel(/联系电话/).fill('13905262222');
      await form.getByRole('button', { name: /添加成员/ }).click();
      await form.getByTestId('hs-member').nth(1).getByRole('textbox', { name: /^关系/ }).fill('儿子');
      await form.getByTestId('hs-member').nth(1).getByRole('textbox', { name: /^成员姓名/ }).fill('冯某');
      await form.getByLabel(/家庭年可支配收入/).fill('24000');
      await form.getByLabel(/刚性支出/).fill('6000');
      await form.getByLabel(/本人同意工会/).check();
      // A bad input (a migrant worker's labour relation starting in the future): the server's refusal shows under its field.
      await form.getByLabel('农民工').check();
      await form.getByLabel(/劳动关系起始日期/).fill(shanghai(30));
      await form.getByRole('button', { name: '建立档案并转入临时救助' }).click();
      const employment = form.locator('.field').filter({ has: page.locator('#hs-conv-emp') });
      await expect.poll(() => employment.locator('.field__error').innerText()).toBe('入职日期不能晚于今天');
      expect(await page.locator('#hs-conv-emp').getAttribute('aria-invalid')).toBe('true');
      await noOverflow(page);
      await screenshot(page, 'hardship-temporary-convert-error-390');
      // … and nothing changed: the record is still open and no file was opened for the person.
      await page.reload();
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('open');
      expect(await row.getByRole('link').count()).toBe(0);
      expect(await staffFiles({ q: name })).toEqual([]);

      // The form again, right this time: the file is opened and the record links to it.
      await row.getByRole('button', { name: '转为困难职工档案' }).click();
      await form.locator('select[name=unitId]').selectOption({ index: 1 });
      await form.getByLabel(/家庭年可支配收入/).fill('24000');
      await form.getByLabel(/刚性支出/).fill('6000');
      await form.getByLabel(/本人同意工会/).check();
      await noOverflow(page);
      await form.getByRole('button', { name: '建立档案并转入临时救助' }).click();
      await page.getByTestId('hs-converted').getByText(/已为 冯\*+ 建立困难职工档案/).waitFor();
      await expect.poll(() => row.getAttribute('data-status')).toBe('converted');
      const link = row.getByRole('link', { name: '已转正建档' });
      expect(await link.getAttribute('href')).toBe(await page.getByTestId('hs-converted').getByRole('link', { name: '打开新档案' }).getAttribute('href'));
      await noOverflow(page);
      await screenshot(page, 'hardship-temporary-converted-390');
      await link.click();
      await page.waitForURL(/\/hardship\/files\//);
      await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
      expect(await page.getByTestId('file-status').innerText()).toBe('草稿');
      await expect.poll(() => page.getByTestId('grants').innerText()).toContain('临时救助 · ¥800.00');
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
  });

  test('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });

  test('staff grant 临时救助 to a worker without a file; the record is listed masked and the budget goes down', async () => {
    const page = await openPage();
    try {
      await loginAs(page, /^兴化市总工会 · .*工作人员（工作人员）/);
      await page.goto('/hardship/funds');
      const fund = page.getByTestId('fund-county');
      await fund.waitFor();
      const before = await fund.innerText();
      const form = page.locator('#hs-temp-grant');
      await form.getByLabel('姓名').fill('孙临救');
      await form.getByLabel(/身份证号/).fill(idNumber('32128119900101021'));
      await form.getByLabel(/救助原因/).fill('家中突发火灾');
      await form.getByLabel(/金额/).fill('800');
      await form.locator('select[name=fundSource]').selectOption('county');
      await page.getByRole('button', { name: '发放临时救助' }).click();
      await page.getByTestId('hs-temporary-list').getByText('孙**').waitFor();
      expect(await page.getByTestId('hs-temporary-list').innerText()).not.toContain('孙临救');
      await expect.poll(() => fund.innerText()).not.toBe(before);
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
  });
});
