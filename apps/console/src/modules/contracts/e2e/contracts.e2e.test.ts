import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAfterReload, noOverflow, screenshot, useE2eSession, loginAs } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;


async function openPage(width = 1280): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}


async function dev(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${session.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res.json();
}

/** Shanghai 10:00 on a date, as the dev clock's ISO instant. */
const at = (date: string) => `${date}T02:00:00Z`;
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A small file whose first bytes say PDF (the server checks them). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** The four 备案材料 a filing needs by default, with the names staff give them. */
const FILING_PACKAGE = [
  ['contract_text', '集体合同签字文本.pdf'],
  ['congress_resolution', '代表大会决议.pdf'],
  ['representative_lists', '双方代表名单.pdf'],
  ['offer_and_reply', '要约书及回复.pdf'],
] as const;

async function record(page: Page, stepButton: RegExp | string, confirmButton?: string) {
  const status = await page.getByTestId('contract-status').textContent();
  await page.getByRole('button', { name: stepButton }).click();
  if (confirmButton) await page.getByRole('dialog').getByRole('button', { name: confirmButton }).click();
  await expect.poll(() => page.getByTestId('contract-status').textContent().then((s) => s !== status || undefined), { timeout: 10_000 }).toBeTruthy();
}

describe('集体合同', () => {
  test('an express-industry contract walks to filed, takes effect on day 16 of the dev clock (not day 15, the last review day) and counts for the province', async () => {
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
      // An industry contract: more than half of ALL representatives, no two-thirds quorum line.
      expect(await page.getByTestId('vote-meter').textContent()).toContain('不设三分之二出席要求');
      await page.locator('#v-approve').fill('16');
      await expect.poll(() => page.getByTestId('vote-meter').textContent()).toContain('通过');
      await record(page, '记录表决结果');
      expect(await page.getByTestId('contract-status').textContent()).toBe('职代会已通过');
      // The success message says what was decided, not just that a step was done.
      await page.getByRole('status').filter({ hasText: '已保存表决结果：赞成 16 / 应到 30（实到 20），通过' }).waitFor();
      await record(page, '办理：首席代表签字', '确认签字');
      // 报送审查 waits for the 备案材料: the button is disabled and says what is missing (an industry contract's vote
      // is the workers' assembly's resolution).
      await expect.poll(() => page.getByTestId('file-blocked').textContent()).toContain('备案材料不齐，暂不能报送。尚缺：集体合同文本、职工代表大会或职工大会决议、双方协商代表名单、要约书及书面回复');
      expect(await page.getByRole('button', { name: '办理：报送审查' }).isDisabled()).toBe(true);
      expect(await page.getByTestId('filing-kind-congress_resolution').textContent()).toContain('必备 · 未上传');
      for (const [kind, name] of FILING_PACKAGE) {
        await page.locator(`#filing-upload-${kind}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
        await expect.poll(() => page.getByTestId(`filing-kind-${kind}`).textContent(), { timeout: 10_000 }).toContain('必备 · 已上传');
        expect(await page.getByTestId(`filing-kind-${kind}`).textContent()).toContain(name);
      }
      await expect.poll(() => page.getByTestId('filing-complete').textContent()).toContain('必备材料已齐全');
      await expect.poll(() => page.getByTestId('file-blocked').count()).toBe(0);
      await screenshot(page, 'contracts-filing-package');
      await record(page, '办理：报送审查', '确认报送');
      expect(await page.getByTestId('contract-status').textContent()).toBe('已报送审查');
      // What went with the filing, each downloadable (the download is audited).
      await expect.poll(() => page.getByTestId('filing-filed').locator('li').count()).toBe(4);
      expect(await page.getByTestId('filing-filed').textContent()).toContain('职工代表大会或职工大会决议：代表大会决议.pdf');
      // The bureau may object through day 15 (Art. 45); with no objection the contract takes effect on day 16 (Art. 47).
      const lastReviewDay = plusDays(day0, 15);
      const effectiveOn = plusDays(day0, 16);
      await expect.poll(() => page.locator('.timeline').textContent()).toContain(`人社部门审查期（15个自然日）：${lastReviewDay}`);
      expect(await page.locator('.timeline').textContent()).toContain(`无异议则 ${effectiveOn} 起生效`);
      await screenshot(page, 'contracts-filed');

      // Day 15, after that day's tick: still under review, the clock is due today.
      await dev('/dev/clock', { now: at(lastReviewDay) });
      await dev('/dev/tick');
      await page.reload();
      await expect.poll(() => page.getByTestId('contract-status').textContent()).toBe('已报送审查');
      expect(await page.locator('.timeline').textContent()).toContain('今日到期');

      // Day 16: no objection was raised, so it takes effect — in the tenant's own tick consumer after the fan-out, so
      // the page is reloaded until it shows.
      await dev('/dev/clock', { now: at(effectiveOn) });
      await dev('/dev/tick');
      await expectAfterReload(page, () => page.getByTestId('contract-status').textContent(), '已生效', { timeout: 20_000, interval: 500 });
      expect(await page.locator('.timeline').textContent()).toContain(`审查期至 ${lastReviewDay} 届满，人社部门未提出异议，自 ${effectiveOn} 起生效`);
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
      // The cockpit's 集体合同 section counts the contract in force (rollups may lag the events: reload until they show).
      const section = leader.locator('.ck-module[data-module="contracts"]');
      await expect
        .poll(
          async () => {
            await leader.reload();
            await section.waitFor({ timeout: 5_000 }).catch(() => undefined);
            return (await section.getByTestId('fig-contracts.inForce').locator('.ck-fig__value').textContent().catch(() => null)) ?? '';
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe('1 份');
      expect(await section.getByTestId('fig-contracts.coverageRate').locator('.ck-fig__value').textContent()).toMatch(/%$/);
      await screenshot(leader, 'contracts-leadership-phone');
    } finally {
      await leader.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  test('the platform operator loads a 2027 holiday notice and a tenant clock running into 2027 stops being provisional', async () => {
    // Filed on Tuesday 2026-12-22 with a 15-working-day review: the clock runs into 2027, which
    // has no notice yet, so it is provisional (weekends only: due 2027-01-12).
    await dev('/dev/clock', { now: at('2026-12-22') });
    const admin = await tokenFor({ sub: 'demo-admin-321281', roles: ['federation_admin'], tenantId: '321281' });
    const settings = await trpc(admin, 'contracts.settings.get');
    await trpc(admin, 'contracts.settings.set', { version: settings.version, dayCount: { review: 'working' } }, 'POST');
    const title = '2027日历测试集体合同';
    const c = await trpc(admin, 'contracts.create', { title, type: 'industry', scope: { industry: 'catering' }, employerParties: [{ name: '兴化市餐饮行业协会' }], coveredEnterprises: 5, coveredEmployees: 300, term: { start: '2027-01-01', end: '2027-12-31' } }, 'POST');
    const people = (side: string) => ['首席', '成员', '成员'].map((role, i) => ({ name: `${side}代表${i + 1}`, role }));
    for (const [path, input] of [
      ['contracts.offer.send', { sentOn: '2026-12-01', fromSide: 'worker' }],
      ['contracts.offer.reply', { repliedOn: '2026-12-02', accepted: true }],
      ['contracts.representatives.set', { side: 'worker', members: people('餐饮职工'), chiefIndex: 0 }],
      ['contracts.representatives.set', { side: 'employer', members: people('餐饮企业'), chiefIndex: 0 }],
      ['contracts.rounds.add', { heldOn: '2026-12-05', minutes: '达成一致', openIssues: [] }],
      ['contracts.congress.record', { heldOn: '2026-12-15', representativesTotal: 40, approve: 25 }],
      ['contracts.sign', { signedOn: '2026-12-18' }],
      ['contracts.file', { filedOn: '2026-12-22' }],
    ] as const) {
      if (path === 'contracts.file') await attachFilingPackage(admin, c.contractId);
      await trpc(admin, path, { contractId: c.contractId, ...input }, 'POST');
    }

    const before = await deadlineLine(title, '2027-01-12', 'contracts-deadlines-provisional');
    expect(before.line).toContain('暂定');
    expect(before.line).toContain('2027年节假日安排尚未发布');
    expect(before.summary).toContain('2027');

    const op = await openPage();
    try {
      await loginAs(op, '平台', '平台运营');
      await op.locator('#main-nav').getByRole('link', { name: '节假日安排' }).click();
      await op.getByRole('heading', { name: '节假日安排', level: 1 }).waitFor();
      await expect.poll(() => op.getByTestId('covered-years').textContent()).toContain('2024、2025、2026');
      expect(await op.locator('#cal-year').inputValue()).toBe('2027');
      // HYPOTHETICAL test data: the 2027 notice is not published in the material available here;
      // these dates are made up (but valid) for the test only — not the real 2027 arrangement.
      await op.locator('#cal-source').fill('测试用虚构通知（非真实2027年安排）');
      await op.locator('#cal-off').fill('元旦 01-01–01-03\n春节 02-06 至 02-12');
      await op.locator('#cal-work').fill('01-05');
      // 01-01 (Fri) and 02-08…02-12 become days off; Tuesday 01-05 is no weekend day.
      await expect.poll(() => op.getByTestId('calendar-preview').textContent()).toContain('6 个工作日改为休息日');
      await op.getByRole('button', { name: '加载并通知所有租户的期限' }).click();
      await op.getByRole('dialog').getByRole('button', { name: '确认加载' }).click();
      // The API's problem is shown beside the entry it is about.
      await expect.poll(() => op.getByTestId('problems-work').textContent()).toContain('第 1 项「01-05」');
      expect(await op.getByTestId('problems-work').textContent()).toContain('应为周六或周日');
      await op.locator('#cal-work').fill('02-20 (Sat)');
      await expect.poll(() => op.getByTestId('calendar-preview').textContent()).toContain('1 个周末改为上班日');
      await op.getByRole('button', { name: '加载并通知所有租户的期限' }).click();
      await op.getByRole('dialog').getByRole('button', { name: '确认加载' }).click();
      await expect.poll(() => op.getByTestId('calendar-result').textContent(), { timeout: 15_000 }).toMatch(/其中 [1-9]\d* 个不再暂定/);
      await expect.poll(() => op.getByTestId('covered-years').textContent()).toContain('2027');
      await expect.poll(() => op.getByTestId('platform-audit-summary').first().textContent()).toContain('加载2027年节假日安排');
      // The operator is named, not shown as a subject id: in the log and on the loaded notice.
      expect(await op.getByTestId('platform-audit-actor').first().textContent()).toBe('平台运营');
      await expect.poll(() => op.getByText(/平台加载 v1，.*，平台运营/).count()).toBeGreaterThan(0);
      await screenshot(op, 'platform-calendar');
    } finally {
      await op.context().close();
    }

    // 01-01 is now a day off: the 15th working day is 01-13, and it is exact.
    expect((await deadlineLine(title, '2027-01-13')).line).not.toContain('暂定');
    expect(pageErrors).toEqual([]);
  });

  test('at 390 px round 2 amends the wage clause; a minimum wage raised since blocks the vote, round 3 amends it and the vote passes', async () => {
    await dev('/dev/clock', { now: at('2026-12-22') });
    const admin = await tokenFor({ sub: 'demo-admin-321281', roles: ['federation_admin'], tenantId: '321281' });
    const c = await trpc(admin, 'contracts.create', { title: '条款修改测试集体合同', type: 'industry', scope: { industry: 'catering' }, employerParties: [{ name: '兴化市餐饮行业协会' }], coveredEnterprises: 6, coveredEmployees: 320, term: { start: '2027-03-01', end: '2028-02-29' }, clauses: { wageGrowthPct: 5, minimumWageFen: 249_000 } }, 'POST');
    const people = (side: string) => ['首席', '成员', '成员'].map((role, i) => ({ name: `${side}${i + 1}`, role }));
    for (const [path, input] of [
      ['contracts.offer.send', { sentOn: '2026-12-10', fromSide: 'worker' }],
      ['contracts.offer.reply', { repliedOn: '2026-12-11', accepted: true }],
      ['contracts.representatives.set', { side: 'worker', members: people('餐饮职工'), chiefIndex: 0 }],
      ['contracts.representatives.set', { side: 'employer', members: people('餐饮企业'), chiefIndex: 0 }],
      ['contracts.rounds.add', { heldOn: '2026-12-12', minutes: '第一轮：工资增幅分歧', openIssues: ['工资增幅'] }],
    ] as const) {
      await trpc(admin, path, { contractId: c.contractId, ...input }, 'POST');
    }
    const page = await openPage(390);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto(`/contracts/${c.contractId}`);
      // Round 2, from the phone: the wage growth agreed at 6.5 %.
      await page.locator('#step-pick').selectOption('rounds.add');
      await page.locator('[id="f-heldOn"]').fill('2026-12-14');
      await page.locator('[id="f-minutes"]').fill('第二轮：工资增幅提高至6.5%');
      await page.locator('[id="f-amendments.wageGrowthPct"]').fill('6.5');
      await page.getByRole('button', { name: '办理：协商会议' }).click();
      await expect.poll(() => page.getByTestId('clause-changes').textContent()).toContain('第2轮（2026-12-14）工资增长幅度（%）56.5');

      // The local minimum wage goes up to ¥2,620 before the vote: the draft's ¥2,490 cannot be put to it.
      const settings = await trpc(admin, 'contracts.settings.get');
      await trpc(admin, 'contracts.settings.set', { version: settings.version, minimumWageFen: 262_000 }, 'POST');
      await page.reload();
      await page.locator('#step-pick').selectOption('congress.record');
      await page.locator('#v-total').fill('30');
      await page.locator('#v-present').fill('25');
      await page.locator('#v-approve').fill('20');
      await page.getByRole('button', { name: '记录表决结果' }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('草案不能提交职代会审议：最低工资条款 2490.00 元低于当地最低工资标准 2620.00 元');
      expect(await page.getByTestId('contract-status').textContent()).toBe('协商中');
      await noOverflow(page);
      await screenshot(page, 'contracts-vote-blocked-390');

      // Round 3 brings the clause up to the new standard; the vote then passes.
      await page.locator('#step-pick').selectOption('rounds.add');
      await page.locator('[id="f-heldOn"]').fill('2026-12-16');
      await page.locator('[id="f-minutes"]').fill('第三轮：最低工资调整至新标准');
      await page.locator('[id="f-amendments.minimumWageYuan"]').fill('2620');
      await page.getByRole('button', { name: '办理：协商会议' }).click();
      await expect.poll(() => page.getByTestId('clause-changes').textContent()).toContain('第3轮（2026-12-16）最低工资（元/月）¥2,490.00¥2,620.00');
      await page.locator('#step-pick').selectOption('congress.record');
      await page.locator('#v-total').fill('30');
      await page.locator('#v-present').fill('25');
      await page.locator('#v-approve').fill('20');
      await record(page, '记录表决结果');
      expect(await page.getByTestId('contract-status').textContent()).toBe('职代会已通过');
      await noOverflow(page);
      await screenshot(page, 'contracts-clause-changes-390');
      // Signed, the 备案材料 section on the phone: a document uploaded from it, the filing still waiting for the rest.
      await record(page, '办理：首席代表签字', '确认签字');
      await page.locator('#filing-upload-contract_text').setInputFiles({ name: '餐饮行业集体合同文本（签字版，双方首席代表签署）.pdf', mimeType: 'application/pdf', buffer: PDF });
      await expect.poll(() => page.getByTestId('filing-kind-contract_text').textContent(), { timeout: 10_000 }).toContain('必备 · 已上传');
      expect(await page.getByTestId('filing-missing').textContent()).toContain('报送审查前还须上传：职工代表大会或职工大会决议、双方协商代表名单、要约书及书面回复');
      expect(await page.getByRole('button', { name: '办理：报送审查' }).isDisabled()).toBe(true);
      await noOverflow(page);
      await page.getByTestId('filing-package').scrollIntoViewIfNeeded();
      await screenshot(page, 'contracts-filing-package-390');
      await trpc(admin, 'contracts.settings.set', { version: settings.version + 1, minimumWageFen: 249_000 }, 'POST');
    } finally {
      await page.context().close();
    }
  });

  test('a vacant representative seat runs a 15-day clock until the side is refilled, with the 女职工委员会 head', async () => {
    await dev('/dev/clock', { now: at('2026-12-22') });
    const admin = await tokenFor({ sub: 'demo-admin-321281', roles: ['federation_admin'], tenantId: '321281' });
    const title = '空缺补足测试集体合同';
    const c = await trpc(admin, 'contracts.create', { title, type: 'industry', scope: { industry: 'logistics' }, employerParties: [{ name: '兴化市物流协会' }], coveredEnterprises: 4, coveredEmployees: 220, term: { start: '2027-03-01', end: '2028-02-29' } }, 'POST');
    const people = (side: string) => ['首席', '成员', '成员'].map((role, i) => ({ name: `${side}${i + 1}`, role }));
    for (const [path, input] of [
      ['contracts.offer.send', { sentOn: '2026-12-10', fromSide: 'worker' }],
      ['contracts.offer.reply', { repliedOn: '2026-12-11', accepted: true }],
      ['contracts.representatives.set', { side: 'worker', members: people('物流职工'), chiefIndex: 0 }],
      ['contracts.representatives.set', { side: 'employer', members: people('物流企业'), chiefIndex: 0 }],
    ] as const) {
      await trpc(admin, path, { contractId: c.contractId, ...input }, 'POST');
    }
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto(`/contracts/${c.contractId}`);
      await page.getByTestId('reps-worker').waitFor();
      await page.locator('#step-pick').selectOption('representatives.vacate');
      await page.locator('#vac-member').selectOption('1');
      await page.locator('#vac-reason').fill('调离本单位');
      await page.getByRole('button', { name: '登记空缺' }).click();
      // 15 natural days from 2026-12-22 (Art. 31); the refill is offered first.
      await expect.poll(() => page.locator('.timeline').textContent()).toContain('职工方协商代表空缺补足（15个自然日）：2027-01-06');
      expect(await page.getByTestId('reps-worker').textContent()).toContain('空缺');
      expect(await page.getByTestId('next-step').textContent()).toContain('确定协商代表');
      expect(await page.locator('#rep-side').inputValue()).toBe('worker');

      // The union has a 女职工委员会: saving without its head is refused with the rule.
      const names = page.getByPlaceholder('姓名');
      expect(await names.nth(1).inputValue()).toBe('');
      await names.nth(1).fill('物流职工补选');
      await page.locator('#rep-committee').check();
      await expect.poll(() => page.getByTestId('female-head-hint').count()).toBe(1);
      await page.getByRole('button', { name: '保存协商代表' }).click();
      await expect.poll(() => page.locator('.step-form .field__error').first().textContent()).toContain('女职工委员会');
      await page.getByRole('checkbox', { name: '女职工委员会主任' }).nth(1).check();
      await page.getByRole('button', { name: '保存协商代表' }).click();
      await expect.poll(() => page.locator('.timeline').textContent()).not.toContain('空缺补足');
      expect(await page.getByTestId('reps-worker').textContent()).toContain('物流职工补选');
      expect(await page.getByTestId('next-step').textContent()).toContain('协商会议');
      await screenshot(page, 'contracts-vacancy-refilled');
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  test('at 390 px staff send one offer to three enterprises’ drafts at once and follow their replies on the campaign board', async () => {
    await dev('/dev/clock', { now: at('2026-11-02') });
    const staff = await tokenFor({ sub: 'demo-staff-321281', roles: ['federation_staff'], tenantId: '321281' });
    const units = await trpc(staff, 'units.list', { limit: 50 });
    const unitId = units.items[0].unitId;
    const stamp = Date.now() % 10_000;
    const names = ['甲', '乙', '丙'].map((n) => `兴化市集中要约${n}${stamp}有限公司`);
    const ids: string[] = [];
    for (const name of names) {
      const c = await trpc(staff, 'contracts.create', { type: 'comprehensive', unitId, employerParties: [{ name }], coveredEnterprises: 1, coveredEmployees: 60, term: { start: '2027-01-01', end: '2029-12-31' }, clauses: { wageGrowthPct: 5 } }, 'POST');
      ids.push(c.contractId);
    }
    const page = await openPage(390);
    try {
      await loginAs(page, '兴化市总工会', '工作人员');
      await page.goto('/contracts');
      await page.getByRole('link', { name: '集中要约' }).click();
      await page.waitForURL(/\/contracts\/campaigns$/);
      await page.getByLabel('要约行动名称').fill(`集中要约测试${stamp}`);
      await page.getByLabel('要约发出日期').fill('2026-11-02');
      await page.getByLabel('按合同名称或企业筛选').fill(`${stamp}有限公司`);
      await page.getByRole('button', { name: '选中下列全部 3 份' }).click();
      await expect.poll(() => page.locator('.campaign-drafts input:checked').count()).toBe(3);
      await noOverflow(page);
      await screenshot(page, 'contracts-campaign-new-390');
      await page.getByRole('button', { name: '向 3 家企业发出要约' }).click();
      await page.waitForURL(/\/contracts\/campaigns\/[0-9A-Z]+$/);
      await expect.poll(() => page.locator('h1').textContent()).toBe(`集中要约测试${stamp}`);
      expect(await page.locator('.reply-legend').innerText()).toContain('待回应 3');

      // One replies in time, one late; the third never does.
      await dev('/dev/clock', { now: at('2026-11-30') });
      await trpc(staff, 'contracts.offer.reply', { contractId: ids[0], repliedOn: '2026-11-10', accepted: true }, 'POST');
      await trpc(staff, 'contracts.offer.reply', { contractId: ids[1], repliedOn: '2026-11-25', accepted: false }, 'POST');
      await page.reload();
      await expect.poll(() => page.locator('.reply-legend').innerText()).toContain('逾期未回应 1');
      const table = page.getByRole('table', { name: '要约企业' });
      expect(await table.locator('tbody tr').first().innerText()).toContain(names[2]);
      expect(await table.innerText()).toContain('逾期后回应');
      expect(await page.locator('p.muted').first().innerText()).toContain('按期回应率 33.3%');
      await noOverflow(page);
      await screenshot(page, 'contracts-campaign-board-390');
    } finally {
      await page.context().close();
    }
  });

  test('at 390 px a 能级工资 contract: a round agrees the steps by grade (one falling is refused), and once in effect the yearly 履约 check is recorded', async () => {
    await dev('/dev/clock', { now: at('2026-12-22') });
    const admin = await tokenFor({ sub: 'demo-admin-321281', roles: ['federation_admin'], tenantId: '321281' });
    const units = await trpc(admin, 'units.list', { limit: 100 });
    const unit = units.items.find((u: any) => u.type === 'enterprise');
    const title = '能级工资履约测试专项集体合同';
    const c = await trpc(admin, 'contracts.create', { title, type: 'special', specialKind: 'skill_level_wage', unitId: unit.unitId, employerParties: [{ name: '兴化市不锈钢制品有限公司' }], coveredEnterprises: 1, coveredEmployees: 260, term: { start: '2027-01-01', end: '2027-12-31' }, clauses: { wageGrowthPct: 5 } }, 'POST');
    const people = (side: string) => ['首席', '成员', '成员'].map((role, i) => ({ name: `${side}${i + 1}`, role }));
    const walk = async (steps: readonly (readonly [string, Record<string, unknown>])[]) => {
      for (const [path, input] of steps) {
        if (path === 'contracts.file') await attachFilingPackage(admin, c.contractId);
        await trpc(admin, path, { contractId: c.contractId, ...input }, 'POST');
      }
    };
    await walk([
      ['contracts.offer.send', { sentOn: '2026-11-02', fromSide: 'worker' }],
      ['contracts.offer.reply', { repliedOn: '2026-11-02', accepted: true }],
      ['contracts.representatives.set', { side: 'worker', members: people('能级职工'), chiefIndex: 0 }],
      ['contracts.representatives.set', { side: 'employer', members: people('能级企业'), chiefIndex: 0 }],
    ]);
    const page = await openPage(390);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto(`/contracts/${c.contractId}`);
      await page.locator('#step-pick').selectOption('rounds.add');
      await page.locator('[id="f-heldOn"]').fill('2026-11-03');
      await page.locator('[id="f-minutes"]').fill('第一轮：能级工资标准');
      await page.getByRole('spinbutton', { name: /能级工资：初级工/ }).fill('2600');
      await page.getByRole('spinbutton', { name: /能级工资：中级工/ }).fill('2500');
      await page.getByRole('button', { name: '办理：协商会议' }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('不得随等级提高而降低');
      await page.getByRole('spinbutton', { name: /能级工资：中级工/ }).fill('3100');
      await page.getByRole('button', { name: '办理：协商会议' }).click();
      await expect.poll(() => page.getByTestId('clause-changes').textContent()).toContain('能级工资标准');
      expect(await page.getByTestId('type-clauses').textContent()).toContain('中级工：¥3,100.00');
      await noOverflow(page);
      await screenshot(page, 'contracts-skill-grades-390');

      // Voted, signed and filed in November: in effect once the review period has passed (today's tick).
      await walk([
        ['contracts.congress.record', { heldOn: '2026-11-04', representativesTotal: 30, present: 25, approve: 20 }],
        ['contracts.sign', { signedOn: '2026-11-04' }],
        ['contracts.file', { filedOn: '2026-11-05' }],
      ]);
      await dev('/dev/tick');
      await expectAfterReload(page, () => page.getByTestId('contract-status').textContent(), '已生效', { timeout: 20_000, interval: 500 });
      expect((await page.locator('.timeline li.current').allTextContents()).join()).toContain('第1合同年度履约检查');

      await page.locator('#step-pick').selectOption('performance.check');
      await page.locator('#chk-checkers').fill('工会主席\n人力资源部经理');
      await page.locator('#chk-item-0').fill('能级工资按约定标准发放');
      await page.getByRole('button', { name: '增加事项' }).click();
      await page.locator('#chk-item-1').fill('技能等级晋升后次月调整工资');
      await page.locator('#chk-kept-1').uncheck();
      await page.locator('#chk-note-1').fill('两名技师晋升后未及时调整');
      await page.locator('#chk-findings').fill('总体履约，个别晋升人员工资调整滞后');
      await page.locator('#chk-reported').check();
      await page.locator('#chk-reported-on').fill('2026-12-22');
      // The report to the 职代会 as a file: uploaded, checked by the server, cited by the check.
      await page.locator('#chk-file').setInputFiles({ name: '履约检查报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
      await expect.poll(() => page.getByTestId('check-files').textContent(), { timeout: 10_000 }).toContain('履约检查报告.pdf');
      await noOverflow(page);
      await page.getByRole('button', { name: '记录履约检查' }).click();
      await expect.poll(() => page.getByTestId('performance-checks').textContent()).toContain('第1合同年度');
      expect(await page.getByTestId('performance-checks').textContent()).toContain('2 项中履行 1 项');
      expect(await page.getByTestId('performance-checks').textContent()).toContain('履约检查报告.pdf');
      // Year 1 is checked and year 2 has not begun: no check clock runs.
      expect((await page.locator('.timeline li.current').allTextContents()).join()).not.toContain('履约检查');
      await noOverflow(page);
      await screenshot(page, 'contracts-performance-check-390');
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  test('at 390 px the bureau objects: the objection waits for its 审查意见书, which staff upload from the phone', async () => {
    await dev('/dev/clock', { now: at('2026-12-22') });
    const admin = await tokenFor({ sub: 'demo-admin-321281', roles: ['federation_admin'], tenantId: '321281' });
    const c = await trpc(admin, 'contracts.create', { title: '审查异议测试集体合同', type: 'industry', scope: { industry: 'construction' }, employerParties: [{ name: '兴化市建筑业协会' }], coveredEnterprises: 9, coveredEmployees: 650, term: { start: '2027-01-01', end: '2027-12-31' } }, 'POST');
    const people = (side: string) => ['首席', '成员', '成员'].map((role, i) => ({ name: `${side}${i + 1}`, role }));
    for (const [path, input] of [
      ['contracts.offer.send', { sentOn: '2026-12-01', fromSide: 'worker' }],
      ['contracts.offer.reply', { repliedOn: '2026-12-02', accepted: true }],
      ['contracts.representatives.set', { side: 'worker', members: people('异议职工'), chiefIndex: 0 }],
      ['contracts.representatives.set', { side: 'employer', members: people('异议企业'), chiefIndex: 0 }],
      ['contracts.rounds.add', { heldOn: '2026-12-05', minutes: '达成一致', openIssues: [] }],
      ['contracts.congress.record', { heldOn: '2026-12-15', representativesTotal: 40, present: 30, approve: 25 }],
      ['contracts.sign', { signedOn: '2026-12-18' }],
      ['contracts.file', { filedOn: '2026-12-21' }],
    ] as const) {
      if (path === 'contracts.file') await attachFilingPackage(admin, c.contractId);
      await trpc(admin, path, { contractId: c.contractId, ...input }, 'POST');
    }
    const page = await openPage(390);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.goto(`/contracts/${c.contractId}`);
      await expect.poll(() => page.getByTestId('filing-filed').locator('li').count()).toBe(4);
      await page.locator('[id="f-objectionOn"]').fill('2026-12-22');
      await page.getByRole('button', { name: '办理：审查意见' }).click();
      await expect.poll(() => page.locator('#f-opinionEvidenceId .field__error').textContent()).toContain('提出审查异议须附人社部门的《审查意见书》');
      await page.locator('#review-opinion-file').setInputFiles({ name: '兴化市人社局审查意见书.pdf', mimeType: 'application/pdf', buffer: PDF });
      await expect.poll(() => page.getByTestId('review-opinion').textContent(), { timeout: 10_000 }).toContain('兴化市人社局审查意见书.pdf');
      expect(await page.locator('#f-opinionEvidenceId .field__error').count()).toBe(0);
      await noOverflow(page);
      await screenshot(page, 'contracts-review-opinion-390');
      await record(page, '办理：审查意见');
      expect(await page.getByTestId('contract-status').textContent()).toBe('协商中');
      expect(await page.locator('.timeline').textContent()).toContain('人社部门提出审查异议（审查意见书「兴化市人社局审查意见书.pdf」），退回重新协商');
      // Back in talks: the next filing's package is open again, the offer and the lists carried over.
      await expect.poll(() => page.getByTestId('filing-refiling').count()).toBe(1);
      expect(await page.getByTestId('filing-kind-offer_and_reply').textContent()).toContain('必备 · 已上传');
      expect(await page.getByTestId('filing-kind-contract_text').textContent()).toContain('必备 · 未上传');
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  test('the holiday notice form reads lines pasted verbatim from the State Council notice, on a phone', async () => {
    const op = await openPage(390);
    try {
      await loginAs(op, '平台', '平台运营');
      await op.goto('/calendar');
      await op.getByRole('heading', { name: '节假日安排', level: 1 }).waitFor();
      // The published 2026 notice's first two items, as copied from gov.cn (2025-11-04).
      await op.locator('#cal-off').fill('一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。');
      await expect.poll(() => op.getByTestId('calendar-read-notice').textContent()).toContain('已从通知原文识别 2 段假期、3 个调休上班日');
      expect(await op.locator('#cal-off').inputValue()).toBe('01-01–01-03\n02-15–02-23');
      expect(await op.locator('#cal-work').inputValue()).toBe('01-04\n02-14\n02-28');
      expect(await op.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(op, 'calendar-paste-notice-390');
    } finally {
      await op.context().close();
    }
    expect(pageErrors).toEqual([]);
  });
});

/** As 兴化's admin, the deadlines-page line of the clock of `title` once it shows `dueOn`, and the provisional summary. */
async function deadlineLine(title: string, dueOn: string, shot?: string): Promise<{ line: string; summary: string }> {
  const page = await openPage();
  try {
    await loginAs(page, '兴化市总工会', '管理员');
    await page.goto('/contracts/deadlines');
    const line = page.locator('.timeline li', { hasText: title });
    await expect.poll(() => line.textContent()).toContain(dueOn);
    if (shot) await screenshot(page, shot);
    const summary = page.getByTestId('provisional-summary');
    return { line: (await line.textContent()) ?? '', summary: (await summary.count()) ? ((await summary.textContent()) ?? '') : '' };
  } finally {
    await page.context().close();
  }
}

/** The four 备案材料 uploaded through the API as the console does (ticket, PUT, complete), before a filing by API. */
async function attachFilingPackage(token: string, contractId: string): Promise<void> {
  for (const [kind, fileName] of FILING_PACKAGE) {
    const ticket = await trpc(token, 'contracts.evidence.createUpload', { contractId, purpose: 'filing', kind, fileName, contentType: 'application/pdf', sizeBytes: PDF.length }, 'POST');
    const put = await fetch(new URL(ticket.uploadUrl, session.url), { method: 'PUT', headers: ticket.headers, body: PDF });
    expect(put.status).toBe(200);
    await trpc(token, 'contracts.evidence.complete', { evidenceId: ticket.evidenceId }, 'POST');
  }
}

async function tokenFor(claims: Record<string, unknown>): Promise<string> {
  return (await dev('/auth/dev-login', claims)).token;
}

/** A tRPC call as plain JSON (GET for queries, POST for mutations); fails the test on an error. */
async function trpc(token: string, path: string, input?: unknown, method: 'GET' | 'POST' = 'GET'): Promise<any> {
  const url = `${session.url}/trpc/${path}${method === 'GET' && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`;
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: method === 'POST' ? JSON.stringify(input) : undefined });
  const body = await res.json();
  expect(res.status, `${path}: ${JSON.stringify(body.error)}`).toBe(200);
  return body.result.data;
}
