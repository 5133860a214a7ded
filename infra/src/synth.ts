/**
 * `pnpm infra:synth` — writes the CloudFormation template(s) to infra/cdk.out/ offline.
 *
 *   AWS_REGION=cn-northwest-1 pnpm infra:synth
 *
 * No credentials and no network: the stack is region-bound (AWS_REGION, default us-east-1)
 * and account-agnostic unless CDK_DEFAULT_ACCOUNT is set, so nothing is looked up. The Lambda
 * bundles are built first (packages/functions/build.mjs, strict) and added as assets.
 * `--no-bundle` uses placeholder inline code instead: for reading templates only, not deploying.
 * cdk-nag AwsSolutions runs on the stack; any error finding fails the command.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { buildFunctions } from '../../packages/functions/build.mjs';
import { outDir } from '../../packages/functions/esbuild-options.mjs';
import type { FunctionBundle } from './platform-construct.js';
import { addPlatformStack } from './stack.js';

const infraDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function synth(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
  const stage = env.STAGE || 'prod';
  const bundle = !argv.includes('--no-bundle');
  const outdir = join(infraDir, 'cdk.out');

  let code: (b: FunctionBundle) => Code;
  if (bundle) {
    await buildFunctions({ strict: true });
    code = (b) => Code.fromAsset(outDir(b), { exclude: ['*.map'] });
  } else {
    console.warn('warning: --no-bundle: Lambda code is a placeholder; this template is not deployable');
    code = () => Code.fromInline('export const handler = async () => { throw new Error("placeholder"); };');
  }

  rmSync(outdir, { recursive: true, force: true });
  const app = new App({ outdir });
  const jwt =
    env.JWT_ISSUER && env.JWT_AUDIENCE && env.JWKS_URL
      ? { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, jwksUrl: env.JWKS_URL, userIdClaim: env.JWT_USER_ID_CLAIM || undefined }
      : undefined;
  const { stack } = addPlatformStack(app, {
    region,
    account: env.CDK_DEFAULT_ACCOUNT || undefined,
    stage,
    code,
    jwt,
    alarmEmail: env.ALARM_EMAIL || undefined,
    nag: true,
  });
  const assembly = app.synth();
  const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('.*'));
  const artifact = assembly.getStackByName(stack.stackName);
  console.log(`${stack.stackName} (${region}) → ${artifact.templateFullPath}`);
  if (errors.length) {
    for (const e of errors) console.error(`${e.id}: ${String(e.entry.data)}`);
    throw new Error(`${errors.length} cdk-nag/synth error(s)`);
  }
  return artifact.templateFullPath;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  synth().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
