import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible } from '../../../../e2e/a11y';
import { loginAs, noOverflow, screenshot, useE2eSession, DESKTOP, PHONE } from '../../../../e2e/harness';

const session = useE2eSession();

async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...DESKTOP, ...options });
  return context.newPage();
}

/**
 * A draft as `modelWorkers.drafts.list` answers it. Drafts come only from a 技能竞赛 event (results.finalized), which
 * the demo seed does not finalise; the server side (one draft per winner and honour, adopt, dismiss) is proven by
 * packages/modules/model-workers/test/drafts.integration.test.ts. Here the list answer is given to the page; the
 * campaigns the form offers come from the real API.
 */
const draft = {
  draftId: 'crd-e2e-draft-000000000000000000000',
  tenantId: '321281',
  source: {
    competitionId: 'cmp-e2e',
    eventId: 'ev-e2e',
    contestantId: 'ct-e2e',
    competitionName: { zh: '2026年兴化市“兴发工匠杯”职业技能竞赛', en: 'Xinghua Craftsman Cup 2026' },
    eventName: { zh: '焊工（职工组）', en: 'Welding (employees)' },
    tradeCode: '6-18-02-04',
    competitionClass: 'city',
    stage: 'final',
    rank: 1,
    resultsHash: 'f00dfeedf00dfeedf00dfeedf00dfeed',
    finalizedAt: '2026-05-20T08:00:00.000Z',
    deliveryId: 'e2e',
  },
  honourCode: 'provincial_may_day_medal',
  honourName: { zh: '省五一劳动奖章', en: 'Provincial May Day Labour Medal' },
  level: 'provincial',
  person: { nameMasked: '赵**', idMasked: '321281********0011', gender: 'male', birthDate: '1990-03-15', skillGrade: 'grade3' },
  evidence: { kind: 'competitionResult', competitionId: 'cmp-e2e', eventId: 'ev-e2e', rank: 1, resultsHash: 'f00dfeedf00dfeedf00dfeedf00dfeed', verifyPath: '/verify/competitions/321281/ev-e2e' },
  status: 'open',
  version: 1,
  createdAt: '2026-05-20T08:00:01.000Z',
  updatedAt: '2026-05-20T08:00:01.000Z',
  deedsShort: '在2026年兴化市“兴发工匠杯”职业技能竞赛焊工（职工组）中获得第1名',
  deedsLong: '在2026年兴化市“兴发工匠杯”职业技能竞赛焊工（职工组）中获得第1名。',
};

describe('竞赛推荐草稿: staff see the drafts a competition’s results opened', () => {
  test('the page is in the 劳模 navigation and shows an empty list as such (1366 px)', async () => {
    const page = await openPage();
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '竞赛推荐草稿' }).click();
      await page.getByRole('heading', { name: '竞赛推荐草稿', level: 1 }).waitFor();
      await page.getByTestId('mwd-list').waitFor();
      await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '已采用' });
      await page.getByTestId('mwd-list').getByText('没有符合条件的推荐草稿').waitFor();
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
  });

  test('on a phone (390 px) a draft shows masked, with its result’s verification link, and the adoption form asks what a nomination needs', async () => {
    const page = await openPage(PHONE);
    try {
      await loginAs(page, '兴化市总工会', '管理员');
      await page.route('**/trpc/modelWorkers.drafts.list**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ result: { data: [draft] } }) }));
      await page.goto('/mw-drafts');
      const card = page.getByTestId('mwd-draft');
      await card.getByText('赵**').waitFor();
      await card.getByText('省五一劳动奖章（省部级）').waitFor();
      await card.getByText(/焊工（职工组） · 第 1 名/).waitFor();
      await card.getByText(/尚无劳模档案/).waitFor();
      expect(await card.getByRole('link', { name: '查看成绩验证' }).getAttribute('href')).toBe('/verify/competitions/321281/ev-e2e');
      await noOverflow(page);

      await card.getByRole('button', { name: '采用', exact: true }).click();
      const form = page.getByRole('form', { name: '采用推荐草稿：赵**' });
      await form.waitFor();
      expect(await form.getByRole('textbox', { name: /^事迹材料（简要）/ }).inputValue()).toBe(draft.deedsShort);
      await form.getByRole('combobox', { name: /^学历/ }).waitFor();
      await form.getByRole('combobox', { name: /^推荐参加的评选/ }).waitFor();
      await noOverflow(page);
      await expectAccessible(page, '/mw-drafts (adoption form, 390 px)');
      await screenshot(page, 'mw-drafts-adopt-390');

      await form.getByRole('button', { name: '取消' }).click();
      await expect.poll(() => page.getByRole('form', { name: '采用推荐草稿：赵**' }).count()).toBe(0);
      await noOverflow(page);
    } finally {
      await page.context().close();
    }
  });
});
