// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the declaration of exceljs internals this file reads
/// <reference path="./exceljs-parse-sax.d.ts" />
import type ExcelJS from 'exceljs';
import { DomainError, invalid } from '@ufp/core/errors';
import type { Label, Lang } from '@ufp/core/spreadsheet/cells';
import { columnHelp, defaultWidths, isBlankRow, matchHeader, missingColumnsText, outputCell, outputFormats, readRow, type OutputColumn, type RowRead, type SheetColumn } from '@ufp/core/spreadsheet/sheet';

/**
 * Spreadsheets in and out. exceljs is large (~1 MB); it is loaded on the first export or
 * import, not at cold start, so requests that never touch a spreadsheet do not pay for it.
 *
 * In: `readSheet` streams a workbook's first sheet and reads each data row with the shared
 * cell reader (`@ufp/core/spreadsheet`) against the importer's column declaration. Out:
 * `exportWorkbook` writes sheets declared as `OutputColumn`s (dates as date cells, money as
 * numeric yuan, keys as labels of the export's language), `templateWorkbook` writes an
 * importer's template. Every download answers as an `XlsxFile`.
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What every spreadsheet download answers. */
export interface XlsxFile {
  fileName: string;
  contentType: string;
  base64: string;
  /** Data rows written (all sheets; 0 for a template). */
  rows: number;
}

export function xlsxFile(fileName: string, bytes: Uint8Array, rows: number): XlsxFile {
  return { fileName, contentType: XLSX_CONTENT_TYPE, base64: Buffer.from(bytes).toString('base64'), rows };
}

// ── reading ─────────────────────────────────────────────────────────────────────────────

const DAMAGED: Label = { zh: '文件已损坏或不是有效的 .xlsx 文件', en: 'The file is damaged or not a valid .xlsx workbook' };

/** 400 on the `file` field: the bytes are not a readable .xlsx (a hint when we can tell what they are). */
export function damagedWorkbook(hint?: Label): DomainError {
  return invalid(hint ? { zh: `${DAMAGED.zh}（${hint.zh}）`, en: `${DAMAGED.en} (${hint.en})` } : DAMAGED, { field: 'file' });
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * Why these bytes cannot be an .xlsx, checked on the zip's structure before anything is
 * streamed: a zip is read front to back by the streaming reader, which would take a truncated
 * file's first rows as the whole sheet. `undefined` when the structure is sound: an end record,
 * a central directory inside the file whose entries point at local headers, and a worksheet
 * part. (Damage inside a compressed part surfaces while streaming.)
 */
export function xlsxStructureProblem(bytes: Uint8Array): { hint?: Label } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  if (bytes.length >= 8 && u32(0) === 0xe011cfd0 && u32(4) === 0xe11ab1a1) {
    return { hint: { zh: '这是旧版 .xls 文件或加密的工作簿，请在 Excel 或 WPS 中另存为不加密的 .xlsx', en: 'this is an old .xls file or a password-protected workbook; save it as an unprotected .xlsx in Excel or WPS' } };
  }
  if (bytes.length < 22 || (u32(0) !== LOCAL_HEADER && u32(0) !== END_OF_CENTRAL_DIRECTORY)) {
    const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8');
    const looksLikeText = head.length > 0 && !head.includes('\u0000') && /[,\t;\n]/.test(head);
    return looksLikeText ? { hint: { zh: 'CSV 等文本文件请先在表格程序中另存为 .xlsx', en: 'a CSV or other text file must first be saved as .xlsx in a spreadsheet program' } } : {};
  }
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === END_OF_CENTRAL_DIRECTORY && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return {}; // truncated: the end record is the last thing written
  const entries = u16(end + 10);
  const size = u32(end + 12);
  const offset = u32(end + 16);
  if (entries === 0xffff || offset === 0xffffffff) return undefined; // zip64: left to the streaming reader
  if (offset + size > end) return {};
  let worksheets = 0;
  for (let i = 0, at = offset; i < entries; i++) {
    if (u32(at) !== CENTRAL_HEADER) return {};
    const nameLength = u16(at + 28);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    if (u32(u32(at + 42)) !== LOCAL_HEADER) return {};
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) worksheets++;
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (at > end) return {};
  }
  return worksheets > 0 ? undefined : {};
}

type SaxEvent = { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } } | { eventType: 'text'; value: string } | { eventType: 'closetag'; value: { name: string } };
type ParseSax = (chunks: AsyncIterable<string>) => AsyncGenerator<SaxEvent[]>;

/** An element's name without its namespace prefix (`x:row` → `row`: some writers prefix SpreadsheetML). */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** 1-based column of a cell reference ("AB12" → 28). */
function columnOf(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col;
}

interface RawCell {
  col: number;
  type?: string;
  v?: string;
  inline?: string;
  formula?: string;
}

