import { describe, expect, it } from 'vitest';
import { normalizeIdentifier, parseBankAccount, parseIdNumber, parsePhone, parseUscc, toHalfWidth } from './identifiers.js';

const today = new Date('2026-06-01T00:00:00Z');

describe('identifiers as people paste them', () => {
  it('turns full-width ASCII into ASCII and nothing else', () => {
    expect(toHalfWidth('１２３ＡＢｘ－＋（）\u3000')).toBe('123ABx-+() ');
    expect(toHalfWidth('①２')).toBe('①2');
  });

  it('drops white space and invisible characters around an identifier, not inside it', () => {
    expect(normalizeIdentifier('\uFEFF\u200B 110105 \u3000\n')).toBe('110105');
    expect(normalizeIdentifier('1101 05')).toBe('1101 05');
  });

  it('parses an ID number pasted from Word or WeChat to its canonical form', () => {
    expect(parseIdNumber(' １１０１０５１９４９１２３１００２ｘ\u200B', today)).toEqual({ ok: true, value: '11010519491231002X' });
    expect(parseIdNumber('11010519491231002x', today)).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('does not take spaces inside an ID number or a USCC', () => {
    expect(parseIdNumber('110105 19491231 002X', today)).toMatchObject({ ok: false, code: 'length' });
  });

  it('parses a USCC with full-width letters', () => {
    expect(parseUscc('９１４４０３００７１５２６７２６ｘｇ')).toEqual({ ok: true, value: '9144030071526726XG' });
  });

  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['＋８６ １３８１２３４５６７８', '13812345678'],
    ['0523-86123456', '0523-86123456'],
    ['052386123456', '0523-86123456'],
    ['(0523) 8612 3456', '0523-86123456'],
    ['（０５２３）８６１２３４５６', '0523-86123456'],
    ['+86 523 8612 3456', '0523-86123456'],
    ['010 6234 5678', '010-62345678'],
    ['+86 10 62345678', '010-62345678'],
    ['021-6123456', '021-6123456'],
  ])('parses the phone %j as %s', (raw, canonical) => {
    expect(parsePhone(raw)).toMatchObject({ ok: true, value: canonical });
  });

  it.each(['99999', '+1 415 555 0100', '23812345678', '0523-06123456', '138 1234 567x', '010-12345678', '+86 138'])('refuses the phone %j without echoing it', (raw) => {
    const r = parsePhone(raw);
    expect(r).toMatchObject({ ok: false, code: 'format' });
    if (!r.ok) expect(JSON.stringify(r.reason)).not.toContain(raw.replace(/\D/g, '').slice(0, 6) || '\u0000');
  });

  it('parses a bank account with spaces and full-width digits', () => {
    expect(parseBankAccount('６２２２ ０２１２ 3456 7890 123')).toEqual({ ok: true, value: '6222021234567890123' });
    expect(parseBankAccount('6222-abc')).toMatchObject({ ok: false });
  });
});
