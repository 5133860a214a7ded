// Stand-alone config for the offline synth tests (`npx vitest run --root infra`): no DynamoDB
// Local global setup, which these tests do not need. The root config also includes them.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'cdk.out/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
