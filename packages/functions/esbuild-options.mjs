// Shared esbuild settings for the Lambda bundles: used by build.mjs (`pnpm build:functions`),
// by infra/src/synth.ts (through build.mjs) and by bench/bundle.ts, so the size and cold-start
// figures the bench prints are those of the artefact that is deployed.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(packageDir, '..', '..');

/** One bundle per entry; the consumer bundle is deployed once per handler name. */
export const functionBundles = /** @type {const} */ (['api', 'consumer', 'outbox-enrichment']);

/** Bundles that need `createRuntime` from packages/api/src/runtime.ts. */
export const runtimeBundles = /** @type {const} */ (['api', 'consumer']);

export const runtimeSource = join(repoRoot, 'packages', 'api', 'src', 'runtime.ts');

export function entryPoint(name) {
  return join(packageDir, 'src', `${name}.ts`);
}

export function outDir(name) {
  return join(packageDir, 'dist', name);
}

export function outFile(name) {
  return join(outDir(name), 'index.mjs');
}

/**
 * esbuild is a dependency of @ufp/infra (the deploy tooling pins it); resolve it from there
 * so this package needs no second copy.
 */
export async function loadEsbuild() {
  const require = createRequire(join(repoRoot, 'infra', 'package.json'));
  return import(require.resolve('esbuild'));
}

/**
 * zod 4 re-exports every message locale on its `z` namespace (`z.locales`), so any
 * `import { z } from 'zod'` keeps all ~60 locales (≈ 250 KB minified, a quarter of the API
 * bundle) although the API only uses zh-CN and en (packages/api/src/zod-bilingual.ts).
 * This plugin serves zod's locales index with the listed locales only; any other locale is a
 * function that throws, so a new use fails loudly in tests instead of shipping silently broken.
 * Add a locale here when the API starts using it.
 */
export const bundledZodLocales = ['en', 'zhCN'];

/** @returns {import('esbuild').Plugin} */
export function zodLocalesPlugin(keep = bundledZodLocales) {
  return {
    name: 'ufp-zod-locales',
    setup(build) {
      build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const lines = [];
        for (const m of source.matchAll(/export \{ default as (\w+) \} from "(\.\/[\w-]+\.js)";/g)) {
          const [, name, file] = m;
          lines.push(
            keep.includes(name)
              ? `export { default as ${name} } from ${JSON.stringify(file)};`
              : `export const ${name} = () => { throw new Error(${JSON.stringify(`zod locale ${name} is not bundled (packages/functions/esbuild-options.mjs)`)}); };`,
          );
        }
        if (lines.length === 0) throw new Error(`unexpected zod locales index format: ${args.path}`);
        return { contents: lines.join('\n'), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * AWS SDK v3 is bundled, not marked external. The Node.js 22 Lambda runtime does ship an
 * SDK v3, but at a version AWS chooses and updates (and which lags in the China regions);
 * our packages pin ~3.1164 and are tested against it. Bundling keeps prod = test, and
 * tree-shaking keeps only the commands we use. Set `external` here only if a measured
 * cold-start win outweighs that.
 *
 * @param {string} name one of functionBundles
 * @returns {import('esbuild').BuildOptions}
 */
export function bundleOptions(name) {
  return {
    entryPoints: [entryPoint(name)],
    // Code splitting: what is imported lazily (exceljs for spreadsheet export/import) lands in
    // its own chunk, so the entry a cold start loads stays small. The asset is the directory.
    outdir: outDir(name),
    entryNames: 'index',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // Prefer the ESM builds of dual packages (AWS SDK, hono) so tree-shaking works.
    mainFields: ['module', 'main'],
    conditions: ['module', 'import'],
    minify: true,
    // Chinese text (messages, field labels, the GB/T 2260 division names) as UTF-8, 3 bytes a
    // character, rather than esbuild's default \uXXXX escapes at 6: the division table alone is
    // 42 KB instead of 74 KB. Lambda reads the bundle as UTF-8.
    charset: 'utf8',
    treeShaking: true,
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    external: [],
    plugins: [zodLocalesPlugin()],
    // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
    banner: {
      js: "import{createRequire as __ufpCreateRequire}from'node:module';const require=__ufpCreateRequire(import.meta.url);",
    },
  };
}

export function runtimeAvailable() {
  return existsSync(runtimeSource);
}
