import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAfterReload, loginAs, screenshot, useE2eSession, DESKTOP, PHONE } from './harness';

/**
 * Tenants and users have a lifecycle, tried as the operator and a federation admin would: the tenants page
 * (edit, suspend with a reason, reactivate) and the users page (edit roles, unit, name, modules and login id;
 * disable and enable), each at a phone's 390 px and a laptop's 1366 px, without horizontal scrolling.
 */
const session = useE2eSession();
const pageErrors = session.pageErrors;


async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

const close = (page: Page) => page.context().close();

/** The page is no wider than the viewport (nothing scrolls sideways). */
async function expectNoHorizontalOverflow(page: Page, width: number, where: string) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${where}: page is ${scrollWidth}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

/** Opens a page from the side navigation (behind the menu button on a phone). */
async function navigate(page: Page, label: string, phone: boolean) {
  if (phone) await page.getByRole('button', { name: '打开导航菜单' }).click();
  await page.locator('#main-nav').getByRole('link', { name: label, exact: true }).click();
}

describe('tenant lifecycle (operator)', () => {
  test('at 1366 px the operator edits a tenant and suspends it with a reason in a confirmation; its users and public pages say so', async () => {
    const page = await openPage(DESKTOP);
    try {
      await loginAs(page, /平台运营/);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/tenants');
      const table = page.getByRole('table', { name: '租户管理' });
      const row = table.locator('tbody tr').filter({ hasText: '靖江市总工会' });
      await row.waitFor();

      // Edit: name stays, a contact is added.
      await page.getByRole('button', { name: '编辑租户 靖江市总工会' }).click();
      await page.getByRole('heading', { name: '编辑租户：靖江市总工会' }).waitFor();
      await page.getByLabel('联系人（部门或姓名）').fill('靖江市总工会办公室');
      await page.getByLabel('联系电话').fill('0523-84812345');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('租户“靖江市总工会”已保存').waitFor();
      await row.getByText('靖江市总工会办公室 · 0523-84812345').waitFor();

      // Suspend: a confirmation that says what happens and asks for a reason.
      await page.getByRole('button', { name: '停用租户 靖江市总工会' }).click();
      const confirm = page.getByRole('alertdialog', { name: '停用租户“靖江市总工会”？' });
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain('所属租户已停用');
      expect(await confirm.innerText()).toContain('服务已暂停');
      await confirm.getByRole('button', { name: '确认停用' }).click();
      await confirm.getByText('请填写停用原因').waitFor();
      await confirm.getByLabel('停用原因').fill('服务合同到期未续签');
      await expectNoHorizontalOverflow(page, 1366, 'suspend confirmation');
      await screenshot(page, 'lifecycle-tenant-suspend-confirm-1366');
      await confirm.getByRole('button', { name: '确认停用' }).click();
      await page.getByText('租户“靖江市总工会”已停用').waitFor();
      const status = row.getByTestId('tenant-status');
      await status.getByText('已停用').waitFor();
      expect(await status.innerText()).toContain('服务合同到期未续签');
      await expectNoHorizontalOverflow(page, 1366, 'tenants list');
      await screenshot(page, 'lifecycle-tenants-suspended-1366');
    } finally {
      await close(page);
    }

    const admin = await openPage(DESKTOP);
    try {
      await loginAs(admin, '靖江市总工会', '管理员');
      await admin.getByRole('heading', { name: '所属租户已停用' }).waitFor();
      await screenshot(admin, 'lifecycle-suspended-admin-1366');
      // The public pages of a suspended federation say the service is paused.
      await admin.goto('/notices/321282');
      await admin.getByTestId('service-paused').getByText('服务已暂停').waitFor();
      await screenshot(admin, 'lifecycle-suspended-notices-1366');
      await admin.goto('/rate/321282/any-item');
      await admin.getByTestId('service-paused').getByText('服务已暂停').waitFor();
      await admin.goto('/self-test?tenant=321282');
      await admin.getByLabel('家庭年可支配收入（元）').fill('10000');
      await admin.getByRole('button', { name: '开始测算' }).click();
      await admin.getByTestId('service-paused').getByText('服务已暂停').waitFor();
    } finally {
      await close(admin);
    }

    const leader = await openPage(DESKTOP);
    try {
      await loginAs(leader, '江苏省总工会', '领导');
      // A suspended federation's history stays in the figures: the cockpit still ranks it, marked (rollups may lag: refresh).
      const rows = leader.locator('table.ck-rank');
      await expect
        .poll(
          async () => {
            const text = (await rows.count()) ? await rows.innerText() : '';
            if (!text.includes('靖江市总工会')) await leader.getByRole('button', { name: '刷新', exact: true }).click();
            return text.includes('靖江市总工会');
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe(true);
      await rows.locator('tr').filter({ hasText: '靖江市总工会' }).getByText('已停用').waitFor();
    } finally {
      await close(leader);
    }
  });

  test('at 390 px the operator reactivates the tenant from its card, and its admin works again', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, /平台运营/);
      const card = page.getByRole('table', { name: '租户管理' }).locator('tbody tr').filter({ hasText: '靖江市总工会' });
      await card.getByText('已停用').waitFor();
      await expectNoHorizontalOverflow(page, 390, 'tenants cards');
      await screenshot(page, 'lifecycle-tenants-390');
      await card.getByRole('button', { name: '恢复租户 靖江市总工会' }).click();
      const confirm = page.getByRole('alertdialog', { name: '恢复租户“靖江市总工会”？' });
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain('服务合同到期未续签');
      await expectNoHorizontalOverflow(page, 390, 'reactivate confirmation');
      await screenshot(page, 'lifecycle-tenant-reactivate-390');
      await confirm.getByRole('button', { name: '确认恢复' }).click();
      await page.getByText('租户“靖江市总工会”已恢复').waitFor();
      await card.getByTestId('tenant-status').getByText('启用').waitFor();

      // The edit form fits a phone too.
      await card.getByRole('button', { name: '编辑租户 靖江市总工会' }).click();
      await page.getByRole('heading', { name: '编辑租户：靖江市总工会' }).waitFor();
      await page.getByLabel('联系电话').fill('12345');
      await page.getByRole('button', { name: '保存' }).click();
      await page.locator('#tenant-edit-contact-phone-error').waitFor();
      await expectNoHorizontalOverflow(page, 390, 'tenant edit form');
      await page.getByRole('button', { name: '取消' }).click();
    } finally {
      await close(page);
    }

    const admin = await openPage(PHONE);
    try {
      await loginAs(admin, '靖江市总工会', '管理员');
      await admin.getByRole('table', { name: '基层工会' }).locator('tbody tr').first().waitFor();
      expect(await admin.getByRole('heading', { name: '所属租户已停用' }).count()).toBe(0);
    } finally {
      await close(admin);
    }
  });
});

