import { cellText, isoDate, readDate, readEnum, readIdentifier, readInteger, readMoney, readText, type CellRead, type Label, type Lang } from './cells.js';

/**
 * Sheets an importer reads and an export writes, declared once as columns with kinds.
 *
 * An importer declares its columns (`as const satisfies readonly SheetColumn[]`) and gets,
 * per data row, typed values and bilingual errors that carry the Excel row number and the
 * column key (`readRow`); the header row is matched by the Chinese or English label or the key
 * (`matchHeader`). The template a user downloads is written from the same declaration, with
 * identifier columns formatted as Text. Exports declare `OutputColumn`s.
 */

interface ColumnBase<K extends string> {
  key: K;
  zh: string;
  en: string;
  required?: boolean;
}

export type SheetColumn<K extends string = string> = ColumnBase<K> &
  (
    | { kind: 'identifier' }
    | { kind: 'text'; maxLength?: number }
    | { kind: 'integer'; min?: number; max?: number }
    | { kind: 'money'; maxFen?: number }
    | { kind: 'date'; minYear?: number; maxYear?: number }
    | { kind: 'enum'; options: Readonly<Record<string, Label>> }
  );

type ValueOfColumn<C> = C extends { kind: 'integer' | 'money' } ? number : C extends { kind: 'enum'; options: Readonly<Record<infer K, Label>> } ? K : string;

export type ColumnKey<Cs extends readonly SheetColumn[]> = Cs[number]['key'];

/** A row's values when every cell read: required columns present, optional ones maybe undefined. */
export type RowValues<Cs extends readonly SheetColumn[]> = {
  [C in Cs[number] as C['key']]: C extends { required: true } ? ValueOfColumn<C> : ValueOfColumn<C> | undefined;
};

export interface RowError<K extends string = string> {
  /** The row number the user sees in the spreadsheet (header = 1). */
  row: number;
  field: K;
  message: string;
  messageEn: string;
}

export type RowRead<Cs extends readonly SheetColumn[]> =
  | { ok: true; row: number; values: RowValues<Cs> }
  /** `values` holds the cells that did read, so later checks can report their problems too. */
  | { ok: false; row: number; values: Partial<RowValues<Cs>>; errors: RowError<ColumnKey<Cs>>[] };

export function rowError<K extends string>(row: number, field: K, problem: Label): RowError<K> {
  return { row, field, message: `第${row}行：${problem.zh}`, messageEn: `Row ${row}: ${problem.en}` };
}

export function readColumn(column: SheetColumn, raw: unknown): CellRead<string | number> {
  const name = { zh: column.zh, en: column.en };
  switch (column.kind) {
    case 'identifier':
      return readIdentifier(raw, name);
    case 'text':
      return readText(raw, name, column.maxLength);
    case 'integer':
      return readInteger(raw, name, column);
    case 'money':
      return readMoney(raw, name, column.maxFen);
    case 'date':
      return readDate(raw, name, column);
    case 'enum':
      return readEnum(raw, name, column.options);
  }
}

/** Reads one data row: `cellOf(key)` is the raw cell of that column (undefined when the sheet lacks the column). */
export function readRow<Cs extends readonly SheetColumn[]>(columns: Cs, row: number, cellOf: (key: ColumnKey<Cs>) => unknown): RowRead<Cs> {
  const values: Record<string, unknown> = {};
  const errors: RowError<ColumnKey<Cs>>[] = [];
  for (const c of columns) {
    const key = c.key as ColumnKey<Cs>;
    const read = readColumn(c, cellOf(key));
    if (!read.ok) errors.push(rowError(row, key, read.problem));
    else if (read.value === undefined && c.required) errors.push(rowError(row, key, { zh: `缺少「${c.zh}」`, en: `"${c.en}" is missing` }));
    else values[key] = read.value;
  }
  return errors.length ? { ok: false, row, values: values as Partial<RowValues<Cs>>, errors } : { ok: true, row, values: values as RowValues<Cs> };
}

/** True when no cell of the row has content (such rows are skipped, as a user expects). */
export function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/** Header labels compare without spaces, case, or the full-/half-width difference of brackets. */
const headerKey = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();

