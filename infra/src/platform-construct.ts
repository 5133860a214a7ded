/**
 * The whole AWS platform as one aws-cdk-lib construct (ARCHITECTURE.md "AWS"): single table →
 * stream → EventBridge Pipe → bus → one rule per rule-table entry → consumer Lambdas; HTTP API
 * with a JWT authorizer → API Lambda; EventBridge Scheduler daily tick; evidence bucket;
 * console static site; KMS keys; alarms.
 *
 * This file only composes the parts in `./platform/`, one job each:
 *
 *   data.ts       KMS keys (data, PII, ops), the table, the blind-index secret
 *   alarms.ts     alarm topic and every alarm (DLQ depth, function errors, table throttles)
 *   queues.ts     SQS dead-letter queue factory
 *   functions.ts  Lambda factory: log group, role, table/PII grants, Errors alarm
 *   grants.ts     who may do what on the table / PII key (apiGrants, consumerGrants)
 *   events.ts     bus, outbox Pipe + enrichment, consumers + failure queues, rules + DLQs
 *   storage.ts    access-log bucket, evidence bucket
 *   site.ts       console bucket (+ CloudFront and its security headers outside China)
 *   api.ts        API function, HTTP API, JWT authorizer, public routes, throttles, access logs
 *   scheduler.ts  daily tick
 *
 * The parts are deliberately not constructs of their own: they create their resources in
 * this construct's scope under the ids the single-constructor version used, so every
 * construct path — and so every CloudFormation logical ID — is unchanged. An intermediate
 * construct would rename (and so replace) the retained table, keys and buckets of a deployed
 * stack. Order matters where two parts add to one resource: the console bucket is created
 * before the evidence bucket, as before, so the access-log bucket's policy statements keep
 * their order. (Only the order of resources within the template differs from the
 * single-constructor version; every resource, output and parameter is identical.)
 *
 * Partition-neutral: every ARN comes from a resource attribute, `Arn.format` or
 * `Stack.of(this).partition`/`urlSuffix`, never a literal `arn:aws:` — it synthesizes for
 * `aws` and `aws-cn` alike. The only runtime inputs it reads are the shared manifests
 * (table attributes, rule table) so infra and local routing cannot drift.
 *
 * Least privilege: no role gets a CDK `grant*()` on the table, bucket or keys (those add
 * wildcard actions such as `kms:GenerateDataKey*` or `s3:GetObject*`); every statement on a
 * data resource lists exact actions, and the key policies list exact actions too.
 */
import {
  CfnOutput,
  Stack,
  aws_apigatewayv2 as apigw,
  aws_cloudfront as cloudfront,
  aws_dynamodb as dynamodb,
  aws_events as events,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_pipes as pipes,
  aws_s3 as s3,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PlatformAlarms } from './platform/alarms.js';
import { PlatformApi, type ApiThrottle, type FairUseLimits } from './platform/api.js';
import { PlatformData } from './platform/data.js';
import { PlatformEvents } from './platform/events.js';
import { PlatformFunctions, type FunctionBundle } from './platform/functions.js';
import { DeadLetterQueues } from './platform/queues.js';
import { DailyTick } from './platform/scheduler.js';
import { partitionName } from './platform/shared.js';
import { ConsoleSite, type ConsoleSiteMode } from './platform/site.js';
import { accessLogsBucket, evidenceBucket } from './platform/storage.js';

// Public surface, imported by stack.ts, synth.ts, the tests and sst.config.ts.
export type { FunctionBundle } from './platform/functions.js';
export type { ConsoleSiteMode } from './platform/site.js';
export { DEFAULT_API_THROTTLE, DEFAULT_PUBLIC_ROUTE_THROTTLE, type ApiThrottle, type FairUseLimits } from './platform/api.js';
export { apiGrants, consumerFunctionSettings, consumerGrants, deadLetterQueueActions, defaultConsumerGrants, type FunctionGrants, type TableAction } from './platform/grants.js';
export { outboxFilterPattern, pipeInputTemplate } from './platform/events.js';