describe('daily jobs per tenant (operator)', () => {
  test("at 390 px and 1366 px, after the day's tick each active tenant shows its modules' daily jobs done for the day", async () => {
    const tick = await fetch(`${session.url}/dev/tick`, { method: 'POST' });
    expect(tick.status).toBe(200);
    const { date } = (await tick.json()) as { date: string };
    for (const [options, width] of [[PHONE, 390], [DESKTOP, 1366]] as const) {
      const page = await openPage(options);
      try {
        await loginAs(page, /平台运营/);
        const row = page.getByRole('table', { name: '租户管理' }).locator('tbody tr').filter({ hasText: '靖江市总工会' });
        await row.waitFor();
        // Each tenant's jobs run in their own consumers after the fan-out: reload until the three modules have stamped the day.
        await expectAfterReload(page, async () => (await row.waitFor(), row.locator('[data-testid="tick-run"][data-state="ok"]').count()), 3);
        expect(await row.getByTestId('tenant-ticks').innerText()).toContain(`集体合同 ✓ ${date}`);
        expect(await page.getByTestId('last-tick').innerText()).toContain(`每日定时任务最近一次：${date}`);
        expect(await page.locator('[data-state="failing"]').count()).toBe(0);
        await expectNoHorizontalOverflow(page, width, 'tenants with daily jobs');
        await screenshot(page, `lifecycle-tenant-ticks-${width}`);
      } finally {
        await close(page);
      }
    }
  });

  test("at 390 px a module's daily job that fails is marked as behind beside the others done, and a redrive clears it", async () => {
    const post = async (path: string, body?: unknown, method = 'POST') => {
      const res = await fetch(`${session.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      expect(res.status, path).toBe(200);
      return res.json() as Promise<any>;
    };
    // A local-only fault: the 困难职工帮扶 tick consumer fails for every tenant, is retried, then parked per tenant.
    await post('/dev/faults', { handler: 'hardshipTick' });
    const page = await openPage(PHONE);
    try {
      // The next day, so the failing module's last finished day falls behind the tick's.
      const { now } = (await (await fetch(`${session.url}/dev/clock`)).json()) as { now: string };
      await post('/dev/clock', { now: new Date(Date.parse(now) + 86_400_000).toISOString() });
      const { date } = await post('/dev/tick');
      await loginAs(page, /平台运营/);
      const row = page.getByRole('table', { name: '租户管理' }).locator('tbody tr').filter({ hasText: '靖江市总工会' });
      await expectAfterReload(page, async () => (await row.waitFor(), row.locator('[data-testid="tick-run"][data-state="ok"]').count()), 2);
      // The fault struck before the job ran (as a timeout or a crash would): no reason from the job, the day not done.
      const ticks = await row.getByTestId('tenant-ticks').innerText();
      expect(ticks).toContain('困难职工帮扶：未完成（上次 ');
      expect(ticks).toContain(`集体合同 ✓ ${date}`);
      expect(await row.locator('[data-testid="tick-run"][data-state="behind"]').count()).toBe(1);
      await page.getByRole('link', { name: '查看失败的任务（死信）' }).waitFor();
      await expectNoHorizontalOverflow(page, 390, 'a failing daily job');
      await screenshot(page, 'lifecycle-tenant-tick-failing-390');
    } finally {
      await post('/dev/faults', undefined, 'DELETE');
    }
    try {
      // The fault gone, the operator puts the parked ticks back: every tenant's 帮扶 job finishes the day.
      const { token } = await post('/auth/dev-login', { sub: 'e2e-operator', roles: ['platform_operator'] });
      const redrive = await fetch(`${session.url}/trpc/platform.deadLetters.redrive`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ all: { module: 'hardship' } }) });
      expect(redrive.status).toBe(200);
      await expectAfterReload(page, () => page.locator('[data-testid="tick-run"][data-state="behind"], [data-testid="tick-run"][data-state="failing"]').count(), 0);
    } finally {
      await close(page);
    }
  });
});

describe('user lifecycle (federation admin)', () => {
  test('at 1366 px the admin renames a staff user, gives a login id and assigns 帮扶 only; the user sees 帮扶 only; disabling them ends their session', async () => {
    const admin = await openPage(DESKTOP);
    const staff = await openPage(DESKTOP);
    try {
      await loginAs(admin, '兴化市总工会', '管理员');
      await navigate(admin, '用户', false);
      const table = admin.getByRole('table', { name: '用户' });
      const row = table.locator('tbody tr').filter({ hasText: '工作人员' }).first();
      await row.waitFor();
      await row.getByRole('button', { name: /^编辑用户/ }).click();
      await admin.getByRole('heading', { name: '编辑用户：工作人员' }).waitFor();
      await admin.getByLabel('姓名').fill('帮扶干事');
      await admin.getByLabel('登录标识').fill('13912345678');
      await admin.getByLabel('困难职工帮扶').check();
      await expectNoHorizontalOverflow(admin, 1366, 'user edit form');
      await screenshot(admin, 'lifecycle-user-edit-1366');
      await admin.getByRole('button', { name: '保存' }).click();
      await admin.getByText('用户“帮扶干事”已保存').waitFor();
      const edited = table.locator('tbody tr').filter({ hasText: '帮扶干事' });
      await edited.getByText('139****5678').waitFor();
      expect(await edited.innerText()).toContain('困难职工帮扶');
      expect(await table.innerText()).not.toContain('13912345678');

      // The user signs in (the login list shows the directory) and sees 帮扶 only.
      await loginAs(staff, '兴化市总工会', '帮扶干事');
      const nav = staff.locator('#main-nav');
      await nav.getByRole('link', { name: '困难帮扶', exact: true }).waitFor();
      const links = (await nav.getByRole('link').allInnerTexts()).map((s) => s.trim());
      expect(links).not.toContain('集体合同');
      expect(links).not.toContain('十件实事');
      await staff.goto('/contracts');
      await staff.getByRole('heading', { name: '无权访问' }).waitFor();

      // Disable, with a reason, in a confirmation.
      await edited.getByRole('button', { name: '停用用户 帮扶干事' }).click();
      const confirm = admin.getByRole('alertdialog', { name: '停用用户“帮扶干事”？' });
      await confirm.getByLabel('停用原因').fill('调离岗位');
      await screenshot(admin, 'lifecycle-user-disable-confirm-1366');
      await confirm.getByRole('button', { name: '确认停用' }).click();
      await admin.getByText('用户“帮扶干事”已停用').waitFor();
      await edited.getByTestId('user-status').getByText('已停用').waitFor();
      expect(await edited.getByTestId('user-status').innerText()).toContain('调离岗位');
      await expectNoHorizontalOverflow(admin, 1366, 'users list');
      await screenshot(admin, 'lifecycle-users-1366');

      // The disabled user's next call ends the session with a message saying why.
      await navigate(staff, '困难帮扶', false);
      await staff.waitForURL((u) => u.pathname === '/login');
      await staff.getByText('账号已停用，请联系本单位管理员。').waitFor();
      const button = staff.getByRole('button', { name: /帮扶干事/ });
      expect(await button.isDisabled()).toBe(true);
      expect(await button.innerText()).toContain('已停用');
    } finally {
      await close(staff);
      await close(admin);
    }
  });

  test('at 390 px the admin enables the user again, rebinds a reporter to another union, and cannot demote the last admin', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await navigate(page, '用户', true);
      const table = page.getByRole('table', { name: '用户' });
      const disabled = table.locator('tbody tr').filter({ hasText: '帮扶干事' });
      await disabled.getByTestId('user-status').getByText('已停用').waitFor();
      await expectNoHorizontalOverflow(page, 390, 'user cards');
      await screenshot(page, 'lifecycle-users-390');

      await disabled.getByRole('button', { name: '启用用户 帮扶干事' }).click();
      const confirm = page.getByRole('alertdialog', { name: '重新启用用户“帮扶干事”？' });
      await confirm.waitFor();
      await expectNoHorizontalOverflow(page, 390, 'enable confirmation');
      await confirm.getByRole('button', { name: '确认启用' }).click();
      await page.getByText('用户“帮扶干事”已启用').waitFor();
      await disabled.getByTestId('user-status').getByText('在用').waitFor();

      // Rebind the unit reporter.
      const reporter = table.locator('tbody tr').filter({ hasText: '填报员' }).first();
      await reporter.getByRole('button', { name: /^编辑用户/ }).click();
      await page.getByLabel('所属基层工会').selectOption({ label: '兴化市货车司机工会' });
      await expectNoHorizontalOverflow(page, 390, 'user edit form');
      await screenshot(page, 'lifecycle-user-edit-390');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('用户“填报员”已保存').waitFor();
      await reporter.getByText('兴化市货车司机工会').waitFor();

      // The only admin in the directory cannot take away their own admin role.
      const self = table.locator('tbody tr').filter({ has: page.getByRole('button', { name: '编辑用户 管理员' }) });
      await self.getByRole('button', { name: '编辑用户 管理员' }).click();
      await page.getByText('您正在编辑自己的账号').waitFor();
      await page.getByLabel('总工会管理员').uncheck();
      await page.getByLabel('总工会工作人员').check();
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText(/至少保留一名管理员/).waitFor();
      await expectNoHorizontalOverflow(page, 390, 'last-admin refusal');
      await screenshot(page, 'lifecycle-last-admin-390');
      await page.getByRole('button', { name: '取消' }).click();
      expect(await self.innerText()).toContain('总工会管理员');
    } finally {
      await close(page);
    }
  });

  test('in English the users page speaks English', async () => {
    const page = await openPage(DESKTOP);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('#main-nav').getByRole('link', { name: 'Users', exact: true }).click();
      for (const header of ['Login ID', 'Modules', 'Status']) await page.getByRole('columnheader', { name: header }).waitFor();
      await page.getByRole('button', { name: 'Disable user 帮扶干事' }).click();
      await page.getByRole('alertdialog', { name: 'Disable user "帮扶干事"?' }).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: '中文' }).click();
    } finally {
      await close(page);
    }
  });

  test('no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
