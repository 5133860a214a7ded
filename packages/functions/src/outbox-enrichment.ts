/**
 * EventBridge Pipe enrichment: DynamoDB stream records of outbox items (already filtered by
 * the Pipe to INSERTs with kind = "event") → the parsed envelopes, in order.
 *
 * Pipes cannot parse a JSON string held in a DynamoDB attribute (implicit body parsing
 * covers SQS `body`, Kinesis/MQ `data`, Kafka `key`/`value` only), so this small function
 * turns `NewImage.envelope.S` into JSON. The Pipe's target parameters then read
 * `$.source`, `$.detail-type` and `$.time` from it and its input template builds `detail`.
 * No AWS access: the role of this function can only write its own logs.
 */
import { parseEnvelope } from '@ufp/db/envelope';
import type { EventEnvelope } from '@ufp/core/events';

export interface OutboxStreamRecord {
  eventName?: string;
  dynamodb?: { NewImage?: { envelope?: { S?: string } } };
}

export function envelopeOf(record: OutboxStreamRecord): EventEnvelope {
  const json = record.dynamodb?.NewImage?.envelope?.S;
  if (!json) throw new Error('outbox record without envelope attribute');
  return parseEnvelope(json);
}

/**
 * A malformed envelope fails the batch: the Pipe bisects and retries, and the poison record
 * ends in the Pipe's dead-letter queue instead of being dropped silently.
 */
export const handler = async (records: OutboxStreamRecord[]): Promise<EventEnvelope[]> => records.map(envelopeOf);
