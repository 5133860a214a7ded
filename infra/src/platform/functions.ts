/**
 * The shared Lambda factory: Node.js 22 on Graviton, own KMS-encrypted log group (180 days),
 * own role with explicit statements (no managed policies, no CDK `grant*()`), the table / PII
 * grants a `FunctionGrants` describes, and an Errors alarm.
 */
import {
  Duration,
  RemovalPolicy,
  Stack,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { PlatformAlarms } from './alarms.js';
import type { PlatformData } from './data.js';
import { appendOnlyPartitions, type FunctionGrants } from './grants.js';
import { viaService } from './shared.js';

/** The Lambda bundles built by packages/functions/build.mjs (dist/<bundle>/index.mjs). */
export type FunctionBundle = 'api' | 'consumer' | 'outbox-enrichment';

const LOG_RETENTION = logs.RetentionDays.SIX_MONTHS; // 180 days, PIPL/等保 audit floor for this system
const RUNTIME = lambda.Runtime.NODEJS_22_X;

export interface PlatformFunctionsProps {
  readonly data: PlatformData;
  readonly alarms: PlatformAlarms;
  readonly architecture: lambda.Architecture;
  /** Lambda code per bundle (assets in production, inline code in the tests). */
  readonly code: (bundle: FunctionBundle) => lambda.Code;
}

export interface PlatformFunctionOptions {
  readonly bundle: FunctionBundle;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  /** Omitted → no table, data-key or PII access at all (own log group only). */
  readonly grants?: FunctionGrants;
}

/**
 * Creates functions and log groups in `scope` (the FederationPlatform) under the ids they
 * always had (`<id>`, `<id>Role`, `<id>Logs`, `<id>ErrorsAlarm`), so logical IDs do not move.
 */
export class PlatformFunctions {
  constructor(
    private readonly scope: Construct,
    private readonly props: PlatformFunctionsProps,
  ) {}

  /** A log group under the ops key, kept 180 days and retained on stack deletion. */
  logGroup(id: string): logs.LogGroup {
    return new logs.LogGroup(this.scope, id, {
      retention: LOG_RETENTION,
      encryptionKey: this.props.data.opsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  create(id: string, opts: PlatformFunctionOptions): lambda.Function {
    const { data } = this.props;
    const logGroup = this.logGroup(`${id}Logs`);
    const role = new iam.Role(this.scope, `${id}Role`, {
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
          resources: data.tableAndIndexArns(),
        }),
      );
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'AuditLogIsAppendOnly',
          effect: iam.Effect.DENY,
          actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
          resources: data.tableAndIndexArns(),
          conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...appendOnlyPartitions] } },
        }),
      );
      if (g.auditMac) {
        role.addToPolicy(
          new iam.PolicyStatement({
            sid: 'AuditDigestMac',
            actions: [g.auditMac === 'generate' ? 'kms:GenerateMac' : 'kms:VerifyMac'],
            resources: [data.auditMacKey.keyArn],
          }),
        );
        environment.AUDIT_MAC_KEY_ID = data.auditMacKey.keyArn;
      }
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'TableKeyViaDynamoDb',
          actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
          resources: [data.dataKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': viaService(Stack.of(this.scope), 'dynamodb') } },
        }),
      );
      if (g.pii) {
        role.addToPolicy(
          new iam.PolicyStatement({
            sid: 'PiiEnvelopeKey',
            actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
            resources: [data.piiKey.keyArn],
          }),
        );
        role.addToPolicy(
          new iam.PolicyStatement({
            sid: 'BlindIndexSecret',
            actions: ['secretsmanager:GetSecretValue'],
            resources: [data.blindIndexSecret.ref],
          }),
        );
        environment.PII_KMS_KEY_ID = data.piiKey.keyArn;
        environment.BLIND_INDEX_SECRET_ARN = data.blindIndexSecret.ref;
      }
    }

    const fn = new lambda.Function(this.scope, id, {
      description: opts.description,
      runtime: RUNTIME,
      architecture: this.props.architecture,
      handler: 'index.handler',
      code: this.props.code(opts.bundle),
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
    this.props.alarms.functionErrors(id, fn);
    return fn;
  }
}
