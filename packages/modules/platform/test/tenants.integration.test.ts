import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, operator, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(() => p?.dispose());

describe('tenants', () => {
  it('the platform operator creates a county federation and lists it', async () => {
    const res = await p.mutate(operator, 'platform.tenants.create', { id: '321281', name: '兴化市总工会', level: 'county', divisionCode: '321281' });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ id: '321281', status: 'active', version: 1 });
    const list = await p.query(operator, 'platform.tenants.list');
    expect(list.data.items.map((t: { id: string }) => t.id)).toContain('321281');
  });

  it('refuses a duplicate id and a duplicate division code with 409', async () => {
    await p.mutate(operator, 'platform.tenants.create', { id: 'jj', name: '靖江市总工会', level: 'county', divisionCode: '321282' });
    const sameId = await p.mutate(operator, 'platform.tenants.create', { id: 'jj', name: '另一个', level: 'county', divisionCode: '321283' });
    expect(sameId.status).toBe(409);
    const sameCode = await p.mutate(operator, 'platform.tenants.create', { id: 'jj2', name: '另一个', level: 'county', divisionCode: '321282' });
    expect(sameCode.status).toBe(409);
    expect(sameCode.error?.data.issues?.[0]?.path).toEqual(['divisionCode']);
    const list = await p.query(operator, 'platform.tenants.list');
    expect(list.data.items.filter((t: { id: string }) => t.id === 'jj2')).toHaveLength(0);
  });

  it.each([
    ['an unknown province prefix', { divisionCode: '991281', level: 'county' }],
    ['a 4-digit code', { divisionCode: '3212', level: 'county' }],
    ['a city-level code for a county', { divisionCode: '321200', level: 'county' }],
    ['a county code for a city', { divisionCode: '321281', level: 'city' }],
    ['an id with spaces', { id: 'a b', divisionCode: '321284', level: 'county' }],
  ])('rejects %s with 400 and bilingual field messages', async (_label, override) => {
    const res = await p.mutate(operator, 'platform.tenants.create', { id: 'x1', name: '测试总工会', ...override });
    expect(res.status).toBe(400);
    const issue = res.error?.data.issues?.[0];
    expect(issue?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(issue?.messageEn).toMatch(/[A-Za-z]/);
  });

  it('derives the city scope: a city federation admin reads the city rollup scope', async () => {
    await p.mutate(operator, 'platform.tenants.create', { id: 'tz', name: '泰州市总工会', level: 'city', divisionCode: '321200' });
    const res = await p.query(adminOf('tz'), 'rollups.overview', { year: 2026 });
    expect(res.data.scope).toMatchObject({ code: '3212', level: 'city', name: '泰州市总工会' });
  });

  it('a suspended or unknown tenant in a token gets 403, not data', async () => {
    const res = await p.query(adminOf('nope'), 'units.list', {});
    expect(res.status).toBe(403);
  });
});
