import { describe, expect, it } from 'vitest';
import type { Tenant } from '@ufp/core/tenancy/scope';
import { childScopes, drillScope, federationsIn, scopePath } from './scope.js';

const tenant = (divisionCode: string, name: string, level: 'city' | 'county' = 'county') => ({ id: divisionCode, divisionCode, name, level, status: 'active' }) as Tenant;
const tenants = [tenant('321200', '泰州市总工会', 'city'), tenant('321281', '兴化市总工会'), tenant('321282', '靖江市总工会'), tenant('320100', '南京市总工会', 'city'), tenant('320102', '玄武区总工会')];

describe('drilling into a scope', () => {
  it('reads the reader’s own scope by default and any scope inside it', () => {
    expect(drillScope({ code: '32' }, undefined)).toBe('32');
    expect(drillScope({ code: '32' }, '3212')).toBe('3212');
    expect(drillScope({ code: '3212' }, '321281')).toBe('321281');
  });

  it('refuses a sibling, the scope above, and any drilling by a reader bound to their own federation', () => {
    expect(() => drillScope({ code: '3212' }, '3201')).toThrow(/3201/);
    expect(() => drillScope({ code: '3212' }, '32')).toThrow();
    expect(() => drillScope({ code: '321281', tenantId: '321281' }, '3212')).toThrow();
    expect(drillScope({ code: '321281', tenantId: '321281' }, '321281')).toBe('321281');
  });

  it('lists a province’s cities and a city’s counties, with their federations', () => {
    expect(childScopes('32', tenants).map((c) => [c.code, c.name, c.federations])).toEqual([
      ['3201', '南京市总工会', 2],
      ['3212', '泰州市总工会', 3],
    ]);
    expect(childScopes('3212', tenants).map((c) => [c.code, c.name])).toEqual([
      ['321281', '兴化市总工会'],
      ['321282', '靖江市总工会'],
    ]);
    expect(childScopes('321281', tenants)).toEqual([]);
  });

  it('walks the breadcrumb down from the reader’s scope', () => {
    expect(scopePath('32', '321281', tenants).map((s) => s.name)).toEqual(['江苏省', '泰州市总工会', '兴化市总工会']);
    expect(scopePath('3212', '321281', tenants).map((s) => s.code)).toEqual(['3212', '321281']);
    expect(scopePath('32', '32', tenants).map((s) => s.level)).toEqual(['province']);
  });

  it('makes a scope of every federation in it, or only the reader’s own', () => {
    expect(federationsIn('3212', tenants).map((t) => t.id)).toEqual(['321200', '321281', '321282']);
    expect(federationsIn('321281', tenants, '321281').map((t) => t.id)).toEqual(['321281']);
  });
});
