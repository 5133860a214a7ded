import { lazy, type AnyRouter } from '@trpc/server';
import { IndicatorDictionary } from '@ufp/core/rollups/indicators';
import { tenantTick } from '@ufp/events/consumers/daily-tick';
import type { ConsumerHandler } from '@ufp/events/idempotent-consumer';
import { platformRules, tenantTickHandler, tenantTickRule, type RuleDefinition } from '@ufp/events/rules';
import type { ConsumerDeps, LazyModule, ModuleDefinition, ModuleManifest, ModuleRecount } from '@ufp/kit/module';
import type { SeedApi } from '@ufp/kit/seed';
import { mergeRouters, router as routerOf } from '@ufp/kit/trpc';

/** What a runtime takes from its modules. */
export interface Composition {
  router: AnyRouter;
  /** Procedures with their own request body limit (uploads), path → bytes. */
  bodyLimits: Readonly<Record<string, number>>;
  indicators: IndicatorDictionary;
  /** The loaded modules' consumers and tenant-tick consumers, by handler name. */
  consumers(deps: ConsumerDeps): Record<string, ConsumerHandler>;
  /** The consumers of the modules registered by manifest, loading those modules (a redrive in the API function). */
  loadConsumers?(deps: ConsumerDeps): Promise<Record<string, ConsumerHandler>>;
  /** The modules that can recount their rollup figures from their records (loading any not loaded yet). */
  recounts(): Promise<readonly ModuleRecount[]>;
}

/** Every module loaded: what the local runtime and the consumer functions run. */
export interface LoadedComposition extends Composition {
  /** The one rule table: the platform's rules, every module consumer's and a tenant-tick rule per module with daily jobs. */
  ruleTable: readonly RuleDefinition[];
  seeds: readonly ((api: SeedApi) => Promise<void>)[];
}

function refuseRepeated(names: readonly string[]): void {
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new Error(`module ${repeated} is registered twice`);
}

const dictionaryOf = (list: readonly ModuleManifest[]) =>
  new IndicatorDictionary(
    list.flatMap((m) => m.indicators),
    list.flatMap((m) => m.derivedIndicators),
  );

export function compose(list: readonly ModuleDefinition[], router: AnyRouter = mergeRouters(...list.map((m) => m.router))): LoadedComposition {
  refuseRepeated(list.map((m) => m.name));
  const ticking = list.filter((m) => m.ticks.length > 0);
  const recounts: ModuleRecount[] = list.flatMap((m) => (m.recount ? [{ module: m.name, keys: m.indicators.map((i) => i.key), recount: m.recount, notRecountable: m.notRecountable ?? [] }] : []));
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
    indicators: dictionaryOf(list),
    recounts: async () => recounts,
  };
}

/**
 * The API function's composition: each module is known by its manifest and its code (router, schemas, consumers)
 * is imported on the first call of one of its procedures, so a cold start pays only for what the request needs.
 */
export function composeLazily(lazyModules: readonly LazyModule[]): Composition {
  const manifests = lazyModules.map((m) => m.manifest);
  refuseRepeated(manifests.map((m) => m.name));
  let all: Promise<LoadedComposition> | undefined;
  const loadAll = () =>
    (all ??= Promise.all(lazyModules.map((m) => m.load())).then(compose, (err: unknown) => {
      all = undefined;
      throw err;
    }));
  const lazyRoutes = lazyModules.flatMap((m) => (m.routes ?? [m.manifest.name]).map((key) => [key, lazy(async () => routesAt(await m.load(), key))] as const));
  return {
    router: mergeRouters(...lazyModules.flatMap((m) => (m.eager ? [m.eager] : [])), routerOf(Object.fromEntries(lazyRoutes))),
    bodyLimits: Object.assign({}, ...manifests.map((m) => m.bodyLimits)),
    indicators: dictionaryOf(manifests),
    consumers: () => ({}),
    loadConsumers: async (deps) => (await loadAll()).consumers(deps),
    recounts: async () => (await loadAll()).recounts(),
  };
}

/** The procedures under one top-level key of a module's router, as a router the lazy route resolves to. */
export function routesAt(m: ModuleDefinition, key: string): AnyRouter {
  const record = (m.router._def.record as Record<string, unknown>)[key];
  if (!record || typeof record === 'function') throw new Error(`module ${m.name}: its router has no sub-router ${key} to load lazily`);
  return routerOf(record as Parameters<typeof routerOf>[0]);
}
