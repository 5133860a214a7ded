/** The EventBridge-shaped envelope every domain event travels in (ARCHITECTURE.md "Events"). */
export interface EventMeta {
  tenantId: string;
  divisionCode: string;
  actor: string;
  correlationId: string;
  occurredAt: string;
  v: number;
}

export interface EventDetail<D = Record<string, unknown>> {
  data: D;
  meta: EventMeta;
}

export interface EventEnvelope<D = Record<string, unknown>> {
  id: string;
  source: string;
  'detail-type': string;
  time: string;
  detail: EventDetail<D>;
}

/** A domain event before it is wrapped: what a use case asks the unit of work to publish. */
export interface DomainEvent<D = Record<string, unknown>> {
  type: string;
  data: D;
}

declare const definedEvent: unique symbol;
/**
 * An event made by its definition (`defineEvent(type, schema).create(data)` in the kit): its data was checked against
 * the schema consumers parse it with. The unit of work emits only these (a type-level brand; nothing at run time).
 */
export type DefinedEvent<D = Record<string, unknown>> = DomainEvent<D> & { readonly [definedEvent]: true };

/** Metric deltas an event carries for the rollup projector: metric name → signed delta. */
export type MetricDeltas = Record<string, number>;

export function sourceOf(eventType: string): string {
  const module = eventType.split('.')[0];
  if (!module) throw new Error(`event type without module: ${eventType}`);
  return `federation.${module}`;
}
