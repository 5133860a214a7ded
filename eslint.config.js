// `pnpm lint`: typescript-eslint's recommended rules plus the boundaries that keep one folder per module.
import tseslint from 'typescript-eslint';

const moduleNames = ['platform', 'ten-things', 'contracts', 'hardship', 'model-workers', 'competitions'];

/** A module reaches another module only through its events (`@ufp/<other>/events`). */
const otherModules = (own) =>
  moduleNames
    .filter((m) => m !== own)
    .map((m) => ({ group: [`@ufp/${m}/*`, `!@ufp/${m}/events`], message: 'A module imports another module only through its events (@ufp/<module>/events).' }));

const awsAndTransport = [
  { group: ['@aws-sdk/*', 'hono', 'hono/*', '@hono/*', '@trpc/*', 'exceljs'], message: 'core holds pure rules: no AWS, HTTP, tRPC or spreadsheet library.' },
  { group: ['@ufp/db', '@ufp/db/*', '@ufp/events', '@ufp/events/*', '@ufp/kit/*', '@ufp/api', '@ufp/api/*', ...moduleNames.map((m) => `@ufp/${m}/*`)], message: 'core depends on nothing of the platform.' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'infra/cdk.out/**', '.sst/**', 'apps/console/dist/**', '**/*.d.ts', 'packages/core/src/validation/division-data.ts'] },
  ...tseslint.configs.recommended,
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests read loosely typed responses and build bad inputs on purpose.
    files: ['tests/**/*.ts', 'packages/testing/**/*.ts', 'packages/modules/*/test/**/*.ts', '**/*.test.ts', 'apps/console/e2e/**/*.ts', 'infra/test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: awsAndTransport }] },
  },
  {
    files: ['packages/kit/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: moduleNames.map((m) => `@ufp/${m}/*`).concat(['@ufp/api', '@ufp/api/*']), message: 'The kit knows no module.' }] }] },
  },
  ...moduleNames.map((m) => ({
    files: [`packages/modules/${m}/src/**/*.ts`],
    ignores: [`packages/modules/${m}/src/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...otherModules(m), { group: ['@ufp/api', '@ufp/api/*'], message: 'Modules do not import the app; the app imports them.' }] }] },
  })),
  // A module's integration tests run the whole app (its tests may import @ufp/api), still not another module's code.
  ...moduleNames.map((m) => ({
    files: [`packages/modules/${m}/test/**/*.ts`, `packages/modules/${m}/src/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: otherModules(m) }] },
  })),
  {
    // A procedure is a tier, an input schema and one service call.
    files: ['packages/modules/*/src/router.ts', 'packages/modules/*/src/routers/*.ts', 'packages/modules/*/src/router/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ThrowStatement', message: 'No throw in a router: refusals are domain rules or service checks.' },
        { selector: "NewExpression[callee.name='UnitOfWork']", message: 'No UnitOfWork in a router: writes belong to the service.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@ufp/db/*', 'exceljs', '@ufp/core/pii/*', '@ufp/kit/excel', '@ufp/kit/write', '@ufp/kit/transition'], message: 'No store, cipher, UnitOfWork or ExcelJS in a router: call the service.' },
            ...moduleNames.map((m) => ({ group: [`@ufp/${m}/*`, `!@ufp/${m}/events`], message: 'A module imports another module only through its events.' })),
          ],
        },
      ],
      'max-lines-per-function': ['error', { max: 10, skipBlankLines: true, skipComments: true }],
    },
  },
);
