import type { AnyRouter } from '@trpc/server';
import { cockpitModule } from '@ufp/cockpit/module';
import { competitionsModule } from '@ufp/competitions/module';
import { contractsModule } from '@ufp/contracts/module';
import { IndicatorDictionary } from '@ufp/core/rollups/indicators';
import { tenantTick } from '@ufp/events/consumers/daily-tick';
import type { ConsumerHandler } from '@ufp/events/idempotent-consumer';
import { platformRules, tenantTickHandler, tenantTickRule, type RuleDefinition } from '@ufp/events/rules';
import { hardshipModule } from '@ufp/hardship/module';
import type { ConsumerDeps, ModuleDefinition, ModuleRecount } from '@ufp/kit/module';
import type { SeedApi } from '@ufp/kit/seed';
import { mergeRouters } from '@ufp/kit/trpc';
import { modelWorkersModule } from '@ufp/model-workers/module';
import { platformModule } from '@ufp/platform/module';
import { tenThingsModule } from '@ufp/ten-things/module';

/** THE list of server modules: registering a module is one line here (and one in the console's `modules.ts`). */
export const modules = [platformModule, tenThingsModule, contractsModule, hardshipModule, modelWorkersModule, competitionsModule, cockpitModule] as const;

type RoutersOf<M extends readonly ModuleDefinition[]> = { -readonly [K in keyof M]: M[K] extends ModuleDefinition<string, infer R> ? R : never };
/** The registered modules' router tree, merged from each module's router typed one by one, so every procedure keeps its types. */
export const appRouter = mergeRouters(...(modules.map((m) => m.router) as RoutersOf<typeof modules>));

/** Everything the platform builds from a module list: the composition root reads nothing else. */
export interface Composition {
  router: AnyRouter;
  /** The one rule table: the platform's rules, every module consumer's and a tenant-tick rule per module with daily jobs. */
  ruleTable: readonly RuleDefinition[];
  /** Every module consumer and every module's tenant-tick consumer, by handler name. */
  consumers(deps: ConsumerDeps): Record<string, ConsumerHandler>;
  seeds: readonly ((api: SeedApi) => Promise<void>)[];
  /** Procedures with their own request body limit (uploads), path → bytes. */
  bodyLimits: Readonly<Record<string, number>>;
  indicators: IndicatorDictionary;
  /** The modules that can recount their rollup figures from their records. */
  recounts: readonly ModuleRecount[];
}

export function compose(list: readonly ModuleDefinition[], router: AnyRouter = mergeRouters(...list.map((m) => m.router))): Composition {
  const names = list.map((m) => m.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new Error(`module ${repeated} is registered twice`);
  const ticking = list.filter((m) => m.ticks.length > 0);
  return {
    router,
    ruleTable: [...platformRules, ...list.flatMap((m) => m.consumers.map((c) => ({ ...c.rule, handler: c.name }))), ...ticking.map((m) => tenantTickRule(m.name))],
    consumers: (deps) =>
      Object.fromEntries([
        ...list.flatMap((m) => m.consumers.map((c) => [c.name, c.create(deps)] as const)),
        ...ticking.map((m) => [tenantTickHandler(m.name), tenantTick(deps.table, deps.clock, m.name, m.ticks.map((tick) => tick(deps)))] as const),
      ]),
    seeds: list.flatMap((m) => (m.seed ? [m.seed] : [])),
    bodyLimits: Object.assign({}, ...list.map((m) => m.bodyLimits)),
    indicators: new IndicatorDictionary(
      list.flatMap((m) => m.indicators),
      list.flatMap((m) => m.derivedIndicators),
    ),
    recounts: list.flatMap((m) => (m.recount ? [{ module: m.name, keys: m.indicators.map((i) => i.key), recount: m.recount, notRecountable: m.notRecountable ?? [] }] : [])),
  };
}

/** The registered modules' composition (its router is `appRouter`, merged once). */
export const registered = compose(modules, appRouter);
export const ruleTable = registered.ruleTable;
export const handlerNames: readonly string[] = ruleTable.map((r) => r.handler);
export const indicatorDictionary = registered.indicators;
/** Modules that raise in-app notifications (the notification list's module filter). */
export const notifyingModules = modules.filter((m) => m.notifies).map((m) => m.name);
