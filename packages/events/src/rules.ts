/**
 * The one rule table. Pure data with no imports: the local bus and the CDK construct both
 * read it, so an EventBridge rule in AWS and its local twin always carry the same pattern.
 * `handler` names a consumer composition root (packages/functions/src/consumers/<handler>.ts
 * in AWS, the consumer registry locally).
 */
export interface RuleDefinition {
  readonly name: string;
  readonly description: string;
  readonly pattern: Record<string, unknown>;
  readonly handler: HandlerName;
}

export const handlerNames = ['rollupProjector', 'dailyTick', 'tenThingsLinkedProgress'] as const;
export type HandlerName = (typeof handlerNames)[number];

export const ruleTable: readonly RuleDefinition[] = [
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
  {
    name: 'ten-things-linked-progress',
    // Keep in step with linkableEventTypes in packages/core/src/ten-things/targets.ts (a test checks it).
    description: '十件实事 linked targets count or sum other modules\' events (aid granted, contracts effective, …)',
    pattern: {
      'detail-type': [
        'hardship.aid.granted',
        'hardship.file.approved',
        'hardship.file.exited',
        'contracts.contract.effective',
        'modelWorkers.survey.submitted',
        'competitions.results.finalized',
      ],
    },
    handler: 'tenThingsLinkedProgress',
  },
];
