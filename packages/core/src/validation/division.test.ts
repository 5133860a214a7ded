import { describe, expect, it } from 'vitest';
import { parseDivisionCode, provinceName, provinces, scopeChain } from './division.js';

describe('provinces', () => {
  it('lists the 34 provincial-level divisions', () => {
    expect(Object.keys(provinces)).toHaveLength(34);
    expect(provinces['11']).toEqual({ zh: '北京', zhFull: '北京市', en: 'Beijing' });
    expect(provinces['65']?.zh).toBe('新疆');
    expect(provinces['71']?.zh).toBe('台湾');
    expect(provinces['81']?.zh).toBe('香港');
    expect(provinces['82']?.zh).toBe('澳门');
  });
});

describe('parseDivisionCode', () => {
  it('parses province, city and county codes', () => {
    expect(parseDivisionCode('32')).toEqual({ ok: true, province: '32', city: undefined, county: undefined, level: 'province' });
    expect(parseDivisionCode('3212')).toEqual({ ok: true, province: '32', city: '3212', county: undefined, level: 'city' });
    expect(parseDivisionCode('321281')).toEqual({ ok: true, province: '32', city: '3212', county: '321281', level: 'county' });
  });

  it('reads full 6-digit province and city codes at their own level', () => {
    expect(parseDivisionCode('320000')).toMatchObject({ ok: true, province: '32', city: undefined, level: 'province' });
    expect(parseDivisionCode('321200')).toMatchObject({ ok: true, province: '32', city: '3212', county: undefined, level: 'city' });
  });

  it('rejects malformed codes', () => {
    for (const code of ['', '3', '321', '32128', '3212811', '32a2', ' 32', '32.1']) {
      const result = parseDivisionCode(code);
      expect(result, code).toMatchObject({ ok: false, code: 'format' });
      if (!result.ok) expect(result.reason.zh).toContain('2位、4位或6位数字');
    }
  });

  it('rejects unknown province prefixes', () => {
    const result = parseDivisionCode('991281');
    expect(result).toEqual({
      ok: false,
      code: 'province',
      reason: {
        zh: '行政区划代码“991281”的省级代码“99”不存在',
        en: 'Division code "991281" has unknown province prefix "99"',
      },
    });
    expect(parseDivisionCode('10')).toMatchObject({ ok: false, code: 'province' });
  });

  it('rejects a city part of 00', () => {
    expect(parseDivisionCode('3200')).toMatchObject({ ok: false, code: 'city' });
    expect(parseDivisionCode('320081')).toMatchObject({ ok: false, code: 'city' });
  });
});

describe('provinceName', () => {
  it('names the province of any valid-length code', () => {
    expect(provinceName('32')?.zh).toBe('江苏');
    expect(provinceName('3212')?.en).toBe('Jiangsu');
    expect(provinceName('321281')?.zhFull).toBe('江苏省');
  });

  it('returns undefined for unknown or malformed input', () => {
    expect(provinceName('99')).toBeUndefined();
    expect(provinceName('3')).toBeUndefined();
    expect(provinceName('toString')).toBeUndefined();
  });
});

describe('scopeChain', () => {
  it('lists the enclosing scopes widest first', () => {
    expect(scopeChain('321281')).toEqual(['32', '3212', '321281']);
    expect(scopeChain('3212')).toEqual(['32', '3212']);
    expect(scopeChain('321200')).toEqual(['32', '3212']);
    expect(scopeChain('32')).toEqual(['32']);
  });

  it('throws for an invalid code', () => {
    expect(() => scopeChain('99')).toThrow(RangeError);
  });
});
