/**
 * The whole AWS platform as one aws-cdk-lib construct (ARCHITECTURE.md "AWS"): single table →
 * stream → EventBridge Pipe → bus → one rule per rule-table entry → consumer Lambdas; HTTP API
 * with a JWT authorizer → API Lambda; EventBridge Scheduler daily tick; evidence bucket;
 * console static site; KMS keys; alarms.
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
  Arn,
  ArnFormat,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  TimeZone,
  Token,
  aws_apigateway as apigwV1,
  aws_apigatewayv2 as apigw,
  aws_apigatewayv2_authorizers as apigwAuth,
  aws_apigatewayv2_integrations as apigwInt,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_cloudwatch as cw,
  aws_cloudwatch_actions as cwActions,
  aws_dynamodb as dynamodb,
  aws_events as events,
  aws_iam as iam,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_lambda_destinations as destinations,
  aws_logs as logs,
  aws_pipes as pipes,
  aws_s3 as s3,
  aws_scheduler as scheduler,
  aws_scheduler_targets as schedulerTargets,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
  aws_sns_subscriptions as subscriptions,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { tableManifest } from '@ufp/db/manifest';
import { ruleTable, type HandlerName, type RuleDefinition } from '@ufp/events/rules';

/** The Lambda bundles built by packages/functions/build.mjs (dist/<bundle>/index.mjs). */
export type FunctionBundle = 'api' | 'consumer' | 'outbox-enrichment';

/** Where the console's static files are served from (see docs/deploy.md, China notes). */
export type ConsoleSiteMode = 'cloudfront' | 's3-only';

/** Item-level DynamoDB actions; no Scan, no table-level or control-plane actions. */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:ConditionCheckItem'
  | 'dynamodb:BatchWriteItem';

export interface FunctionGrants {
  /**
   * Table actions this function uses. TransactWriteItems has no IAM action of its own: it is
   * authorised per item as PutItem/UpdateItem/DeleteItem/ConditionCheckItem.
   */
  readonly tableActions: readonly TableAction[];
  /** Use of the PII envelope key (GenerateDataKey/Decrypt) and read of the blind-index secret. */
  readonly pii: boolean;
}

/**
 * The API reads and writes every aggregate, parks/replays/removes dead letters (DeleteItem)
 * and runs consumers on replay, and it encrypts and blind-indexes personal data.
 */
export const apiGrants: FunctionGrants = {
  tableActions: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
  pii: true,
};

/**
 * A consumer reads its processed marker (GetItem), queries, and commits its effects with the
 * marker in one TransactWriteItems (Put/Update/ConditionCheck); parking a dead letter is a Put.
 * No Delete, no Batch*, no Scan — and no PII: consumers work on rollups and clocks.
 */
export const defaultConsumerGrants: FunctionGrants = {
  tableActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
  pii: false,
};

/**
 * Per-handler overrides. A handler that is not listed gets `defaultConsumerGrants`, so a new
 * rule-table handler deploys with the narrow default until someone decides it needs more.
 */
export const consumerGrants: Partial<Record<HandlerName, FunctionGrants>> = {
  rollupProjector: defaultConsumerGrants,
  dailyTick: defaultConsumerGrants,
};

export interface FederationPlatformProps {
  /** Deployment stage (`prod`, `staging`, …); used in resource names and tags. */
  readonly stage: string;
  /** OIDC issuer the HTTP API's JWT authorizer (and the app) accept, e.g. a Cognito user pool URL. */
  readonly jwtIssuer: string;
  /** Audience (client id) the JWT authorizer requires. */
  readonly jwtAudience: string;
  /** JWKS URL the app verifies tokens against (`jose`). */
  readonly jwksUrl: string;
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
  /** HTTP API stage throttling (requests per second / burst). */
  readonly apiThrottle?: { readonly rateLimit: number; readonly burstLimit: number };
}

