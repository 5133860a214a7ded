import { cockpitModule } from '@ufp/cockpit/module';
import { competitionsModule } from '@ufp/competitions/module';
import { contractsModule } from '@ufp/contracts/module';
import { hardshipModule } from '@ufp/hardship/module';
import { mergeRouters } from '@ufp/kit/trpc';
import type { ModuleDefinition } from '@ufp/kit/module';
import { modelWorkersModule } from '@ufp/model-workers/module';
import { platformModule } from '@ufp/platform/module';
import { tenThingsModule } from '@ufp/ten-things/module';
import { compose } from './compose.js';

/**
 * THE list of server modules: registering a module is one line here, one in `lazy-modules.ts` (the API
 * function's) and one in the console's `modules.ts`.
 */
export const modules = [platformModule, tenThingsModule, contractsModule, hardshipModule, modelWorkersModule, competitionsModule, cockpitModule] as const;

type RoutersOf<M extends readonly ModuleDefinition[]> = { -readonly [K in keyof M]: M[K] extends ModuleDefinition<string, infer R> ? R : never };
/** The registered modules' router tree, merged from each module's router typed one by one, so every procedure keeps its types. */
export const appRouter = mergeRouters(...(modules.map((m) => m.router) as RoutersOf<typeof modules>));

/** The registered modules' composition (its router is `appRouter`, merged once). */
export const registered = compose(modules, appRouter);
export const ruleTable = registered.ruleTable;
export const handlerNames: readonly string[] = ruleTable.map((r) => r.handler);
export const indicatorDictionary = registered.indicators;
/** Modules that raise in-app notifications (the notification list's module filter). */
export const notifyingModules = modules.filter((m) => m.notifies).map((m) => m.name);
