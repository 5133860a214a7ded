import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { seriousViolations } from '../../../../e2e/a11y';
import { loginAs, noOverflow, PHONE, screenshot, useE2eSession } from '../../../../e2e/harness';

const session = useE2eSession();
const pageErrors = session.pageErrors;
const TENANT = '321281'; // 兴化市总工会
const TRADE = '6-18-02-04';
/** A tablet in landscape, touch. */
const TABLET: BrowserContextOptions = { viewport: { width: 1024, height: 768 }, hasTouch: true };
const BIG_SCREEN: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } };

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function dev(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${session.url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, path).toBe(200);
  return res.json();
}

/** A tRPC call as plain JSON (GET for queries, POST for mutations); fails the test on an error. */
async function trpc(token: string, path: string, input?: unknown, method: 'GET' | 'POST' = 'GET'): Promise<any> {
  const url = `${session.url}/trpc/${path}${method === 'GET' && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`;
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: method === 'POST' ? JSON.stringify(input) : undefined });
  const body = await res.json();
  expect(res.status, `${path}: ${JSON.stringify(body.error)}`).toBe(200);
  return body.result.data;
}

/** A valid ID number of 兴化 for a man (odd sequence) born on `birth`. */
function idNumber(birth: string): string {
  const seq = String(101 + 2 * Math.floor(Math.random() * 449));
  const first17 = `321281${birth}${seq}`;
  return first17 + idNumberCheckCharacter(first17);
}

/**
 * Through the API: a competition, a 赛项 (焊工, one 决赛 stage) with a locked scheme of three aspects (judgement 40,
 * marks 40, measurement 20 at 5.00 mm ± 0.05), the 兴化 reporter as the (chief) judge, three contestants of another
 * unit, and the work numbers drawn.
 */
async function setUpEvent(): Promise<{ eventId: string; judgeToken: string; workNumbers: string[] }> {
  const admin = (await dev('/auth/dev-login', { sub: `demo-admin-${TENANT}`, roles: ['federation_admin'], tenantId: TENANT })).token as string;
  const users = (await dev('/dev/users')) as { sub: string; roles: string[]; tenantId?: string; unitId?: string }[];
  const judge = users.find((u) => u.tenantId === TENANT && u.roles.includes('unit_reporter') && u.unitId)!;
  expect(judge, 'the seed has a 兴化 unit reporter').toBeTruthy();
  const judgeToken = (await dev('/auth/dev-login', { sub: judge.sub, tenantId: TENANT })).token as string;
  // A judge never marks their own unit's contestants (recusal): the contestants come from another unit.
  const units = (await trpc(admin, 'units.list', { limit: 100 })).items as { unitId: string; status?: string }[];
  const otherUnit = units.find((u) => u.unitId !== judge.unitId && (u.status ?? 'active') === 'active')!;
  expect(otherUnit, 'the seed has a second unit in 兴化').toBeTruthy();
  const now = Date.parse((await dev('/dev/clock')).now);
  const at = (ms: number) => new Date(now + ms).toISOString();
  const hour = 3_600_000;

  const competition = await trpc(admin, 'competitions.competitions.create', { name: '离线评分测试职工技能大赛', class: 'city', year: new Date(now).getUTCFullYear(), packCode: 'province-class1' }, 'POST');
  let event = await trpc(
    admin,
    'competitions.events.create',
    { competitionId: competition.competitionId, name: '焊工（离线评分）', tradeCode: TRADE, stages: [{ kind: 'final', startsAt: at(48 * hour) }], registration: { opensAt: at(-24 * hour), closesAt: at(24 * hour), trades: [TRADE] } },
    'POST',
  );
  event = await trpc(
    admin,
    'competitions.events.saveScheme',
    {
      eventId: event.eventId,
      version: event.version,
      parts: [
        {
          code: 'P',
          kind: 'practical',
          name: { zh: '实操', en: 'Practical' },
          weightBp: 10000,
          timeLimitMinutes: 120,
          aspects: [
            { code: 'J1', kind: 'judgement', name: { zh: '焊缝外观', en: 'Weld appearance' }, maxHundredths: 4000, descriptors: ['不合格', '合格', '良好', '优秀'] },
            { code: 'M1', kind: 'marks', name: { zh: '工艺规范', en: 'Procedure' }, maxHundredths: 4000 },
            { code: 'X1', kind: 'measurement', name: { zh: '尺寸精度', en: 'Dimension' }, maxHundredths: 2000, unit: '0.01 mm', nominal: 500, tolerance: 5 },
          ],
        },
      ],
    },
    'POST',
  );
  event = await trpc(admin, 'competitions.events.setPanel', { eventId: event.eventId, version: event.version, judges: [{ userId: judge.sub, chief: true }], arbiters: [] }, 'POST');
  event = await trpc(admin, 'competitions.events.lockScheme', { eventId: event.eventId, version: event.version }, 'POST');
  expect(event.schemeLocked).toBe(true);
  for (const [i, name] of ['焊接甲', '焊接乙', '焊接丙'].entries()) {
    await trpc(admin, 'competitions.contestants.register', { eventId: event.eventId, unitId: otherUnit.unitId, name, idNumber: idNumber(`1990010${i + 1}`), gender: 'male', tradeCode: TRADE, skillGrade: 'grade3', member: true }, 'POST');
  }
  expect((await trpc(admin, 'competitions.judging.drawWorkNumbers', { eventId: event.eventId, stage: 'final' }, 'POST')).count).toBe(3);
  const sheet = await trpc(judgeToken, 'competitions.judging.sheet', { eventId: event.eventId, stage: 'final' });
  expect(sheet.workNumbers).toHaveLength(3);
  return { eventId: event.eventId, judgeToken, workNumbers: sheet.workNumbers };
}

