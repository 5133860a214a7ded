import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sheetBuffer } from '@ufp/kit/excel';
import { ledgerColumns } from '@ufp/hardship/domain/ledger';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { benchAdmin, withBenchPlatform } from './platform.js';

const SIZES = (process.env.BENCH_HARDSHIP_ROWS ?? '10000,20000').split(',').map(Number);
const NUMERIC_ID_ROWS = Number(process.env.BENCH_HARDSHIP_NUMERIC_ROWS ?? 10_000);

/** `valid`: distinct valid households, all imported. `numericIds`: the ID column stored as numbers (as a spreadsheet program saves a CSV), all rejected. */
type Sheet = 'valid' | 'numericIds';

interface Figures {
  sheet: Sheet;
  rows: number;
  imported: number;
  rejected: number;
  kib: number;
  seconds: number;
  rowsPerSecond: number;
  baseRssMb: number;
  peakRssMb: number;
}

/**
 * A `rows`-row 台账 workbook of distinct households (written with the streaming writer). With
 * `numericIds` the ID numbers are number cells, as Excel, WPS or LibreOffice store an 18-digit
 * ID typed into a General cell (15 significant digits).
 */
function ledger(unitName: string, rows: number, sheet: Sheet): Promise<Buffer> {
  return sheetBuffer(
    '台账',
    ledgerColumns.map((c) => c.zh),
    (function* () {
      for (let i = 0; i < rows; i++) {
        const day = String((i % 28) + 1).padStart(2, '0');
        const month = String((Math.floor(i / 28 / 1000) % 12) + 1).padStart(2, '0');
        const first17 = `3212811980${month}${day}${String(Math.floor(i / 28) % 1000).padStart(3, '0')}`;
        const id = first17 + idNumberCheckCharacter(first17);
        yield [unitName, `职工${i}`, sheet === 'numericIds' ? Number(id.slice(0, 15) + '000') : id, '13812345678', (i % 5) + 1, 30000 + (i % 50) * 1000, 6000, '', '失业'];
      }
    })(),
  );
}

/**
 * One import in this process: a fresh platform, one multipart request with the workbook (as the
 * console sends it), through the real API (stream parse, validation, duplicate checks,
 * encryption, batched transactions). RSS is the whole process, the platform included.
 */
async function importOnce(rows: number, sheet: Sheet): Promise<Figures> {
  return withBenchPlatform(async ({ post }) => {
    const admin = benchAdmin;
    await post(admin, 'units.create', JSON.stringify({ name: '基准测试工会', type: 'regional', memberCount: 10, chair: { name: '测' } }));
    const xlsx = await ledger('基准测试工会', rows, sheet);
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const t0 = performance.now();
    const form = new FormData();
    form.set('file', new Blob([xlsx]), 'ledger.xlsx');
    form.set('mode', 'allOrNothing');
    const result = await post(admin, 'hardship.ledger.import', form);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const errors = result.errors as { field: string }[];
    if (sheet === 'valid' && result.imported !== rows) throw new Error(`imported ${String(result.imported)} of ${rows}: ${JSON.stringify(errors.slice(0, 3))}`);
    if (sheet === 'numericIds' && (result.imported !== 0 || result.errorRows !== rows || errors.some((e) => e.field !== 'idNumber'))) {
      throw new Error(`numeric IDs: imported ${String(result.imported)}, ${String(result.errorRows)} of ${rows} rows rejected: ${JSON.stringify(errors.slice(0, 3))}`);
    }
    const mb = (b: number) => Math.round(b / 1024 / 1024);
    return { sheet, rows, imported: Number(result.imported), rejected: Number(result.errorRows), kib: Math.round(xlsx.length / 1024), seconds, rowsPerSecond: Math.round(rows / seconds), baseRssMb: mb(base), peakRssMb: mb(peak) };
  });
}

/** Runs one import in a fresh process (so one run's heap does not inflate the other's RSS). */
function child(rows: number, sheet: Sheet): Figures {
  const self = fileURLToPath(import.meta.url);
  const line = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', self, '--child', String(rows), sheet], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env } });
  return JSON.parse(line.trim().split('\n').pop()!) as Figures;
}

const met = (f: Figures) => (f.rowsPerSecond >= 500 ? 'met' : 'NOT met');

/**
 * Ledger import at 10,000 and 20,000 rows: rows/s and peak RSS. Bounded memory shows as a peak
 * that does not grow with the row count. Then a 10,000-row sheet whose ID column is numeric:
 * every row rejected with a row error (none converted), at the same pace.
 */
export async function benchHardshipImport(): Promise<Figures[]> {
  const out: Figures[] = [];
  console.log('\nHardship ledger import (multipart upload, streamed, allOrNothing)');
  for (const rows of SIZES) {
    const f = child(rows, 'valid');
    out.push(f);
    console.log(
      `${f.rows.toLocaleString('en')} rows (${f.kib} KiB .xlsx): ${f.imported} imported in ${f.seconds.toFixed(1)} s — ${f.rowsPerSecond} rows/s (target ≥ 500: ${met(f)}), ` +
        `peak RSS ${f.peakRssMb} MiB (before the request ${f.baseRssMb} MiB, +${f.peakRssMb - f.baseRssMb} MiB; whole process incl. the platform)`,
    );
  }
  if (out.length > 1) console.log(`peak RSS ${out.map((f) => `${f.peakRssMb}`).join(' vs ')} MiB for ${out.map((f) => f.rows.toLocaleString('en')).join(' vs ')} rows`);
  if (NUMERIC_ID_ROWS > 0) {
    const f = child(NUMERIC_ID_ROWS, 'numericIds');
    out.push(f);
    console.log(
      `${f.rows.toLocaleString('en')} rows with a numeric ID column (${f.kib} KiB .xlsx): all ${f.rejected.toLocaleString('en')} rejected with row errors, ${f.imported} imported, in ${f.seconds.toFixed(1)} s — ` +
        `${f.rowsPerSecond} rows/s (target ≥ 500: ${met(f)}), peak RSS ${f.peakRssMb} MiB (+${f.peakRssMb - f.baseRssMb} MiB)`,
    );
  }
  return out;
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await importOnce(Number(process.argv[3]), (process.argv[4] ?? 'valid') as Sheet)));
  process.exit(0);
} else if (import.meta.url === `file://${process.argv[1]}`) await benchHardshipImport();
