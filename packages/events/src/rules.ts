/**
 * A rule of the one rule table (assembled in `packages/api/src/modules.ts` from these platform rules and the
 * modules' consumers): the local bus and the CDK construct both read it, so an EventBridge rule in AWS and its
 * local twin always carry the same pattern. `handler` names a consumer (one Lambda per handler in AWS, the
 * consumer registry locally).
 */
export interface RuleDefinition {
  readonly name: string;
  readonly description: string;
  readonly pattern: Record<string, unknown>;
  readonly handler: string;
}

/** The platform's own consumers; modules add theirs with `defineConsumer`. */
export const platformRules: readonly RuleDefinition[] = [
  {
    name: 'rollup-projector',
    // EventBridge's `exists` matches leaf values only, so the rule cannot select "has a
    // metrics object"; it takes every domain event and the projector skips those without.
    description: 'Domain events feed the per-tenant, city and province rollups with their metric deltas',
    pattern: {
      source: [{ prefix: 'federation.' }],
      'detail-type': [{ 'anything-but': ['schedule.tick'] }],
    },
    handler: 'rollupProjector',
  },
  {
    name: 'daily-tick',
    description: 'The daily scheduler tick (Asia/Shanghai) runs legal clocks, flags and follow-ups',
    pattern: { source: ['federation.scheduler'], 'detail-type': ['schedule.tick'] },
    handler: 'dailyTick',
  },
];
