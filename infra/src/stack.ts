/**
 * The one platform stack, shared by `pnpm infra:synth` (synth.ts) and the synth tests, so what
 * the tests assert is what synth writes. sst.config.ts instantiates the same construct inside
 * SST's own stack.
 */
import { App, Aspects, CfnParameter, Stack, Tags } from 'aws-cdk-lib';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FederationPlatform, type ConsoleSiteMode, type FunctionBundle } from './platform-construct.js';

export interface PlatformStackOptions {
  region: string;
  /**
   * Omitted → an account-agnostic stack (`${AWS::AccountId}`): synthesizes offline with no
   * credentials and no made-up account id baked into ARNs; the account is bound at deploy.
   */
  account?: string;
  stage: string;
  code: (bundle: FunctionBundle) => Code;
  /** Omitted → CloudFormation parameters JwtIssuer / JwtAudience / JwksUrl / JwtUserIdClaim. */
  jwt?: { issuer: string; audience: string; jwksUrl: string; userIdClaim?: string };
  alarmEmail?: string;
  consoleSite?: ConsoleSiteMode;
  /** Run cdk-nag AwsSolutions checks (findings become error/warning annotations). */
  nag?: boolean;
}

export function addPlatformStack(app: App, opts: PlatformStackOptions): { stack: Stack; platform: FederationPlatform } {
  const stack = new Stack(app, `ufp-${opts.stage}`, {
    env: { region: opts.region, account: opts.account },
    description: `Union federation platform (${opts.stage}): API, single table, event bus, consumers, console`,
  });
  const jwt = opts.jwt ?? {
    issuer: new CfnParameter(stack, 'JwtIssuer', {
      description: 'OIDC issuer URL accepted by the API (e.g. https://cognito-idp.<region>.amazonaws.com/<pool>)',
      type: 'String',
      allowedPattern: '^https://.+',
    }).valueAsString,
    audience: new CfnParameter(stack, 'JwtAudience', { description: 'Required JWT audience (client id)', type: 'String', minLength: 1 })
      .valueAsString,
    jwksUrl: new CfnParameter(stack, 'JwksUrl', {
      description: 'JWKS URL of the issuer',
      type: 'String',
      allowedPattern: '^https://.+',
    }).valueAsString,
    userIdClaim: new CfnParameter(stack, 'JwtUserIdClaim', {
      description: 'Token claim holding the directory user id (sub, or e.g. cognito:username when the IdP generates sub)',
      type: 'String',
      default: 'sub',
      minLength: 1,
    }).valueAsString,
  };
  const platform = new FederationPlatform(stack, 'Platform', {
    stage: opts.stage,
    jwtIssuer: jwt.issuer,
    jwtAudience: jwt.audience,
    jwksUrl: jwt.jwksUrl,
    jwtUserIdClaim: jwt.userIdClaim,
    alarmEmail: opts.alarmEmail,
    code: opts.code,
    consoleSite: opts.consoleSite,
  });
  Tags.of(stack).add('app', 'union-federation-platform');
  Tags.of(stack).add('stage', opts.stage);
  Tags.of(stack).add('data-classification', 'personal-information');
  if (opts.nag) Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true }));
  return { stack, platform };
}
