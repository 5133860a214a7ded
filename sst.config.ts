/**
 * SST v2 app (the CDK-based line, sst@2.49.x with aws-cdk-lib 2.224.0): one stack that
 * instantiates the platform construct. SST v3/v4 (Pulumi/Terraform based) cannot host CDK
 * constructs, which is why this stays on v2.
 *
 *   pnpm sst deploy --stage prod --region cn-northwest-1
 *
 * Parameters come from the environment (JWT_ISSUER, JWT_AUDIENCE, JWKS_URL, optional
 * JWT_USER_ID_CLAIM, ALARM_EMAIL, CONSOLE_ORIGINS). The SST CLI needs network access (it bootstraps and talks to
 * AWS), so nothing here runs in the offline tests: they synthesize the same construct with
 * aws-cdk-lib directly (infra/test). The plain-CDK route on the same construct is
 * `pnpm infra:synth` + `cdk deploy`, see docs/deploy.md.
 */
import type { SSTConfig } from 'sst';
import type { StackContext } from 'sst/constructs';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { FederationPlatform } from './infra/src/platform-construct.js';
import { buildFunctions } from './packages/functions/build.mjs';
import { outDir } from './packages/functions/esbuild-options.mjs';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set for sst deploy (see docs/deploy.md)`);
  return value;
}

function Platform({ stack, app }: StackContext) {
  new FederationPlatform(stack, 'Platform', {
    stage: app.stage,
    jwtIssuer: requiredEnv('JWT_ISSUER'),
    jwtAudience: requiredEnv('JWT_AUDIENCE'),
    jwksUrl: requiredEnv('JWKS_URL'),
    jwtUserIdClaim: process.env.JWT_USER_ID_CLAIM || undefined,
    alarmEmail: process.env.ALARM_EMAIL || undefined,
    consoleOrigins: process.env.CONSOLE_ORIGINS ? process.env.CONSOLE_ORIGINS.split(',') : undefined,
    // Bundles are prebuilt by buildFunctions() below with the shared esbuild options, so SST's
    // own function bundler is not involved.
    code: (bundle) => Code.fromAsset(outDir(bundle), { exclude: ['*.map'] }),
  });
}

export default {
  config(input) {
    return {
      name: 'union-federation-platform',
      // Personal data of Chinese members stays in China: Ningxia unless told otherwise.
      region: input.region ?? process.env.AWS_REGION ?? 'cn-northwest-1',
      stage: input.stage,
    };
  },
  async stacks(app) {
    await buildFunctions({ strict: true });
    app.stack(Platform, { id: 'platform' });
  },
} satisfies SSTConfig;
