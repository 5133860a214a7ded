/** The platform's SQS dead-letter queues, each alarmed on its first message. */
import { Duration, aws_sqs as sqs } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { PlatformAlarms } from './alarms.js';

/**
 * What a dead-letter queue holds, for the operator's dead-letter page (the API reads and redrives
 * it): failures of a `rule` (EventBridge → consumer), of the outbox `pipe`, of a `consumer`
 * function (Lambda's on-failure destination), or the `schedule`'s daily tick; and whose.
 */
export interface DeadLetterHolds {
  readonly source: 'rule' | 'pipe' | 'consumer' | 'schedule';
  /** The rule name, the pipe name, the consumer's handler name, or `daily-tick`. */
  readonly target: string;
}

export interface RegisteredQueue extends DeadLetterHolds {
  /** The construct id: stable, short, part of the page's letter ids. */
  readonly key: string;
  readonly queue: sqs.Queue;
}

/**
 * Factory and registry of dead-letter queues (Pipe, rules, consumer failures, daily tick).
 * Queues are created in `scope` (the FederationPlatform) so their logical IDs do not move.
 */
export class DeadLetterQueues {
  private readonly queues: RegisteredQueue[] = [];

  constructor(
    private readonly scope: Construct,
    private readonly alarms: PlatformAlarms,
  ) {}

  /** Every queue created so far, in creation order. */
  get all(): readonly sqs.Queue[] {
    return this.queues.map((q) => q.queue);
  }

  /** Every queue with what it holds, in creation order: what the dead-letter page reads. */
  get registered(): readonly RegisteredQueue[] {
    return this.queues;
  }

  /** An SQS dead-letter queue: SSE-SQS, TLS only, 14 days, alarmed on its first message. */
  create(id: string, what: string, holds: DeadLetterHolds): sqs.Queue {
    const queue = new sqs.Queue(this.scope, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    NagSuppressions.addResourceSuppressions(queue, [
      { id: 'AwsSolutions-SQS3', reason: `This queue is itself a dead-letter queue (${what}); it is alarmed, and listed and redriven on the operator's dead-letter page.` },
    ]);
    this.alarms.deadLetters(id, queue, what);
    this.queues.push({ key: id, queue, ...holds });
    return queue;
  }
}
