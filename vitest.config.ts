import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure rules, kit, packages — no JVM), `integration` (DynamoDB Local, one JVM per test file:
// tests/dynamo-local.setup.ts says why) and `scale` (`*.scale.test.ts`: tens of thousands of writes, which would starve
// the integration files running beside them of CPU; `pnpm test` runs them after the others). `pnpm exec vitest run --project unit` runs the rules
// alone in seconds.
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'infra/cdk.out/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The lockfile pins an AWS SDK that supports Node 20 here; Lambdas run Node 22.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/modules/*/src/**/*.test.ts', 'apps/local/src/**/*.test.ts', 'infra/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts', 'packages/modules/*/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.scale.test.ts'],
          setupFiles: ['tests/dynamo-local.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'scale',
          include: ['tests/**/*.scale.test.ts', 'packages/modules/*/test/**/*.scale.test.ts'],
          setupFiles: ['tests/dynamo-local.setup.ts'],
        },
      },
    ],
  },
});
