/**
 * Puts dead-lettered events back on the platform bus with EventBridge `PutEvents`, in the shape the
 * Pipe first put them there (source, detail-type, time, and `{data, meta, envelopeId}` as detail),
 * so every consumer recognises a repeat by its envelope id. The SDK is imported on first use: a
 * lazy chunk of the API bundle, nothing at cold start.
 */
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { EventEnvelope } from '@ufp/core/events';
import type { EventRedriver } from '@ufp/events/dead-letters';
import { eventBridgeDetail } from './event-mapping.js';

/** PutEvents takes at most 10 entries per call. */
const ENTRIES_PER_CALL = 10;

export interface EventBridgeRedriverOptions {
  busName: string;
  region: string;
  /** A ready client (tests); otherwise one is created on first use. */
  client?: EventBridgeClient;
}

export class EventBridgeRedriver implements EventRedriver {
  private sdk?: Promise<{ eb: typeof import('@aws-sdk/client-eventbridge'); client: EventBridgeClient }>;

  constructor(private readonly opts: EventBridgeRedriverOptions) {}

  private load() {
    return (this.sdk ??= import('@aws-sdk/client-eventbridge').then((eb) => ({ eb, client: this.opts.client ?? new eb.EventBridgeClient({ region: this.opts.region }) })));
  }

  /**
   * One outcome per envelope, in order. An entry EventBridge refuses (its `ErrorCode`) is reported
   * with the reason; a call that fails as a whole reports every entry of that call as refused.
   */
  async put(envelopes: readonly EventEnvelope[]): Promise<({ accepted: true } | { accepted: false; reason: string })[]> {
    const { eb, client } = await this.load();
    const outcomes: ({ accepted: true } | { accepted: false; reason: string })[] = [];
    for (let i = 0; i < envelopes.length; i += ENTRIES_PER_CALL) {
      const chunk = envelopes.slice(i, i + ENTRIES_PER_CALL);
      try {
        const res = await client.send(
          new eb.PutEventsCommand({
            Entries: chunk.map((envelope) => ({
              EventBusName: this.opts.busName,
              Source: envelope.source,
              DetailType: envelope['detail-type'],
              Time: new Date(envelope.time),
              Detail: JSON.stringify(eventBridgeDetail(envelope)),
            })),
          }),
        );
        chunk.forEach((_, j) => {
          const entry = res.Entries?.[j];
          outcomes.push(
            entry && !entry.ErrorCode && entry.EventId
              ? { accepted: true }
              : { accepted: false, reason: entry?.ErrorCode ? `${entry.ErrorCode}: ${entry.ErrorMessage ?? ''}`.trim() : 'EventBridge returned no entry for this event' },
          );
        });
      } catch (err) {
        const reason = `PutEvents failed: ${(err as Error).name ?? 'Error'}: ${(err as Error).message ?? String(err)}`.slice(0, 500);
        for (const _ of chunk) outcomes.push({ accepted: false, reason });
      }
    }
    return outcomes;
  }
}
