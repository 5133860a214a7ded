// `pnpm test`: lint, typecheck, then unit (no JVM) + integration tests (one DynamoDB Local JVM for the run), the
// scale tests on their own, then the console build and its end-to-end tests in real Chromium.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const run = (cmd, args) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (res.status !== 0) process.exit(res.status ?? 1);
};

run('pnpm', ['lint']);
run('pnpm', ['typecheck']);
run('pnpm', ['exec', 'vitest', 'run', '--project', 'unit', '--project', 'integration']);
run('pnpm', ['exec', 'vitest', 'run', '--project', 'scale']);
run('pnpm', ['--filter', '@ufp/console', 'build']);
run('pnpm', ['exec', 'vitest', 'run', '--config', 'apps/console/vitest.e2e.config.ts']);
