import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests of the built console in real Chromium against the local platform.
// Run from the repo root: `pnpm test:e2e` (builds the console first). Not the root globalSetup (no shared JVM).
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: repoRoot,
  test: {
    include: ['apps/console/e2e/**/*.e2e.test.ts', 'apps/console/src/modules/**/e2e/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    // The demo seed runs once (global setup); each file's platform starts on a copy of its data dir.
    globalSetup: ['apps/console/e2e/global-setup.ts'],
    // Starting the platform (and its DynamoDB Local JVM) may take up to 90 s.
    hookTimeout: 150_000,
    teardownTimeout: 30_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
