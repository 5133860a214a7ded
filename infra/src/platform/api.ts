/**
 * The HTTP API: the API Lambda (Hono + tRPC) with its evidence-bucket and dead-letter grants, a JWT
 * authorizer on `$default` → the Lambda (payload v2), one route without the authorizer per public
 * procedure (their own, tighter throttle), stage throttling, JSON access logs without
 * claims/bodies/query strings, CORS limited to the console origin(s).
 */
import {
  Duration,
  Stack,
  aws_apigateway as apigwV1,
  aws_apigatewayv2 as apigw,
  aws_apigatewayv2_authorizers as apigwAuth,
  aws_apigatewayv2_integrations as apigwInt,
  aws_events as events,
  aws_iam as iam,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { defaultFairUseSettings } from '@ufp/kit/fair-use';
import { publicProcedures, publicRouteKey } from '@ufp/api/public-procedures';
import type { PlatformFunctions } from './functions.js';
import { apiGrants, deadLetterQueueActions } from './grants.js';
import type { RegisteredQueue } from './queues.js';
import { viaService } from './shared.js';

export interface PlatformApiProps {
  readonly stage: string;
  readonly functions: PlatformFunctions;
  /** Function environment; `EVIDENCE_BUCKET` is added here. */
  readonly environment: Record<string, string>;
  readonly evidenceBucket: s3.IBucket;
  readonly dataKey: kms.IKey;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  /** CORS origins (none → no CORS preflight configuration). */
  readonly consoleOrigins: readonly string[];
  /** Stage-wide throttle (every route): steady requests per second and burst. */
  readonly throttle?: ApiThrottle;
  /** Each public route's own throttle (no token needed there, so tighter than the stage). */
  readonly publicRouteThrottle?: ApiThrottle;
  /** Per-tenant fairness in the app (calls per minute), passed as `FAIR_USE_*` to the API function. */
  readonly fairUse?: FairUseLimits;
  /** What the operator's dead-letter page reads and redrives: every DLQ, the bus, the table's stream. */
  readonly deadLetters: {
    readonly queues: readonly RegisteredQueue[];
    readonly bus: events.IEventBus;
    readonly tableStreamArn: string;
  };
}

export interface ApiThrottle {
  /** Steady-state requests per second. */
  readonly rateLimit: number;
  /** Requests accepted at once above the steady rate (token bucket size). */
  readonly burstLimit: number;
}

export interface FairUseLimits {
  /** Calls per minute for all users of one tenant together. */
  readonly perTenantPerMinute?: number;
  /** Calls per minute for one anonymous client address. */
  readonly perPublicClientPerMinute?: number;
}

/**
 * The stage serves every tenant: a province's 150 counties average ~8 requests/s (docs/deploy.md,
 * cost model), so 200/s with a burst of 400 is far above normal peaks and still caps a flood before
 * it reaches the account's regional limit (10,000/s outside China; lower in some regions).
 */
export const DEFAULT_API_THROTTLE: ApiThrottle = { rateLimit: 200, burstLimit: 400 };
/**
 * Each public route (no token: 十件实事 rating page, 困难职工 self-test and 公示 notices): 50/s with a burst
 * of 100 — a county meeting's phones scanning a QR code at once — a quarter of the stage, so an
 * anonymous flood of one route cannot take the signed-in users' capacity.
 */
export const DEFAULT_PUBLIC_ROUTE_THROTTLE: ApiThrottle = { rateLimit: 50, burstLimit: 100 };

/**
 * `ApiFunction`, `HttpApi`, `ApiStage` and `ApiAccessLogs`, created in `scope` (the
 * FederationPlatform) so their logical IDs do not move.
 */
export class PlatformApi {
  readonly function: lambda.Function;
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  /** The routes without the JWT authorizer, one per public procedure. */
  readonly publicRoutes: apigw.HttpRoute[];

  constructor(scope: Construct, props: PlatformApiProps) {
    const { consoleOrigins, evidenceBucket } = props;

    // ── API function ─────────────────────────────────────────────────────────────────────
    this.function = props.functions.create('ApiFunction', {
      bundle: 'api',
      description: `UFP ${props.stage} API (Hono + tRPC)`,
      memorySize: 1024,
      timeout: Duration.seconds(29),
      environment: {
        ...props.environment,
        EVIDENCE_BUCKET: evidenceBucket.bucketName,
        DEAD_LETTER_QUEUES: Stack.of(scope).toJsonString(
          props.deadLetters.queues.map((q) => ({ key: q.key, url: q.queue.queueUrl, source: q.source, target: q.target })),
        ),
        TABLE_STREAM_ARN: props.deadLetters.tableStreamArn,
        FAIR_USE_PER_TENANT: String(props.fairUse?.perTenantPerMinute ?? defaultFairUseSettings.perTenant),
        FAIR_USE_PER_PUBLIC_CLIENT: String(props.fairUse?.perPublicClientPerMinute ?? defaultFairUseSettings.perPublicClient),
      },
      grants: apiGrants,
    });
    grantDeadLetters(this.function, scope, props);
    // Presigned URLs are signed with the API role: it needs the object actions the URLs carry. HeadObject is
    // authorised by GetObject; the checked version is read and served by versionId (GetObjectVersion).
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'EvidenceObjects',
        actions: ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion'],
        resources: [evidenceBucket.arnForObjects('*')],
      }),
    );
    // An import workbook's presigned PUT carries its lifecycle tag (x-amz-tagging), which S3 authorises separately.
    this.function.addToRolePolicy(
      new iam.PolicyStatement({ sid: 'ImportWorkbookTags', actions: ['s3:PutObjectTagging'], resources: [evidenceBucket.arnForObjects('*/imports/*')] }),
    );
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'EvidenceBucketKeyViaS3',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [props.dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': viaService(Stack.of(scope), 's3') } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      this.function.role!,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Evidence object keys are generated per upload (tenant/case/ulid); the statement is limited to PutObject/GetObject/GetObjectVersion on this one bucket, and the bucket policy only admits presigned PUTs.',
          appliesTo: [{ regex: '/^Resource::<.*EvidenceBucket.*\\.Arn>\\/\\*$/g' }],
        },
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Import workbooks are keyed per tenant and job (<tenant>/imports/<ulid>); the statement lets presigned uploads of them carry their lifecycle tag, nothing else.',
          appliesTo: [{ regex: '/^Resource::<.*EvidenceBucket.*\\.Arn>\\/\\*\\/imports\\/\\*$/g' }],
        },
      ],
      true,
    );

    // ── HTTP API ─────────────────────────────────────────────────────────────────────────
    // An HTTP API JWT authorizer is configured with an issuer and audiences only; it checks the signature
    // (kid from the issuer's JWKS), iss, aud (or client_id), exp and nbf against now, iat not in the future,
    // and route scopes. It has no setting for a longest lifetime or a required exp, so the app's verifier
    // (packages/api/src/auth.ts) refuses a token without exp, one valid for more than 12 h or issued in the
    // future, on every request, in both runtimes.
    const authorizer = new apigwAuth.HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, {
      jwtAudience: [props.jwtAudience],
      identitySource: ['$request.header.Authorization'],
    });
    const integration = new apigwInt.HttpLambdaIntegration('ApiIntegration', this.function, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });
    this.api = new apigw.HttpApi(scope, 'HttpApi', {
      apiName: `ufp-${props.stage}`,
      description: `UFP ${props.stage} API`,
      createDefaultStage: false,
      defaultIntegration: integration,
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
    const accessLogGroup = props.functions.logGroup('ApiAccessLogs');
    this.stage = new apigw.HttpStage(scope, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? DEFAULT_API_THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogGroup),
        // No claims, query strings or bodies: access logs carry no personal data.
        format: accessLogFormat(),
      },
    });
    this.publicRoutes = publicRoutes(this.api, this.stage, integration, props.publicRouteThrottle ?? DEFAULT_PUBLIC_ROUTE_THROTTLE);
  }
}

