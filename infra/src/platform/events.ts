/**
 * Event transport: the bus, the outbox Pipe (table stream → enrichment Lambda → bus, with a
 * DLQ), one consumer Lambda per handler of the rule table (with its failure queue, or for a batch
 * consumer its intake queue and that queue's DLQ), and one rule per rule-table entry (pattern
 * verbatim, retry policy, its own DLQ).
 */
import {
  Duration,
  Stack,
  aws_dynamodb as dynamodb,
  aws_events as events,
  aws_iam as iam,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_lambda_destinations as destinations,
  aws_lambda_event_sources as eventSources,
  aws_pipes as pipes,
  aws_s3 as s3,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { tableManifest } from '@ufp/db/manifest';
import { ruleTable } from '@ufp/api/modules';
import type { RuleDefinition } from '@ufp/events/rules';
import type { PlatformAlarms } from './alarms.js';
import type { PlatformFunctions } from './functions.js';
import { consumerFunctionSettings, consumerGrants, defaultConsumerFunction, defaultConsumerGrants, type QueuedIntake } from './grants.js';
import type { DeadLetterQueues } from './queues.js';
import { pascal, viaService } from './shared.js';

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

export interface PlatformEventsProps {
  readonly stage: string;
  readonly table: dynamodb.Table;
  readonly dataKey: kms.IKey;
  readonly functions: PlatformFunctions;
  readonly queues: DeadLetterQueues;
  readonly alarms: PlatformAlarms;
  /** The evidence bucket, where import workbooks are uploaded (the import consumers read them). */
  readonly evidenceBucket: s3.IBucket;
  /**
   * Consumer environment, given the bus (`EVENT_BUS_NAME` is the bus this creates);
   * `HANDLER_NAME` is added per consumer.
   */
  readonly environment: (bus: events.IEventBus) => Record<string, string>;
}

/**
 * Everything between the table stream and the consumers. Resources are created in `scope`
 * (the FederationPlatform) under the ids they always had, so logical IDs do not move.
 */
export class PlatformEvents {
  readonly bus: events.EventBus;
  readonly enrichmentFunction: lambda.Function;
  readonly consumerFunctions: Readonly<Record<string, lambda.Function>>;
  /** The intake queues of the consumers that read their events in batches, by handler. */
  readonly intakeQueues: Readonly<Record<string, sqs.Queue>>;
  readonly rules: readonly events.CfnRule[];
  readonly pipe: pipes.CfnPipe;

  constructor(
    private readonly scope: Construct,
    private readonly props: PlatformEventsProps,
  ) {
    const { stage, functions, queues } = props;
    this.bus = new events.EventBus(scope, 'Bus', { eventBusName: `ufp-${stage}` });

    // Pipe enrichment: pure parsing, no AWS access beyond its own log group.
    this.enrichmentFunction = functions.create('OutboxEnrichmentFunction', {
      bundle: 'outbox-enrichment',
      description: `UFP ${stage} outbox envelope parser for the stream → bus Pipe`,
      memorySize: 256,
      timeout: Duration.seconds(10),
      environment: {},
    });

    // ── Consumers: one per handler named in the rule table ───────────────────────────────
    const sharedEnv = props.environment(this.bus);
    const consumerFns: Record<string, lambda.Function> = {};
    const intakes: Record<string, sqs.Queue> = {};
    const handlers = [...new Set(ruleTable.map((r) => r.handler))];
    for (const handler of handlers) {
      const grants = consumerGrants[handler] ?? defaultConsumerGrants;
      const settings = consumerFunctionSettings[handler] ?? defaultConsumerFunction;
      const fn = functions.create(`${pascal(handler)}Consumer`, {
        bundle: 'consumer',
        description: `UFP ${stage} consumer ${handler}`,
        memorySize: settings.memorySize,
        timeout: Duration.seconds(settings.timeoutSeconds),
        environment: { ...sharedEnv, HANDLER_NAME: handler, ...(settings.readsImports ? { EVIDENCE_BUCKET: props.evidenceBucket.bucketName } : {}) },
        grants,
      });
      if (settings.readsImports) this.grantImportReads(fn);
      if (settings.queued) intakes[handler] = this.intake(handler, fn, settings.queued, settings.timeoutSeconds);
      else {
        const failures = queues.create(`${pascal(handler)}FailureQueue`, `${handler} invocations that failed after Lambda's retries`, { source: 'consumer', target: handler });
        fn.configureAsyncInvoke({
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
          onFailure: new destinations.SqsDestination(failures),
        });
      }
      consumerFns[handler] = fn;
    }
    this.consumerFunctions = consumerFns;
    this.intakeQueues = intakes;

    // ── Rules: one per rule-table entry, pattern verbatim ────────────────────────────────
    this.rules = ruleTable.map((rule) => this.rule(rule, intakes[rule.handler] ?? consumerFns[rule.handler]!));

    // ── Pipe: table stream → enrichment → bus ────────────────────────────────────────────
    this.pipe = this.outboxPipe();
  }

  /**
   * GetObject on the uploaded import workbooks (`<tenant>/imports/<job>`) only, DeleteObject on them (a finished job's
   * workbook is deleted), and the bucket key through S3.
   */
  private grantImportReads(fn: lambda.Function): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'ImportWorkbooks', actions: ['s3:GetObject', 's3:DeleteObject'], resources: [this.props.evidenceBucket.arnForObjects('*/imports/*')] }));
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'EvidenceBucketKeyViaS3',
        actions: ['kms:Decrypt'],
        resources: [this.props.dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': viaService(Stack.of(this.scope), 's3') } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      fn.role!,
      [{ id: 'AwsSolutions-IAM5', reason: 'Import workbooks are keyed per tenant and job (<tenant>/imports/<ulid>); the statement is GetObject and DeleteObject only, on that key pattern of this one bucket.', appliesTo: [{ regex: '/^Resource::<.*EvidenceBucket.*\\.Arn>\\/\\*\\/imports\\/\\*$/g' }] }],
      true,
    );
  }

  /**
   * The queue a batch consumer reads its events from: its rules send there, Lambda's event source hands the function
   * up to `batchSize` events at once and takes back only the ones it reports failed; a message received
   * `maxReceiveCount` times goes to the queue's DLQ (on the dead-letter page, with the consumer's failures). The
   * visibility timeout is six times the function's, as Lambda advises, so a batch in flight is never handed out twice.
   */
  private intake(handler: string, fn: lambda.Function, intake: QueuedIntake, timeoutSeconds: number): sqs.Queue {
    const id = pascal(handler);
    const dlq = this.props.queues.create(`${id}IntakeDlq`, `${handler} events not handled after ${intake.maxReceiveCount} receives from its intake queue`, { source: 'consumer', target: handler });
    const queue = new sqs.Queue(this.scope, `${id}Intake`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(6 * timeoutSeconds),
      // Shorter than consumers remember what they handled (processed markers), as for the DLQs.
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: dlq, maxReceiveCount: intake.maxReceiveCount },
    });
    fn.addEventSource(new eventSources.SqsEventSource(queue, { batchSize: intake.batchSize, maxConcurrency: intake.maxConcurrency, reportBatchItemFailures: true }));
    this.props.alarms.intakeBacklog(`${id}Intake`, queue, `${handler} events waiting over 5 minutes`);
    return queue;
  }

  /**
   * One rule, L1 so the pattern reaches CloudFormation exactly as written in the rule table
   * (the L2 `EventPattern` type renames keys). Target: the handler's consumer (or its intake queue), with a retry
   * policy and this rule's own SQS DLQ for events EventBridge cannot deliver.
   */
  private rule(rule: RuleDefinition, target: lambda.Function | sqs.Queue): events.CfnRule {
    const id = pascal(rule.name);
    const dlq = this.props.queues.create(`${id}RuleDlq`, `events rule ${rule.name} could not deliver to ${rule.handler}`, { source: 'rule', target: rule.name });
    const cfnRule = new events.CfnRule(this.scope, `${id}Rule`, {
      name: `ufp-${this.props.stage}-${rule.name}`,
      description: rule.description,
      eventBusName: this.bus.eventBusName,
      eventPattern: rule.pattern,
      state: 'ENABLED',
      targets: [
        {
          id: rule.handler,
          arn: target instanceof sqs.Queue ? target.queueArn : target.functionArn,
          retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 24 * 3600 },
          deadLetterConfig: { arn: dlq.queueArn },
        },
      ],
    });
    if (target instanceof sqs.Queue) {
      target.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: `${id}RuleSends`,
          principals: [new iam.ServicePrincipal('events.amazonaws.com')],
          actions: ['sqs:SendMessage'],
          resources: [target.queueArn],
          conditions: { ArnEquals: { 'aws:SourceArn': cfnRule.attrArn } },
        }),
      );
    } else {
      target.addPermission(`${id}RuleInvoke`, {
        principal: new iam.ServicePrincipal('events.amazonaws.com'),
        action: 'lambda:InvokeFunction',
        sourceArn: cfnRule.attrArn,
      });
    }
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

  private outboxPipe(): pipes.CfnPipe {
    const { table, dataKey, stage } = this.props;
    const stack = Stack.of(this.scope);
    const streamArn = table.tableStreamArn;
    if (!streamArn) throw new Error('table has no stream');
    const dlq = this.props.queues.create('OutboxPipeDlq', 'outbox stream records the Pipe could not deliver (metadata; re-read the stream within 24 h)', { source: 'pipe', target: `ufp-${stage}-outbox` });
    const role = new iam.Role(this.scope, 'OutboxPipeRole', {
      assumedBy: new iam.ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
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
        resources: [dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': [viaService(stack, 'dynamodb'), viaService(stack, 'streams.dynamodb')] } },
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

    const pipe = new pipes.CfnPipe(this.scope, 'OutboxPipe', {
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