const LOG_RETENTION = logs.RetentionDays.SIX_MONTHS; // 180 days, PIPL/等保 audit floor for this system
const RUNTIME = lambda.Runtime.NODEJS_22_X;
const TICK_SOURCE = 'federation.scheduler';
const TICK_DETAIL_TYPE = 'schedule.tick';

/** The EventBridge pattern a Pipe uses to keep only freshly inserted outbox items. */
export const outboxFilterPattern = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { kind: { S: [tableManifest.outboxKind] } } },
};

/**
 * Target input template of the Pipe. The enrichment returns the parsed envelope; this keeps
 * its `detail` ({data, meta}) and carries the envelope id, which EventBridge would otherwise
 * replace with its own (consumers key idempotency on the envelope id).
 */
export const pipeInputTemplate = '{"data": <$.detail.data>, "meta": <$.detail.meta>, "envelopeId": "<$.id>"}';

export class FederationPlatform extends Construct {
  readonly table: dynamodb.Table;
  readonly bus: events.EventBus;
  readonly dataKey: kms.Key;
  readonly piiKey: kms.Key;
  readonly opsKey: kms.Key;
  readonly blindIndexSecret: secretsmanager.CfnSecret;
  readonly evidenceBucket: s3.Bucket;
  readonly consoleBucket: s3.Bucket;
  readonly distribution?: cloudfront.Distribution;
  readonly api: apigw.HttpApi;
  readonly apiStage: apigw.HttpStage;
  readonly apiFunction: lambda.Function;
  readonly enrichmentFunction: lambda.Function;
  readonly consumerFunctions: Readonly<Record<string, lambda.Function>>;
  readonly rules: readonly events.CfnRule[];
  readonly pipe: pipes.CfnPipe;
  readonly alarmTopic: sns.Topic;
  readonly deadLetterQueues: readonly sqs.Queue[];

  private readonly stack: Stack;
  private readonly architecture: lambda.Architecture;
  private readonly code: FederationPlatformProps['code'];

