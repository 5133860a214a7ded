/**
 * Generic consumer entry point. One Lambda function per handler name in the rule table (`HANDLER_NAME`). Most are
 * invoked by their rules directly, one EventBridge event per invocation; a consumer that commits events in groups
 * (the rollup projector) reads them from its intake queue instead, a batch per invocation (see `consumeQueued`).
 *
 * Failure path of a direct invocation: the runtime's `ConsumerRunner` retries in-process and, when its attempts run
 * out, parks the event as a dead letter in the table (listed and replayable in the console) and answers 'dead'. This
 * entry point then throws, so the invocation counts as a Lambda error (alarmed), Lambda's asynchronous retries (2,
 * minutes apart) try again — harmless, the consumers are idempotent — and the event finally lands in the function's
 * on-failure SQS queue (alarmed). EventBridge's own retry policy and rule DLQ cover delivery failures.
 */
import { registered } from '@ufp/api/modules';
import type { EventEnvelope } from '@ufp/core/events';
import type { DeliveryOutcome } from '@ufp/events/consumer-runner';
import { getRuntime } from './composition.js';
import { readHandlerName } from './env.js';
import { toEnvelope, type EventBridgeEvent } from './event-mapping.js';

/** What Lambda's SQS event source delivers (the fields read here). */
export interface SqsBatch {
  Records: { messageId: string; body: string }[];
}

/** Lambda's partial batch response: the messages to receive again (then, after the queue's receive count, its DLQ). */
export interface SqsBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

type Consume = (envelope: EventEnvelope) => Promise<DeliveryOutcome>;

export const handler = async (event: EventBridgeEvent | SqsBatch): Promise<void | SqsBatchResponse> => {
  const name = readHandlerName();
  const { consumers } = await getRuntime(registered);
  const consume = (consumers as Partial<Record<string, Consume>>)[name];
  if (!consume) throw new Error(`no consumer named ${name}`);
  if ('Records' in event) return consumeQueued(consume, event);
  const envelope = toEnvelope(event);
  const outcome = await consume(envelope);
  if (outcome === 'dead') {
    throw new Error(`${name}: event ${envelope.id} (${envelope['detail-type']}) was dead-lettered after its retries`);
  }
};

/**
 * A batch from the intake queue: every event is delivered at once, so a batch consumer commits them together (the
 * runner's group commit). Only the messages whose event was not handled — dead-lettered, failed on the store, or not an
 * event at all — are answered as failures: SQS shows them again after the visibility timeout, and after the queue's
 * receive count moves them to its DLQ, listed on the dead-letter page.
 */
export async function consumeQueued(consume: Consume, batch: SqsBatch): Promise<SqsBatchResponse> {
  const outcomes = await Promise.allSettled(
    batch.Records.map(async (record) => {
      const outcome = await consume(toEnvelope(JSON.parse(record.body) as EventBridgeEvent));
      if (outcome === 'dead') throw new Error('dead-lettered');
    }),
  );
  return {
    batchItemFailures: batch.Records.flatMap((record, i) => (outcomes[i]!.status === 'rejected' ? [{ itemIdentifier: record.messageId }] : [])),
  };
}