export interface FederationPlatformProps {
  /** Deployment stage (`prod`, `staging`, …); used in resource names and tags. */
  readonly stage: string;
  /** OIDC issuer the HTTP API's JWT authorizer (and the app) accept, e.g. a Cognito user pool URL. */
  readonly jwtIssuer: string;
  /** Audience (client id) the JWT authorizer requires. */
  readonly jwtAudience: string;
  /** JWKS URL the app verifies tokens against (`jose`). */
  readonly jwksUrl: string;
  /**
   * The token claim that carries the platform's directory user id (`sub` by default). Identity providers
   * that generate `sub` themselves map the id into another claim, e.g. `cognito:username` (docs/deploy.md).
   */
  readonly jwtUserIdClaim?: string;
  /** Subscribed to the alarm topic when given (the subscription must be confirmed by e-mail). */
  readonly alarmEmail?: string;
  /**
   * Lambda code per bundle. Production: `Code.fromAsset('packages/functions/dist/<bundle>')`;
   * tests pass `Code.fromInline(...)` so nothing is bundled.
   */
  readonly code: (bundle: FunctionBundle) => lambda.Code;
  /**
   * 'cloudfront' outside China. 's3-only' in the China partition: CloudFront China needs an
   * ICP-filed domain and an IAM server certificate, so the bucket stays private and is fronted
   * by a CDN configured after ICP filing (docs/deploy.md). Default: by partition.
   */
  readonly consoleSite?: ConsoleSiteMode;
  /** Browser origins allowed by API CORS and the evidence bucket (default: the CloudFront URL). */
  readonly consoleOrigins?: readonly string[];
  /**
   * Graviton (arm64) is the default; both us-east-1 and the China regions list arm64 Lambda
   * pricing. Override for a region that does not offer it.
   */
  readonly architecture?: lambda.Architecture;
  /** HTTP API stage throttling, every route (default `DEFAULT_API_THROTTLE`: 200/s, burst 400). */
  readonly apiThrottle?: ApiThrottle;
  /** Each public route's throttle (default `DEFAULT_PUBLIC_ROUTE_THROTTLE`: 50/s, burst 100). */
  readonly publicRouteThrottle?: ApiThrottle;
  /** Per-tenant fairness in the app, calls per minute (default 1,200 per tenant, 300 per anonymous address). */
  readonly fairUse?: FairUseLimits;
  /**
   * The API origin the console's CSP lets it call (`connect-src`), e.g. the API's custom domain.
   * Default: the HTTP API's own endpoint when `consoleOrigins` is given or there is no CloudFront;
   * otherwise any HTTP API of this region (see `consoleCspOrigins`).
   */
  readonly consoleApiOrigin?: string;
  /** The evidence store origin the console uploads to (presigned PUT); default as for `consoleApiOrigin`, with the evidence bucket. */
  readonly evidenceOrigin?: string;
}

export class FederationPlatform extends Construct {
  readonly table: dynamodb.Table;
  readonly bus: events.EventBus;
  readonly dataKey: kms.Key;
  readonly piiKey: kms.Key;
  readonly opsKey: kms.Key;
  /** Signs the audit log's digests (HMAC, never leaves KMS). */
  readonly auditMacKey: kms.Key;
  readonly blindIndexSecret: secretsmanager.CfnSecret;
  readonly evidenceBucket: s3.Bucket;
  readonly consoleBucket: s3.Bucket;
  readonly distribution?: cloudfront.Distribution;
  readonly consoleResponseHeadersPolicy?: cloudfront.ResponseHeadersPolicy;
  readonly api: apigw.HttpApi;
  /** The API routes without the JWT authorizer, one per public procedure. */
  readonly publicRoutes: readonly apigw.HttpRoute[];
  readonly apiStage: apigw.HttpStage;
  readonly apiFunction: lambda.Function;
  readonly enrichmentFunction: lambda.Function;
  readonly consumerFunctions: Readonly<Record<string, lambda.Function>>;
  /** The intake queues of the batch consumers (the rollup projector), by handler. */
  readonly intakeQueues: Readonly<Record<string, sqs.Queue>>;
  readonly rules: readonly events.CfnRule[];
  readonly pipe: pipes.CfnPipe;
  readonly alarmTopic: sns.Topic;
  readonly deadLetterQueues: readonly sqs.Queue[];

