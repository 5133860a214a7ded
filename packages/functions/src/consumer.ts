/**
 * Generic EventBridge consumer entry point. One Lambda function per handler name in the rule
 * table (`HANDLER_NAME`); each rule of that handler targets it.
 *
 * Failure path: the runtime's `ConsumerRunner` retries in-process and, when its attempts run
 * out, parks the event as a dead letter in the table (listed and replayable in the console)
 * and answers 'dead'. This entry point then throws, so the invocation counts as a Lambda
 * error (alarmed), Lambda's asynchronous retries (2, minutes apart) try again — harmless, the
 * consumers are idempotent — and the event finally lands in the function's on-failure SQS
 * queue (alarmed). EventBridge's own retry policy and rule DLQ cover delivery failures.
 */
import { registered } from '@ufp/api/modules';
import { getRuntime } from './composition.js';
import { readHandlerName } from './env.js';
import { toEnvelope, type EventBridgeEvent } from './event-mapping.js';

export const handler = async (event: EventBridgeEvent): Promise<void> => {
  const name = readHandlerName();
  const { consumers } = await getRuntime(registered);
  const consume = (consumers as Partial<Record<string, (typeof consumers)[keyof typeof consumers]>>)[name];
  if (!consume) throw new Error(`no consumer named ${name}`);
  const envelope = toEnvelope(event);
  const outcome = await consume(envelope);
  if (outcome === 'dead') {
    throw new Error(`${name}: event ${envelope.id} (${envelope['detail-type']}) was dead-lettered after its retries`);
  }
};
