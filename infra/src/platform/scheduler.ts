/** EventBridge Scheduler: the daily tick, 00:05 Asia/Shanghai, put on the bus with a DLQ. */
import {
  Duration,
  TimeZone,
  aws_events as events,
  aws_scheduler as scheduler,
  aws_scheduler_targets as schedulerTargets,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { DeadLetterQueues } from './queues.js';

/** Source and detail-type of the tick; the rule table's `daily-tick` rule matches them. */
export const TICK_SOURCE = 'federation.scheduler';
export const TICK_DETAIL_TYPE = 'schedule.tick';

export interface DailyTickProps {
  readonly bus: events.IEventBus;
  readonly queues: DeadLetterQueues;
}

/**
 * Schedule `DailyTick` (flexible window off) and its DLQ `DailyTickDlq`, created in `scope`
 * (the FederationPlatform) so their logical IDs do not move. The target is the EventBridge
 * templated target (PutEvents); routing to the tick consumer is the rule table's job.
 */
export class DailyTick {
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, props: DailyTickProps) {
    const tickDlq = props.queues.create('DailyTickDlq', 'daily tick the scheduler could not put on the bus', { source: 'schedule', target: 'daily-tick' });
    this.schedule = new scheduler.Schedule(scope, 'DailyTick', {
      description: 'Daily tick for legal clocks, flags and follow-ups (routed by the daily-tick rule)',
      schedule: scheduler.ScheduleExpression.cron({ minute: '5', hour: '0', timeZone: TimeZone.ASIA_SHANGHAI }),
      timeWindow: scheduler.TimeWindow.off(),
      target: new schedulerTargets.EventBridgePutEvents(
        {
          eventBus: props.bus,
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
  }
}
