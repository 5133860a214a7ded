import { contractsModule } from '@ufp/contracts/module';
import { hardshipModule } from '@ufp/hardship/module';
import type { ConsumerDeps, ModuleDefinition } from '@ufp/kit/module';
import { platformModule } from '@ufp/platform/module';
import { tenThingsModule } from '@ufp/ten-things/module';
import { platformRules, type RuleDefinition } from '@ufp/events/rules';
import type { ConsumerHandler } from '@ufp/events/idempotent-consumer';
import { IndicatorDictionary } from '@ufp/core/rollups/indicators';

/** THE list of server modules: registering a module is one line here (and one in the console's `modules.ts`). */
export const modules = [platformModule, tenThingsModule, contractsModule, hardshipModule] as const;

type RoutersOf<M extends readonly ModuleDefinition[]> = { -readonly [K in keyof M]: M[K] extends ModuleDefinition<string, infer R> ? R : never };
/** Each module's router, typed one by one, so the merged router keeps every procedure's types. */
export const moduleRouters = modules.map((m) => m.router) as RoutersOf<typeof modules>;

/** The one rule table: the platform's rules and every module consumer's. */
export const ruleTable: readonly RuleDefinition[] = [...platformRules, ...modules.flatMap((m: ModuleDefinition) => m.consumers.map((c) => ({ ...c.rule, handler: c.name })))];
export const handlerNames: readonly string[] = ruleTable.map((r) => r.handler);

export function moduleConsumers(deps: ConsumerDeps): Record<string, ConsumerHandler> {
  return Object.fromEntries(modules.flatMap((m: ModuleDefinition) => m.consumers.map((c) => [c.name, c.create(deps)])));
}

export const tenantTickJobs = (deps: ConsumerDeps) => modules.flatMap((m: ModuleDefinition) => m.ticks.map((tick) => tick(deps)));
export const moduleSeeds = modules.flatMap((m: ModuleDefinition) => (m.seed ? [m.seed] : []));
/** Modules that raise in-app notifications (the notification list's module filter). */
export const notifyingModules = modules.filter((m) => m.notifies).map((m) => m.name);
/** Procedures with their own request body limit (uploads), path → bytes. */
export const bodyLimits: Readonly<Record<string, number>> = Object.assign({}, ...modules.map((m: ModuleDefinition) => m.bodyLimits));
/** The rollups' indicator dictionary: every module's indicators. */
export const indicatorDictionary = new IndicatorDictionary(
  modules.flatMap((m: ModuleDefinition) => m.indicators),
  modules.flatMap((m: ModuleDefinition) => m.derivedIndicators),
);
