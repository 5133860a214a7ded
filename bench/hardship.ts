import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_IMPORT_STEP_MILLIS, DEFAULT_IMPORT_STEP_ROWS } from '@ufp/kit/import-jobs';
import { ledgerWorkbook } from '@ufp/testing/hardship-ledger';
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

const ledger = (unitName: string, rows: number, sheet: Sheet) => ledgerWorkbook(unitName, rows, { numericIds: sheet === 'numericIds' });

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

interface JobFigures {
  rows: number;
  written: number;
  steps: number;
  queueMs: number;
  checkSeconds: number;
  writeSeconds: number;
  longestStepSeconds: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

/**
 * One background import in this process, as the console runs it: `jobs.start`, the PUT to the blob store, `jobs.queue`
 * (timed: what the user waits for), then the job polled every 25 ms: when its check ended, when each write step
 * committed (the job's `step` moving on), when it was done.
 */
async function importAsJob(rows: number): Promise<JobFigures> {
  return withBenchPlatform(async ({ platform, call }) => {
    const admin = benchAdmin;
    await call(admin, 'units.create', { name: '基准测试工会', type: 'regional', memberCount: 10, chair: { name: '测' } });
    const xlsx = await ledger('基准测试工会', rows, 'valid');
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const t0 = performance.now();
    const { job, upload } = await call(admin, 'hardship.ledger.jobs.start', { fileName: 'bench.xlsx', sizeBytes: xlsx.length, mode: 'allOrNothing' });
    const put = await platform.runtime.app.request(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: xlsx });
    if (put.status !== 200) throw new Error(`PUT ${put.status}`);
    const q0 = performance.now();
    await call(admin, 'hardship.ledger.jobs.queue', { jobId: job.jobId });
    const queueMs = performance.now() - q0;
    let checkedAt: number | undefined;
    let lastStep = 0;
    let lastStepAt = performance.now();
    let longestStep = 0;
    for (;;) {
      const j = await call(admin, 'hardship.ledger.jobs.get', { jobId: job.jobId }, 'query');
      const now = performance.now();
      if (j.step !== lastStep) {
        if (lastStep > 1) longestStep = Math.max(longestStep, now - lastStepAt);
        if (checkedAt === undefined && j.total !== undefined) checkedAt = now;
        lastStep = j.step;
        lastStepAt = now;
      }
      if (j.status === 'done' || j.status === 'failed' || j.status === 'cancelled') {
        clearInterval(sampler);
        if (j.status !== 'done' || j.written !== rows) throw new Error(`job ${j.status}: ${j.written} of ${rows} written ${JSON.stringify(j.failure ?? j.errors?.slice(0, 3))}`);
        const seconds = (now - t0) / 1000;
        return {
          rows,
          written: j.written,
          steps: j.step,
          queueMs,
          checkSeconds: ((checkedAt ?? now) - q0) / 1000,
          writeSeconds: (now - (checkedAt ?? now)) / 1000,
          longestStepSeconds: Math.max(longestStep, now - lastStepAt) / 1000,
          seconds,
          rowsPerSecond: Math.round(rows / seconds),
          peakRssMb: Math.round(peak / 1024 / 1024),
        };
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  });
}

/** Runs one import in a fresh process (so one run's heap does not inflate the other's RSS). */
function child<F = Figures>(rows: number, sheet: Sheet | 'job'): F {
  const self = fileURLToPath(import.meta.url);
  const line = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', self, '--child', String(rows), sheet], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env } });
  return JSON.parse(line.trim().split('\n').pop()!) as F;
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
  const rows = Math.max(...SIZES);
  const j = child<JobFigures>(rows, 'job');
  console.log(
    `${j.rows.toLocaleString('en')} rows as a background job (upload to the blob store, consumer steps): jobs.queue answered in ${j.queueMs.toFixed(0)} ms; ` +
      `checked in ${j.checkSeconds.toFixed(1)} s (one invocation), written in ${j.writeSeconds.toFixed(1)} s over ${j.steps - 2} write steps (longest ${j.longestStepSeconds.toFixed(1)} s, ` +
      `a step ends after ${DEFAULT_IMPORT_STEP_ROWS.toLocaleString('en')} rows or ${DEFAULT_IMPORT_STEP_MILLIS / 1000} s; the consumer's timeout is 300 s), ${j.seconds.toFixed(1)} s in all — ${j.rowsPerSecond} rows/s beside ${out.find((f) => f.sheet === 'valid' && f.rows === rows)?.rowsPerSecond ?? '—'} rows/s in one request; peak RSS ${j.peakRssMb} MiB`,
  );
  return out;
}

if (process.argv[2] === '--child') {
  const rows = Number(process.argv[3]);
  console.log(JSON.stringify(process.argv[4] === 'job' ? await importAsJob(rows) : await importOnce(rows, (process.argv[4] ?? 'valid') as Sheet)));
  process.exit(0);
} else if (import.meta.url === `file://${process.argv[1]}`) await benchHardshipImport();
