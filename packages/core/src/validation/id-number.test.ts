import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateOf, genderOf, idNumberCheckCharacter, validateIdNumber } from './id-number.js';

const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);
const today = new Date('2025-06-15T04:00:00Z');

describe('validateIdNumber', () => {
  it('accepts the GB 11643-1999 sample number', () => {
    expect(validateIdNumber('11010519491231002X', today)).toEqual({ ok: true });
  });

  it('accepts constructed numbers from several provinces', () => {
    for (const prefix of ['321281', '110101', '650102', '820000', '810000', '710000']) {
      expect(validateIdNumber(withCheck(`${prefix}19900101123`), today), prefix).toEqual({ ok: true });
    }
  });

  it('accepts Taiwan residents’ residence permits (prefix 83)', () => {
    expect(validateIdNumber(withCheck('83000019900101123'), today).ok).toBe(true);
  });

  it('rejects a wrong length, including 15-digit first-generation numbers', () => {
    const result = validateIdNumber('321281900101123', today);
    expect(result).toMatchObject({ ok: false, code: 'length' });
    if (!result.ok) expect(result.reason).toEqual({ zh: '身份证号应为18位，实际为15位', en: 'A resident ID number has 18 characters, got 15' });
  });

  it('names an illegal character and hints at a lower-case x', () => {
    const lower = validateIdNumber('11010519491231002x', today);
    expect(lower).toMatchObject({ ok: false, code: 'character' });
    if (!lower.ok) {
      expect(lower.reason.en).toBe('Illegal character "x" at position 18 of the ID number (use an upper-case X)');
      expect(lower.reason.zh).toContain('大写X');
    }
    const letter = validateIdNumber('1101051949123100X2', today);
    expect(letter).toMatchObject({ ok: false, code: 'character' });
    if (!letter.ok) expect(letter.reason.en).toContain('"X" at position 17');
  });

  it('says a number with a wrong check character is wrong, without suggesting which character to change', () => {
    expect(validateIdNumber('110105194912310021', today)).toEqual({
      ok: false,
      code: 'check_character',
      reason: { zh: '身份证号校验位不正确，请核对号码', en: 'The ID number fails its check digit; please check the number' },
    });
  });

  it('quotes only an ASCII character it refuses, so the English text stays English', () => {
    const wide = validateIdNumber('11010519491231002中', today);
    expect(wide).toMatchObject({ ok: false, code: 'character' });
    if (!wide.ok) {
      expect(wide.reason.en).toBe('Illegal character at position 18 of the ID number');
      expect(wide.reason.en).not.toMatch(/[^\x20-\x7E]/);
    }
  });

  it('rejects an unknown province prefix', () => {
    expect(validateIdNumber(withCheck('99010519900101123'), today)).toMatchObject({ ok: false, code: 'province' });
    expect(validateIdNumber(withCheck('00010519900101123'), today)).toMatchObject({ ok: false, code: 'province' });
  });

  it('rejects birth dates that are not calendar dates', () => {
    for (const date of ['19990229', '19901301', '19900431', '19900100', '19900000']) {
      const result = validateIdNumber(withCheck(`321281${date}123`), today);
      expect(result, date).toMatchObject({ ok: false, code: 'birth_date' });
      if (!result.ok) expect(result.reason.en).not.toContain(date.slice(0, 4));
    }
    expect(validateIdNumber(withCheck('32128120000229123'), today).ok).toBe(true);
  });

  it('rejects births before 1900 (the standard’s own 1880 sample)', () => {
    const result = validateIdNumber('440524188001010014', today);
    expect(result).toMatchObject({ ok: false, code: 'birth_date', reason: { en: 'The birth year is before 1900' } });
    expect(validateIdNumber(withCheck('32128119000101123'), today).ok).toBe(true);
  });

  it('compares the birth date with today in China time', () => {
    const id = withCheck('32128120240601123');
    expect(validateIdNumber(id, new Date('2024-05-31T16:00:00Z')).ok).toBe(true);
    expect(validateIdNumber(id, new Date('2024-05-31T15:59:59Z'))).toMatchObject({
      ok: false,
      code: 'birth_date',
      reason: { en: 'The birth date is in the future' },
    });
  });

  it('detects every single-digit substitution in the first 17 digits', () => {
    const id = withCheck('32128119900101123');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 9 }), (position, digit) => {
        fc.pre(id.charAt(position) !== String(digit));
        const mutated = id.slice(0, position) + digit + id.slice(position + 1);
        expect(validateIdNumber(mutated, today).ok).toBe(false);
      }),
    );
  });
});

describe('birthDateOf and genderOf', () => {
  it('read the birth date and the gender from the sequence code', () => {
    expect(birthDateOf('11010519491231002X', today)).toBe('1949-12-31');
    expect(genderOf('11010519491231002X', today)).toBe('female');
    const male = withCheck('32128119900101123');
    expect(birthDateOf(male, today)).toBe('1990-01-01');
    expect(genderOf(male, today)).toBe('male');
  });

  it('return undefined for numbers that do not validate', () => {
    expect(birthDateOf('110105194912310021')).toBeUndefined();
    expect(genderOf('110105194912310021')).toBeUndefined();
    expect(birthDateOf('')).toBeUndefined();
  });
});

describe('idNumberCheckCharacter', () => {
  it('needs exactly 17 digits', () => {
    expect(() => idNumberCheckCharacter('1101051949123100')).toThrow(RangeError);
  });
});
