/**
 * Offline synthesis of the platform construct in a standard and a China region, asserted with
 * aws-cdk-lib/assertions. No AWS account, no network, no bundling (inline code).
 */
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableManifest } from '@ufp/db/manifest';
import { ruleTable } from '@ufp/api/modules';
import { defaultFairUseSettings, fairUseSettingsFromEnv } from '@ufp/kit/fair-use';
import { publicProcedures, publicRouteKey } from '@ufp/api/public-procedures';
import {
  HSTS_MAX_AGE_SECONDS,
  PERMISSIONS_POLICY,
  REFERRER_POLICY,
  STRICT_TRANSPORT_SECURITY,
  consoleContentSecurityPolicy,
} from '@ufp/api/security-headers';
import {
  DEFAULT_API_THROTTLE,
  DEFAULT_PUBLIC_ROUTE_THROTTLE,
  FederationPlatform,
  apiGrants,
  consumerFunctionSettings,
  consumerGrants,
  deadLetterQueueActions,
  defaultConsumerGrants,
  outboxFilterPattern,
  pipeInputTemplate,
} from '../src/platform-construct.js';
import { asArray, referencedIds, resources, synthRegion, type Synthesized } from './synth.js';

const regions = ['us-east-1', 'cn-northwest-1'] as const;
const synthesized = new Map<string, Synthesized>();

beforeAll(() => {
  for (const region of regions) synthesized.set(region, synthRegion(region));
});

const get = (region: string): Synthesized => synthesized.get(region)!;
const idOf = (s: Synthesized, construct: { node: { defaultChild?: unknown } } | CfnElement): string =>
  s.stack.getLogicalId(('node' in construct && construct.node.defaultChild ? construct.node.defaultChild : construct) as CfnElement);