/** A cell's value in exceljs' shapes, from its XML (`t` = s, str, inlineStr, b, e, d, n). */
function cellValueOf(c: RawCell, sharedStrings: readonly string[]): ExcelJS.CellValue {
  let value: ExcelJS.CellValue;
  switch (c.type) {
    case 's': {
      const s = c.v === undefined ? undefined : sharedStrings[Number(c.v)];
      if (c.v !== undefined && s === undefined) throw new Error(`shared string ${c.v} does not exist`);
      value = s ?? null;
      break;
    }
    case 'str':
      value = c.v ?? null;
      break;
    case 'inlineStr':
      value = c.inline ?? c.v ?? null;
      break;
    case 'b':
      value = c.v === undefined ? null : c.v.trim() === '1' || c.v.trim().toLowerCase() === 'true';
      break;
    case 'e':
      value = c.v === undefined ? null : { error: c.v as ExcelJS.CellErrorValue['error'] };
      break;
    case 'd': {
      const m = c.v === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(c.v);
      value = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : (c.v ?? null);
      break;
    }
    default: {
      if (c.v === undefined || c.v.trim() === '') value = null;
      else {
        const n = Number(c.v);
        if (Number.isNaN(n)) throw new Error('a number cell that holds no number');
        value = n;
      }
    }
  }
  return c.formula === undefined ? value : ({ formula: c.formula, result: value ?? undefined } as ExcelJS.CellValue);
}

/**
 * The rows of one worksheet's XML, each with its row number and 1-based cell values. Rows and
 * cells without an `r` attribute (allowed, and written by some tools) count on from the
 * previous one. Inline strings keep all their rich-text runs (without phonetic runs). Throws
 * when the XML stops before `</worksheet>` (a damaged part).
 */
async function* worksheetRows(events: AsyncIterable<SaxEvent[]>, sharedStrings: () => readonly string[]): AsyncGenerator<{ number: number; values: ExcelJS.CellValue[] }> {
  let row: { number: number; values: ExcelJS.CellValue[] } | undefined;
  let rowNumber = 0;
  let col = 0;
  let cell: RawCell | undefined;
  let capture: 'v' | 'f' | 't' | undefined;
  let text = '';
  let phonetic = false;
  let complete = false;
  for await (const batch of events) {
    const done: { number: number; values: ExcelJS.CellValue[] }[] = [];
    for (const e of batch) {
      if (e.eventType === 'text') {
        if (capture) text += e.value;
      } else if (e.eventType === 'opentag') {
        const { attributes } = e.value;
        const name = localName(e.value.name);
        if (name === 'row') {
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          row = { number: rowNumber, values: [] };
          col = 0;
        } else if (name === 'c' && row) {
          col = attributes.r ? columnOf(attributes.r) : col + 1;
          cell = { col, type: attributes.t };
        } else if (cell && (name === 'v' || name === 'f')) {
          capture = name;
          text = '';
        } else if (cell && name === 'is') cell.inline = '';
        else if (cell && name === 'rPh') phonetic = true;
        else if (cell && name === 't' && cell.inline !== undefined && !phonetic) {
          capture = 't';
          text = '';
        }
      } else {
        const name = localName(e.value.name);
        if (cell && name === capture) {
          if (capture === 'v') cell.v = text;
          else if (capture === 'f') cell.formula = text;
          else cell.inline += text;
          capture = undefined;
        } else if (name === 'rPh') phonetic = false;
        else if (name === 'c' && cell && row) {
          row.values[cell.col] = cellValueOf(cell, sharedStrings());
          cell = undefined;
        } else if (name === 'row' && row) {
          done.push(row);
          row = undefined;
        } else if (name === 'worksheet') complete = true;
      }
    }
    yield* done;
  }
  if (!complete) throw new Error('the worksheet ends before </worksheet>');
}

/**
 * The rows of a workbook's first sheet, streamed: memory stays flat however many rows there
 * are (the in-memory `Workbook` model costs tens of KB a row). exceljs' `WorkbookReader` finds
 * the parts in the zip and spools a sheet stored before the shared strings (as Excel writes
 * them) to a temporary file; the sheet and shared-string XML is parsed here, because exceljs
 * 4.4's streaming parser keeps only the last run of a rich-text inline string, parses `t="d"`
 * cells as numbers and misses a truncated part. Later sheets are skipped (drained, not
 * parsed). Throws on a damaged file.
 */