/**
 * The public procedures answer callers without a token, so the JWT authorizer of `$default` would
 * refuse them: each gets an exact route (`GET /trpc/<path>` for a query, `POST` for a mutation) with
 * no authorizer — the app still verifies any token sent, and counts anonymous calls per address — and
 * a route-level throttle in the stage's `RouteSettings`. Any other path, a batch included, falls to
 * `$default` and needs a token. The stage depends on the routes: route settings name existing routes.
 */
function publicRoutes(api: apigw.HttpApi, stage: apigw.HttpStage, integration: apigw.HttpRouteIntegration, throttle: ApiThrottle): apigw.HttpRoute[] {
  const routes = publicProcedures.flatMap((p) =>
    api.addRoutes({
      path: `/trpc/${p.path}`,
      methods: [p.type === 'query' ? apigw.HttpMethod.GET : apigw.HttpMethod.POST],
      integration,
      authorizer: new apigw.HttpNoneAuthorizer(),
    }),
  );
  const cfnStage = stage.node.defaultChild as apigw.CfnStage;
  cfnStage.routeSettings = Object.fromEntries(
    publicProcedures.map((p) => [publicRouteKey(p), { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit }]),
  );
  for (const route of routes) {
    stage.node.addDependency(route);
    NagSuppressions.addResourceSuppressions(route, [
      {
        id: 'AwsSolutions-APIG4',
        reason: 'A public procedure (十件实事 rating page, 困难职工 self-test, 公示 notices) is meant for people without an account; it has its own tighter route throttle and the app limits each anonymous address.',
      },
    ]);
  }
  return routes;
}

/**
 * The operator's dead-letter page runs in the API function (the procedures are platform_operator
 * only): receive, hide, release and delete messages on exactly the platform's DLQs (batch calls
 * are authorised by the same actions), put events back on exactly the platform bus, and read back
 * the table-stream records a Pipe dead letter points at (under the table key, via the stream).
 */
function grantDeadLetters(fn: lambda.Function, scope: Construct, props: PlatformApiProps): void {
  const { queues, bus, tableStreamArn } = props.deadLetters;
  fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'DeadLetterQueues', actions: [...deadLetterQueueActions], resources: queues.map((q) => q.queue.queueArn) }));
  fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'RedriveOnBus', actions: ['events:PutEvents'], resources: [bus.eventBusArn] }));
  fn.addToRolePolicy(
    new iam.PolicyStatement({ sid: 'PipeDeadLetterRecords', actions: ['dynamodb:GetShardIterator', 'dynamodb:GetRecords'], resources: [tableStreamArn] }),
  );
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'StreamRecordsUnderTableKey',
      actions: ['kms:Decrypt'],
      resources: [props.dataKey.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': viaService(Stack.of(scope), 'streams.dynamodb') } },
    }),
  );
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
