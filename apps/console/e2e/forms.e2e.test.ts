import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DESKTOP, loginAs, noOverflow, PHONE, screenshot, useE2eSession } from './harness';

/**
 * Issue 14, "Forms that fit a phone": the hardship application (ID number checked as it is typed,
 * household members as cards, the tier estimate before submit), the 十件实事 candidate form, one styled
 * input for every field, and success messages that say what happened — at 390 px and 1366 px.
 */
const session = useE2eSession();
const pageErrors = session.pageErrors;

const VIEWPORTS = [
  ['390', PHONE],
  ['1366', DESKTOP],
] as const;
const SHOTS = process.env.UFP_SCREENS_COPY; // e.g. /work/tmp/forms: copies of the screenshots

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function shot(page: Page, name: string) {
  const path = await screenshot(page, name);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await copyFile(path, join(SHOTS, `${name}.png`));
  }
}


/** Every visible text-like control is styled: no 21 px browser-default inputs left. */
async function inputsStyled(page: Page, root: string) {
  const unstyled = await page.evaluate((root) =>
    [...document.querySelectorAll<HTMLElement>(`${root} :is(input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden]), textarea, select)`)]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => el.getBoundingClientRect().height < 36 || getComputedStyle(el).fontSize !== '16px')
      .map((el) => `${el.tagName.toLowerCase()}#${el.id} ${Math.round(el.getBoundingClientRect().height)}px ${getComputedStyle(el).fontSize}`),
    root,
  );
  expect(unstyled).toEqual([]);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}
/** The same 17 digits with a wrong check character. */
function wrongCheck(first17: string): string {
  const right = idNumber(first17).charAt(17);
  return first17 + (right === '0' ? '1' : '0');
}

let planCreated = false;

