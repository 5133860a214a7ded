import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';

/**
 * Workbooks written the way spreadsheet programs and other tools write them (not the way
 * exceljs' in-memory writer does), for the importers' tests.
 */

interface ZipFile {
  async(type: 'string'): Promise<string>;
}
export interface Zip {
  file(path: string): ZipFile | null;
  file(path: string, content: string | Uint8Array): Zip;
  files: Record<string, unknown>;
  generateAsync(options: { type: 'nodebuffer'; compression?: 'DEFLATE' | 'STORE' }): Promise<Buffer>;
}
interface ZipLib {
  new (): Zip;
  loadAsync(data: Uint8Array): Promise<Zip>;
}

/** jszip, the zip library exceljs itself uses (resolved through exceljs: not a dependency of ours). */
export const JSZip: ZipLib = (() => {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve('exceljs'))('jszip') as ZipLib;
})();

/** An .xlsx with one part's XML rewritten by `edit` (by default the first worksheet). */
export async function rewriteSheet(xlsx: Uint8Array, edit: (xml: string) => string, path = 'xl/worksheets/sheet1.xml'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file(path, edit(await zip.file(path)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const columnLetter = (i: number) => String.fromCharCode(65 + i);

/**
 * A minimal workbook as streaming writers of other tools write it (Apache POI's SXSSF, many
 * exporters): no shared strings and no styles, every text cell an inline string
 * (`t="inlineStr"`). A string given as an array is written as rich-text runs (`<r>`), the
 * second run with its own font, as a program keeps a partly formatted cell.
 */
export function inlineStringsWorkbook(rows: (string | number | string[] | null)[][]): Promise<Buffer> {
  const cell = (v: string | number | string[] | null, ref: string) => {
    if (v === null) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
    const runs = v.map((t, i) => `<r>${i === 1 ? '<rPr><b/><sz val="11"/></rPr>' : ''}<t xml:space="preserve">${escapeXml(t)}</t></r>`).join('');
    return `<c r="${ref}" t="inlineStr"><is>${runs}</is></c>`;
  };
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(v, `${columnLetter(c)}${i + 1}`)).join('')}</row>`).join('') +
    '</sheetData></worksheet>';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', sheet);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** LibreOffice's `soffice` (Debian `libreoffice-calc-nogui`), or undefined when it is not installed. */
export const soffice: string | undefined = (process.env.SOFFICE_PATH ? [process.env.SOFFICE_PATH] : ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice']).find((p) => existsSync(p));

/**
 * A CSV (UTF-8) opened by LibreOffice Calc and saved as .xlsx, exactly what a user who saves
 * the CSV from a spreadsheet program gets: digit strings become numbers (an 18-digit ID
 * becomes 3.21281198506151E+17). Runs with a private profile so parallel runs do not collide.
 */
export async function libreOfficeXlsx(csv: string): Promise<Buffer> {
  if (!soffice) throw new Error('soffice is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'ufp-lo-'));
  try {
    writeFileSync(join(dir, 'ledger.csv'), csv);
    // CSV filter options: comma separator, double-quote delimiter, UTF-8 (76), start at line 1.
    await promisify(execFile)(soffice, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'ledger.csv')], {
      timeout: 120_000,
    });
    return readFileSync(join(dir, 'out', 'ledger.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Python 3 with LibreOffice's UNO bridge (Debian `python3-uno`), to drive Calc as a user does. */
export const pythonUno: string | undefined = soffice ? ['/usr/bin/python3', '/usr/local/bin/python3'].find((p) => existsSync(p) && spawnSync(p, ['-c', 'import uno'], { stdio: 'ignore' }).status === 0) : undefined;

/**
 * Opens `xlsx` in LibreOffice Calc, types each text into its cell as a user at the keyboard
 * does (`.uno:EnterString`), and saves it as .xlsx. Returns the saved workbook and each cell's
 * content type after typing ('TEXT' or 'VALUE').
 */
export async function typeIntoSheet(xlsx: Uint8Array, cells: [address: string, text: string][]): Promise<{ xlsx: Buffer; types: Record<string, string> }> {
  if (!soffice || !pythonUno) throw new Error('soffice and python3-uno are needed');
  const dir = mkdtempSync(join(tmpdir(), 'ufp-lo-'));
  try {
    writeFileSync(join(dir, 'in.xlsx'), xlsx);
    const script = fileURLToPath(new URL('./type-into-sheet.py', import.meta.url));
    const { stdout } = await promisify(execFile)(pythonUno, [script, join(dir, 'in.xlsx'), join(dir, 'out.xlsx'), join(dir, 'profile'), JSON.stringify(cells)], {
      timeout: 120_000,
      env: { ...process.env, SOFFICE_PATH: soffice },
    });
    return { xlsx: readFileSync(join(dir, 'out.xlsx')), types: JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, string> };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A valid 18-character ID number from its first 17 digits. */
export const idFrom = (first17: string) => first17 + idNumberCheckCharacter(first17);

/**
 * The trap the importer must not fall into: a real ID number whose value, stored as a number
 * with 15 significant digits (as Excel, WPS and LibreOffice store it), reads back as
 * ANOTHER valid ID number (its last three digits become 000, and 000's check digit is 0).
 * Returns the real ID and the number a spreadsheet program stores for it.
 */
export function idWhoseRoundedNumberIsValid(region = '321281'): { id: string; stored: number; readBack: string } {
  for (let day = 1; day <= 28; day++) {
    for (let d = 0; d <= 9; d++) {
      const first15 = `${region}198506${String(day).padStart(2, '0')}${d}`;
      const readBack = idFrom(`${first15}00`);
      if (!readBack.endsWith('0')) continue;
      const id = idFrom(`${first15}23`); // rounds down: 23x < 500
      return { id, stored: Number(`${first15}000`), readBack };
    }
  }
  throw new Error('no such ID number');
}
