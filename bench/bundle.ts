/**
 * API Lambda bundle: minified size, and cold module init measured by importing the bundle in a
 * fresh Node process, beside an empty handler measured the same way in the same run.
 *
 * The bundle is built with the exact esbuild options of `pnpm build:functions`
 * (packages/functions/esbuild-options.mjs) into a temporary directory. Targets: ≤ 1 MB
 * minified, ≤ 150 ms cold init. Importing makes no network call: the entry point builds its
 * AWS clients and reads the blind-index secret on the first invocation, not at import, and the
 * environment variables it reads are set to dummies here.
 *
 * Run alone: `npx tsx bench/bundle.ts` (N=… to change the sample count).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { bundleOptions, loadEsbuild, runtimeAvailable } from '../packages/functions/esbuild-options.mjs';

const run = promisify(execFile);

const SIZE_TARGET_BYTES = 1024 * 1024;
const INIT_TARGET_MS = 150;

/** What the API function reads from its environment; no value is used at import time. */
const dummyEnv: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  TABLE_NAME: 'bench-table',
  EVENT_BUS_NAME: 'bench-bus',
  EVIDENCE_BUCKET: 'bench-evidence',
  PII_KMS_KEY_ID: 'alias/bench',
  BLIND_INDEX_SECRET_ARN: 'bench-secret',
  JWT_ISSUER: 'https://issuer.invalid',
  JWT_AUDIENCE: 'bench',
  JWKS_URL: 'https://issuer.invalid/.well-known/jwks.json',
  // No credentials are needed for an import; make sure nothing could find real ones.
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** Imports `file` once in a fresh `node` and returns the import's wall time in ms. */
async function coldImportMs(file: string): Promise<number> {
  const script = [
    'const t = process.hrtime.bigint();',
    `const m = await import(${JSON.stringify(pathToFileURL(file).href)});`,
    'const ms = Number(process.hrtime.bigint() - t) / 1e6;',
    "if (typeof m.handler !== 'function') throw new Error('no handler export');",
    'process.stdout.write(String(ms));',
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...dummyEnv },
    timeout: 30_000,
  });
  return Number(stdout.trim());
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function benchBundle(samples = Number(process.env.N ?? 10)): Promise<void> {
  console.log('\n## API Lambda bundle');
  if (!runtimeAvailable()) {
    console.log('skipped: packages/api/src/runtime.ts does not exist yet');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'ufp-bundle-bench-'));
  try {
    const esbuild = await loadEsbuild();
    const bundle = join(dir, 'api', 'index.mjs');
    const built = await esbuild.build({ ...bundleOptions('api'), outdir: join(dir, 'api'), metafile: true, logLevel: 'error' });
    const bytes = (await stat(bundle)).size;
    const gz = gzipSync(readFileSync(bundle)).length;
    const total = Object.entries(built.metafile!.outputs)
      .filter(([file]) => file.endsWith('.mjs'))
      .reduce((sum, [, o]) => sum + (o as { bytes: number }).bytes, 0);
    console.log(
      `size: entry ${(bytes / 1024).toFixed(1)} KB minified (${(gz / 1024).toFixed(1)} KB gzip) — target ≤ ${SIZE_TARGET_BYTES / 1024} KB: ${bytes <= SIZE_TARGET_BYTES ? 'met' : 'MISSED'}; ` +
        `all chunks ${(total / 1024).toFixed(1)} KB (lazy chunks load on first use, e.g. exceljs on the first spreadsheet)`,
    );

    const empty = join(dir, 'empty', 'index.mjs');
    await esbuild.build({
      ...bundleOptions('api'),
      entryPoints: undefined,
      stdin: { contents: 'export const handler = async () => ({ statusCode: 200 });', loader: 'ts', resolveDir: dir },
      splitting: false,
      outdir: undefined,
      entryNames: undefined,
      chunkNames: undefined,
      outfile: empty,
      metafile: false,
      logLevel: 'error',
    });

    // Interleaved so both sides see the same machine state; one warm-up each is discarded.
    await coldImportMs(bundle);
    await coldImportMs(empty);
    const api: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < samples; i++) {
      api.push(await coldImportMs(bundle));
      base.push(await coldImportMs(empty));
    }
    api.sort((a, b) => a - b);
    base.sort((a, b) => a - b);
    const apiMedian = quantile(api, 0.5);
    const baseMedian = quantile(base, 0.5);
    console.log(`cold module init, ${samples} fresh node processes each (node ${process.version}):`);
    console.log(`  api bundle:    median ${fmt(apiMedian)}, p90 ${fmt(quantile(api, 0.9))}`);
    console.log(`  empty handler: median ${fmt(baseMedian)}, p90 ${fmt(quantile(base, 0.9))}`);
    console.log(
      `  ratio (median): ${(apiMedian / baseMedian).toFixed(1)}× the empty handler; api init target ≤ ${INIT_TARGET_MS} ms: ${apiMedian <= INIT_TARGET_MS ? 'met' : 'MISSED'}`,
    );
    console.log('  (local x86/arm CPU, not a Lambda sandbox: compare the ratio, not the absolute figure)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchBundle();
}
