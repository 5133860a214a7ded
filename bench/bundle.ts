/**
 * API Lambda bundle: minified size, and cold module init measured by importing the bundle in a
 * fresh Node process, beside an empty handler measured the same way in the same run.
 *
 * The bundle is built with the exact esbuild options of `pnpm build:functions`
 * (packages/functions/esbuild-options.mjs) into a temporary directory. Targets: ≤ 1 MB
 * minified, ≤ 80 ms cold init (#18). Importing makes no network call: the entry point builds its
 * AWS clients and reads the blind-index secret on the first invocation, not at import, and the
 * environment variables it reads are set to dummies here. The feature modules load on the first call
 * of one of their procedures, so after the import the bench also times the first invocation (the
 * runtime is built) and the first call of a module's procedure (the module is loaded): the cost moved
 * out of init is printed, not hidden. Neither call reaches the network (no blind-index secret is
 * configured, and the call is refused for want of a token).
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
const INIT_TARGET_MS = 80;

/** What the API function reads from its environment; no value is used at import time. */
const dummyEnv: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  TABLE_NAME: 'bench-table',
  EVENT_BUS_NAME: 'bench-bus',
  EVIDENCE_BUCKET: 'bench-evidence',
  PII_KMS_KEY_ID: 'alias/bench',
  // No BLIND_INDEX_SECRET_ARN: the first invocation would fetch it from Secrets Manager (a network call).
  JWT_ISSUER: 'https://issuer.invalid',
  JWT_AUDIENCE: 'bench',
  JWKS_URL: 'https://issuer.invalid/.well-known/jwks.json',
  // No credentials are needed for an import; make sure nothing could find real ones.
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** An API Gateway HTTP API (payload v2) request as the API function receives it. */
const gatewayEvent = (method: string, path: string) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'api.example' },
  requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'bench' }, requestId: 'bench', stage: '$default', timeEpoch: 0 },
  isBase64Encoded: false,
});

interface ColdSample {
  /** Module init: the import of the bundle. */
  init: number;
  /** Then the first invocation (GET /health): the runtime is built, no module loaded. */
  first: number;
  /** Then the first call of a feature module's procedure (it is loaded; refused 401, no token, no network). */
  module: number;
}

/** Imports `file` in a fresh `node`; for the API bundle, then invokes it twice. Wall times in ms. */
async function coldSample(file: string, invoke: boolean): Promise<ColdSample> {
  const script = [
    'const t = process.hrtime.bigint();',
    'const since = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;',
    `const m = await import(${JSON.stringify(pathToFileURL(file).href)});`,
    'const init = since(t);',
    "if (typeof m.handler !== 'function') throw new Error('no handler export');",
    'let first = 0, module = 0;',
    `if (${invoke}) {`,
    '  let t1 = process.hrtime.bigint();',
    `  const health = await m.handler(${JSON.stringify(gatewayEvent('GET', '/health'))}, {});`,
    '  first = since(t1);',
    "  if (health.statusCode !== 200) throw new Error('GET /health answered ' + health.statusCode + ' ' + health.body);",
    '  t1 = process.hrtime.bigint();',
    `  const call = await m.handler(${JSON.stringify(gatewayEvent('GET', '/trpc/hardship.files.list'))}, {});`,
    '  module = since(t1);',
    "  if (call.statusCode !== 401) throw new Error('hardship.files.list without a token answered ' + call.statusCode + ' ' + call.body);",
    '}',
    'process.stdout.write(JSON.stringify({ init, first, module }));',
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...dummyEnv },
    timeout: 30_000,
  });
  return JSON.parse(stdout.trim()) as ColdSample;
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
    const outputs = built.metafile!.outputs;
    const total = Object.entries(outputs)
      .filter(([file]) => file.endsWith('.mjs'))
      .reduce((sum, [, o]) => sum + (o as { bytes: number }).bytes, 0);
    // What a cold start loads: the entry and every chunk it imports statically (not the dynamic imports).
    const entry = Object.keys(outputs).find((file) => file.endsWith('api/index.mjs'))!;
    const atInit = new Set<string>();
    const pending = [entry];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (atInit.has(file)) continue;
      atInit.add(file);
      for (const i of outputs[file]!.imports) if (i.kind === 'import-statement' && outputs[i.path]) pending.push(i.path);
    }
    const initBytes = [...atInit].reduce((sum, file) => sum + outputs[file]!.bytes, 0);
    console.log(
      `size: entry ${(bytes / 1024).toFixed(1)} KB minified (${(gz / 1024).toFixed(1)} KB gzip); loaded at init (entry + ${atInit.size - 1} static chunks) ${(initBytes / 1024).toFixed(1)} KB — target ≤ ${SIZE_TARGET_BYTES / 1024} KB: ${initBytes <= SIZE_TARGET_BYTES ? 'met' : 'MISSED'}; ` +
        `all chunks ${(total / 1024).toFixed(1)} KB (lazy chunks load on first use: a module on the first call of its procedures, exceljs on the first spreadsheet)`,
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
    await coldSample(bundle, true);
    await coldSample(empty, false);
    const api: ColdSample[] = [];
    const base: number[] = [];
    for (let i = 0; i < samples; i++) {
      api.push(await coldSample(bundle, true));
      base.push((await coldSample(empty, false)).init);
    }
    const sorted = (pick: (s: ColdSample) => number) => api.map(pick).sort((a, b) => a - b);
    const [init, first, module] = [sorted((s) => s.init), sorted((s) => s.first), sorted((s) => s.module)];
    base.sort((a, b) => a - b);
    const apiMedian = quantile(init, 0.5);
    const baseMedian = quantile(base, 0.5);
    console.log(`cold module init, ${samples} fresh node processes each (node ${process.version}):`);
    console.log(`  api bundle:    median ${fmt(apiMedian)}, p90 ${fmt(quantile(init, 0.9))}`);
    console.log(`  empty handler: median ${fmt(baseMedian)}, p90 ${fmt(quantile(base, 0.9))}`);
    console.log(
      `  ratio (median): ${(apiMedian / baseMedian).toFixed(1)}× the empty handler; api init target ≤ ${INIT_TARGET_MS} ms: ${apiMedian <= INIT_TARGET_MS ? 'met' : 'MISSED'}`,
    );
    console.log(`  then the first invocation (GET /health, runtime built): median ${fmt(quantile(first, 0.5))}, p90 ${fmt(quantile(first, 0.9))}`);
    console.log(`  then the first call of a feature module (hardship loaded on demand): median ${fmt(quantile(module, 0.5))}, p90 ${fmt(quantile(module, 0.9))}`);
    console.log('  (local x86/arm CPU, not a Lambda sandbox: compare the ratio, not the absolute figure)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchBundle();
}