  constructor(scope: Construct, id: string, props: FederationPlatformProps) {
    super(scope, id);
    // Feature flags this construct relies on, set on itself so it behaves the same in a plain
    // CDK app and in SST's app: server access logs are granted by bucket policy (the log
    // bucket keeps ACLs disabled where it can). Must precede every child.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const consoleMode: ConsoleSiteMode = props.consoleSite ?? (partitionName(Stack.of(this)) === 'aws-cn' ? 's3-only' : 'cloudfront');

    // Every part below creates its resources in `this` (see the header).
    const data = new PlatformData(this, { stage: props.stage });
    const alarms = new PlatformAlarms(this, { stage: props.stage, opsKey: data.opsKey, alarmEmail: props.alarmEmail });
    const queues = new DeadLetterQueues(this, alarms);
    const functions = new PlatformFunctions(this, {
      data,
      alarms,
      architecture: props.architecture ?? lambda.Architecture.ARM_64,
      code: props.code,
    });

    const accessLogs = accessLogsBucket(this, consoleMode);
    const site = new ConsoleSite(this, { stage: props.stage, mode: consoleMode, accessLogs });
    const consoleOrigins = props.consoleOrigins ?? site.defaultOrigins;
    const evidence = evidenceBucket(this, { dataKey: data.dataKey, accessLogs, consoleOrigins });

    const sharedEnv = (bus: events.IEventBus): Record<string, string> => ({
      TABLE_NAME: data.table.tableName,
      EVENT_BUS_NAME: bus.eventBusName,
      JWT_ISSUER: props.jwtIssuer,
      JWT_AUDIENCE: props.jwtAudience,
      JWKS_URL: props.jwksUrl,
      JWT_USER_ID_CLAIM: props.jwtUserIdClaim ?? 'sub',
    });
    const transport = new PlatformEvents(this, {
      stage: props.stage,
      table: data.table,
      dataKey: data.dataKey,
      functions,
      queues,
      alarms,
      evidenceBucket: evidence,
      environment: sharedEnv,
    });
    new DailyTick(this, { bus: transport.bus, queues });
    const api = new PlatformApi(this, {
      stage: props.stage,
      functions,
      environment: sharedEnv(transport.bus),
      evidenceBucket: evidence,
      dataKey: data.dataKey,
      jwtIssuer: props.jwtIssuer,
      jwtAudience: props.jwtAudience,
      consoleOrigins,
      throttle: props.apiThrottle,
      publicRouteThrottle: props.publicRouteThrottle,
      fairUse: props.fairUse,
      // After the daily tick: every DLQ exists by now, so the page covers them all.
      deadLetters: { queues: queues.registered, bus: transport.bus, tableStreamArn: data.table.tableStreamArn! },
    });
    alarms.tableThrottles(data.table);
    const [apiOrigin, evidenceOrigin] = consoleCspOrigins(this, { props, consoleMode, api: api.api, evidence });
    // Evidence photos show as thumbnails loaded from their short-lived URLs: the bucket is an image origin too.
    site.allowOrigins({ connect: [apiOrigin, evidenceOrigin], images: [evidenceOrigin] });

    this.dataKey = data.dataKey;
    this.piiKey = data.piiKey;
    this.opsKey = data.opsKey;
    this.auditMacKey = data.auditMacKey;
    this.table = data.table;
    this.blindIndexSecret = data.blindIndexSecret;
    this.alarmTopic = alarms.topic;
    this.consoleBucket = site.bucket;
    this.distribution = site.distribution;
    this.consoleResponseHeadersPolicy = site.responseHeadersPolicy;
    this.publicRoutes = api.publicRoutes;
    this.evidenceBucket = evidence;
    this.bus = transport.bus;
    this.enrichmentFunction = transport.enrichmentFunction;
    this.consumerFunctions = transport.consumerFunctions;
    this.intakeQueues = transport.intakeQueues;
    this.rules = transport.rules;
    this.pipe = transport.pipe;
    this.apiFunction = api.function;
    this.api = api.api;
    this.apiStage = api.stage;
    this.deadLetterQueues = queues.all;

    // ── Outputs ──────────────────────────────────────────────────────────────────────────
    new CfnOutput(this, 'ApiUrl', { value: this.apiStage.url });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.evidenceBucket.bucketName });
    new CfnOutput(this, 'ConsoleBucketName', { value: this.consoleBucket.bucketName });
    if (this.distribution) new CfnOutput(this, 'ConsoleUrl', { value: `https://${this.distribution.distributionDomainName}` });
    // What the console must be served with: CloudFront sends it; in China the CDN configured after ICP filing must.
    new CfnOutput(this, 'ConsoleSecurityHeaders', {
      description: 'HTTP response headers the console must be served with (JSON); in s3-only mode configure them on the CDN in front of the console bucket',
      value: Stack.of(this).toJsonString(site.securityHeaders()),
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
    new CfnOutput(this, 'PiiKeyArn', { value: this.piiKey.keyArn });
  }
}

/**
 * The origins besides its own that the console connects to: the API and the evidence bucket (presigned
 * uploads are virtual-hosted URLs, `https://<bucket>.s3.<region>.<urlSuffix>`).
 *
 * Exact origins need the API's id and the bucket's name in the distribution's headers policy, while the
 * API's and the bucket's CORS name the distribution's generated domain when `consoleOrigins` is not
 * given — a dependency cycle CloudFormation refuses. So: exact origins when `consoleOrigins` is given
 * (production, with the federation's domain) or there is no distribution (China); otherwise, for a
 * stage on the `*.cloudfront.net` name, any HTTP API and any S3 bucket of this region.
 */
function consoleCspOrigins(
  scope: Construct,
  opts: { props: FederationPlatformProps; consoleMode: ConsoleSiteMode; api: apigw.HttpApi; evidence: s3.IBucket },
): readonly [string, string] {
  const { props, consoleMode, api, evidence } = opts;
  const stack = Stack.of(scope);
  const exact = props.consoleOrigins !== undefined || consoleMode === 's3-only';
  const apiOrigin = props.consoleApiOrigin ?? (exact ? api.apiEndpoint : `https://*.execute-api.${stack.region}.${stack.urlSuffix}`);
  const evidenceOrigin = props.evidenceOrigin ?? (exact ? `https://${evidence.bucketRegionalDomainName}` : `https://*.s3.${stack.region}.${stack.urlSuffix}`);
  return [apiOrigin, evidenceOrigin] as const;
}