/** On the open sheet: a work number's three marks (judgement 0–3, marks as typed, the measured value). */
async function score(page: Page, work: string, marks: { J1?: number; M1?: string; X1?: string }): Promise<void> {
  await page.locator(`button[data-work="${work}"]`).click();
  await page.getByRole('heading', { name: `加密号 ${work}` }).waitFor();
  if (marks.J1 !== undefined) await page.locator('[data-aspect="J1"] .judge-score').nth(marks.J1).click();
  for (const code of ['M1', 'X1'] as const) {
    const value = marks[code];
    if (value === undefined) continue;
    await page.locator(`#js-${code}`).fill(value);
    await page.locator(`[data-aspect="${code}"]`).getByRole('button', { name: '记录' }).click();
  }
}

const syncStatus = (page: Page) => page.getByTestId('sync-status').innerText();
const boardRows = async (page: Page) =>
  page.locator('[data-testid="scoreboard"] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent?.trim() ?? '').join(' ')));

afterEach(() => {
  expect(pageErrors.splice(0), 'page errors').toEqual([]);
});

describe('技能竞赛 judging on a tablet', () => {
  test('a judge keeps scoring with the network cut, every score reaches the server exactly once on reconnect, and the public scoreboard shows the new totals', async () => {
    const { eventId, judgeToken, workNumbers } = await setUpEvent();
    const [w1, w2, w3] = workNumbers as [string, string, string];
    const tablet = await openPage(TABLET);
    const board = await openPage(BIG_SCREEN);
    try {
      await loginAs(tablet, '兴化市总工会', '基层工会填报员');
      await tablet.goto('/competitions/judging');
      await tablet.getByRole('link', { name: '决赛评分表' }).click();
      await tablet.getByRole('heading', { name: '决赛评分表', level: 1 }).waitFor();
      // Work numbers only: no contestant's name anywhere on the sheet.
      expect(await tablet.locator('main').innerText()).not.toMatch(/焊接[甲乙丙]/);

      // Online: w1 scored and synced (J1 3 → 40, M1 35.50, X1 502 within 500 ± 5 → 20).
      await score(tablet, w1, { J1: 3, M1: '35.5', X1: '502' });
      await expect.poll(() => syncStatus(tablet)).toContain('已同步');
      expect(await tablet.locator('[data-aspect="J1"] .judge-score').nth(3).getAttribute('aria-pressed')).toBe('true');
      const targets = await tablet.locator('.judge-score, .judge-work, .judge-big').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...targets), 'touch targets at least 48 px high').toBeGreaterThanOrEqual(48);

      await board.goto(`/scoreboard/competitions/${TENANT}/${eventId}`);
      await expect.poll(() => boardRows(board)).toEqual([`1 ${w1} 95.50`, `2 ${w2} 0.00`, `2 ${w3} 0.00`]);

      // The network goes: the judge keeps scoring; everything waits on the tablet.
      await tablet.context().setOffline(true);
      await tablet.getByTestId('offline-banner').waitFor();
      await score(tablet, w2, { J1: 2, M1: '30', X1: '520' });
      await expect.poll(() => syncStatus(tablet)).toContain('待同步 3 条');
      // A correction of a synced mark (w1 J1 3 → 2) supersedes it.
      await score(tablet, w1, { J1: 2 });
      await score(tablet, w3, { J1: 1, M1: '20.25', X1: '500' });
      await expect.poll(() => syncStatus(tablet)).toContain('待同步 7 条');
      expect(await tablet.getByTestId('offline-banner').innerText()).toContain('网络已断开');
      const queued = await tablet.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ufp.competitions.scores.v1:') && !k.endsWith(':sheet')).map((k) => JSON.parse(localStorage.getItem(k)!).entries as { state: string; supersedes?: string }[])[0]!);
      expect(queued.filter((e) => e.state === 'pending')).toHaveLength(7);
      expect(queued.filter((e) => e.state === 'pending' && e.supersedes)).toHaveLength(1);
      await screenshot(tablet, 'competitions-judge-sheet-offline-1024');
      // The big screen still shows the last totals it had.
      expect(await boardRows(board)).toEqual([`1 ${w1} 95.50`, `2 ${w2} 0.00`, `2 ${w3} 0.00`]);

      // Back online: the queue syncs by itself.
      await tablet.context().setOffline(false);
      await expect.poll(() => syncStatus(tablet), { timeout: 20_000 }).toContain('已同步');
      expect(await tablet.getByTestId('offline-banner').count()).toBe(0);

      // The server holds each mark exactly once, with the corrected value, and no conflict.
      const sheet = await trpc(judgeToken, 'competitions.judging.sheet', { eventId, stage: 'final' });
      const held = Object.fromEntries(sheet.mine.map((s: { workNumber: string; aspectCode: string; value: number }) => [`${s.workNumber}/${s.aspectCode}`, s.value]));
      expect(sheet.mine).toHaveLength(9);
      expect(held).toEqual({ [`${w1}/J1`]: 2, [`${w1}/M1`]: 3550, [`${w1}/X1`]: 502, [`${w2}/J1`]: 2, [`${w2}/M1`]: 3000, [`${w2}/X1`]: 520, [`${w3}/J1`]: 1, [`${w3}/M1`]: 2025, [`${w3}/X1`]: 500 });
      expect(sheet.conflicts).toEqual([]);
      // The same batch sent again (a lost answer) counts nothing twice.
      const synced = await tablet.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ufp.competitions.scores.v1:') && !k.endsWith(':sheet')).map((k) => JSON.parse(localStorage.getItem(k)!).entries as { state: string }[])[0]!);
      const resend = synced.filter((e) => e.state === 'synced').map(({ state: _s, attempts: _a, ...entry }: any) => entry);
      const again = await trpc(judgeToken, 'competitions.judging.submitScores', { eventId, stage: 'final', entries: resend }, 'POST');
      expect(again.accepted).toEqual([]);
      expect(again.duplicates).toHaveLength(resend.length);
      expect((await trpc(judgeToken, 'competitions.judging.sheet', { eventId, stage: 'final' })).mine).toHaveLength(9);

      // The big screen (still open, polling) shows the new totals: w1 26.67 + 35.50 + 20 = 82.17; w2 26.67 + 30 + 0
      // (520 is out of tolerance) = 56.67; w3 13.33 + 20.25 + 20 = 53.58.
      await expect.poll(() => boardRows(board), { timeout: 15_000 }).toEqual([`1 ${w1} 82.17`, `2 ${w2} 56.67`, `3 ${w3} 53.58`]);
      expect(await board.locator('[data-testid="scoreboard"] tbody tr').first().innerText()).toContain('3/3');
      await screenshot(board, 'competitions-scoreboard-1920');

      // The chief judge's panel: every mark entered, no open conflict.
      await tablet.goto(`/competitions/judging/${eventId}/final/panel`);
      await expect.poll(() => tablet.getByTestId('panel-progress').innerText()).toContain('已录入 9 / 9 项');
      expect(await tablet.getByTestId('panel-conflicts').innerText()).toContain('没有未处理的冲突');
      // 完成用时: one second over the 2-hour limit is refused beside its work number; 1:45:00 is kept across refreshes.
      const times = tablet.getByTestId('panel-times');
      await times.getByText('实操限时 2:00:00').waitFor();
      const w1Time = times.getByLabel(w1, { exact: true });
      await w1Time.fill('2:00:01');
      await times.getByRole('button', { name: '保存完成用时' }).click();
      await times.getByText(/超过实操限时 2:00:00/).waitFor();
      expect(await w1Time.getAttribute('aria-invalid')).toBe('true');
      await w1Time.fill('1:45:00');
      await times.getByRole('button', { name: '保存完成用时' }).click();
      await tablet.getByText('已保存 1 份作品的完成用时').waitFor();
      await tablet.waitForTimeout(4_500); // one refresh of the panel
      expect(await w1Time.inputValue()).toBe('1:45:00');
      await times.getByText('还有 2 份作品未记录完成用时', { exact: false }).waitFor();
      expect(await seriousViolations(tablet, 'chief panel')).toEqual([]);
    } finally {
      await tablet.context().close();
      await board.context().close();
    }
  });

  test('scores entered while the server cannot be reached survive a reload of the sheet and sync afterwards', async () => {
    const { eventId, judgeToken, workNumbers } = await setUpEvent();
    const tablet = await openPage({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    try {
      await loginAs(tablet, '兴化市总工会', '基层工会填报员');
      await tablet.goto(`/competitions/judging/${eventId}/final`);
      await tablet.getByRole('heading', { name: '决赛评分表', level: 1 }).waitFor();
      // The sync call fails (no answer) while the page itself still loads.
      await tablet.context().route('**/trpc/competitions.judging.submitScores', (route) => route.abort('internetdisconnected'));
      await score(tablet, workNumbers[0]!, { J1: 2, M1: '12.34' });
      await expect.poll(() => syncStatus(tablet)).toContain('待同步 2 条');
      await tablet.reload();
      await tablet.getByRole('heading', { name: '决赛评分表', level: 1 }).waitFor();
      await expect.poll(() => syncStatus(tablet)).toContain('待同步 2 条');
      await noOverflow(tablet);
      expect(await seriousViolations(tablet, 'judge sheet with pending scores')).toEqual([]);
      await tablet.context().unroute('**/trpc/competitions.judging.submitScores');
      await tablet.getByRole('button', { name: '立即同步' }).click();
      await expect.poll(() => syncStatus(tablet)).toContain('已同步');
      const sheet = await trpc(judgeToken, 'competitions.judging.sheet', { eventId, stage: 'final' });
      expect(sheet.mine.map((s: { aspectCode: string; value: number }) => `${s.aspectCode}=${s.value}`).sort()).toEqual(['J1=2', 'M1=1234']);
      await screenshot(tablet, 'competitions-judge-sheet-768');
    } finally {
      await tablet.context().close();
    }
  });

  test('an entry the server already holds another value for is shown as a conflict, never merged, until the judge keeps one', async () => {
    const { eventId, judgeToken, workNumbers } = await setUpEvent();
    const work = workNumbers[0]!;
    const tablet = await openPage(TABLET);
    try {
      await loginAs(tablet, '兴化市总工会', '基层工会填报员');
      await tablet.goto(`/competitions/judging/${eventId}/final`);
      await tablet.getByRole('heading', { name: '决赛评分表', level: 1 }).waitFor();
      // Another device of the same judge scored the mark after this sheet was loaded.
      const other = { clientId: '0f0e0d0c-0b0a-4909-8807-060504030201', workNumber: work, aspectCode: 'J1', value: 1, recordedAt: new Date().toISOString() };
      expect((await trpc(judgeToken, 'competitions.judging.submitScores', { eventId, stage: 'final', entries: [other] }, 'POST')).accepted).toEqual([other.clientId]);
      await score(tablet, work, { J1: 3 });
      const conflicts = tablet.getByTestId('sheet-conflicts');
      await expect.poll(() => conflicts.innerText()).toContain(`加密号 ${work} · 焊缝外观：本次录入 3，已有 1`);
      expect(await tablet.locator('[data-aspect="J1"] .judge-score').first().isDisabled()).toBe(true);
      // Nothing merged: the server still holds the other device's 1, and the conflict apart.
      const before = await trpc(judgeToken, 'competitions.judging.sheet', { eventId, stage: 'final' });
      expect(before.mine.map((m: { value: number }) => m.value)).toEqual([1]);
      expect(before.conflicts).toHaveLength(1);
      await noOverflow(tablet);
      await tablet.getByRole('button', { name: '保留已有分数（1）' }).click();
      await conflicts.waitFor({ state: 'detached' });
      const after = await trpc(judgeToken, 'competitions.judging.sheet', { eventId, stage: 'final' });
      expect(after.mine.map((m: { clientId: string; value: number }) => [m.clientId, m.value])).toEqual([[other.clientId, 1]]);
      expect(after.conflicts).toEqual([]);
      expect(await tablet.locator('[data-aspect="J1"] .judge-score').nth(1).getAttribute('aria-pressed')).toBe('true');
    } finally {
      await tablet.context().close();
    }
  });

  test('the public scoreboard and verification pages open without sign-in on a phone with no horizontal overflow', async () => {
    const { eventId } = await setUpEvent();
    const phone = await openPage(PHONE);
    try {
      await phone.goto(`/scoreboard/competitions/${TENANT}/${eventId}`);
      await phone.locator('[data-testid="scoreboard"] tbody tr').first().waitFor();
      expect(await phone.locator('[data-testid="scoreboard"] tbody tr').count()).toBe(3);
      await noOverflow(phone);
      expect(await seriousViolations(phone, 'scoreboard')).toEqual([]);
      await screenshot(phone, 'competitions-scoreboard-390');
      await phone.goto(`/verify/competitions/${TENANT}/${eventId}`);
      await phone.getByRole('heading', { name: '竞赛成绩验证' }).waitFor();
      // No final results yet: the page says so (the server's 404), without a page error.
      await phone.getByRole('alert').waitFor();
      await noOverflow(phone);
    } finally {
      await phone.context().close();
    }
  });
});
