import type ExcelJS from 'exceljs';

/**
 * exceljs is large (~1 MB); it is loaded on the first export or import, not at cold start,
 * so requests that never touch a spreadsheet do not pay for it.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}

/**
 * The rows of a workbook's first sheet, streamed with exceljs' `WorkbookReader`: memory stays
 * flat however many rows there are (the in-memory `Workbook` model costs tens of KB a row).
 * `values` is 1-based like exceljs' `row.values`. A sheet stored before the shared strings
 * (as Excel writes them) is spooled to a temporary file by exceljs and read back from there.
 * Later sheets are skipped (drained, not parsed). Throws exceljs' error on a damaged file.
 */
export async function* firstSheetRows(bytes: Uint8Array): AsyncGenerator<{ number: number; values: ExcelJS.CellValue[] }> {
  const [{ default: Excel }, { Readable }, { StringDecoder }] = await Promise.all([import('exceljs'), import('node:stream'), import('node:string_decoder')]);
  /**
   * exceljs 4.4 decodes each zip chunk of a sheet or of the shared strings on its own, so a
   * Chinese character split across two chunks turns into U+FFFD (a name like 基��测试工会 every
   * few thousand rows). Its parsers accept strings too: hand them text decoded across chunk
   * boundaries. (Overrides two internal methods of exceljs 4.4.0; the ledger tests cover it.)
   */
  async function* wholeCharacters(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
    const decoder = new StringDecoder('utf8');
    for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const rest = decoder.end();
    if (rest) yield rest;
  }
  type Internals = {
    _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
    _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  };
  const Base = Excel.stream.xlsx.WorkbookReader as unknown as new (input: InstanceType<typeof Readable>, options: object) => Internals & AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>;
  class Utf8SafeReader extends Base {
    override _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string) {
      return super._parseWorksheet(wholeCharacters(chunks), sheetNo);
    }
    override async *_parseSharedStrings(entry: NodeJS.ReadableStream) {
      yield* super._parseSharedStrings(Readable.from(wholeCharacters(entry as AsyncIterable<Buffer>)));
    }
  }
  const reader = new Utf8SafeReader(Readable.from([bytes], { objectMode: false }), { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let first = true;
  for await (const sheet of reader) {
    if (!first) continue;
    first = false;
    for await (const row of sheet) yield { number: row.number, values: row.values as ExcelJS.CellValue[] };
  }
}

/**
 * A one-sheet workbook written with exceljs' streaming writer (each row committed as it is
 * added): for reports as long as the input, without building the in-memory model.
 */
export async function sheetBuffer(name: string, header: unknown[], rows: Iterable<unknown[]>): Promise<Buffer> {
  const [{ default: Excel }, { PassThrough }] = await Promise.all([import('exceljs'), import('node:stream')]);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet(name);
  ws.addRow(header).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
