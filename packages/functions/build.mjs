#!/usr/bin/env node
// `pnpm build:functions`: bundles every Lambda entry point to packages/functions/dist/<name>/index.mjs.
//
// Until packages/api/src/runtime.ts exists the api and consumer bundles cannot be built; they
// are skipped with a warning (exit 0) so the rest of the pipeline keeps working. Pass --strict
// (or set BUILD_FUNCTIONS_STRICT=1) to make that an error, as a deploy should.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  bundleOptions,
  functionBundles,
  loadEsbuild,
  outDir,
  outFile,
  repoRoot,
  runtimeAvailable,
  runtimeBundles,
  runtimeSource,
} from './esbuild-options.mjs';

/**
 * @param {{ strict?: boolean, only?: readonly string[], quiet?: boolean }} [opts]
 * @returns {Promise<{ built: { name: string, bytes: number, file: string }[], skipped: string[] }>}
 */
export async function buildFunctions(opts = {}) {
  const strict = opts.strict ?? false;
  const names = functionBundles.filter((n) => !opts.only || opts.only.includes(n));
  const log = opts.quiet ? () => {} : (/** @type {string} */ m) => console.log(m);
  const esbuild = await loadEsbuild();
  const built = [];
  const skipped = [];
  for (const name of names) {
    if (runtimeBundles.includes(name) && !runtimeAvailable()) {
      const msg = `${name}: skipped, ${relative(repoRoot, runtimeSource)} does not exist yet`;
      if (strict) throw new Error(msg);
      console.warn(`warning: ${msg}`);
      skipped.push(name);
      continue;
    }
    await rm(outDir(name), { recursive: true, force: true });
    await mkdir(outDir(name), { recursive: true });
    const result = await esbuild.build(bundleOptions(name));
    const file = outFile(name);
    const output = result.metafile.outputs[relative(process.cwd(), file)] ??
      Object.entries(result.metafile.outputs).find(([k]) => k.endsWith(`${name}/index.mjs`))?.[1];
    const bytes = output?.bytes ?? 0;
    // Kept beside, not inside, the asset directory so it is not deployed.
    await writeFile(`${outDir(name)}.meta.json`, JSON.stringify(result.metafile));
    built.push({ name, bytes, file });
    log(`${name}: ${(bytes / 1024).toFixed(1)} KB → ${relative(repoRoot, file)}`);
  }
  return { built, skipped };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const strict = process.argv.includes('--strict') || process.env.BUILD_FUNCTIONS_STRICT === '1';
  buildFunctions({ strict }).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
