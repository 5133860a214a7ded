import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/local/src/**/*.test.ts', 'infra/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'infra/cdk.out/**'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
