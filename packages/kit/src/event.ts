import { z } from 'zod';
import type { DefinedEvent, EventEnvelope } from '@ufp/core/events';

/** An envelope whose `detail.data` has been parsed against its event's schema. */
export type TypedEnvelope<T extends string, D> = Omit<EventEnvelope<D>, 'detail-type'> & { 'detail-type': T };

export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly schema: S;
  /** The event a use case emits: its data checked against the schema (an unknown key is a bug, refused). */
  create(data: z.input<S>): DefinedEvent<z.output<S>> & { type: T };
  /** A delivered envelope of this type with its data parsed (Powertools' parser idea): a bad payload throws, is retried, then dead-lettered. */
  parse(envelope: EventEnvelope): TypedEnvelope<T, z.output<S>>;
}

/** The union of parsed envelopes a consumer of these events receives. */
export type EnvelopeOf<E extends readonly EventDefinition[]> = { [K in keyof E]: E[K] extends EventDefinition<infer T, infer S> ? TypedEnvelope<T, z.output<S>> : never }[number];

/** Metric deltas (`contracts.inForce: 1`) and the year they count in, when not the event's own (see rollups/indicators). */
export const metricFields = {
  year: z.number().int().optional(),
  metrics: z.record(z.string(), z.number()).optional(),
};

/** `detail-type` = `<module>.<entity>.<verbPast>`; the outbox stores `create`'s output and consumers get `parse`'s. */
export function defineEvent<const T extends string, S extends z.ZodType<Record<string, unknown>>>(type: T, schema: S): EventDefinition<T, S> {
  if (!/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(type)) throw new Error(`event type must be <module>.<entity>.<verbPast>: ${type}`);
  const strict = schema instanceof z.ZodObject ? (schema.strict() as unknown as S) : schema;
  return {
    type,
    schema,
    create: (data) => ({ type, data: strict.parse(data) as z.output<S> }) as DefinedEvent<z.output<S>> & { type: T },
    parse(envelope) {
      if (envelope['detail-type'] !== type) throw new Error(`expected ${type}, got ${envelope['detail-type']}`);
      return { ...envelope, 'detail-type': type, detail: { ...envelope.detail, data: schema.parse(envelope.detail.data) as z.output<S> } };
    },
  };
}

/** Parses an envelope against whichever of `events` has its type. */
export function parseEnvelope<const E extends readonly EventDefinition[]>(events: E, envelope: EventEnvelope): EnvelopeOf<E> {
  const def = events.find((e) => e.type === envelope['detail-type']);
  if (!def) throw new Error(`no schema for ${envelope['detail-type']}`);
  return def.parse(envelope) as EnvelopeOf<E>;
}