export async function* firstSheetRows(bytes: Uint8Array): AsyncGenerator<{ number: number; values: ExcelJS.CellValue[] }> {
  const [{ default: Excel }, { Readable }, { StringDecoder }, parseSaxModule] = await Promise.all([
    import('exceljs'),
    import('node:stream'),
    import('node:string_decoder'),
    import('exceljs/lib/utils/parse-sax.js'),
  ]);
  // A CommonJS module: its function is the default export (or the module itself, depending on the loader).
  const parseSax = ((parseSaxModule as { default?: ParseSax }).default ?? parseSaxModule) as unknown as ParseSax;
  /**
   * exceljs 4.4 decodes each zip chunk on its own, so a Chinese character split across two
   * chunks would turn into U+FFFD (a name like 基��测试工会 every few thousand rows): the
   * parser is handed text decoded across chunk boundaries. (The ledger tests cover it.)
   */
  async function* wholeCharacters(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
    const decoder = new StringDecoder('utf8');
    for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const rest = decoder.end();
    if (rest) yield rest;
  }
  type Internals = {
    sharedStrings?: string[];
    _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
    _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  };
  const Base = Excel.stream.xlsx.WorkbookReader as unknown as new (input: InstanceType<typeof Readable>, options: object) => Internals & AsyncIterable<AsyncIterable<{ number: number; values: ExcelJS.CellValue[] }>>;
  class SheetReader extends Base {
    // Overrides two internal methods of exceljs 4.4.0's WorkbookReader.
    override *_parseWorksheet(chunks: AsyncIterable<Buffer | string>) {
      yield { eventType: 'worksheet', value: { [Symbol.asyncIterator]: () => worksheetRows(parseSax(wholeCharacters(chunks)), () => this.sharedStrings ?? []) } };
    }
    override async *_parseSharedStrings(entry: NodeJS.ReadableStream) {
      const strings: string[] = (this.sharedStrings = []);
      let current: string | undefined;
      let inText = false;
      let phonetic = false;
      for await (const batch of parseSax(wholeCharacters(entry as AsyncIterable<Buffer>))) {
        for (const e of batch) {
          if (e.eventType === 'text') {
            if (inText && current !== undefined) current += e.value;
            continue;
          }
          const name = localName(e.value.name);
          if (e.eventType === 'opentag') {
            if (name === 'si') current = '';
            else if (name === 'rPh') phonetic = true;
            else if (name === 't' && !phonetic) inText = true;
          } else if (name === 't') inText = false;
          else if (name === 'rPh') phonetic = false;
          else if (name === 'si') {
            strings.push(current ?? '');
            current = undefined;
          }
        }
      }
      yield* [];
    }
  }
  const reader = new SheetReader(Readable.from([bytes], { objectMode: false }), { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let first = true;
  for await (const sheet of reader) {
    if (!first) continue;
    first = false;
    yield* sheet;
  }
}

/**
 * An importer's data rows, read with the shared cell reader: the header (row 1) is matched to
 * `columns` by label or key, blank rows are skipped, and each row comes with its Excel row
 * number, its typed values and its bilingual cell errors. Nothing but the current row is held.
 * Throws 400 (field `file`) for a damaged file, missing columns, or a sheet without a header.
 */
export async function* readSheet<Cs extends readonly SheetColumn[]>(bytes: Uint8Array, columns: Cs): AsyncGenerator<RowRead<Cs>> {
  const problem = xlsxStructureProblem(bytes);
  if (problem) throw damagedWorkbook(problem.hint);
  let indexOf: Map<Cs[number]['key'], number> | undefined;
  const rows = firstSheetRows(bytes);
  for (;;) {
    let next: IteratorResult<{ number: number; values: ExcelJS.CellValue[] }>;
    try {
      next = await rows.next();
    } catch {
      throw damagedWorkbook();
    }
    if (next.done) break;
    const { number, values } = next.value;
    if (!indexOf) {
      const header = matchHeader(columns, number === 1 ? values : []);
      if (header.missing.length) throw invalid(missingColumnsText(header.missing), { field: 'file' });
      indexOf = header.indexOf;
      if (number === 1) continue;
    }
    const at = indexOf;
    const cellOf = (key: Cs[number]['key']) => {
      const i = at.get(key);
      return i === undefined ? undefined : values[i];
    };
    if (isBlankRow(columns.map((c) => cellOf(c.key)))) continue;
    yield readRow(columns, number, cellOf);
  }
  if (!indexOf) throw noDataRows();
}

export const noDataRows = () => invalid({ zh: 'Excel 文件中没有数据行', en: 'The workbook has no data rows' }, { field: 'file' });

// ── writing ─────────────────────────────────────────────────────────────────────────────

/** Exports use shared strings (what Excel writes) and styles; `sheetBuffer` writes `t="str"` cells, unstyled. */
async function streamingWorkbook(useStyles: boolean) {
  const [{ default: Excel }, { PassThrough }] = await Promise.all([import('exceljs'), import('node:stream')]);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: useStyles, useStyles });
  wb.creator = '工会联合会数字化平台';
  return { wb, bytes: async () => (await wb.commit(), Buffer.concat(chunks)) };
}

