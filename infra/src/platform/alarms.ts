/**
 * Alarms → one SNS topic (ops key): every DLQ on its first message, every function's Errors,
 * table + GSI throttle events; optional e-mail subscription.
 */
import {
  Duration,
  aws_cloudwatch as cw,
  aws_cloudwatch_actions as cwActions,
  aws_dynamodb as dynamodb,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_sns as sns,
  aws_sns_subscriptions as subscriptions,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { tableManifest } from '@ufp/db/manifest';

export interface PlatformAlarmsProps {
  readonly stage: string;
  readonly opsKey: kms.IKey;
  readonly alarmEmail?: string;
}

/**
 * The alarm topic and every alarm definition. Alarms are created in `scope` (the
 * FederationPlatform) under the ids they always had, so logical IDs do not move.
 */
export class PlatformAlarms {
  readonly topic: sns.Topic;
  readonly action: cw.IAlarmAction;

  constructor(
    private readonly scope: Construct,
    props: PlatformAlarmsProps,
  ) {
    this.topic = new sns.Topic(scope, 'AlarmTopic', {
      displayName: `UFP ${props.stage} alarms`,
      masterKey: props.opsKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.action = new cwActions.SnsAction(this.topic);
  }

  /** `<queueId>DepthAlarm`: a dead-letter queue holds at least one message. */
  deadLetters(queueId: string, queue: sqs.IQueue, what: string): cw.Alarm {
    return this.alarm(`${queueId}DepthAlarm`, {
      alarmDescription: `Dead-letter queue has messages: ${what}`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
    });
  }

  /** `<queueId>BacklogAlarm`: an intake queue's oldest event has waited 5 minutes (its consumer is not keeping up). */
  intakeBacklog(queueId: string, queue: sqs.IQueue, what: string): cw.Alarm {
    return this.alarm(`${queueId}BacklogAlarm`, {
      alarmDescription: `Intake queue backlog: ${what}`,
      metric: queue.metricApproximateAgeOfOldestMessage({ statistic: 'Maximum', period: Duration.minutes(5) }),
      threshold: 300,
    });
  }

  /** `<functionId>ErrorsAlarm`: the function threw or timed out at least once. */
  functionErrors(functionId: string, fn: lambda.IFunction): cw.Alarm {
    return this.alarm(`${functionId}ErrorsAlarm`, {
      alarmDescription: `${functionId} threw or timed out`,
      metric: fn.metricErrors({ statistic: 'Sum', period: Duration.minutes(5) }),
    });
  }

  /** `TableThrottlesAlarm`: read or write throttle events on the table or any GSI. */
  tableThrottles(table: dynamodb.Table): cw.Alarm {
    const throttleMetrics: Record<string, cw.IMetric> = {
      tr: table.metric('ReadThrottleEvents', { statistic: 'Sum', period: Duration.minutes(5) }),
      tw: table.metric('WriteThrottleEvents', { statistic: 'Sum', period: Duration.minutes(5) }),
    };
    tableManifest.globalSecondaryIndexes.forEach((gsi, i) => {
      for (const [k, name] of [
        [`gr${i}`, 'ReadThrottleEvents'],
        [`gw${i}`, 'WriteThrottleEvents'],
      ] as const) {
        throttleMetrics[k] = new cw.Metric({
          namespace: 'AWS/DynamoDB',
          metricName: name,
          dimensionsMap: { TableName: table.tableName, GlobalSecondaryIndexName: gsi.indexName },
          statistic: 'Sum',
          period: Duration.minutes(5),
        });
      }
    });
    return this.alarm('TableThrottlesAlarm', {
      alarmDescription: 'DynamoDB throttled reads or writes on the table or its indexes',
      metric: new cw.MathExpression({
        expression: Object.keys(throttleMetrics)
          .map((k) => `FILL(${k}, 0)`)
          .join(' + '),
        usingMetrics: throttleMetrics,
        label: 'Throttle events',
        period: Duration.minutes(5),
      }),
    });
  }

  /** ≥ the threshold (default 1) in one 5-minute period, missing data is fine, → the topic. */
  private alarm(id: string, { threshold = 1, ...props }: { alarmDescription: string; metric: cw.IMetric; threshold?: number }): cw.Alarm {
    const alarm = new cw.Alarm(this.scope, id, {
      ...props,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}