describe.each(regions)('platform synthesized in %s', (region) => {
  it('has the single table from the shared manifest: on-demand, PITR, NEW_IMAGE stream, TTL, deletion protection, KMS', () => {
    const s = get(region);
    s.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    s.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: tableManifest.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: tableManifest.sortKey.name, KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: tableManifest.streamViewType },
      TimeToLiveSpecification: { AttributeName: tableManifest.ttlAttribute, Enabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [idOf(s, s.platform.dataKey), 'Arn'] } },
      GlobalSecondaryIndexes: tableManifest.globalSecondaryIndexes.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: g.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: g.projection },
      })),
    });
    s.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('has an event bus and a Pipe from the table stream to it: outbox INSERTs only, enrichment, DLQ', () => {
    const s = get(region);
    s.template.resourceCountIs('AWS::Events::EventBus', 1);
    const pipes = resources(s.json, 'AWS::Pipes::Pipe');
    expect(pipes).toHaveLength(1);
    const p = pipes[0]![1].Properties;
    expect(p.Source).toEqual({ 'Fn::GetAtt': [idOf(s, s.platform.table), 'StreamArn'] });
    expect(p.Target).toEqual({ 'Fn::GetAtt': [idOf(s, s.platform.bus), 'Arn'] });
    expect(p.Enrichment).toEqual({ 'Fn::GetAtt': [idOf(s, s.platform.enrichmentFunction), 'Arn'] });
    const filters = p.SourceParameters.FilterCriteria.Filters as { Pattern: string }[];
    expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: [tableManifest.outboxKind] } } } },
    ]);
    expect(outboxFilterPattern.dynamodb.NewImage.kind.S).toEqual(['event']);
    const ddb = p.SourceParameters.DynamoDBStreamParameters;
    expect(ddb.DeadLetterConfig.Arn['Fn::GetAtt'][1]).toBe('Arn');
    expect(s.json.Resources[ddb.DeadLetterConfig.Arn['Fn::GetAtt'][0]].Type).toBe('AWS::SQS::Queue');
    expect(ddb.OnPartialBatchItemFailure).toBe('AUTOMATIC_BISECT');
    expect(ddb.MaximumRetryAttempts).toBeGreaterThan(0);
    // Source/detail-type/time come from the parsed envelope, detail from the input template.
    expect(p.TargetParameters).toEqual({
      EventBridgeEventBusParameters: { Source: '$.source', DetailType: '$.detail-type', Time: '$.time' },
      InputTemplate: pipeInputTemplate,
    });
  });

  it('has one rule per rule-table entry whose pattern equals the table, targeting its consumer with retries and an SQS DLQ', () => {
    const s = get(region);
    const rules = resources(s.json, 'AWS::Events::Rule');
    expect(rules).toHaveLength(ruleTable.length);
    for (const def of ruleTable) {
      const found = rules.filter(([, r]) => r.Properties.Name === `ufp-test-${def.name}`);
      expect(found, def.name).toHaveLength(1);
      const props = found[0]![1].Properties;
      expect(props.EventPattern).toEqual(def.pattern);
      expect(props.EventBusName).toEqual({ Ref: idOf(s, s.platform.bus) });
      expect(props.Targets).toHaveLength(1);
      const target = props.Targets[0];
      const consumer = s.platform.consumerFunctions[def.handler]!;
      const intake = s.platform.intakeQueues[def.handler];
      if (intake) {
        // A batch consumer's rules send to its intake queue, which takes messages from exactly those rules.
        expect(target.Arn).toEqual({ 'Fn::GetAtt': [idOf(s, intake), 'Arn'] });
        const policies = resources(s.json, 'AWS::SQS::QueuePolicy').filter(([, p]) => asArray(p.Properties.Queues).some((q: any) => q.Ref === idOf(s, intake)));
        const sends = policies.flatMap(([, p]) => asArray<Record<string, any>>(p.Properties.PolicyDocument.Statement)).filter((st) => st.Action === 'sqs:SendMessage');
        expect(sends.some((st) => st.Principal?.Service === 'events.amazonaws.com' && st.Condition?.ArnEquals?.['aws:SourceArn']?.['Fn::GetAtt']?.[0] === found[0]![0]), def.name).toBe(true);
      } else expect(target.Arn).toEqual({ 'Fn::GetAtt': [idOf(s, consumer), 'Arn'] });
      expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 });
      const dlqId = target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
      expect(s.json.Resources[dlqId].Type).toBe('AWS::SQS::Queue');
      const fn = s.json.Resources[idOf(s, consumer)].Properties;
      expect(fn.Environment.Variables.HANDLER_NAME).toBe(def.handler);
    }
  });

  it('sends failed consumer invocations to an SQS on-failure destination after Lambda retries', () => {
    const s = get(region);
    const handlers = [...new Set(ruleTable.map((r) => r.handler))].filter((h) => !s.platform.intakeQueues[h]);
    const configs = resources(s.json, 'AWS::Lambda::EventInvokeConfig');
    expect(configs).toHaveLength(handlers.length);
    for (const [, c] of configs) {
      expect(c.Properties.MaximumRetryAttempts).toBe(2);
      const dest = c.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
      expect(s.json.Resources[dest].Type).toBe('AWS::SQS::Queue');
    }
  });

  it('feeds the rollup projector from an intake queue in batches of 10 with partial failures, bounded concurrency and a DLQ on the dead-letter page', () => {
    const s = get(region);
    expect(Object.keys(s.platform.intakeQueues)).toEqual(['rollupProjector']);
    for (const [handler, queue] of Object.entries(s.platform.intakeQueues)) {
      // A standard queue keeps no order: only a consumer whose rules let events come in any order may read from one.
      for (const rule of ruleTable.filter((r) => r.handler === handler)) expect(rule.order, rule.name).toBe('any');
      const settings = consumerFunctionSettings[handler]!;
      const fnId = idOf(s, s.platform.consumerFunctions[handler]!);
      const queueId = idOf(s, queue);
      const [mapping, ...more] = resources(s.json, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => m.Properties.FunctionName.Ref === fnId);
      expect(more).toEqual([]);
      expect(mapping![1].Properties).toMatchObject({
        EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: settings.queued!.maxConcurrency },
      });
      expect(mapping![1].Properties.MaximumBatchingWindowInSeconds ?? 0).toBe(0);
      const props = s.json.Resources[queueId].Properties;
      expect(props.VisibilityTimeout).toBe(6 * settings.timeoutSeconds);
      expect(props.SqsManagedSseEnabled).toBe(true);
      const dlqId = props.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0];
      expect(props.RedrivePolicy.maxReceiveCount).toBe(5);
      expect(s.platform.deadLetterQueues.map((q) => idOf(s, q))).toContain(dlqId);
      // No on-failure destination: failures are the messages the function reports, received again, then moved to the DLQ.
      expect(resources(s.json, 'AWS::Lambda::EventInvokeConfig').filter(([, c]) => c.Properties.FunctionName.Ref === fnId)).toEqual([]);
      const alarms = resources(s.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
      expect(alarms.some((a) => a.MetricName === 'ApproximateAgeOfOldestMessage' && a.Threshold === 300 && a.Dimensions?.[0]?.Value?.['Fn::GetAtt']?.[0] === queueId)).toBe(true);
    }
  });

  it('has an HTTP API with a JWT authorizer (issuer and audience as parameters) in front of the API Lambda, and no authorizer only on the public procedures’ routes', () => {
    const s = get(region);
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: { Ref: 'JwtIssuer' }, Audience: [{ Ref: 'JwtAudience' }] },
    });
    for (const p of ['JwtIssuer', 'JwtAudience', 'JwksUrl']) s.template.hasParameter(p, { Type: 'String' });
    const routes = resources(s.json, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.find((r) => r.RouteKey === '$default')?.AuthorizationType).toBe('JWT');
    const open = routes.filter((r) => r.AuthorizationType !== 'JWT');
    expect(open.map((r) => r.RouteKey).sort()).toEqual(publicProcedures.map(publicRouteKey).sort());
    for (const r of open) expect(r.AuthorizationType).toBe('NONE');
    // Every route reaches the one API function.
    expect(new Set(routes.map((r) => JSON.stringify(r.Target))).size).toBe(1);
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [idOf(s, s.platform.apiFunction), 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() }),
    });
    const env = s.json.Resources[idOf(s, s.platform.apiFunction)].Properties.Environment.Variables;
    expect(env).toMatchObject({ JWT_ISSUER: { Ref: 'JwtIssuer' }, JWT_AUDIENCE: { Ref: 'JwtAudience' }, JWKS_URL: { Ref: 'JwksUrl' } });
  });

  it('throttles the stage (200/s, burst 400) and each public route tighter (50/s, burst 100); the stage waits for those routes', () => {
    const s = get(region);
    const [[, stage]] = resources(s.json, 'AWS::ApiGatewayV2::Stage') as [[string, any]];
    expect(stage.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 });
    expect(DEFAULT_API_THROTTLE).toEqual({ rateLimit: 200, burstLimit: 400 });
    expect(DEFAULT_PUBLIC_ROUTE_THROTTLE).toEqual({ rateLimit: 50, burstLimit: 100 });
    const expected = Object.fromEntries(publicProcedures.map((p) => [publicRouteKey(p), { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }]));
    expect(stage.Properties.RouteSettings).toEqual(expected);
    // Route settings must name routes that exist when the stage is created or updated.
    const routeIds = resources(s.json, 'AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.AuthorizationType === 'NONE').map(([id]) => id);
    expect(routeIds).toHaveLength(publicProcedures.length);
    for (const id of routeIds) expect(asArray(stage.DependsOn as string[])).toContain(id);
  });

  it('gives the API function its per-tenant fairness limits (1,200 calls a minute per tenant, 300 per anonymous address)', () => {
    const s = get(region);
    const env = s.json.Resources[idOf(s, s.platform.apiFunction)].Properties.Environment.Variables;
    expect(env).toMatchObject({ FAIR_USE_PER_TENANT: '1200', FAIR_USE_PER_PUBLIC_CLIENT: '300' });
    expect(fairUseSettingsFromEnv(env)).toEqual({ perTenant: defaultFairUseSettings.perTenant, perPublicClient: defaultFairUseSettings.perPublicClient });
  });

  it('states the console’s security headers as an output, the same values the local console is served with', () => {
    const s = get(region);
    const output = Object.entries(s.json.Outputs as Record<string, { Value: unknown }>).find(([id]) => id.startsWith('PlatformConsoleSecurityHeaders'))![1];
    const headers = JSON.parse(flatten(output.Value)) as Record<string, string>;
    expect(Object.keys(headers).sort()).toEqual(
      ['content-security-policy', 'permissions-policy', 'referrer-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options'].sort(),
    );
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': REFERRER_POLICY,
      'x-frame-options': 'DENY',
      'permissions-policy': PERMISSIONS_POLICY,
      'strict-transport-security': STRICT_TRANSPORT_SECURITY,
    });
    expect(headers['content-security-policy']).toBe(consoleContentSecurityPolicy({ connect: consoleConnectOrigins(s), images: [consoleConnectOrigins(s)[1]!] }));
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('configures the JWT authorizer with what it can check (issuer, audience) and hands the token rules it cannot to the app', () => {
    const s = get(region);
    // An HTTP API JWT authorizer has no lifetime cap or required-exp setting: issuer and audience are all it takes.
    const authorizers = resources(s.json, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    expect(Object.keys(authorizers[0]![1].Properties.JwtConfiguration).sort()).toEqual(['Audience', 'Issuer']);
    // The app verifies the same token (exp required, lifetime ≤ 12 h, iat not in the future) with the
    // same issuer and audience, and reads the directory user id from a configurable claim (sub by default).
    s.template.hasParameter('JwtUserIdClaim', { Type: 'String', Default: 'sub' });
    const env = s.json.Resources[idOf(s, s.platform.apiFunction)].Properties.Environment.Variables;
    expect(env).toMatchObject({ JWT_ISSUER: { Ref: 'JwtIssuer' }, JWT_AUDIENCE: { Ref: 'JwtAudience' }, JWT_USER_ID_CLAIM: { Ref: 'JwtUserIdClaim' } });
  });

  it('schedules the daily tick at 00:05 Asia/Shanghai onto the bus with the rule-table source/detail-type', () => {
    const s = get(region);
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(5 0 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [idOf(s, s.platform.bus), 'Arn'] },
        EventBridgeParameters: { Source: 'federation.scheduler', DetailType: 'schedule.tick' },
        DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }),
      }),
    });
    // The tick is routed by the rule table like any other event.
    const tickRule = ruleTable.find((r) => r.name === 'daily-tick')!;
    expect(tickRule.pattern).toEqual({ source: ['federation.scheduler'], 'detail-type': ['schedule.tick'] });
    // It fans out one tenant tick per active tenant; each module with daily jobs has its rule and its own consumer Lambda.
    const tenantTickRules = ruleTable.filter((r) => r.pattern['detail-type'] && JSON.stringify(r.pattern['detail-type']) === '["schedule.tenantTick"]');
    expect(tenantTickRules.map((r) => r.handler).sort()).toEqual(['contractsTick', 'hardshipTick', 'tenThingsTick']);
    for (const r of tenantTickRules) {
      const fn = s.json.Resources[idOf(s, s.platform.consumerFunctions[r.handler]!)].Properties;
      expect(fn.Environment.Variables.HANDLER_NAME).toBe(r.handler);
      expect(resources(s.json, 'AWS::Events::Rule').filter(([, x]) => x.Properties.Name === `ufp-test-${r.name}`)).toHaveLength(1);
    }
    const schedule = resources(s.json, 'AWS::Scheduler::Schedule')[0]![1];
    const input = JSON.parse(schedule.Properties.Target.Input as string);
    expect(input).toMatchObject({ data: expect.any(Object), meta: expect.objectContaining({ tenantId: 'platform', v: 1 }) });
    expect(input.envelopeId).toBe('<aws.scheduler.scheduled-time>');
  });

  it('runs a 台账 import in its own consumer: a step event rule, 5 minutes and 1.5 GB, read-only on the uploaded workbooks, a failure queue', () => {
    const s = get(region);
    const rule = ruleTable.find((r) => r.handler === 'hardshipLedgerImport')!;
    expect(rule.pattern).toEqual({ 'detail-type': ['hardship.ledger.queued'] });
    const fn = s.platform.consumerFunctions.hardshipLedgerImport!;
    const props = s.json.Resources[idOf(s, fn)].Properties;
    expect(props).toMatchObject({ Timeout: 300, MemorySize: 1536 });
    expect(props.Environment.Variables).toMatchObject({ HANDLER_NAME: 'hardshipLedgerImport', EVIDENCE_BUCKET: { Ref: idOf(s, s.platform.evidenceBucket) } });
    expect(props.Environment.Variables.PII_KMS_KEY_ID).toBeDefined();
    const roleId = idOf(s, fn.role!);
    const statements = resources(s.json, 'AWS::IAM::Policy')
      .filter(([, p]) => asArray(p.Properties.Roles).some((ref: any) => ref.Ref === roleId))
      .flatMap(([, p]) => asArray<Record<string, any>>(p.Properties.PolicyDocument.Statement));
    const s3Statements = statements.filter((st) => asArray<string>(st.Action).some((a) => a.startsWith('s3:')));
    expect(s3Statements).toHaveLength(1);
    expect(s3Statements[0]!.Action).toEqual(['s3:GetObject', 's3:DeleteObject']);
    expect(JSON.stringify(s3Statements[0]!.Resource)).toContain('/*/imports/*');
    // Other consumers are not given the bucket.
    const projector = s.json.Resources[idOf(s, s.platform.consumerFunctions.rollupProjector!)].Properties;
    expect(projector.Environment.Variables.EVIDENCE_BUCKET).toBeUndefined();
    expect(projector).toMatchObject({ Timeout: 60, MemorySize: 512 });
    // Failed invocations go to its own failure queue after Lambda's retries.
    const invokeConfig = resources(s.json, 'AWS::Lambda::EventInvokeConfig').find(([, c]) => c.Properties.FunctionName.Ref === idOf(s, fn));
    expect(invokeConfig?.[1].Properties.DestinationConfig.OnFailure.Destination).toBeDefined();
  });

  it('runs a 劳模台账 import in its own consumer with the uploaded workbooks and the PII key', () => {
    const s = get(region);
    expect(ruleTable.find((r) => r.handler === 'modelWorkersRegistryImport')!.pattern).toEqual({ 'detail-type': ['modelWorkers.registry.queued'] });
    const props = s.json.Resources[idOf(s, s.platform.consumerFunctions.modelWorkersRegistryImport!)].Properties;
    expect(props).toMatchObject({ Timeout: 60, MemorySize: 512 });
    expect(props.Environment.Variables).toMatchObject({ HANDLER_NAME: 'modelWorkersRegistryImport', EVIDENCE_BUCKET: { Ref: idOf(s, s.platform.evidenceBucket) } });
    expect(props.Environment.Variables.PII_KMS_KEY_ID).toBeDefined();
  });

  it('expires the workbooks of imports that never finished (tagged on upload) and lets the API sign that tag, on import keys only', () => {
    const s = get(region);
    const bucket = s.json.Resources[idOf(s, s.platform.evidenceBucket)].Properties;
    expect(bucket.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Id: 'ImportWorkbooks', Status: 'Enabled', ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 1 }, TagFilters: [{ Key: 'ufp-kind', Value: 'import-workbook' }] }),
      ]),
    );
    const roleId = idOf(s, s.platform.apiFunction.role!);
    const tagging = resources(s.json, 'AWS::IAM::Policy')
      .filter(([, p]) => asArray(p.Properties.Roles).some((ref: any) => ref.Ref === roleId))
      .flatMap(([, p]) => asArray<Record<string, any>>(p.Properties.PolicyDocument.Statement))
      .filter((st) => asArray<string>(st.Action).includes('s3:PutObjectTagging'));
    expect(tagging).toHaveLength(1);
    expect(JSON.stringify(tagging[0]!.Resource)).toContain('/*/imports/*');
  });

  it('has a private, KMS-encrypted evidence bucket that only accepts fresh presigned uploads', () => {
    const s = get(region);
    const id = idOf(s, s.platform.evidenceBucket);
    const bucket = s.json.Resources[id].Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0]).toMatchObject({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [idOf(s, s.platform.dataKey), 'Arn'] } },
    });
    expect(bucket.LoggingConfiguration).toBeDefined();
    const [, policy] = resources(s.json, 'AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === id)!;
    const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:PutObject',
          Condition: { StringNotEquals: { 's3:authType': 'REST-QUERY-STRING' } },
        }),
        expect.objectContaining({ Effect: 'Deny', Action: 's3:PutObject', Condition: { NumericGreaterThan: { 's3:signatureAge': 900000 } } }),
      ]),
    );
  });

  it('has KMS keys with rotation (data at rest, PII envelope, ops), an HMAC key for audit digests, and the blind-index secret under the PII key', () => {
    const s = get(region);
    s.template.resourceCountIs('AWS::KMS::Key', 4);
    const auditKey = idOf(s, s.platform.auditMacKey);
    for (const [id, k] of resources(s.json, 'AWS::KMS::Key')) {
      if (id === auditKey) expect(k.Properties).toMatchObject({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
      else expect(k.Properties.EnableKeyRotation).toBe(true);
    }
    s.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: { 'Fn::GetAtt': [idOf(s, s.platform.piiKey), 'Arn'] },
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
  });

  it('runs every function on Node.js 22, arm64, with a log group kept ≥ 180 days', () => {
    const s = get(region);
    const fns = resources(s.json, 'AWS::Lambda::Function');
    expect(fns).toHaveLength(2 + new Set(ruleTable.map((r) => r.handler)).size);
    for (const [, f] of fns) {
      expect(f.Properties.Runtime).toBe('nodejs22.x');
      expect(f.Properties.Architectures).toEqual(['arm64']);
      expect(f.Properties.Handler).toBe('index.handler');
      expect(f.Properties.LoggingConfig.LogGroup).toBeDefined();
    }
    const groups = resources(s.json, 'AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(fns.length + 1);
    for (const [, g] of groups) {
      expect(g.Properties.RetentionInDays).toBeGreaterThanOrEqual(180);
      expect(g.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [idOf(s, s.platform.opsKey), 'Arn'] });
    }
  });

  it('alarms on every DLQ, every function’s errors and table throttles', () => {
    const s = get(region);
    const alarms = resources(s.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const intakes = Object.values(s.platform.intakeQueues).map((q) => idOf(s, q));
    const queues = resources(s.json, 'AWS::SQS::Queue').map(([id]) => id).filter((id) => !intakes.includes(id));
    expect(queues.length).toBe(s.platform.deadLetterQueues.length);
    for (const q of queues) {
      expect(
        alarms.some((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && a.Dimensions?.[0]?.Value?.['Fn::GetAtt']?.[0] === q),
        q,
      ).toBe(true);
    }
    for (const [id] of resources(s.json, 'AWS::Lambda::Function')) {
      expect(alarms.some((a) => a.MetricName === 'Errors' && a.Dimensions?.[0]?.Value?.Ref === id), id).toBe(true);
    }
    const throttle = alarms.find((a) => (a.Metrics as any[] | undefined)?.some((m) => m.MetricStat?.Metric?.MetricName === 'WriteThrottleEvents'));
    expect(throttle).toBeDefined();
    for (const a of alarms) expect(a.AlarmActions).toEqual([{ Ref: idOf(s, s.platform.alarmTopic) }]);
  });

  it('never grants a wildcard action on the table, the buckets or the keys', () => {
    const s = get(region);
    const data = new Set([
      idOf(s, s.platform.table),
      idOf(s, s.platform.evidenceBucket),
      idOf(s, s.platform.consoleBucket),
      idOf(s, s.platform.dataKey),
      idOf(s, s.platform.piiKey),
      idOf(s, s.platform.opsKey),
    ]);
    const allowStatements: { where: string; statement: Record<string, any> }[] = [];
    for (const [id, r] of resources(s.json)) {
      const docs: unknown[] = [];
      if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') docs.push(r.Properties.PolicyDocument);
      if (r.Type === 'AWS::IAM::Role') docs.push(...asArray(r.Properties.Policies).map((p: any) => p.PolicyDocument));
      if (r.Type === 'AWS::KMS::Key') docs.push(r.Properties.KeyPolicy);
      if (r.Type === 'AWS::S3::BucketPolicy') docs.push(r.Properties.PolicyDocument);
      for (const doc of docs) {
        for (const st of asArray((doc as any).Statement)) if (st.Effect === 'Allow') allowStatements.push({ where: id, statement: st });
      }
    }
    let checked = 0;
    for (const { where, statement } of allowStatements) {
      const onData = r(statement, where, data, s);
      if (!onData) continue;
      checked++;
      for (const action of asArray<string>(statement.Action)) expect(action, `${where} ${statement.Sid ?? ''}`).not.toContain('*');
    }
    expect(checked).toBeGreaterThan(5);
    // Nothing anywhere may Scan or hold a service-wide wildcard.
    for (const { statement, where } of allowStatements) {
      for (const action of asArray<string>(statement.Action)) {
        expect(action, where).not.toMatch(/^\*$|^[a-z0-9-]+:\*$/);
        expect(action).not.toBe('dynamodb:Scan');
      }
    }

    function r(statement: Record<string, any>, where: string, ids: Set<string>, syn: Synthesized): boolean {
      // Key policies are about their own key; other statements name data resources in Resource.
      if (syn.json.Resources[where].Type === 'AWS::KMS::Key') return true;
      return [...referencedIds(statement.Resource)].some((id) => ids.has(id));
    }
  });

  it('gives each function only the table actions it uses, and consumers no PII key or blind-index secret', () => {
    const s = get(region);
    const pii = idOf(s, s.platform.piiKey);
    const secret = s.stack.getLogicalId(s.platform.blindIndexSecret);
    const statementsOf = (fn: { role?: unknown }) => {
      const roleId = idOf(s, (fn as any).role);
      return resources(s.json, 'AWS::IAM::Policy')
        .filter(([, p]) => asArray(p.Properties.Roles).some((ref: any) => ref.Ref === roleId))
        .flatMap(([, p]) => asArray<Record<string, any>>(p.Properties.PolicyDocument.Statement));
    };
    const tableActions = (sts: Record<string, any>[]) =>
      sts.filter((st) => st.Sid === 'TableItems').flatMap((st) => asArray<string>(st.Action));

    const api = statementsOf(s.platform.apiFunction);
    expect(tableActions(api).sort()).toEqual([...apiGrants.tableActions].sort());
    expect(api.some((st) => referencedIds(st.Resource).has(pii))).toBe(true);
    expect(api.some((st) => referencedIds(st.Resource).has(secret))).toBe(true);

    for (const [handler, fn] of Object.entries(s.platform.consumerFunctions)) {
      const sts = statementsOf(fn);
      const expected = consumerGrants[handler as keyof typeof consumerGrants] ?? defaultConsumerGrants;
      expect(tableActions(sts).sort(), handler).toEqual([...expected.tableActions].sort());
      expect(tableActions(sts)).not.toContain('dynamodb:DeleteItem');
      if (!expected.pii) {
        for (const st of sts) {
          const refs = referencedIds(st.Resource);
          expect(refs.has(pii) || refs.has(secret), `${handler} ${st.Sid}`).toBe(false);
        }
        const env = s.json.Resources[idOf(s, fn)].Properties.Environment.Variables;
        expect(env.PII_KMS_KEY_ID).toBeUndefined();
        expect(env.BLIND_INDEX_SECRET_ARN).toBeUndefined();
      }
    }

    // Audit digests: the tick seals (GenerateMac), the API verifies (VerifyMac); nobody else touches the key.
    const auditKey = idOf(s, s.platform.auditMacKey);
    const macActions = (sts: Record<string, any>[]) => sts.filter((st) => referencedIds(st.Resource).has(auditKey)).flatMap((st) => asArray<string>(st.Action));
    expect(macActions(api)).toEqual(['kms:VerifyMac']);
    for (const [handler, fn] of Object.entries(s.platform.consumerFunctions)) {
      expect(macActions(statementsOf(fn)), handler).toEqual(handler === 'dailyTick' ? ['kms:GenerateMac'] : []);
    }
    // The audit log is append-only for every function with table access: an explicit Deny of Update/Delete on its partitions.
    for (const fn of [s.platform.apiFunction, ...Object.values(s.platform.consumerFunctions)]) {
      const deny = statementsOf(fn).find((st) => st.Sid === 'AuditLogIsAppendOnly');
      expect(deny).toMatchObject({ Effect: 'Deny', Action: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'], Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['T#*#AUDIT', 'T#*#AUDITDIGEST'] } } });
    }

    // The enrichment parses envelopes; it may only write its own logs.
    const enrich = statementsOf(s.platform.enrichmentFunction);
    expect(enrich.flatMap((st) => asArray<string>(st.Action)).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  });

  it('gives the API exactly what the dead-letter page needs: SQS on exactly the DLQs, PutEvents on exactly the bus, the table stream — no `*` resource', () => {
    const s = get(region);
    const roleId = idOf(s, s.platform.apiFunction.role!);
    const statements = resources(s.json, 'AWS::IAM::Policy')
      .filter(([, p]) => asArray(p.Properties.Roles).some((ref: any) => ref.Ref === roleId))
      .flatMap(([, p]) => asArray<Record<string, any>>(p.Properties.PolicyDocument.Statement));
    const bySid = (sid: string) => statements.filter((st) => st.Sid === sid);
    const intakes = Object.values(s.platform.intakeQueues).map((q) => idOf(s, q));
    const queueIds = resources(s.json, 'AWS::SQS::Queue').map(([id]) => id).filter((id) => !intakes.includes(id));

    const [sqsStatement] = bySid('DeadLetterQueues');
    expect(asArray<string>(sqsStatement!.Action).sort()).toEqual([...deadLetterQueueActions].sort());
    expect(asArray(sqsStatement!.Resource).every((r: any) => r['Fn::GetAtt']?.[1] === 'Arn')).toBe(true);
    expect([...referencedIds(sqsStatement!.Resource)].sort()).toEqual([...queueIds].sort());
    expect(bySid('RedriveOnBus')).toEqual([{ Sid: 'RedriveOnBus', Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [idOf(s, s.platform.bus), 'Arn'] } }]);
    expect(bySid('PipeDeadLetterRecords')).toEqual([
      { Sid: 'PipeDeadLetterRecords', Effect: 'Allow', Action: ['dynamodb:GetShardIterator', 'dynamodb:GetRecords'], Resource: { 'Fn::GetAtt': [idOf(s, s.platform.table), 'StreamArn'] } },
    ]);
    const [streamKey] = bySid('StreamRecordsUnderTableKey');
    expect(streamKey).toMatchObject({ Action: 'kms:Decrypt', Resource: { 'Fn::GetAtt': [idOf(s, s.platform.dataKey), 'Arn'] } });
    expect(JSON.stringify(streamKey!.Condition)).toContain(`streams.dynamodb.${region}.`);
    for (const st of statements) {
      for (const r of asArray<unknown>(st.Resource)) expect(r, st.Sid).not.toBe('*');
      for (const a of asArray<string>(st.Action)) expect(['sqs:SendMessage', 'sqs:PurgeQueue', 'sqs:DeleteQueue', 'sqs:*']).not.toContain(a);
    }
    // No other function may delete dead letters or put events on the bus.
    for (const fn of [...Object.values(s.platform.consumerFunctions), s.platform.enrichmentFunction]) {
      const other = idOf(s, fn.role!);
      const intakes = Object.values(s.platform.intakeQueues).map((q) => idOf(s, q));
      const actions = resources(s.json, 'AWS::IAM::Policy')
        .filter(([, p]) => asArray(p.Properties.Roles).some((ref: any) => ref.Ref === other))
        .flatMap(([, p]) => asArray<Record<string, any>>(p.Properties.PolicyDocument.Statement))
        // A batch consumer receives and deletes on its own intake queue (never a DLQ): that is its event source.
        .filter((st) => {
          const ids = [...referencedIds(st.Resource)];
          return !(ids.length > 0 && ids.every((id) => intakes.includes(id)));
        })
        .flatMap((st) => asArray<string>(st.Action));
      // (A consumer may send to its own failure queue: that is Lambda's on-failure destination.)
      expect(actions.filter((a) => [...deadLetterQueueActions, 'events:PutEvents'].includes(a) && a !== 'sqs:GetQueueAttributes'), fn.node.id).toEqual([]);
    }
  });

  it('tells the API every DLQ with what it holds (DEAD_LETTER_QUEUES) and the table stream, partition-neutral', () => {
    const s = get(region);
    const env = s.json.Resources[idOf(s, s.platform.apiFunction)].Properties.Environment.Variables;
    expect(env.TABLE_STREAM_ARN).toEqual({ 'Fn::GetAtt': [idOf(s, s.platform.table), 'StreamArn'] });
    expect(env.EVENT_BUS_NAME).toEqual({ Ref: idOf(s, s.platform.bus) });
    // Resolve the JSON with placeholders for the queue URLs (a queue's Ref is its URL, known only at deploy).
    const parts = env.DEAD_LETTER_QUEUES['Fn::Join'][1] as unknown[];
    const text = parts.map((p: any) => (typeof p === 'string' ? p : `url:${p.Ref}`)).join('');
    expect(text).not.toContain('amazonaws.com');
    const listed = JSON.parse(text) as { key: string; url: string; source: string; target: string }[];
    const intakes = Object.values(s.platform.intakeQueues).map((q) => idOf(s, q));
    expect(listed.map((q) => q.url.slice(4)).sort()).toEqual(resources(s.json, 'AWS::SQS::Queue').map(([id]) => id).filter((id) => !intakes.includes(id)).sort());
    const handlers = [...new Set(ruleTable.map((r) => r.handler))];
    expect(listed.filter((q) => q.source === 'rule').map((q) => q.target).sort()).toEqual(ruleTable.map((r) => r.name).sort());
    expect(listed.filter((q) => q.source === 'consumer').map((q) => q.target).sort()).toEqual([...handlers].sort());
    expect(listed.filter((q) => q.source === 'pipe')).toEqual([{ key: 'OutboxPipeDlq', url: expect.any(String), source: 'pipe', target: 'ufp-test-outbox' }]);
    expect(listed.filter((q) => q.source === 'schedule')).toEqual([{ key: 'DailyTickDlq', url: expect.any(String), source: 'schedule', target: 'daily-tick' }]);
    for (const q of listed) expect(q.key).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  });

  it('keeps dead letters fewer days than consumers remember what they handled, so a redrive is a no-op for them', () => {
    const s = get(region);
    for (const [, q] of resources(s.json, 'AWS::SQS::Queue')) {
      expect(q.Properties.MessageRetentionPeriod).toBeLessThan(tableManifest.processedMarkerTtlSeconds);
    }
  });

  it('passes cdk-nag AwsSolutions with every suppression justified', () => {
    const s = get(region);
    const any = Match.stringLikeRegexp('AwsSolutions-.*');
    expect(s.annotations.findError('*', any).map((e) => `${e.id}: ${String(e.entry.data)}`)).toEqual([]);
    expect(s.annotations.findWarning('*', any).map((e) => `${e.id}: ${String(e.entry.data)}`)).toEqual([]);
    let suppressions = 0;
    for (const [, r] of resources(s.json)) {
      const rules = ((r as any).Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string; reason: string }[];
      for (const rule of rules) {
        suppressions++;
        expect(rule.id).toMatch(/^AwsSolutions-/);
        expect(rule.reason.length, rule.id).toBeGreaterThanOrEqual(40);
      }
    }
    expect(suppressions).toBeGreaterThan(0);
  });
});

describe('partition specifics', () => {
  it('writes no literal arn:aws: anywhere in the cn-northwest-1 template (nor in us-east-1)', () => {
    for (const region of regions) expect(JSON.stringify(get(region).json)).not.toContain('arn:aws:');
  });

  it('serves the console through CloudFront (OAC) outside China and from a private bucket only in China', () => {
    const us = get('us-east-1');
    us.template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    us.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    us.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultRootObject: 'index.html', Logging: Match.anyValue() }),
    });
    const cn = get('cn-northwest-1');
    cn.template.resourceCountIs('AWS::CloudFront::Distribution', 0);
    cn.template.resourceCountIs('AWS::CloudFront::ResponseHeadersPolicy', 0);
    const consoleBucket = cn.json.Resources[idOf(cn, cn.platform.consoleBucket)].Properties;
    expect(consoleBucket.PublicAccessBlockConfiguration.RestrictPublicBuckets).toBe(true);
    expect(consoleBucket.WebsiteConfiguration).toBeUndefined();
  });

  it('attaches a response headers policy to the distribution: the console CSP, HSTS, nosniff, no-referrer, frame DENY, Permissions-Policy', () => {
    const us = get('us-east-1');
    const policyId = idOf(us, us.platform.consoleResponseHeadersPolicy!);
    const distribution = resources(us.json, 'AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig;
    expect(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const config = us.json.Resources[policyId].Properties.ResponseHeadersPolicyConfig;
    const csp = flatten(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    // Without consoleOrigins the distribution's generated name is in the API's and bucket's CORS: the CSP
    // names the region's API Gateway and S3 hosts instead of the exact ones (which would be a cycle).
    expect(consoleConnectOrigins(us)).toEqual(['https://*.execute-api.us-east-1.{AWS::URLSuffix}', 'https://*.s3.us-east-1.{AWS::URLSuffix}']);
    expect(csp).toBe(consoleContentSecurityPolicy({ connect: consoleConnectOrigins(us), images: [consoleConnectOrigins(us)[1]!] }));
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe');
    expect(config.SecurityHeadersConfig).toMatchObject({
      ContentSecurityPolicy: { Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: REFERRER_POLICY, Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, IncludeSubdomains: true, Override: true },
    });
    expect(config.CustomHeadersConfig.Items).toEqual([{ Header: 'Permissions-Policy', Value: PERMISSIONS_POLICY, Override: true }]);
  });

  it('in China (no CloudFront) names the exact API and evidence bucket origins in the headers the CDN must send', () => {
    const cn = get('cn-northwest-1');
    expect(consoleConnectOrigins(cn)).toEqual([
      `{${idOf(cn, cn.platform.api)}.ApiEndpoint}`, // https://<api id>.execute-api.<region>.<suffix>
      `https://{${idOf(cn, cn.platform.evidenceBucket)}.RegionalDomainName}`,
    ]);
  });

  it('with the federation’s own console origin, names exactly the API and the evidence bucket in the CSP, takes the throttle and fairness props, and stays acyclic', () => {
    const app = new App();
    const stack = new Stack(app, 'ufp-custom', { env: { region: 'us-east-1' } });
    const platform = new FederationPlatform(stack, 'Platform', {
      stage: 'custom',
      jwtIssuer: 'https://idp.example.cn/realms/ufp',
      jwtAudience: 'ufp-console',
      jwksUrl: 'https://idp.example.cn/realms/ufp/certs',
      code: (bundle) => Code.fromInline(`export const handler = async () => ${JSON.stringify(bundle)};`),
      consoleOrigins: ['https://ghzx.taizhou.example.cn'],
      apiThrottle: { rateLimit: 500, burstLimit: 800 },
      publicRouteThrottle: { rateLimit: 20, burstLimit: 40 },
      fairUse: { perTenantPerMinute: 3000, perPublicClientPerMinute: 120 },
    });
    // Template.fromStack refuses a template whose resources depend on each other in a cycle.
    const json = Template.fromStack(stack).toJSON();
    const custom = { json, stack, platform } as unknown as Synthesized;
    const policyId = idOf(custom, platform.consoleResponseHeadersPolicy!);
    const csp = flatten(json.Resources[policyId].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain(`connect-src 'self' {${idOf(custom, platform.api)}.ApiEndpoint} https://{${idOf(custom, platform.evidenceBucket)}.RegionalDomainName};`);
    const [[, stage]] = resources(json, 'AWS::ApiGatewayV2::Stage') as [[string, any]];
    expect(stage.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 500, ThrottlingBurstLimit: 800 });
    for (const settings of Object.values(stage.Properties.RouteSettings)) expect(settings).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    const env = json.Resources[idOf(custom, platform.apiFunction)].Properties.Environment.Variables;
    expect(env).toMatchObject({ FAIR_USE_PER_TENANT: '3000', FAIR_USE_PER_PUBLIC_CLIENT: '120' });
  });

  it('scopes KMS via-service and log-service principals with the partition URL suffix, not amazonaws.com', () => {
    const cn = JSON.stringify(get('cn-northwest-1').json);
    expect(cn).toContain('"dynamodb.cn-northwest-1.",{"Ref":"AWS::URLSuffix"}');
    expect(cn).toContain('"logs.cn-northwest-1.",{"Ref":"AWS::URLSuffix"}');
    expect(cn).not.toMatch(/cn-northwest-1\.amazonaws\.com"/);
  });
});

/** A CloudFormation string with its tokens written as `{LogicalId}`, `{LogicalId.Attribute}` or `{AWS::Pseudo}`. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v.Ref) return `{${v.Ref}}`;
  if (v['Fn::GetAtt']) return `{${v['Fn::GetAtt'].join('.')}}`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(flatten).join(v['Fn::Join'][0]);
  throw new Error(`cannot flatten ${JSON.stringify(value)}`);
}

/** The connect-src origins besides 'self' of the console CSP in the ConsoleSecurityHeaders output. */
function consoleConnectOrigins(s: Synthesized): string[] {
  const output = Object.entries(s.json.Outputs as Record<string, { Value: unknown }>).find(([id]) => id.startsWith('PlatformConsoleSecurityHeaders'))![1];
  const csp = (JSON.parse(flatten(output.Value)) as Record<string, string>)['content-security-policy']!;
  return csp.split('; ').find((d) => d.startsWith('connect-src'))!.split(' ').slice(2);
}
