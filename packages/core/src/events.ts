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

/** Metric deltas an event carries for the rollup projector: metric name → signed delta. */
export type MetricDeltas = Record<string, number>;

export function sourceOf(eventType: string): string {
  const module = eventType.split('.')[0];
  if (!module) throw new Error(`event type without module: ${eventType}`);
  return `federation.${module}`;
}
