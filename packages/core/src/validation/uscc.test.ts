import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, usccCheckCharacter, validateUscc } from './uscc.js';

const withCheck = (first17: string) => first17 + usccCheckCharacter(first17);

describe('validateUscc', () => {
  // Published codes; each check character was recomputed when the test was written.
  it.each([
    ['914403001922038216', '华为技术有限公司'],
    ['9144030071526726XG', '腾讯科技（深圳）有限公司'],
    ['91110000710925462X', '中国石油天然气股份有限公司'],
    ['91330100716105852F', '阿里巴巴（中国）有限公司'],
    ['91440300192317458F', '比亚迪股份有限公司'],
  ])('accepts %s (%s)', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true });
  });

  it('accepts codes built for every registration authority and its categories', () => {
    for (const prefix of ['11', '12', '13', '19', '21', '31', '35', '51', '53', '81', '89', '91', '92', '93', 'A1', 'N2', 'Y1']) {
      expect(validateUscc(withCheck(`${prefix}321281MA1234567`)), prefix).toEqual({ ok: true });
    }
  });

  it('accepts a grassroots union code (authority 8 工会, category 1 基层工会)', () => {
    const code = withCheck('81321281MA1X2Y3Q4');
    expect(code.startsWith('81')).toBe(true);
    expect(validateUscc(code).ok).toBe(true);
  });

  it('accepts national-level registrations (division 100000)', () => {
    expect(validateUscc(withCheck('12100000400000624')).ok).toBe(true);
  });

  it('says a code with a wrong check character is wrong, without suggesting which character to change', () => {
    expect(validateUscc('91320000134710930T')).toEqual({
      ok: false,
      code: 'check_character',
      reason: {
        zh: '统一社会信用代码校验位不正确，请核对代码',
        en: 'The unified social credit code fails its check character; please check the code',
      },
    });
  });

  it('rejects a wrong length', () => {
    const result = validateUscc('9132000013471093');
    expect(result).toMatchObject({ ok: false, code: 'length' });
    if (!result.ok) {
      expect(result.reason.zh).toContain('18位');
      expect(result.reason.en).toContain('got 16');
    }
    expect(validateUscc('')).toMatchObject({ ok: false, code: 'length' });
  });

  it.each([
    ['91320000I34710930T', 9, 'I'],
    ['91320000134710930t', 18, 't'],
    ['9132000013471O930T', 14, 'O'],
    ['913200A0134710930T', 7, 'A'],
  ])('names the illegal character in %s', (code, position, char) => {
    const result = validateUscc(code);
    expect(result).toMatchObject({ ok: false, code: 'character' });
    if (!result.ok) {
      expect(result.reason.en).toContain(`"${char}" at position ${position}`);
      expect(result.reason.zh).toContain(`第${position}位字符“${char}”`);
    }
  });

  it('rejects an unknown registration authority', () => {
    expect(validateUscc(withCheck('01320000134710930'))).toMatchObject({ ok: false, code: 'registration_authority' });
    expect(validateUscc(withCheck('B1320000134710930'))).toMatchObject({ ok: false, code: 'registration_authority' });
  });

  it('rejects a category that does not belong to the authority', () => {
    const result = validateUscc(withCheck('94320000134710930'));
    expect(result).toMatchObject({ ok: false, code: 'category' });
    if (!result.ok) expect(result.reason.en).toContain('"4"');
    expect(validateUscc(withCheck('82320000134710930'))).toMatchObject({ ok: false, code: 'category' });
    expect(validateUscc(withCheck('Y9320000134710930'))).toMatchObject({ ok: false, code: 'category' });
  });

  it('rejects a division code with an unknown province', () => {
    expect(validateUscc(withCheck('91990000134710930'))).toMatchObject({ ok: false, code: 'division' });
  });

  it('detects every single-character substitution', () => {
    const code = '9144030071526726XG';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.constantFrom(...USCC_CHARSET), (position, char) => {
        fc.pre(code.charAt(position) !== char);
        const mutated = code.slice(0, position) + char + code.slice(position + 1);
        expect(validateUscc(mutated).ok).toBe(false);
      }),
    );
  });
});

describe('usccCheckCharacter', () => {
  it('rejects characters outside the charset', () => {
    expect(() => usccCheckCharacter('9132000013471093S')).toThrow(RangeError);
  });
});