describe('forms that fit a phone', () => {
  for (const [width, viewport] of VIEWPORTS) {
    test(`hardship application at ${width} px: live ID check, member cards, tier estimate, success message`, async () => {
      const page = await openPage(viewport);
      const worker = `孙小燕${width}`;
      try {
        await loginAs(page, /^兴化市总工会 · .*基层工会填报员/);
        await page.goto('/hardship/apply');
        await page.getByRole('heading', { name: '帮扶申请' }).waitFor();
        await page.getByRole('textbox', { name: /^姓名/ }).fill(worker);
        const id = page.getByRole('textbox', { name: /^身份证号/ });
        const live = page.getByTestId('hs-id-live');

        // Checked as it is typed, with the server's rule: progress, then the birth date, then the check digit.
        await id.fill('3212811988');
        await expect.poll(() => live.innerText()).toBe('已输入 10/18 位');
        await id.fill('32128119881340');
        await expect.poll(() => live.innerText()).toContain('出生日期不是有效日期');
        await id.fill('321281198805160');
        await expect.poll(() => live.innerText()).toBe('已输入 15/18 位');
        await id.fill(wrongCheck(`32128119${width === '390' ? '9005' : '8512'}16042`));
        await expect.poll(() => live.innerText()).toContain('校验位不正确');
        expect(await id.getAttribute('aria-describedby')).toContain('hs-id-live');
        await inputsStyled(page, '.hs-apply');
        await noOverflow(page);
        await shot(page, `forms-hardship-id-${width}`);
        const good = idNumber(`32128119${width === '390' ? '9005' : '8512'}16042`);
        await id.fill(`  ${good.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} `); // pasted full-width, with spaces
        await expect.poll(() => live.innerText()).toMatch(/^号码有效（出生日期 19\d\d-\d\d-16）$/);
        await page.getByRole('textbox', { name: /^联系电话/ }).fill('13905262222');
        await page.getByRole('button', { name: '下一步' }).click();

        // Household members as labelled cards with a visible delete.
        const cards = page.getByTestId('hs-member');
        await expect.poll(() => cards.count()).toBe(1);
        expect(await cards.first().getByRole('textbox', { name: /^成员姓名/ }).inputValue()).toBe(worker); // the applicant
        await page.getByRole('button', { name: /添加成员/ }).click();
        await page.getByRole('button', { name: /添加成员/ }).click();
        await expect.poll(() => cards.count()).toBe(3);
        const second = cards.nth(1);
        await second.getByText('家庭成员 2').waitFor();
        await second.getByRole('textbox', { name: /^关系/ }).fill('儿子');
        await second.getByRole('textbox', { name: /^成员姓名/ }).fill('孙某');
        await second.getByRole('textbox', { name: /^身份证号/ }).fill('3212812015');
        await expect.poll(() => second.getByTestId('hs-m1-id-live').innerText()).toBe('已输入 10/18 位');
        await second.getByRole('textbox', { name: /^身份证号/ }).fill('9912812015');
        await expect.poll(() => second.getByTestId('hs-m1-id-live').innerText()).toContain('省级代码');
        await second.getByRole('textbox', { name: /^身份证号/ }).fill(idNumber(`32128120150301${width === '390' ? '001' : '002'}`)); // a person is on one open file only (一户一档 covers members)
        await expect.poll(() => second.getByTestId('hs-m1-id-live').innerText()).toContain('号码有效');
        await second.getByRole('textbox', { name: /^个人年收入/ }).fill('0');
        const third = cards.nth(2);
        await third.getByRole('textbox', { name: /^关系/ }).fill('临时');
        const remove = page.getByRole('button', { name: '删除家庭成员 3' });
        expect(await remove.isVisible()).toBe(true);
        await remove.click();
        await expect.poll(() => cards.count()).toBe(2);
        expect(await page.getByRole('button', { name: '删除家庭成员 1' }).isEnabled()).toBe(true);

        // The tier estimate follows the figures before the preview step.
        const estimate = page.getByTestId('tier-live');
        await expect.poll(() => estimate.innerText()).toContain('填写家庭年可支配收入后即时测算');
        await page.getByRole('textbox', { name: /^家庭年可支配收入/ }).fill('30000');
        await page.getByRole('textbox', { name: /^刚性支出/ }).fill('6000');
        await expect.poll(() => estimate.innerText(), { timeout: 10_000 }).toContain('相对困难');
        await page.getByRole('textbox', { name: /^家庭年可支配收入/ }).fill('12000');
        await expect.poll(() => estimate.innerText(), { timeout: 10_000 }).toContain('深度困难');
        await inputsStyled(page, '.hs-apply');
        await noOverflow(page);
        await shot(page, `forms-hardship-members-${width}`);

        await page.getByRole('button', { name: '测算困难类别' }).click();
        await expect.poll(() => page.getByTestId('tier-preview').innerText()).toBe('深度困难');
        await page.getByLabel(/本人同意工会/).check();
        await page.getByRole('button', { name: '提交申请' }).click();
        await page.waitForURL(/\/hardship\/files\//);
        const fileId = new URL(page.url()).pathname.split('/').pop()!;
        // The success message says what happened, with the file number.
        await page.getByRole('status').filter({ hasText: `已提交困难职工帮扶申请（档案号 ${fileId}）` }).waitFor();
        await noOverflow(page);
        await shot(page, `forms-hardship-done-${width}`);
      } finally {
        await page.context().close();
      }
    });
  }

  for (const [width, viewport] of VIEWPORTS) {
    test(`十件实事 candidate form at ${width} px: styled inputs, success message names the candidate`, async () => {
      const page = await openPage(viewport);
      const year = new Date().getFullYear();
      try {
        await loginAs(page, '兴化市总工会', '管理员');
        await page.goto('/ten-things');
        await page.getByRole('heading', { name: '服务职工“十件实事”', level: 1 }).waitFor();
        if (!planCreated) {
          planCreated = true;
          await page.locator('summary', { hasText: '新建年度计划' }).click();
          await page.getByLabel(/^年度( |$)/).fill(String(year));
          await page.getByLabel('计划名称').fill(`${year}年服务职工十件实事（表单）`);
          await page.getByRole('button', { name: '新建年度计划' }).click();
          await page.getByRole('status').filter({ hasText: `已新建年度计划「${year}年服务职工十件实事（表单）」` }).waitFor();
        }
        await page.locator('#tt-cands').waitFor();
        const title = `职工书屋提质${width}`;
        const titleBox = page.getByRole('textbox', { name: /^项目名称/ });
        expect(await titleBox.getAttribute('maxlength')).toBe('100');
        await titleBox.fill(title);
        await page.getByRole('textbox', { name: /^牵头部门/ }).fill('宣教部');
        await page.getByRole('spinbutton', { name: /^预算/ }).fill('12000');
        await page.getByRole('textbox', { name: /^量化指标/ }).fill('新建职工书屋不少于15家');
        await page.getByTestId('tt-parse-preview').getByText(/≥ 15 家/).waitFor();
        await inputsStyled(page, 'form[aria-labelledby=tt-propose-title]');
        await noOverflow(page);
        await shot(page, `forms-propose-${width}`);
        await page.getByRole('button', { name: '提交候选项目' }).click();
        await page.getByRole('status').filter({ hasText: `已提交候选项目「${title}」` }).waitFor();
        await page.getByTestId('tt-candidates').getByText(title).waitFor();
        await noOverflow(page);
      } finally {
        await page.context().close();
      }
    });
  }

  /** [what, who signs in, where, how the form is opened, the form]. */
  const SHARED_INPUT_FORMS: [string, [string, string], string, (page: Page) => Promise<unknown>, string][] = [
    ['unit', ['兴化市总工会', '管理员'], '/units/new', async () => undefined, 'main form.form'],
    ['units-search', ['兴化市总工会', '管理员'], '/units', async () => undefined, 'main form.filters'],
    ['user', ['兴化市总工会', '管理员'], '/users', (page) => page.getByRole('button', { name: '新建用户' }).click(), 'main .card form.form'],
    ['contract', ['兴化市总工会', '管理员'], '/contracts/new', (page) => page.getByRole('button', { name: /^行业性/ }).click(), 'main form.form'],
    ['ledger-search', ['兴化市总工会', '管理员'], '/contracts', async () => undefined, 'main form.filters'],
    ['tenant', ['平台', '平台运营'], '/tenants', (page) => page.getByRole('button', { name: '新建租户' }).click(), 'main .card form.form'],
    ['holiday-notice', ['平台', '平台运营'], '/calendar', async () => undefined, 'form[aria-labelledby=load-title]'],
  ];
  for (const [width, viewport] of VIEWPORTS) {
    test(`the other forms at ${width} px are on the shared Input: required fields marked before submit, styled, no sideways scroll`, async () => {
      for (const [what, [org, role], path, open, form] of SHARED_INPUT_FORMS) {
        const page = await openPage(viewport);
        try {
          await loginAs(page, org, role);
          await page.goto(path);
          await open(page);
          const root = page.locator(form).first();
          await root.waitFor();
          if (!what.endsWith('search')) expect(await root.locator('.field__req').count(), `${what}: required fields marked`).toBeGreaterThan(0);
          await inputsStyled(page, form);
          await noOverflow(page);
          await shot(page, `forms-shared-input-${what}-${width}`);
        } finally {
          await page.context().close();
        }
      }
    });
  }

  test('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
