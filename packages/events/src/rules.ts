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
  /**
   * Locally, whether the bus hands this consumer one tenant's events one at a time in stream order (`perTenant`, the
   * default) or side by side (`any`: for a consumer whose effects commute). EventBridge promises no order at all; the
   * local bus is stricter for consumers that have not said order does not matter to them.
   */
  readonly order?: 'perTenant' | 'any';
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
      'detail-type': [{ 'anything-but': ['schedule.tick', 'schedule.tenantTick'] }],
    },
    handler: 'rollupProjector',
    order: 'any',
  },
  {
    name: 'daily-tick',
    description: 'The daily scheduler tick (Asia/Shanghai) fans out one tenant tick per active tenant and seals the audit log',
    pattern: { source: ['federation.scheduler'], 'detail-type': ['schedule.tick'] },
    handler: 'dailyTick',
  },
];

/** The handler that runs a module's daily jobs for one tenant (one Lambda per module in AWS). */
export const tenantTickHandler = (module: string): string => `${module}Tick`;
/** The module of a tenant-tick handler (`contractsTick` → `contracts`). */
export const tenantTickModule = (handler: string): string | undefined => (handler.endsWith('Tick') && handler !== 'dailyTick' ? handler.slice(0, -'Tick'.length) : undefined);

/** The rule of a module with daily jobs: every tenant's tick reaches that module's tenant-tick consumer. */
export function tenantTickRule(module: string): RuleDefinition {
  return {
    name: `tenant-tick-${module.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    description: `One tenant's daily tick runs the ${module} module's legal clocks, flags and follow-ups for that tenant`,
    pattern: { source: ['federation.scheduler'], 'detail-type': ['schedule.tenantTick'] },
    handler: tenantTickHandler(module),
  };
}