/**
 * Where each column is in a header row (`header` 1-based like exceljs' `row.values`), and the
 * required columns it lacks. A column matches by its Chinese or English label or its key.
 */
export function matchHeader<Cs extends readonly SheetColumn[]>(columns: Cs, header: readonly unknown[]): { indexOf: Map<ColumnKey<Cs>, number>; missing: Cs[number][] } {
  const indexOf = new Map<ColumnKey<Cs>, number>();
  header.forEach((cell, index) => {
    const label = headerKey(cellText(cell));
    if (!label) return;
    const c = columns.find((x) => headerKey(x.zh) === label || headerKey(x.en) === label || headerKey(x.key) === label);
    if (c && !indexOf.has(c.key)) indexOf.set(c.key, index);
  });
  return { indexOf, missing: columns.filter((c) => c.required && !indexOf.has(c.key)) };
}

export function missingColumnsText(missing: readonly SheetColumn[]): Label {
  return { zh: `模板缺少列：${missing.map((c) => c.zh).join('、')}`, en: `Missing columns: ${missing.map((c) => c.en).join(', ')}` };
}

/** What a template's note sheet says about a column: what to enter and in which format. */
export function columnHelp(c: SheetColumn, lang: Lang): string {
  const zh = lang === 'zh';
  switch (c.kind) {
    case 'identifier':
      return zh ? '文本格式（本列已设为“文本”；从别处粘贴时请“选择性粘贴→文本”，勿让号码变成数字）' : 'Text (the column is formatted as Text; when pasting, paste as text so the number does not turn into a numeric value)';
    case 'text':
      return zh ? `文字，最多${c.maxLength ?? 200}字` : `Text, at most ${c.maxLength ?? 200} characters`;
    case 'integer':
      return zh ? `整数 ${c.min ?? 0}–${c.max ?? '∞'}` : `Whole number ${c.min ?? 0}–${c.max ?? '∞'}`;
    case 'money':
      return zh ? '金额，以元为单位，最多两位小数' : 'Amount in yuan, at most two decimals';
    case 'date':
      return zh ? '日期（日期单元格或 YYYY-MM-DD）' : 'Date (a date cell or YYYY-MM-DD)';
    case 'enum':
      return (zh ? '以下之一：' : 'One of: ') + Object.values<Label>(c.options).map((o) => o[lang]).join(zh ? '、' : ', ');
  }
}

// ── exports ─────────────────────────────────────────────────────────────────────────────

/**
 * Kinds of export cells: `money` takes integer fen and writes numeric yuan; `date` takes an
 * ISO date and writes a date cell; `label` takes a key and writes its label in the export's
 * language; `percent` takes a ratio (0.25 → 25.0%); `integer` is written plain (years, row
 * numbers), `count` with thousands separators.
 */
export type OutputKind = 'text' | 'integer' | 'count' | 'decimal' | 'percent' | 'money' | 'date' | 'label';

export interface OutputColumn<R> {
  zh: string;
  en: string;
  kind: OutputKind;
  value: (row: R) => unknown;
  /** For `label` columns: the labels by key. */
  labels?: Readonly<Record<string, Label>>;
  /** Character width; a default per kind otherwise. */
  width?: number;
}

/** Number formats per kind (Excel format codes). */
export const outputFormats: Partial<Record<OutputKind, string>> = {
  integer: '0',
  count: '#,##0',
  percent: '0.0%',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
};

export const defaultWidths: Record<OutputKind, number> = { text: 20, integer: 10, count: 12, decimal: 10, percent: 10, money: 14, date: 12, label: 14 };

/** The value an export cell holds: a string, a number, a Date (UTC midnight of the day) or null for an empty cell. */
export function outputCell<R>(column: OutputColumn<R>, row: R, lang: Lang): string | number | Date | null {
  const v = column.value(row);
  if (v === undefined || v === null || v === '') return null;
  switch (column.kind) {
    case 'text':
      return String(v);
    case 'integer':
    case 'count':
    case 'decimal':
    case 'percent':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) ? v / 100 : null;
    case 'date': {
      if (v instanceof Date) return new Date(`${isoDate(v)}T00:00:00Z`);
      const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v) : null;
      return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) : null;
    }
    case 'label': {
      const label = column.labels?.[String(v)];
      return label ? label[lang] : String(v);
    }
  }
}
