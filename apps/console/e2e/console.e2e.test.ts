import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { breakUscc, makeUscc, screenshot, usccCheckChar, useE2eSession, loginAs, PHONE } from './harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;


async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await session.browser.newContext({
    baseURL: session.url,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 860 },
    ...options,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** Picks a demo user on the login page by its label: "<org> · …<role word>…" (or any regex). */

async function close(page: Page): Promise<void> {
  await page.context().close();
}

describe('console', () => {
  test('the USCC helper agrees with a published code', () => {
    // 91350100M000100Y43 is a widely cited valid example of GB 32100-2015.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(makeUscc()).toMatch(/^91321281[0-9A-Z]{10}$/);
  });

  test('federation admin creates a unit and sees it in the list', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/units');
      await page.getByRole('heading', { name: '基层工会', level: 1 }).waitFor();
      await page.getByRole('table', { name: '基层工会' }).locator('tbody tr').first().waitFor();
      await screenshot(page, 'admin-units-list');

      await page.getByRole('link', { name: '新建基层工会' }).click();
      await page.getByRole('heading', { name: '新建基层工会' }).waitFor();
      const name = `E2E测试有限公司工会${Date.now().toString().slice(-6)}`;
      await page.getByLabel('工会名称').fill(name);
      await page.getByLabel('工会类型').selectOption({ label: '企业工会' });
      await page.getByLabel('统一社会信用代码').fill(makeUscc());
      await page.getByLabel('会员人数').fill('128');
      await page.getByLabel('工会主席姓名').fill('周测试');
      await page.getByLabel('工会主席手机号').fill('13805230000');
      await screenshot(page, 'admin-unit-form');
      await page.getByRole('button', { name: '创建' }).click();

      await page.waitForURL((u) => u.pathname === '/units');
      const link = page.getByRole('link', { name });
      await link.waitFor({ timeout: 15_000 });
      expect(await page.getByRole('table', { name: '基层工会' }).innerText()).toContain(name);
      await screenshot(page, 'admin-units-list-after-create');

      // Detail: the chair phone is masked until 显示 (an audited read).
      await link.click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('chair-phone').innerText()).toBe('138****0000');
      await page.getByRole('button', { name: '显示' }).click();
      await expect.poll(() => page.getByTestId('chair-phone').innerText()).toBe('13805230000');
      await screenshot(page, 'admin-unit-detail');
    } finally {
      await close(page);
    }
  });

  test('an invalid USCC shows the field error', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto('/units/new');
      await page.getByLabel('工会名称').fill('校验位错误测试企业工会');
      await page.getByLabel('工会类型').selectOption({ label: '企业工会' });
      await page.getByLabel('统一社会信用代码').fill(breakUscc(makeUscc()));
      await page.getByLabel('会员人数').fill('10');
      await page.getByLabel('工会主席姓名').fill('吴测试');
      await page.getByRole('button', { name: '创建' }).click();

      const fieldError = page.locator('#unit-uscc-error');
      await fieldError.waitFor({ timeout: 15_000 });
      expect(await fieldError.innerText()).toContain('校验位');
      expect(await page.getByLabel('统一社会信用代码').getAttribute('aria-invalid')).toBe('true');
      // The error sits beside the USCC field, not somewhere else on the page.
      expect(await page.locator('.field', { has: page.locator('#unit-uscc') }).locator('.field__error').count()).toBe(1);
      expect(new URL(page.url()).pathname).toBe('/units/new');
      await screenshot(page, 'admin-unit-invalid-uscc');
    } finally {
      await close(page);
    }
  });

  test('unit reporter cannot reach admin pages', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '基层工会填报员');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/my-unit');
      const nav = page.getByRole('navigation', { name: '主导航' });
      await nav.getByRole('link', { name: '我的工会' }).waitFor();
      const navText = await nav.innerText();
      for (const item of ['用户', '审计日志', '死信队列', '基层工会\n', '领导驾驶舱', '租户管理']) {
        expect(`${navText}\n`).not.toContain(item);
      }
      await page.locator('.dl').waitFor(); // their own unit's details
      await screenshot(page, 'reporter-my-unit');

      for (const path of ['/users', '/audit', '/dead-letters', '/units/new', '/units', '/tenants']) {
        await page.goto(path);
        await page.getByRole('heading', { name: '无权访问' }).waitFor();
      }
      await page.goto('/users');
      await page.getByRole('heading', { name: '无权访问' }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
      await screenshot(page, 'reporter-users-forbidden');
    } finally {
      await close(page);
    }
  });

  test('leadership viewer lands on the cockpit: figures in ¥ and %, charts drawn', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '江苏省总工会', '领导');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/overview');
      const nav = page.getByRole('navigation', { name: '主导航' });
      expect((await nav.getByRole('link').allInnerTexts()).map((s) => s.trim())).toEqual(['领导驾驶舱', '十件实事对比', '帮扶统计', '劳模统计', '技能竞赛统计']);
      await page.getByRole('heading', { name: '领导驾驶舱', level: 1 }).waitFor();

      // Rollups are fed by events and may lag the seed: refresh until both counties are ranked.
      const table = page.locator('table.ck-rank');
      const deadline = Date.now() + 30_000;
      for (;;) {
        const text = (await table.count()) ? await table.innerText() : '';
        if (text.includes('兴化市总工会') && text.includes('靖江市总工会')) break;
        if (Date.now() > deadline) throw new Error(`cockpit ranking rows missing: ${text}`);
        await page.waitForTimeout(1_000);
        await page.getByRole('button', { name: '刷新', exact: true }).click();
      }
      const canvas = page.locator('.ck-chart canvas');
      await canvas.first().waitFor({ timeout: 20_000 });
      const box = await canvas.first().boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      expect(box?.height ?? 0).toBeGreaterThan(100);
      const band = page.locator('.ck-figs--headline');
      expect(await band.innerText()).toContain('基层工会数');
      // Money is shown in yuan (¥, 万 for large sums) as its dictionary says (rollups count fen), never as a bare count of fen.
      const money = band.locator('.ck-fig').filter({ hasText: /^帮扶资金发放额/ });
      expect(await money.locator('.ck-fig__value').innerText()).toMatch(/^¥[\d,.]+(万|亿)?$/);
      await page.waitForTimeout(600); // let the chart animation finish for the screenshot
      await screenshot(page, 'leader-overview');
      // Hovering a chart opens its tooltip: it must render under the console's CSP (checked after each test).
      const bars = page.locator('[data-testid="ck-chart-bars"] canvas').first();
      const barsBox = await bars.boundingBox();
      // The mouse over the bars (force: the chart redraws while the page settles, which Playwright reads as unstable).
      await bars.hover({ position: { x: barsBox!.width / 2, y: barsBox!.height / 3 }, force: true });
      await page.waitForTimeout(500);
      await screenshot(page, 'leader-overview-tooltip');
    } finally {
      await close(page);
    }
  });

  test('language switch shows English labels', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      const nav = page.getByRole('navigation', { name: '主导航' });
      await nav.getByRole('link', { name: '基层工会' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();

      const navEn = page.getByRole('navigation', { name: 'Main navigation' });
      await navEn.getByRole('link', { name: 'Grassroots unions' }).waitFor();
      for (const label of ['Users', 'Audit log', 'Dead letters', 'Leadership cockpit']) {
        await navEn.getByRole('link', { name: label }).waitFor();
      }
      await page.getByRole('button', { name: 'Log out' }).waitFor();
      await page.getByRole('columnheader', { name: 'Union name' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await screenshot(page, 'admin-units-english');

      // The choice survives a reload, and switching back restores Chinese.
      await page.reload();
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).waitFor();
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户' }).waitFor();
    } finally {
      await close(page);
    }
  });

  test('phone viewport shows the collapsed menu', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      const nav = page.locator('#main-nav');
      const toggle = page.getByRole('button', { name: '打开导航菜单' });
      await toggle.waitFor();
      expect(await nav.isVisible()).toBe(false);
      // Tables become cards: no visible header row, each row a card with its labels.
      await page.locator('table tbody tr').first().waitFor();
      expect(await page.locator('table thead').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'phone-collapsed');

      await toggle.click();
      await page.getByRole('button', { name: '关闭导航菜单' }).waitFor();
      expect(await nav.isVisible()).toBe(true);
      await nav.getByRole('link', { name: '审计日志' }).waitFor({ state: 'visible' });
      await screenshot(page, 'phone-menu-open');

      await nav.getByRole('link', { name: '审计日志' }).click();
      await page.waitForURL((u) => u.pathname === '/audit');
      await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
      await expect.poll(() => nav.isVisible()).toBe(false);
      await screenshot(page, 'phone-audit');
    } finally {
      await close(page);
    }
  });

  test('login page lists the demo users grouped by organisation', async () => {
    const page = await openPage();
    try {
      await page.goto('/login');
      await page.getByRole('heading', { name: '登录', level: 1 }).waitFor();
      for (const org of ['泰州市总工会', '兴化市总工会', '靖江市总工会', '江苏省总工会']) {
        await page.getByRole('heading', { name: org, level: 2 }).waitFor();
      }
      await screenshot(page, 'login');
    } finally {
      await close(page);
    }
  });

  test('without dev login the login page points to the organisation OIDC provider', async () => {
    const page = await openPage();
    try {
      await page.route('**/dev/users', (route) =>
        route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"message":"未找到","data":{"code":"NOT_FOUND","httpStatus":404}}}' }),
      );
      await page.goto('/login');
      await page.getByRole('heading', { name: '通过组织统一身份认证登录' }).waitFor();
      expect(await page.getByRole('button', { name: /·/ }).count()).toBe(0);
      await screenshot(page, 'login-oidc');
    } finally {
      await close(page);
    }
  });

  test('a 401 from the API returns to the login page', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.getByRole('table', { name: '基层工会' }).waitFor();
      await page.route('**/trpc/audit.list**', (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({ error: { message: '请先登录', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401 } } }),
        }),
      );
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
      await page.waitForURL((u) => u.pathname === '/login');
      await page.getByText('登录已过期，请重新登录。').waitFor();
      expect(await page.evaluate(() => localStorage.getItem('ufp.token'))).toBeNull();
    } finally {
      await close(page);
    }
  });

  test('a stale edit shows the conflict message and a refresh recovers', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.getByRole('link', { name: '兴化市货车司机工会' }).click();
      await page.getByRole('heading', { name: '兴化市货车司机工会', level: 1 }).waitFor();
      const unitId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      await page.getByRole('button', { name: '编辑' }).click();
      await page.getByLabel('会员人数').fill('460');

      // Someone else saves first: the version this form holds is now stale.
      const status = await page.evaluate(async (id) => {
        const auth = { authorization: `Bearer ${localStorage.getItem('ufp.token')}` };
        const got = await fetch(`/trpc/units.get?input=${encodeURIComponent(JSON.stringify({ unitId: id }))}`, { headers: auth });
        const unit = (await got.json()).result.data as { version: number; memberCount: number };
        const res = await fetch('/trpc/units.update', {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ unitId: id, version: unit.version, memberCount: unit.memberCount + 1 }),
        });
        return res.status;
      }, unitId);
      expect(status).toBe(200);

      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('数据已被他人修改，请刷新后重试').first().waitFor();
      await screenshot(page, 'admin-unit-conflict');

      await page.getByRole('button', { name: '刷新' }).click();
      await expect.poll(() => page.getByText('数据已被他人修改，请刷新后重试').count()).toBe(0);
      await page.getByLabel('会员人数').fill('470');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('基层工会信息已保存').waitFor();
      await page.getByRole('heading', { name: '兴化市货车司机工会', level: 1 }).waitFor();
      expect(await page.locator('.dl').innerText()).toContain('470');
    } finally {
      await close(page);
    }
  });

  test('federation admin creates a unit reporter and finds it in the audit log', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      const nav = page.getByRole('navigation', { name: '主导航' });
      await nav.getByRole('link', { name: '用户' }).click();
      await page.getByRole('heading', { name: '用户', level: 1 }).waitFor();
      await page.getByRole('button', { name: '新建用户' }).click();
      const name = `测试填报员${Date.now().toString().slice(-4)}`;
      await page.getByLabel('姓名').fill(name);
      await page.getByLabel('基层工会填报员').check();
      // A reporter needs a unit: submitting without one shows the error beside the field.
      await page.getByRole('button', { name: '创建' }).click();
      await page.locator('#user-unit-error').waitFor();
      await page.getByLabel('所属基层工会').selectOption({ label: '兴化市货车司机工会' });
      await page.getByRole('button', { name: '创建' }).click();
      await page.getByRole('table', { name: '用户' }).getByText(name).waitFor({ timeout: 15_000 });
      await screenshot(page, 'admin-users');

      await nav.getByRole('link', { name: '审计日志' }).click();
      const audit = page.getByRole('table', { name: '审计日志' });
      await audit.getByText('users.create').first().waitFor({ timeout: 15_000 });
      expect(await audit.innerText()).toContain(name);
      // The tamper check runs on the page: nothing is sealed yet on a fresh platform, and nothing fails.
      await page.getByText('审计日志完整：未发现篡改。').waitFor({ timeout: 15_000 });
      expect(await page.locator('.integrity').innerText()).toMatch(/已校验 [\d,]+ 条记录/);
      await screenshot(page, 'admin-audit');

      await nav.getByRole('link', { name: '死信队列' }).click();
      await page.getByRole('heading', { name: '死信队列', level: 1 }).waitFor();
      await page.getByRole('table', { name: '死信队列' }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'admin-dead-letters');
    } finally {
      await close(page);
    }
  });

  test('platform operator manages tenants', async () => {
    const page = await openPage();
    try {
      await loginAs(page, /平台运营/);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/tenants');
      const table = page.getByRole('table', { name: '租户管理' });
      await table.getByText('兴化市总工会').waitFor();
      await page.getByRole('button', { name: '新建租户' }).click();
      await page.getByLabel('租户 ID').fill('321283');
      await page.getByLabel('名称').fill('泰兴市总工会');
      await page.getByLabel('级别').selectOption({ label: '县级' });
      await page.getByLabel('行政区划代码').fill('321283');
      await page.getByRole('button', { name: '创建' }).click();
      await table.getByText('泰兴市总工会').waitFor({ timeout: 15_000 });
      await screenshot(page, 'operator-tenants');
      await page.goto('/units');
      await page.getByRole('heading', { name: '无权访问' }).waitFor();
    } finally {
      await close(page);
    }
  });

  test('platform operator finds an event that failed locally and redrives it from the dead-letter page, on a phone', async () => {
    const dev = async (path: string, body?: unknown, method = 'POST') => {
      const res = await fetch(`${session.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      return res.json() as Promise<any>;
    };
    const call = async (claims: object, path: string, input: unknown, kind: 'query' | 'mutation') => {
      const { token } = await dev('/auth/dev-login', claims);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const res =
        kind === 'query'
          ? await fetch(`${session.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
          : await fetch(`${session.url}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
      return ((await res.json()) as any).result?.data;
    };
    const operatorClaims = { sub: 'e2e-operator', roles: ['platform_operator'] };
    // The rollup projector fails on new units (a local-only fault): the event is retried, then parked.
    await dev('/dev/faults', { handler: 'rollupProjector', eventType: 'units.unit.created' });
    try {
      await call({ sub: 'e2e-dlq-admin', roles: ['federation_admin'], tenantId: '321281' }, 'units.create', { name: `死信测试工会${Date.now().toString().slice(-5)}`, type: 'regional', memberCount: 12, chair: { name: '测试' } }, 'mutation');
      await expect.poll(async () => (await call(operatorClaims, 'platform.deadLetters.list', {}, 'query'))?.letters?.length ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    } finally {
      await dev('/dev/faults', undefined, 'DELETE');
    }

    const page = await openPage(PHONE);
    try {
      await loginAs(page, /平台运营/);
      await page.getByRole('button', { name: '打开导航菜单' }).click();
      await page.locator('#main-nav').getByRole('link', { name: '死信与重新投递' }).click();
      await page.getByRole('heading', { name: '死信与重新投递', level: 1 }).waitFor();
      await page.getByText('处理指南').waitFor();
      const letters = page.getByRole('table', { name: '死信', exact: true });
      const row = letters.locator('tbody tr').filter({ hasText: 'units.unit.created' }).first();
      await row.waitFor({ timeout: 15_000 });
      expect(await row.innerText()).toContain('兴化市总工会');
      expect(await row.getByTestId('pdl-reason').innerText()).toContain('fault injected locally');
      expect(await page.getByRole('table', { name: '按租户和模块统计' }).innerText()).toContain('基层工会');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'operator-dead-letters-phone');

      await row.getByRole('button', { name: /^重新投递事件/ }).click();
      const confirm = page.getByRole('alertdialog', { name: '确认重新投递' });
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain('将重新投递 1 条事件');
      expect(await confirm.innerText()).toContain('不会重复计入');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'operator-dead-letters-confirm');
      await confirm.getByRole('button', { name: '确认重新投递' }).click();
      await page.getByText(/重新投递完成：成功 1，失败 0，跳过 0/).waitFor({ timeout: 15_000 });
      await letters.locator('tbody tr').filter({ hasText: 'units.unit.created' }).waitFor({ state: 'detached', timeout: 15_000 });
      await screenshot(page, 'operator-dead-letters-redriven');
    } finally {
      await close(page);
    }
    const audit = await call(operatorClaims, 'audit.platform', { action: 'platform.deadLetters.redrive' }, 'query');
    expect(audit.items[0].summary).toContain('成功 1');
  });

  test('no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
