import { validateIdNumber } from '../validation/id-number.js';
import { validatePhone } from '../validation/phone.js';

/**
 * The 台账 (ledger) import: one row per household application. Column order is the template's;
 * validation is per row with the row number the user sees in Excel (header = row 1).
 */
export const ledgerColumns = [
  { key: 'unit', zh: '基层工会名称', en: 'Union name', required: true },
  { key: 'name', zh: '姓名', en: 'Name', required: true },
  { key: 'idNumber', zh: '身份证号', en: 'ID number', required: true },
  { key: 'phone', zh: '联系电话', en: 'Phone', required: false },
  { key: 'householdSize', zh: '家庭人口', en: 'Household size', required: true },
  { key: 'annualIncome', zh: '家庭年收入（元）', en: 'Annual income (yuan)', required: true },
  { key: 'rigidExpenses', zh: '刚性支出（元）', en: 'Rigid expenses (yuan)', required: true },
  { key: 'hardshipCosts', zh: '年内困难支出（元）', en: 'Hardship costs (yuan)', required: false },
  { key: 'causes', zh: '致困原因', en: 'Causes', required: false },
] as const;

export type LedgerKey = (typeof ledgerColumns)[number]['key'];

export interface LedgerRow {
  row: number;
  unitId: string;
  name: string;
  idNumber: string;
  phone?: string;
  householdSize: number;
  annualIncomeFen: number;
  rigidExpensesFen: number;
  hardshipCostsFen?: number;
  causes: string[];
}

export interface LedgerError {
  row: number;
  field: LedgerKey;
  message: string;
  messageEn: string;
}

/** Yuan (a number or text with up to two decimals) → integer fen, or undefined. */
export function yuanToFen(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    const fen = Math.round(value * 100);
    return Math.abs(fen - value * 100) < 1e-6 && fen <= 10_000_000_000 ? fen : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(value.trim().replace(/,/g, ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : undefined;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Validates one row. `unitsByName` maps the tenant's union names to ids. Messages never quote
 * the ID number or the name: error reports and logs must not carry personal data.
 */
export function validateLedgerRow(row: number, cells: Record<LedgerKey, unknown>, unitsByName: Map<string, string>, today: Date): { ok: true; value: LedgerRow } | { ok: false; errors: LedgerError[] } {
  const errors: LedgerError[] = [];
  const fail = (field: LedgerKey, message: string, messageEn: string) => errors.push({ row, field, message, messageEn });
  for (const c of ledgerColumns) if (c.required && text(cells[c.key]) === '') fail(c.key, `第${row}行：缺少「${c.zh}」`, `Row ${row}: "${c.en}" is missing`);

  const unitName = text(cells.unit);
  const unitId = unitsByName.get(unitName);
  if (unitName && !unitId) fail('unit', `第${row}行：本会没有该基层工会`, `Row ${row}: no such union in this federation`);
  const name = text(cells.name);
  if (name.length > 30) fail('name', `第${row}行：姓名过长`, `Row ${row}: name too long`);
  const idNumber = text(cells.idNumber).toUpperCase();
  if (idNumber) {
    const v = validateIdNumber(idNumber, today);
    if (!v.ok) fail('idNumber', `第${row}行：${v.reason.zh}`, `Row ${row}: ${v.reason.en}`);
  }
  const phone = text(cells.phone);
  if (phone) {
    const v = validatePhone(phone);
    if (!v.ok) fail('phone', `第${row}行：${v.reason.zh}`, `Row ${row}: ${v.reason.en}`);
  }
  const size = Number(text(cells.householdSize));
  if (text(cells.householdSize) && (!Number.isInteger(size) || size < 1 || size > 20)) fail('householdSize', `第${row}行：家庭人口应为1–20的整数`, `Row ${row}: household size must be a whole number 1–20`);
  const money = (key: LedgerKey, zh: string, en: string) => {
    if (text(cells[key]) === '') return undefined;
    const fen = yuanToFen(cells[key]);
    if (fen === undefined) fail(key, `第${row}行：「${zh}」金额格式不正确`, `Row ${row}: "${en}" is not a valid amount`);
    return fen;
  };
  const annualIncomeFen = money('annualIncome', '家庭年收入', 'Annual income');
  const rigidExpensesFen = money('rigidExpenses', '刚性支出', 'Rigid expenses');
  const hardshipCostsFen = money('hardshipCosts', '年内困难支出', 'Hardship costs');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      row,
      unitId: unitId!,
      name,
      idNumber,
      phone: phone || undefined,
      householdSize: size,
      annualIncomeFen: annualIncomeFen!,
      rigidExpensesFen: rigidExpensesFen!,
      hardshipCostsFen,
      causes: text(cells.causes) ? [text(cells.causes).slice(0, 100)] : [],
    },
  };
}