/**
 * A one-sheet workbook of plain values written with exceljs' streaming writer (each row
 * committed as it is added), without styles.
 */
export async function sheetBuffer(name: string, header: unknown[], rows: Iterable<unknown[]>): Promise<Buffer> {
  const { wb, bytes } = await streamingWorkbook(false);
  const ws = wb.addWorksheet(name);
  ws.addRow(header).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  return bytes();
}

export interface ExportSheet<R> {
  name: Label;
  columns: readonly OutputColumn<R>[];
  rows: Iterable<R>;
}

/** A header row in bold, frozen, with an autofilter over the columns. */
function startSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, headers: string[], columns: Partial<ExcelJS.Column>[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const header = ws.addRow(headers);
  header.eachCell((c) => {
    c.font = { bold: true };
    c.numFmt = 'General';
  });
  header.commit();
  return ws;
}

/**
 * A workbook of one or more sheets in the export's language, streamed (each row is committed as
 * it is written; only the shared-string table is held): dates are date cells, money numeric yuan with '#,##0.00', labels in `lang`.
 * Exports show masked personal data only; the columns decide what is written.
 */
// `any`: the sheets of one workbook have different row types (each sheet is typed where it is declared).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function exportWorkbook(lang: Lang, sheets: readonly ExportSheet<any>[]): Promise<{ bytes: Buffer; rows: number }> {
  const { wb, bytes } = await streamingWorkbook(true);
  let rows = 0;
  for (const sheet of sheets) {
    const ws = startSheet(
      wb,
      sheet.name[lang],
      sheet.columns.map((c) => c[lang]),
      sheet.columns.map((c) => ({ width: c.width ?? defaultWidths[c.kind], style: outputFormats[c.kind] ? { numFmt: outputFormats[c.kind] } : {} })),
    );
    for (const r of sheet.rows) {
      ws.addRow(sheet.columns.map((c) => outputCell(c, r, lang))).commit();
      rows++;
    }
    ws.commit();
  }
  return { bytes: await bytes(), rows };
}

/**
 * An importer's template: the header row in `lang`, identifier columns formatted as Text for
 * the whole column (numFmt '@', so an 18-digit ID typed into it stays text in Excel, WPS and
 * LibreOffice), date columns as dates, and a note sheet that explains every column.
 */
export async function templateWorkbook(lang: Lang, name: Label, columns: readonly SheetColumn[], notes: readonly Label[]): Promise<Buffer> {
  const { wb, bytes } = await streamingWorkbook(true);
  const formatOf = (c: SheetColumn) => (c.kind === 'identifier' ? '@' : c.kind === 'date' ? 'yyyy-mm-dd' : undefined);
  const ws = startSheet(
    wb,
    name[lang],
    columns.map((c) => c[lang]),
    columns.map((c) => ({ width: c.kind === 'identifier' ? 22 : 18, style: formatOf(c) ? { numFmt: formatOf(c) } : {} })),
  );
  ws.commit();
  const zh = lang === 'zh';
  const help = startSheet(wb, zh ? '说明' : 'Notes', zh ? ['列', 'Column', '必填', '填写要求'] : ['Column', '列', 'Required', 'What to enter'], [{ width: 20 }, { width: 24 }, { width: 10 }, { width: 70 }]);
  for (const c of columns) help.addRow([c[lang], c[zh ? 'en' : 'zh'], c.required ? (zh ? '必填' : 'yes') : zh ? '选填' : 'no', columnHelp(c, lang)]).commit();
  help.addRow([]).commit();
  for (const n of notes) help.addRow([n[lang]]).commit();
  help.commit();
  return bytes();
}

/** An import's row errors as a workbook in the user's language (every error, not only those the page shows inline). */
export async function rowErrorReport(errors: readonly { row: number; field: string; message: string; messageEn: string }[], lang: Lang, columns: readonly SheetColumn[], fileName: Label): Promise<XlsxFile> {
  const columnName = (field: string) => columns.find((c) => c.key === field)?.[lang] ?? field;
  const { bytes, rows } = await exportWorkbook(lang, [
    {
      name: { zh: '错误报告', en: 'Import errors' },
      columns: [
        { zh: '行号', en: 'Row', kind: 'integer', width: 8, value: (e) => e.row },
        { zh: '列', en: 'Column', kind: 'text', width: 18, value: (e) => columnName(e.field) },
        { zh: '错误', en: 'Error', kind: 'text', width: 90, value: (e) => (lang === 'zh' ? e.message : e.messageEn) },
      ],
      rows: errors,
    } satisfies ExportSheet<(typeof errors)[number]>,
  ]);
  return xlsxFile(fileName[lang], bytes, rows);
}
