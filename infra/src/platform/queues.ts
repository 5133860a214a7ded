/** The platform's SQS dead-letter queues, each alarmed on its first message. */
import { Duration, aws_sqs as sqs } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { PlatformAlarms } from './alarms.js';

/**
 * Factory and registry of dead-letter queues (Pipe, rules, consumer failures, daily tick).
 * Queues are created in `scope` (the FederationPlatform) so their logical IDs do not move.
 */
export class DeadLetterQueues {
  private readonly queues: sqs.Queue[] = [];

  constructor(
    private readonly scope: Construct,
    private readonly alarms: PlatformAlarms,
  ) {}

  /** Every queue created so far, in creation order. */
  get all(): readonly sqs.Queue[] {
    return this.queues;
  }

  /** An SQS dead-letter queue: SSE-SQS, TLS only, 14 days, alarmed on its first message. */
  create(id: string, what: string): sqs.Queue {
    const queue = new sqs.Queue(this.scope, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    NagSuppressions.addResourceSuppressions(queue, [
      { id: 'AwsSolutions-SQS3', reason: `This queue is itself a dead-letter queue (${what}); it is alarmed and redriven by hand.` },
    ]);
    this.alarms.deadLetters(id, queue, what);
    this.queues.push(queue);
    return queue;
  }
}
