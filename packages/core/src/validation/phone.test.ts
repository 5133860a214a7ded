import { describe, expect, it } from 'vitest';
import { isLandline, isMobilePhone, validatePhone } from './phone.js';

describe('phone numbers', () => {
  it.each(['13812345678', '15912345678', '19912345678', '16612345678'])('accepts mobile %s', (phone) => {
    expect(isMobilePhone(phone)).toBe(true);
    expect(validatePhone(phone)).toEqual({ ok: true, kind: 'mobile' });
  });

  it.each(['12812345678', '1381234567', '138123456789', '23812345678', '+8613812345678'])('rejects mobile %s', (phone) => {
    expect(isMobilePhone(phone)).toBe(false);
  });

  it.each(['010-62345678', '01062345678', '0523-86123456', '052386123456', '0523-8612345', '021-6123456'])(
    'accepts landline %s',
    (phone) => {
      expect(isLandline(phone)).toBe(true);
      expect(validatePhone(phone)).toEqual({ ok: true, kind: 'landline' });
    },
  );

  it.each(['523-86123456', '0523-861234', '0523-861234567', '0523--86123456', '0523-06123456', '010-12345678', '0523 86123456'])(
    'rejects landline %s',
    (phone) => {
      expect(isLandline(phone)).toBe(false);
    },
  );

  it('explains a failure without echoing the number', () => {
    const result = validatePhone('77777');
    expect(result).toMatchObject({ ok: false, code: 'format' });
    if (!result.ok) {
      expect(result.reason.zh).toContain('11位手机号');
      expect(result.reason.en).toContain('mobile');
      expect(JSON.stringify(result.reason)).not.toContain('77777');
    }
  });
});
