import { readRow, rowError, type RowError, type RowRead, type SheetColumn } from '@ufp/core/spreadsheet/sheet';
import { invalid } from '@ufp/core/errors';
import { parseIdNumber, parsePhone } from '@ufp/core/validation/identifiers';

/**
 * The 台账 (ledger) import: one row per household application. Columns are declared with their
 * kinds (the shared cell reader does the reading, the template is written from the same list);
 * validation is per row with the row number the user sees in Excel (header = row 1).
 */
export const ledgerColumns = [
  { key: 'unit', zh: '基层工会名称', en: 'Union name', kind: 'text', required: true, maxLength: 100 },
  { key: 'name', zh: '姓名', en: 'Name', kind: 'text', required: true, maxLength: 30 },
  { key: 'idNumber', zh: '身份证号', en: 'ID number', kind: 'identifier', required: true },
  { key: 'phone', zh: '联系电话', en: 'Phone', kind: 'identifier' },
  { key: 'householdSize', zh: '家庭人口', en: 'Household size', kind: 'integer', min: 1, max: 20, required: true },
  { key: 'annualIncome', zh: '家庭年收入（元）', en: 'Annual income (yuan)', kind: 'money', required: true },
  { key: 'rigidExpenses', zh: '刚性支出（元）', en: 'Rigid expenses (yuan)', kind: 'money', required: true },
  { key: 'hardshipCosts', zh: '年内困难支出（元）', en: 'Hardship costs (yuan)', kind: 'money' },
  { key: 'causes', zh: '致困原因', en: 'Causes', kind: 'text', maxLength: 100 },
] as const satisfies readonly SheetColumn[];

export type LedgerKey = (typeof ledgerColumns)[number]['key'];
export type LedgerRead = RowRead<typeof ledgerColumns>;

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

export type LedgerError = RowError<LedgerKey>;

/** Reads one data row's cells (`cellOf(key)` = the raw cell) with the ledger's column kinds. */
export function readLedgerRow(row: number, cellOf: (key: LedgerKey) => unknown): LedgerRead {
  return readRow(ledgerColumns, row, cellOf);
}

/**
 * Checks a read row against the tenant: the union exists, the ID number and phone are valid.
 * `unitsByName` maps the tenant's union names to ids. Cells that did not read keep their
 * reading error and are not checked again. Messages never quote the ID number or the name:
 * error reports and logs must not carry personal data.
 */
export function validateLedgerRow(read: LedgerRead, unitsByName: Map<string, string>, today: Date): { ok: true; value: LedgerRow } | { ok: false; errors: LedgerError[] } {
  const { row, values } = read;
  const errors: LedgerError[] = read.ok ? [] : [...read.errors];
  const unitId = values.unit === undefined ? undefined : unitsByName.get(values.unit);
  if (values.unit !== undefined && !unitId) errors.push(rowError(row, 'unit', { zh: '本会没有该基层工会', en: 'no such union in this federation' }));
  // The same parsing as the API's idNumberSchema and phoneSchema: the canonical form is stored.
  const id = values.idNumber === undefined ? undefined : parseIdNumber(values.idNumber, today);
  if (id && !id.ok) errors.push(rowError(row, 'idNumber', id.reason));
  const phone = values.phone === undefined ? undefined : parsePhone(values.phone);
  if (phone && !phone.ok) errors.push(rowError(row, 'phone', phone.reason));
  errors.sort((a, b) => ledgerColumns.findIndex((c) => c.key === a.field) - ledgerColumns.findIndex((c) => c.key === b.field));
  if (errors.length || !read.ok) return { ok: false, errors };
  const v = read.values;
  return {
    ok: true,
    value: {
      row,
      unitId: unitId!,
      name: v.name,
      idNumber: id?.ok ? id.value : v.idNumber,
      phone: phone?.ok ? phone.value : undefined,
      householdSize: v.householdSize,
      annualIncomeFen: v.annualIncome,
      rigidExpensesFen: v.rigidExpenses,
      hardshipCostsFen: v.hardshipCosts,
      causes: v.causes ? [v.causes] : [],
    },
  };
}

/** Rows one import may hold (memory and the request's time stay bounded). */
export const MAX_LEDGER_ROWS = 20_000;

export function assertLedgerRowCount(rows: number): void {
  if (rows > MAX_LEDGER_ROWS) {
    throw invalid({ zh: `单次最多导入 ${MAX_LEDGER_ROWS.toLocaleString('en')} 行`, en: `At most ${MAX_LEDGER_ROWS.toLocaleString('en')} rows per import` }, { field: 'file' });
  }
}

/** The person of this row already holds an open file in the federation (一户一档). */
export const openFileRowError = (row: number): LedgerError => ({ row, field: 'idNumber', message: `第${row}行：该职工在本会已有未注销的困难档案`, messageEn: `Row ${row}: this worker already has an open file` });

/** The same person appears on an earlier row of the file. */
export const duplicateRowError = (row: number, first: number): LedgerError => ({ row, field: 'idNumber', message: `第${row}行：身份证号与第${first}行重复（一户一档）`, messageEn: `Row ${row}: same ID number as row ${first}` });

/** A valid row whose write was refused (a person filed meanwhile). */
export const notImportedRowError = (row: number, reason: { zh: string; en: string }): LedgerError => ({ row, field: 'idNumber', message: `第${row}行未导入：${reason.zh}`, messageEn: `Row ${row} was not imported: ${reason.en}` });
