import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { divisionCodes } from '@ufp/core/validation/divisions';
import { adminOf, createTenant, leaderOf, operator, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { median } from '../src/domain/compare.js';

/**
 * A province of 150 federations (四川: its 21 cities and 129 of its counties), each with grassroots unions made by
 * the real command in two years, projected by the real projector: the cockpit's overview, ranking, drill-down,
 * trend, export and share links read those aggregates and must agree with what was done.
 */
let p: TestPlatform;
const PROVINCE = '51';
const cities = divisionCodes.all('city').filter((d) => d.code.startsWith(PROVINCE)).map((d) => d.code);
const counties = divisionCodes.all('county').filter((d) => d.code.startsWith(PROVINCE)).map((d) => d.code).slice(0, 150 - cities.length);
const federations = [...cities, ...counties].sort();
const leader = leaderOf(PROVINCE);
const details = (r: { error?: unknown }) => (r.error as { data?: { details?: Record<string, unknown> } }).data?.details ?? {};
const at = (date: string) => p.clock.set(new Date(`${date}T02:00:00Z`));

/** What each federation gets: units in 2025 and (every third one) more in 2026; members vary so rankings mean something. */
const plan = federations.map((code, i) => ({
  code,
  units2025: [100 * ((i % 7) + 1), ...(i % 2 === 0 ? [50] : [])],
  units2026: i % 3 === 0 ? [200] : [],
}));
const members = (f: (typeof plan)[number], year: 2025 | 2026) => [...f.units2025, ...(year === 2026 ? f.units2026 : [])].reduce((s, m) => s + m, 0);
const units = (f: (typeof plan)[number], year: 2025 | 2026) => f.units2025.length + (year === 2026 ? f.units2026.length : 0);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
let lastUnitAt = '';

async function addUnits(code: string, memberCounts: readonly number[]) {
  for (const memberCount of memberCounts) {
    const res = await p.mutate(adminOf(code), 'units.create', { name: `测试工会${code}-${memberCount}-${Math.random().toString(36).slice(2, 6)}`, type: memberCount === 50 ? 'regional' : 'industry', memberCount, chair: { name: '王五', phone: '13800001111' } });
    if (res.status !== 200) throw new Error(`unit ${code}: ${JSON.stringify(res.error)}`);
  }
}

beforeAll(async () => {
  p = await startTestPlatform();
  at('2025-03-10');
  for (const code of federations) await createTenant(p, code, code.endsWith('00') ? `${code}` : code, code.endsWith('00') ? 'city' : 'county', `${divisionCodes.get(code)!.name}总工会`);
  for (const f of plan) await addUnits(f.code, f.units2025);
  at('2026-05-10');
  for (const f of plan) await addUnits(f.code, f.units2026);
  lastUnitAt = p.clock.now().toISOString();
  at('2026-06-15');
  await p.settle();
}, 600_000);

afterAll(async () => p?.dispose());

describe('a province of 150 federations in the cockpit', () => {
  it('has 150 federations, counted where the plan put them', () => {
    expect(federations).toHaveLength(150);
    expect(cities.length).toBeGreaterThan(15);
  });

  it('shows the province’s headline with last year beside it and when the figures last changed', async () => {
    const res = await p.query(leader, 'cockpit.overview', { year: 2026 });
    expect(res.status).toBe(200);
    const d = res.data;
    expect(d.scope).toMatchObject({ code: PROVINCE, level: 'province', name: '四川省' });
    expect(d.federations).toBe(150);
    const headline = Object.fromEntries(d.headline.map((f: { key: string }) => [f.key, f]));
    expect(headline['units.count']).toMatchObject({ value: sum(plan.map((f) => units(f, 2026))), previous: sum(plan.map((f) => units(f, 2025))) });
    // 数据截至: the last unit made (the test clock moves on a little with each call).
    expect(headline['units.count'].asOf >= '2026-05-10T02:00:00.000Z' && headline['units.count'].asOf <= lastUnitAt).toBe(true);
    expect(headline['units.members']).toMatchObject({ value: sum(plan.map((f) => members(f, 2026))), previous: sum(plan.map((f) => members(f, 2025))) });
    expect(d.indicators['units.members']).toMatchObject({ label: { zh: '会员人数' }, unit: 'people' });
    const unitsSection = d.sections.find((s: { module: string }) => s.module === 'units');
    const byType = Object.fromEntries(unitsSection.charts[0].points.map((pt: { key: string; value: number }) => [pt.key, pt.value]));
    expect(byType['units.byType.regional']).toBe(plan.filter((f) => f.units2025.includes(50)).length);
    expect(JSON.stringify(d)).not.toContain('王五');
  });

  it('lists the cities to drill into, each with its federations', async () => {
    const d = (await p.query(leader, 'cockpit.overview', { year: 2026 })).data;
    expect(d.children.map((c: { code: string }) => c.code)).toEqual(cities.map((c) => c.slice(0, 4)));
    for (const c of d.children) expect(c.federations).toBe(federations.filter((f) => f.startsWith(c.code)).length);
  });

  it('drills into a city: only its federations’ aggregates, with the way back', async () => {
    const city = cities[0]!.slice(0, 4);
    const inCity = plan.filter((f) => f.code.startsWith(city));
    const d = (await p.query(leader, 'cockpit.overview', { year: 2026, scope: city })).data;
    expect(d.scope).toMatchObject({ code: city, level: 'city' });
    expect(d.path.map((s: { code: string }) => s.code)).toEqual([PROVINCE, city]);
    expect(d.federations).toBe(inCity.length);
    expect(d.headline.find((f: { key: string }) => f.key === 'units.members').value).toBe(sum(inCity.map((f) => members(f, 2026))));
    const county = inCity.find((f) => !f.code.endsWith('00'))!;
    const down = (await p.query(leader, 'cockpit.overview', { year: 2026, scope: county.code })).data;
    expect(down.headline.find((f: { key: string }) => f.key === 'units.count').value).toBe(units(county, 2026));
    expect(down.children).toEqual([]);
  });

  it('refuses a scope outside the reader’s, and drilling by a county federation', async () => {
    const city = cities[0]!.slice(0, 4);
    const sibling = cities[1]!.slice(0, 4);
    const cityLeader = leaderOf(city);
    const res = await p.query(cityLeader, 'cockpit.overview', { scope: sibling });
    expect(res.status).toBe(403);
    expect(details(res)).toMatchObject({ reason: 'outside_scope', field: 'scope' });
    expect((await p.query(cityLeader, 'cockpit.overview', { scope: PROVINCE })).status).toBe(403);
    const county = counties[0]!;
    expect((await p.query(adminOf(county), 'cockpit.overview', { scope: county.slice(0, 4) })).status).toBe(403);
    expect((await p.query(adminOf(county), 'cockpit.overview', {})).data.federations).toBe(1);
  });

  it('ranks the 150 federations on members, ties sharing a rank, with the province median', async () => {
    const res = await p.query(leader, 'cockpit.ranking', { year: 2026, indicator: 'units.members' });
    expect(res.status).toBe(200);
    const rows = res.data.rows as { divisionCode: string; value: number; rank: number }[];
    expect(rows).toHaveLength(150);
    const expected = plan.map((f) => members(f, 2026));
    expect(rows[0]!.value).toBe(Math.max(...expected));
    expect(rows.at(-1)!.value).toBe(Math.min(...expected));
    expect(res.data.median).toBe(median(expected));
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.value).toBeLessThanOrEqual(rows[i - 1]!.value);
      expect(rows[i]!.rank).toBe(rows[i]!.value === rows[i - 1]!.value ? rows[i - 1]!.rank : i + 1);
    }
  });

  it('normalises only where the dictionary offers it, and says which measures it offers', async () => {
    const res = await p.query(leader, 'cockpit.ranking', { year: 2026, indicator: 'units.count', measure: 'members' });
    expect(res.status).toBe(400);
    expect(details(res)).toMatchObject({ field: 'measure', reason: 'measure_not_offered' });
    const households = await p.query(leader, 'cockpit.ranking', { year: 2026, indicator: 'hardship.households' });
    expect(households.data).toMatchObject({ measure: 'members', measures: ['raw', 'members'] });
    expect(households.data.rows.every((r: { measure: number }) => r.measure === 0)).toBe(true);
    expect((await p.query(leader, 'cockpit.ranking', { year: 2026, indicator: 'no.such.key' })).status).toBe(400);
  });

  it('draws a stock month by month within the year and year by year', async () => {
    const res = await p.query(leader, 'cockpit.trend', { year: 2026, indicator: 'units.count' });
    expect(res.status).toBe(200);
    const months = res.data.months.map((m: { value: number | null }) => m.value);
    const y2025 = sum(plan.map((f) => units(f, 2025)));
    const y2026 = sum(plan.map((f) => units(f, 2026)));
    expect(months.slice(0, 4)).toEqual([y2025, y2025, y2025, y2025]);
    expect(months.slice(4, 6)).toEqual([y2026, y2026]);
    expect(months.slice(6)).toEqual([null, null, null, null, null, null]);
    expect(res.data.years).toEqual([
      { year: 2025, value: y2025 },
      { year: 2026, value: y2026 },
    ]);
  });

  it('exports the ranked table as a workbook: every federation and the median, numbers as numbers', async () => {
    const res = await p.query(leader, 'cockpit.exportRanking', { year: 2026, indicator: 'units.members', lang: 'zh' });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '排名', '工会', '行政区划代码', '会员人数', '显示值']);
    expect(ws.rowCount).toBe(152);
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(typeof ws.getRow(2).getCell(4).value).toBe('number');
    expect(ws.getRow(152).getCell(2).value).toBe('中位数');
    expect(String(ws.getRow(2).getCell(5).value)).toMatch(/^[\d,]+ 人$/);
  });

  it('opens a share link without sign-in until it expires, and not after it is revoked', async () => {
    const made = await p.mutate(leader, 'cockpit.shares.create', { hours: 2, label: '季度例会大屏' });
    expect(made.status).toBe(200);
    const { token, id, expiresAt } = made.data;
    expect(Date.parse(expiresAt) - p.clock.now().getTime()).toBeGreaterThan(2 * 3_600_000 - 60_000);
    expect(Date.parse(expiresAt) - p.clock.now().getTime()).toBeLessThanOrEqual(2 * 3_600_000);
    const shared = await p.query(null, 'cockpit.shared.overview', { token, year: 2026 });
    expect(shared.status).toBe(200);
    expect(shared.data.federations).toBe(150);
    expect((await p.query(null, 'cockpit.shared.ranking', { token, year: 2026, indicator: 'units.members' })).data.rows).toHaveLength(150);
    expect((await p.query(null, 'cockpit.shared.overview', { token: `${token}x` })).status).toBe(404);
    const list = await p.query(leader, 'cockpit.shares.list');
    expect(list.data.items.find((l: { id: string }) => l.id === id)).toMatchObject({ label: '季度例会大屏', open: true });
    expect(JSON.stringify(list.data)).not.toContain(token.split('.')[1]);

    const now = p.clock.now();
    p.clock.set(new Date(Date.parse(expiresAt)));
    const late = await p.query(null, 'cockpit.shared.overview', { token });
    expect(late.status).toBe(403);
    expect(details(late)).toMatchObject({ reason: 'share_expired' });
    p.clock.set(now);

    expect((await p.mutate(leader, 'cockpit.shares.revoke', { id })).status).toBe(200);
    expect(details(await p.query(null, 'cockpit.shared.overview', { token }))).toMatchObject({ reason: 'share_revoked' });
    expect((await p.mutate(leader, 'cockpit.shares.revoke', { id })).status).toBe(409);
  });

  it('recounts the province from the records to exactly the projected figures, this year and last', async () => {
    for (const year of [2026, 2025]) {
      const res = await p.mutate(operator, 'rollups.recount', { year, scope: PROVINCE });
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({ tenants: 150, differences: [], totalDifferences: [] });
      expect(res.data.keysChecked).toBeGreaterThan(50);
    }
  }, 180_000);

  it('keeps a share link within its scope', async () => {
    const city = cities[0]!.slice(0, 4);
    const { token } = (await p.mutate(leaderOf(city), 'cockpit.shares.create', {})).data;
    expect((await p.query(null, 'cockpit.shared.overview', { token })).data.scope.code).toBe(city);
    expect((await p.query(null, 'cockpit.shared.overview', { token, scope: PROVINCE })).status).toBe(403);
  });
});