  constructor(scope: Construct, id: string, props: FederationPlatformProps) {
    super(scope, id);
    // Feature flags this construct relies on, set on itself so it behaves the same in a plain
    // CDK app and in SST's app: server access logs are granted by bucket policy (the log
    // bucket keeps ACLs disabled where it can).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    this.stack = Stack.of(this);
    this.architecture = props.architecture ?? lambda.Architecture.ARM_64;
    this.code = props.code;
    const consoleMode: ConsoleSiteMode = props.consoleSite ?? (this.partitionName() === 'aws-cn' ? 's3-only' : 'cloudfront');
    const dlqs: sqs.Queue[] = [];

    // ── Keys ─────────────────────────────────────────────────────────────────────────────
    this.dataKey = this.key('DataKey', 'Table, stream and evidence bucket at rest', []);
    this.piiKey = this.key('PiiKey', 'Envelope encryption of personal data fields and the blind-index secret', []);
    this.opsKey = this.key('OpsKey', 'CloudWatch Logs and the alarm topic', [
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsUse',
        principals: [new iam.ServicePrincipal(`logs.${this.stack.region}.${this.stack.urlSuffix}`)],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': Arn.format(
              { service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME },
              this.stack,
            ),
          },
        },
      }),
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.stack.account } },
      }),
    ]);

    // ── Alarm topic ──────────────────────────────────────────────────────────────────────
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `UFP ${props.stage} alarms`,
      masterKey: this.opsKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const alarmAction = new cwActions.SnsAction(this.alarmTopic);

    // ── Table ────────────────────────────────────────────────────────────────────────────
    const attr = (a: { name: string; type: string }): dynamodb.Attribute => ({
      name: a.name,
      type: a.type as dynamodb.AttributeType,
    });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attr(tableManifest.partitionKey),
      sortKey: attr(tableManifest.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType[tableManifest.streamViewType],
      timeToLiveAttribute: tableManifest.ttlAttribute,
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of tableManifest.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: attr(gsi.partitionKey),
        sortKey: attr(gsi.sortKey),
        projectionType: dynamodb.ProjectionType[gsi.projection],
      });
    }

    // ── Bus ──────────────────────────────────────────────────────────────────────────────
    this.bus = new events.EventBus(this, 'Bus', { eventBusName: `ufp-${props.stage}` });

    // ── Blind-index secret (encrypted under the PII key) ─────────────────────────────────
    // L1 on purpose: the L2 Secret adds a key-policy statement with wildcard actions
    // (kms:GenerateDataKey*, kms:ReEncrypt*) and a `secretsmanager.<region>.amazonaws.com`
    // via-service name that is wrong in the China partition (…amazonaws.com.cn).
    this.blindIndexSecret = new secretsmanager.CfnSecret(this, 'BlindIndexSecret', {
      description: `UFP ${props.stage}: HMAC key for blind indexes and cursor signing (never rotate without re-indexing)`,
      kmsKeyId: this.piiKey.keyArn,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    this.blindIndexSecret.applyRemovalPolicy(RemovalPolicy.RETAIN);
    NagSuppressions.addResourceSuppressions(this.blindIndexSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason: 'The blind-index HMAC key cannot be rotated automatically: every stored lookup hash would stop matching. Rotation is a planned re-indexing job (new key version, re-hash, switch), documented in docs/deploy.md.',
      },
    ]);

    // ── Buckets ──────────────────────────────────────────────────────────────────────────
    const accessLogs = new s3.Bucket(this, 'AccessLogsBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED, // server access logging cannot write to SSE-KMS buckets
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      // CloudFront standard logs are delivered with ACLs; S3 server access logs do not need them.
      objectOwnership:
        consoleMode === 'cloudfront' ? s3.ObjectOwnership.BUCKET_OWNER_PREFERRED : s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(accessLogs, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log destination bucket; logging it into itself would loop.' },
    ]);

    this.consoleBucket = new s3.Bucket(this, 'ConsoleBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED, // public static assets; OAC reads need no key grant
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'console-bucket/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    if (consoleMode === 'cloudfront') {
      this.distribution = new cloudfront.Distribution(this, 'ConsoleDistribution', {
        comment: `UFP ${props.stage} console`,
        defaultRootObject: 'index.html',
        defaultBehavior: {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.consoleBucket),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          compress: true,
        },
        // Single-page app: unknown paths render index.html and the router takes over.
        errorResponses: [403, 404].map((httpStatus) => ({
          httpStatus,
          responseHttpStatus: 200,
          responsePagePath: '/index.html',
          ttl: Duration.seconds(0),
        })),
        priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
        httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
        minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
        enableLogging: true,
        logBucket: accessLogs,
        logFilePrefix: 'cloudfront/',
      });
      NagSuppressions.addResourceSuppressions(this.distribution, [
        {
          id: 'AwsSolutions-CFR1',
          reason: 'Members of county/city federations travel and work anywhere; access is controlled by the JWT on every API call, the distribution only serves public static assets.',
        },
        {
          id: 'AwsSolutions-CFR2',
          reason: 'The distribution serves immutable static assets only; the API (the only dynamic surface) is throttled per stage and requires a JWT. A WAF web ACL must live in us-east-1 and is attached at the account level when required.',
        },
        {
          id: 'AwsSolutions-CFR4',
          reason: 'With the default *.cloudfront.net certificate CloudFront negotiates TLSv1 minimum; production attaches the federation domain with an ACM certificate and TLSv1.2_2021 (docs/deploy.md).',
        },
      ]);
    }

    const consoleOrigins = props.consoleOrigins ?? (this.distribution ? [`https://${this.distribution.distributionDomainName}`] : []);

    this.evidenceBucket = new s3.Bucket(this, 'EvidenceBucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'evidence-bucket/',
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { noncurrentVersionExpiration: Duration.days(90) },
      ],
      cors: consoleOrigins.length
        ? [
            {
              allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
              allowedOrigins: [...consoleOrigins],
              allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
              maxAge: 3000,
            },
          ]
        : undefined,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Presigned uploads only: a PUT must be authenticated by a query-string signature (a URL
    // the API issued) that is at most 15 minutes old. Header-signed PUTs — any role using the
    // SDK directly, the console, CLI copies — are refused.
    this.evidenceBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyUploadsOtherThanPresigned',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:PutObject'],
        resources: [this.evidenceBucket.arnForObjects('*')],
        conditions: { StringNotEquals: { 's3:authType': 'REST-QUERY-STRING' } },
      }),
    );
    this.evidenceBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyStalePresignedUploads',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:PutObject'],
        resources: [this.evidenceBucket.arnForObjects('*')],
        conditions: { NumericGreaterThan: { 's3:signatureAge': 15 * 60 * 1000 } },
      }),
    );

    // ── Functions ────────────────────────────────────────────────────────────────────────
    const sharedEnv: Record<string, string> = {
      TABLE_NAME: this.table.tableName,
      EVENT_BUS_NAME: this.bus.eventBusName,
      JWT_ISSUER: props.jwtIssuer,
      JWT_AUDIENCE: props.jwtAudience,
      JWKS_URL: props.jwksUrl,
    };

    this.apiFunction = this.fn('ApiFunction', {
      bundle: 'api',
      description: `UFP ${props.stage} API (Hono + tRPC)`,
      memorySize: 1024,
      timeout: Duration.seconds(29),
      environment: { ...sharedEnv, EVIDENCE_BUCKET: this.evidenceBucket.bucketName },
      grants: apiGrants,
      alarmAction,
    });
    // Presigned URLs are signed with the API role: it needs the object actions the URLs carry.
    this.apiFunction.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'EvidenceObjects',
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [this.evidenceBucket.arnForObjects('*')],
      }),
    );
    this.apiFunction.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'EvidenceBucketKeyViaS3',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': this.viaService('s3') } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      this.apiFunction.role!,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Evidence object keys are generated per upload (tenant/case/ulid); the statement is limited to PutObject/GetObject on this one bucket, and the bucket policy only admits presigned PUTs.',
          appliesTo: [{ regex: '/^Resource::<.*EvidenceBucket.*\\.Arn>\\/\\*$/g' }],
        },
      ],
      true,
    );

    // Pipe enrichment: pure parsing, no AWS access beyond its own log group.
    this.enrichmentFunction = this.fn('OutboxEnrichmentFunction', {
      bundle: 'outbox-enrichment',
      description: `UFP ${props.stage} outbox envelope parser for the stream → bus Pipe`,
      memorySize: 256,
      timeout: Duration.seconds(10),
      environment: {},
      alarmAction,
    });

    const consumerFns: Record<string, lambda.Function> = {};
    const handlers = [...new Set(ruleTable.map((r) => r.handler))];
    for (const handler of handlers) {
      const failures = this.queue(`${pascal(handler)}FailureQueue`, dlqs, alarmAction, `${handler} invocations that failed after Lambda's retries`);
      const grants = consumerGrants[handler] ?? defaultConsumerGrants;
      const fn = this.fn(`${pascal(handler)}Consumer`, {
        bundle: 'consumer',
        description: `UFP ${props.stage} consumer ${handler}`,
        memorySize: 512,
        timeout: Duration.seconds(60),
        environment: { ...sharedEnv, HANDLER_NAME: handler },
        grants,
        alarmAction,
      });
      fn.configureAsyncInvoke({
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
        onFailure: new destinations.SqsDestination(failures),
      });
      consumerFns[handler] = fn;
    }
    this.consumerFunctions = consumerFns;

    // ── Rules: one per rule-table entry, pattern verbatim ────────────────────────────────
    this.rules = ruleTable.map((rule) => this.rule(rule, consumerFns[rule.handler]!, props.stage, dlqs, alarmAction));

    // ── Pipe: table stream → enrichment → bus ────────────────────────────────────────────
    this.pipe = this.outboxPipe(props.stage, dlqs, alarmAction);

    // ── Scheduler: daily tick 00:05 Asia/Shanghai ────────────────────────────────────────
    const tickDlq = this.queue('DailyTickDlq', dlqs, alarmAction, 'daily tick the scheduler could not put on the bus');
    new scheduler.Schedule(this, 'DailyTick', {
      description: 'Daily tick for legal clocks, flags and follow-ups (routed by the daily-tick rule)',
      schedule: scheduler.ScheduleExpression.cron({ minute: '5', hour: '0', timeZone: TimeZone.ASIA_SHANGHAI }),
      timeWindow: scheduler.TimeWindow.off(),
      target: new schedulerTargets.EventBridgePutEvents(
        {
          eventBus: this.bus,
          source: TICK_SOURCE,
          detailType: TICK_DETAIL_TYPE,
          detail: scheduler.ScheduleTargetInput.fromObject({
            data: { scheduledTime: scheduler.ContextAttribute.scheduledTime },
            meta: {
              tenantId: 'platform',
              divisionCode: '',
              actor: 'system:scheduler',
              correlationId: scheduler.ContextAttribute.executionId,
              occurredAt: scheduler.ContextAttribute.scheduledTime,
              v: 1,
            },
            // Stable across the scheduler's own retries of one day's tick: the tick consumer's
            // idempotency marker makes a re-sent tick a no-op.
            envelopeId: scheduler.ContextAttribute.scheduledTime,
          }),
        },
        { deadLetterQueue: tickDlq, retryAttempts: 185, maxEventAge: Duration.hours(24) },
      ),
    });

    // ── HTTP API ─────────────────────────────────────────────────────────────────────────
    const authorizer = new apigwAuth.HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, {
      jwtAudience: [props.jwtAudience],
      identitySource: ['$request.header.Authorization'],
    });
    this.api = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `ufp-${props.stage}`,
      description: `UFP ${props.stage} API`,
      createDefaultStage: false,
      defaultIntegration: new apigwInt.HttpLambdaIntegration('ApiIntegration', this.apiFunction, {
        payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      }),
      defaultAuthorizer: authorizer,
      corsPreflight: consoleOrigins.length
        ? {
            allowOrigins: [...consoleOrigins],
            allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.OPTIONS],
            allowHeaders: ['authorization', 'content-type', 'x-request-id'],
            maxAge: Duration.hours(1),
          }
        : undefined,
    });
    const accessLogGroup = this.logGroup('ApiAccessLogs');
    this.apiStage = new apigw.HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.apiThrottle ?? { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogGroup),
        // No claims, query strings or bodies: access logs carry no personal data.
        format: accessLogFormat(),
      },
    });

    // ── Alarms on the table ──────────────────────────────────────────────────────────────
    const throttleMetrics: Record<string, cw.IMetric> = {
      tr: this.table.metric('ReadThrottleEvents', { statistic: 'Sum', period: Duration.minutes(5) }),
      tw: this.table.metric('WriteThrottleEvents', { statistic: 'Sum', period: Duration.minutes(5) }),
    };
    tableManifest.globalSecondaryIndexes.forEach((gsi, i) => {
      for (const [k, name] of [
        [`gr${i}`, 'ReadThrottleEvents'],
        [`gw${i}`, 'WriteThrottleEvents'],
      ] as const) {
        throttleMetrics[k] = new cw.Metric({
          namespace: 'AWS/DynamoDB',
          metricName: name,
          dimensionsMap: { TableName: this.table.tableName, GlobalSecondaryIndexName: gsi.indexName },
          statistic: 'Sum',
          period: Duration.minutes(5),
        });
      }
    });
    new cw.Alarm(this, 'TableThrottlesAlarm', {
      alarmDescription: 'DynamoDB throttled reads or writes on the table or its indexes',
      metric: new cw.MathExpression({
        expression: Object.keys(throttleMetrics)
          .map((k) => `FILL(${k}, 0)`)
          .join(' + '),
        usingMetrics: throttleMetrics,
        label: 'Throttle events',
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(alarmAction);

    this.deadLetterQueues = dlqs;

    // ── Outputs ──────────────────────────────────────────────────────────────────────────
    new CfnOutput(this, 'ApiUrl', { value: this.apiStage.url });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.evidenceBucket.bucketName });
    new CfnOutput(this, 'ConsoleBucketName', { value: this.consoleBucket.bucketName });
    if (this.distribution) new CfnOutput(this, 'ConsoleUrl', { value: `https://${this.distribution.distributionDomainName}` });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
    new CfnOutput(this, 'PiiKeyArn', { value: this.piiKey.keyArn });
  }

  /**
   * The partition as a plain string when the stack's region is known at synth time (it is for
   * `infra:synth`, the tests and SST, which all bind a region). `Stack.partition` itself is
   * the `AWS::Partition` pseudo-parameter unless partition literals are enabled.
   */
  private partitionName(): string | undefined {
    return Token.isUnresolved(this.stack.region) ? undefined : RegionInfo.get(this.stack.region).partition;
  }

  /** `service.region.urlSuffix` — the kms:ViaService value, right in both partitions. */
  private viaService(service: string): string {
    return `${service}.${this.stack.region}.${this.stack.urlSuffix}`;
  }

  /**
   * A customer managed key with rotation and an explicit key policy. The account statement
   * delegates to IAM with exact actions (no `kms:*`), so only roles whose IAM policies name
   * this key can use it.
   */
  private key(id: string, description: string, extra: iam.PolicyStatement[]): kms.Key {
    const policy = new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          sid: 'AccountAdministersAndDelegatesUseToIam',
          principals: [new iam.AccountRootPrincipal()],
          resources: ['*'],
          actions: [
            'kms:CancelKeyDeletion',
            'kms:CreateAlias',
            'kms:CreateGrant',
            'kms:Decrypt',
            'kms:DeleteAlias',
            'kms:DescribeKey',
            'kms:DisableKey',
            'kms:DisableKeyRotation',
            'kms:EnableKey',
            'kms:EnableKeyRotation',
            'kms:Encrypt',
            'kms:GenerateDataKey',
            'kms:GenerateDataKeyWithoutPlaintext',
            'kms:GetKeyPolicy',
            'kms:GetKeyRotationStatus',
            'kms:ListGrants',
            'kms:ListKeyPolicies',
            'kms:ListResourceTags',
            'kms:PutKeyPolicy',
            'kms:ReEncryptFrom',
            'kms:ReEncryptTo',
            'kms:RetireGrant',
            'kms:RevokeGrant',
            'kms:ScheduleKeyDeletion',
            'kms:TagResource',
            'kms:UntagResource',
            'kms:UpdateAlias',
            'kms:UpdateKeyDescription',
          ],
        }),
        ...extra,
      ],
    });
    return new kms.Key(this, id, {
      description: `UFP: ${description}`,
      enableKeyRotation: true,
      policy,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
  }

  private logGroup(id: string): logs.LogGroup {
    return new logs.LogGroup(this, id, {
      retention: LOG_RETENTION,
      encryptionKey: this.opsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** An SQS dead-letter queue: SSE-SQS, TLS only, 14 days, alarmed on its first message. */
  private queue(id: string, all: sqs.Queue[], alarmAction: cw.IAlarmAction, what: string): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    NagSuppressions.addResourceSuppressions(queue, [
      { id: 'AwsSolutions-SQS3', reason: `This queue is itself a dead-letter queue (${what}); it is alarmed and redriven by hand.` },
    ]);
    new cw.Alarm(this, `${id}DepthAlarm`, {
      alarmDescription: `Dead-letter queue has messages: ${what}`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(alarmAction);
    all.push(queue);
    return queue;
  }

  private fn(
    id: string,
    opts: {
      bundle: FunctionBundle;
      description: string;
      memorySize: number;
      timeout: Duration;
      environment: Record<string, string>;
      grants?: FunctionGrants;
      alarmAction: cw.IAlarmAction;
    },
  ): lambda.Function {
    const logGroup = this.logGroup(`${id}Logs`);
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id}`,
    });
    // Explicit log permissions instead of the AWSLambdaBasicExecutionRole managed policy.
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'OwnLogGroup',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Log streams are created by Lambda per execution environment; the statement is limited to CreateLogStream/PutLogEvents in this function\'s own log group.',
          appliesTo: [{ regex: `/^Resource::<.*${id}Logs.*\\.Arn>$/g` }, { regex: `/^Resource::<.*${id}Logs.*\\.Arn>:\\*$/g` }],
        },
      ],
      true,
    );

    const environment = { ...opts.environment };
    if (opts.grants) {
      const g = opts.grants;
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'TableItems',
          actions: [...g.tableActions],
          resources: [
            this.table.tableArn,
            ...tableManifest.globalSecondaryIndexes.map((gsi) => `${this.table.tableArn}/index/${gsi.indexName}`),
          ],
        }),
      );
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'TableKeyViaDynamoDb',
          actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
          resources: [this.dataKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': this.viaService('dynamodb') } },
        }),
      );
      if (g.pii) {
        role.addToPolicy(
          new iam.PolicyStatement({
            sid: 'PiiEnvelopeKey',
            actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
            resources: [this.piiKey.keyArn],
          }),
        );
        role.addToPolicy(
          new iam.PolicyStatement({
            sid: 'BlindIndexSecret',
            actions: ['secretsmanager:GetSecretValue'],
            resources: [this.blindIndexSecret.ref],
          }),
        );
        environment.PII_KMS_KEY_ID = this.piiKey.keyArn;
        environment.BLIND_INDEX_SECRET_ARN = this.blindIndexSecret.ref;
      }
    }

    const fn = new lambda.Function(this, id, {
      description: opts.description,
      runtime: RUNTIME,
      architecture: this.architecture,
      handler: 'index.handler',
      code: this.code(opts.bundle),
      memorySize: opts.memorySize,
      timeout: opts.timeout,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment,
    });
    NagSuppressions.addResourceSuppressions(fn, [
      {
        id: 'AwsSolutions-L1',
        reason: 'nodejs22.x is the runtime the platform is built and tested on (issue requirement); nodejs24.x is newer but not yet adopted by the code base or confirmed in both China regions.',
      },
    ]);
    new cw.Alarm(this, `${id}ErrorsAlarm`, {
      alarmDescription: `${id} threw or timed out`,
      metric: fn.metricErrors({ statistic: 'Sum', period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(opts.alarmAction);
    return fn;
  }

  /**
   * One rule, L1 so the pattern reaches CloudFormation exactly as written in the rule table
   * (the L2 `EventPattern` type renames keys). Target: the handler's consumer, with a retry
   * policy and this rule's own SQS DLQ for events EventBridge cannot deliver.
   */
  private rule(
    rule: RuleDefinition,
    target: lambda.Function,
    stage: string,
    dlqs: sqs.Queue[],
    alarmAction: cw.IAlarmAction,
  ): events.CfnRule {
    const id = pascal(rule.name);
    const dlq = this.queue(`${id}RuleDlq`, dlqs, alarmAction, `events rule ${rule.name} could not deliver to ${rule.handler}`);
    const cfnRule = new events.CfnRule(this, `${id}Rule`, {
      name: `ufp-${stage}-${rule.name}`,
      description: rule.description,
      eventBusName: this.bus.eventBusName,
      eventPattern: rule.pattern,
      state: 'ENABLED',
      targets: [
        {
          id: rule.handler,
          arn: target.functionArn,
          retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 24 * 3600 },
          deadLetterConfig: { arn: dlq.queueArn },
        },
      ],
    });
    target.addPermission(`${id}RuleInvoke`, {
      principal: new iam.ServicePrincipal('events.amazonaws.com'),
      action: 'lambda:InvokeFunction',
      sourceArn: cfnRule.attrArn,
    });
    dlq.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'EventBridgeRuleDeadLetters',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [dlq.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': cfnRule.attrArn } },
      }),
    );
    return cfnRule;
  }

  private outboxPipe(stage: string, dlqs: sqs.Queue[], alarmAction: cw.IAlarmAction): pipes.CfnPipe {
    const streamArn = this.table.tableStreamArn;
    if (!streamArn) throw new Error('table has no stream');
    const dlq = this.queue('OutboxPipeDlq', dlqs, alarmAction, 'outbox stream records the Pipe could not deliver (metadata; re-read the stream within 24 h)');
    const role = new iam.Role(this, 'OutboxPipeRole', {
      assumedBy: new iam.ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.stack.account } },
      }),
      description: 'EventBridge Pipe: outbox stream → enrichment → bus',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadTableStream',
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [streamArn],
      }),
    );
    role.addToPolicy(new iam.PolicyStatement({ sid: 'ListStreams', actions: ['dynamodb:ListStreams'], resources: ['*'] }));
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'StreamRecordsUnderTableKey',
        actions: ['kms:Decrypt'],
        resources: [this.dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': [this.viaService('dynamodb'), this.viaService('streams.dynamodb')] } },
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({ sid: 'Enrich', actions: ['lambda:InvokeFunction'], resources: [this.enrichmentFunction.functionArn] }),
    );
    role.addToPolicy(new iam.PolicyStatement({ sid: 'PutOnBus', actions: ['events:PutEvents'], resources: [this.bus.eventBusArn] }));
    role.addToPolicy(new iam.PolicyStatement({ sid: 'DeadLetters', actions: ['sqs:SendMessage'], resources: [dlq.queueArn] }));
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'dynamodb:ListStreams supports no resource-level permission (IAM service authorization reference); it returns stream ARNs only, no data. All other stream actions are scoped to this table\'s stream.',
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    );

    const pipe = new pipes.CfnPipe(this, 'OutboxPipe', {
      name: `ufp-${stage}-outbox`,
      description: 'Outbox items (kind = event) from the table stream onto the bus',
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          // TRIM_HORIZON: a pipe (re)created after items were written still carries them;
          // consumers are idempotent, so a replay is harmless, a gap would not be.
          startingPosition: 'TRIM_HORIZON',
          batchSize: 10,
          maximumBatchingWindowInSeconds: 1,
          maximumRetryAttempts: 10,
          maximumRecordAgeInSeconds: 6 * 3600,
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          parallelizationFactor: 1, // per-item order preserved
          deadLetterConfig: { arn: dlq.queueArn },
        },
        filterCriteria: { filters: [{ pattern: JSON.stringify(outboxFilterPattern) }] },
      },
      enrichment: this.enrichmentFunction.functionArn,
      target: this.bus.eventBusArn,
      targetParameters: {
        eventBridgeEventBusParameters: { source: '$.source', detailType: '$.detail-type', time: '$.time' },
        inputTemplate: pipeInputTemplate,
      },
      desiredState: 'RUNNING',
    });
    pipe.node.addDependency(role);
    return pipe;
  }
}

/** HTTP API access log line: request metadata only, never claims, bodies or query strings. */
function accessLogFormat(): apigwV1.AccessLogFormat {
  return apigwV1.AccessLogFormat.custom(
    JSON.stringify({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      httpMethod: '$context.httpMethod',
      routeKey: '$context.routeKey',
      path: '$context.path',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
      integrationLatency: '$context.integrationLatency',
      integrationError: '$context.integrationErrorMessage',
      authorizerError: '$context.authorizer.error',
    }),
  );
}

function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}
