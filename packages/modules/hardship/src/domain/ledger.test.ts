import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { readLedgerRow, validateLedgerRow, type LedgerKey } from './ledger.js';

const id = (() => {
  const f = '32128119850312123';
  return f + idNumberCheckCharacter(f);
})();
const units = new Map([['兴化市货车司机工会', 'U1']]);
const today = new Date('2026-03-10T00:00:00Z');
const good: Record<LedgerKey, unknown> = { unit: '兴化市货车司机工会', name: '王小明', idNumber: id, phone: '', householdSize: 3, annualIncome: 48000, rigidExpenses: '12,000.5', hardshipCosts: '', causes: '失业' };
const check = (row: number, cells: Record<LedgerKey, unknown>) => validateLedgerRow(readLedgerRow(row, (k) => cells[k]), units, today);

describe('ledger rows', () => {
  it('turns a good row into fen and ids', () => {
    expect(check(2, good)).toEqual({
      ok: true,
      value: { row: 2, unitId: 'U1', name: '王小明', idNumber: id, phone: undefined, householdSize: 3, annualIncomeFen: 4_800_000, rigidExpensesFen: 1_200_050, hardshipCostsFen: undefined, causes: ['失业'] },
    });
  });

  it('takes an ID number and a phone as people paste them (full-width, separators) and keeps their canonical form', () => {
    const wide = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const r = check(3, { ...good, idNumber: ` ${wide} `, phone: '+86 138-1234-5678' });
    expect(r).toMatchObject({ ok: true, value: { idNumber: id, phone: '13812345678' } });
  });

  it('reports each bad field with its row number, in column order, and never quotes the ID number or name', () => {
    const r = check(7, { ...good, unit: '不存在', idNumber: id.slice(0, 17) + (id.endsWith('0') ? '1' : '0'), householdSize: 0, annualIncome: '4万' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['unit', 'idNumber', 'householdSize', 'annualIncome']);
    expect(r.errors.every((e) => e.message.startsWith('第7行') && e.messageEn.startsWith('Row 7'))).toBe(true);
    expect(JSON.stringify(r.errors)).not.toContain(id.slice(0, 17));
    expect(JSON.stringify(r.errors)).not.toContain('王小明');
  });

  it('an ID number or phone stored as a number is refused with what to do, the rest of the row still checked', () => {
    const r = check(4, { ...good, unit: '不存在', idNumber: Number(id.slice(0, 15) + '000'), phone: 13812345678 });
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.message.split('（')[0]])).toEqual([
      ['unit', '第4行：本会没有该基层工会'],
      ['idNumber', '第4行：身份证号须以文本格式填写'],
      ['phone', '第4行：联系电话须以文本格式填写'],
    ]);
  });

  it('accepts a lower-case x and landlines', () => {
    const withX = (() => {
      for (let seq = 100; ; seq++) {
        const f = `32128119850312${seq}`;
        if (idNumberCheckCharacter(f) === 'X') return f + 'x';
      }
    })();
    const r = check(2, { ...good, idNumber: withX, phone: '0523-86123456' });
    expect(r.ok && [r.value.idNumber.endsWith('X'), r.value.phone]).toEqual([true, '0523-86123456']);
  });
});
