import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from './mask.js';

describe('masks', () => {
  it('masks ID numbers to the first 4 and last 4', () => {
    expect(maskIdNumber('321281199001011234')).toBe('3212**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('masks names to the surname initial', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('张')).toBe('*');
  });

  it('masks phone numbers to the first 3 and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks bank accounts to the last 4', () => {
    expect(maskBankAccount('6222021234567890123')).toBe('***************0123');
    expect(maskBankAccount('6222 0212 3456 7890 123')).toBe('***************0123');
  });

  it('hides short input completely and keeps empty input empty', () => {
    for (const mask of [maskIdNumber, maskName, maskPhone, maskBankAccount]) expect(mask('')).toBe('');
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskBankAccount('1234')).toBe('****');
  });
});
