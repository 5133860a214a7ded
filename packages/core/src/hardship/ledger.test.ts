import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../validation/id-number.js';
import { validateLedgerRow, yuanToFen } from './ledger.js';

const id = (() => {
  const f = '32128119850312123';
  return f + idNumberCheckCharacter(f);
})();
const units = new Map([['兴化市货车司机工会', 'U1']]);
const today = new Date('2026-03-10T00:00:00Z');
const good = { unit: '兴化市货车司机工会', name: '王小明', idNumber: id, phone: '', householdSize: 3, annualIncome: 48000, rigidExpenses: '12,000.5', hardshipCosts: '', causes: '失业' };

describe('ledger rows', () => {
  it('turns a good row into fen and ids', () => {
    expect(validateLedgerRow(2, good, units, today)).toEqual({
      ok: true,
      value: { row: 2, unitId: 'U1', name: '王小明', idNumber: id, phone: undefined, householdSize: 3, annualIncomeFen: 4_800_000, rigidExpensesFen: 1_200_050, hardshipCostsFen: undefined, causes: ['失业'] },
    });
  });

  it('reports each bad field with its row number and never quotes the ID number or name', () => {
    const r = validateLedgerRow(7, { ...good, unit: '不存在', idNumber: id.slice(0, 17) + (id.endsWith('0') ? '1' : '0'), householdSize: 0, annualIncome: '4万' }, units, today);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['unit', 'idNumber', 'householdSize', 'annualIncome']);
    expect(r.errors.every((e) => e.message.startsWith('第7行') && e.messageEn.startsWith('Row 7'))).toBe(true);
    expect(JSON.stringify(r.errors)).not.toContain(id.slice(0, 17));
    expect(JSON.stringify(r.errors)).not.toContain('王小明');
  });

  it('reads yuan exactly, refusing thirds of a fen', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(1.005)).toBeUndefined();
    expect(yuanToFen('1,234.56')).toBe(123_456);
    expect(yuanToFen(-1)).toBeUndefined();
  });
});
